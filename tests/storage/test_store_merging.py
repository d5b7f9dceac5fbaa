"""Saving with a merge: a save carries its base; others' work and ours both land; who saved; who is here."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from argmap.edit import operations as edit
from argmap.edit.merge import resolve
from argmap.errors import Conflict, StoreError
from argmap.model import ArgumentMap, Inference, Statement
from argmap.storage.store import Store


def small_map() -> ArgumentMap:
    return ArgumentMap(
        id="m1",
        title="School uniforms",
        statements=(
            Statement(id="s1", text="Uniforms should be required."),
            Statement(id="s2", text="Less bullying."),
        ),
        inferences=(Inference(id="i1", premises=("s2",), conclusion="s1"),),
    )


def test_a_save_nobody_raced_is_written_as_is_with_its_author(store: Store) -> None:
    base = store.save(small_map(), "u", expected_revision=None, author="ann")
    mine, sid = edit.add_attack(base, "s1", "They cost money", author="ann")
    out = store.save_merging(mine, "u", base=base, author="ann")
    assert out.saved and out.theirs is None and out.map.revision == 2
    assert store.load("u").saved_by == "ann" and sid in store.load("u").ids()
    assert [(e.revision, e.saved_by) for e in store.revisions("u")] == [(2, "ann"), (1, "ann")]


def test_two_debaters_objecting_to_the_same_node_both_land(store: Store) -> None:
    base = store.save(small_map(), "u", expected_revision=None)
    ann, a_id = edit.add_attack(base, "s1", "They cost money", author="ann")
    bob, b_id = edit.add_attack(base, "s1", "They stop self-expression", author="bob")
    first = store.save_merging(ann, "u", base=base, author="ann")
    second = store.save_merging(bob, "u", base=base, author="bob")
    assert first.saved and second.saved and second.merged is not None and second.merged.clean
    assert second.authors == ("ann",) and second.theirs is not None and second.theirs.revision == 2
    stored = store.load("u")
    assert stored.revision == 3 and {a_id, b_id} <= stored.ids() and stored.saved_by == "bob"


def test_the_same_statement_edited_two_ways_is_returned_unsaved_then_settled(store: Store) -> None:
    base = store.save(small_map(), "u", expected_revision=None)
    store.save_merging(edit.edit_text(base, "s2", "Much less bullying."), "u", base=base, author="ann")
    out = store.save_merging(edit.edit_text(base, "s2", "Some less bullying."), "u", base=base, author="bob")
    assert not out.saved and store.load("u").revision == 2  # nothing written
    (c,) = out.conflicts
    assert (c.mine.text, c.theirs.text) == ("Some less bullying.", "Much less bullying.")
    settled = resolve(out.merged, "s2", "mine").map  # type: ignore[arg-type]
    again = store.save_merging(settled, "u", base=out.theirs, author="bob")
    assert again.saved and store.load("u").statement("s2").text == "Some less bullying."


def test_a_base_pruned_from_the_revisions_is_taken_from_the_caller(make_store: Callable[..., Store]) -> None:
    store = make_store(keep=1)
    base = store.save(small_map(), "u", expected_revision=None)
    mine, sid = edit.add_statement(base, "Mine")
    other = base
    for n in range(3):  # three saves by someone else: revision 1 is no longer kept
        other = store.save(edit.add_statement(other, f"Theirs {n}")[0], "u", expected_revision=other.revision)
    out = store.save_merging(mine, "u", base=base, author="ann")
    assert out.saved and sid in out.map.ids() and len(out.map.statements) == 6


def test_merging_a_deleted_map_is_refused_not_recreated(store: Store) -> None:
    base = store.save(small_map(), "u", expected_revision=None)
    store.delete("u")
    with pytest.raises(Conflict, match="deleted or renamed"):
        store.save_merging(base, "u", base=base)


def test_presence_lists_recent_sessions_and_forgets_stale_ones(store: Store) -> None:
    store.save(small_map(), "u", expected_revision=None)
    store.mark_present("u", "tab1", "ann")
    store.mark_present("u", "tab2", "bob")
    store.mark_present("u", "tab2", "bob")  # a heartbeat refreshes, never duplicates
    assert sorted(p.who or "" for p in store.present("u")) == ["ann", "bob"]
    assert store.present("u", within=-1) == []  # nobody beat in the future: stale sessions are left out
    store.leave("u", "tab1")
    assert [p.session for p in store.present("u")] == ["tab2"]
    assert store.present("other") == []
    with pytest.raises(StoreError):
        store.mark_present("u", "../x", "eve")
