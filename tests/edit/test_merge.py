"""Three-way merge: each rule with an example, and properties over random edits of random maps."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from map_strategies import maps  # tests/formats/map_strategies.py (on pythonpath)

from argmap.edit import comments
from argmap.edit import operations as edit
from argmap.edit.merge import merge, resolve, resolve_all
from argmap.errors import EditError
from argmap.formats import native
from argmap.model import ArgumentMap, Inference, Statement


def base() -> ArgumentMap:
    """s1 ← s2 (i1); s3 objects to s1 (a1); evidence e1 on s2."""
    return native.from_data(
        {
            "id": "m",
            "title": "Uniforms",
            "revision": 3,
            "statements": [
                {"id": "s1", "text": "Uniforms should be required"},
                {"id": "s2", "text": "They reduce bullying"},
                {"id": "s3", "text": "They cost money"},
            ],
            "inferences": [{"id": "i1", "premises": ["s2"], "conclusion": "s1"}],
            "attacks": [{"id": "a1", "source": "s3", "target": "s1"}],
            "evidence": [{"id": "e1", "target": "s2", "text": "A survey of 40 schools", "kind": "study"}],
        }
    )


def texts(amap: ArgumentMap) -> dict[str, str]:
    return {s.id: s.text for s in amap.statements}


# --- each rule ------------------------------------------------------------------------------


def test_additions_from_both_sides_land_even_on_the_same_node() -> None:
    b = base()
    mine, m_id = edit.add_attack(b, "s1", "Families already buy clothes", author="ann")
    theirs, t_id = edit.add_attack(b, "s1", "Uniforms hide poverty only at school", author="bob")
    out = merge(b, mine, theirs)
    assert out.clean
    assert {m_id, t_id} <= {s.id for s in out.map.statements}
    objections = {a.source for a in out.map.attacks if a.target == "s1"}
    assert objections == {"s3", m_id, t_id}


def test_edits_to_different_elements_both_land() -> None:
    b = base()
    mine = edit.edit_text(b, "s2", "They cut bullying")
    theirs = edit.rate(b, "i1", "weak")
    out = merge(b, mine, theirs)
    assert out.clean
    assert out.map.statement("s2").text == "They cut bullying"
    assert out.map.element("i1").rating == "weak"  # type: ignore[union-attr]


def test_different_fields_of_one_element_both_land() -> None:
    b = base()
    mine = edit.edit_text(b, "s2", "They cut bullying")
    theirs = edit.rate(b, "s2", "doubtful")
    out = merge(b, mine, theirs)
    assert out.clean
    s2 = out.map.statement("s2")
    assert (s2.text, s2.rating) == ("They cut bullying", "doubtful")


def test_a_deletion_against_an_untouched_element_lands() -> None:
    b = base()
    mine = edit.remove(b, "s3")  # the objection and its attack go
    theirs = edit.edit_text(b, "s2", "They cut bullying")
    out = merge(b, mine, theirs)
    assert out.clean
    assert "s3" not in out.map.ids() and "a1" not in out.map.ids()
    assert out.map.statement("s2").text == "They cut bullying"


def test_the_same_text_edited_two_ways_is_a_conflict_resolvable_either_way() -> None:
    b = base()
    mine = edit.edit_text(b, "s2", "They cut bullying a lot")
    theirs = edit.edit_text(b, "s2", "They reduce bullying somewhat")
    out = merge(b, mine, theirs)
    (c,) = out.conflicts
    assert (c.key, c.kind, c.reason, c.fields) == ("s2", "statement", "both changed", ("text",))
    assert (c.mine.text, c.theirs.text, c.base.text) == (
        "They cut bullying a lot",
        "They reduce bullying somewhat",
        "They reduce bullying",
    )
    assert out.map.statement("s2").text == "They reduce bullying somewhat"  # theirs until chosen
    assert resolve(out, "s2", "mine").map.statement("s2").text == "They cut bullying a lot"
    assert resolve(out, "s2", "theirs").map.statement("s2").text == "They reduce bullying somewhat"
    assert resolve(out, "s2", "mine").clean


def test_the_same_edit_on_both_sides_is_no_conflict() -> None:
    b = base()
    both = edit.edit_text(b, "s2", "They cut bullying")
    assert merge(b, both, edit.edit_text(b, "s2", "They cut bullying")).clean


def test_an_element_edited_on_one_side_and_deleted_on_the_other_is_kept_until_someone_chooses() -> None:
    b = base()
    mine = edit.edit_text(b, "s3", "They cost families money")
    theirs = edit.remove(b, "s3")
    out = merge(b, mine, theirs)
    (c,) = out.conflicts
    assert (c.key, c.reason, c.chosen, c.theirs) == ("s3", "changed and deleted", "mine", None)
    assert out.map.statement("s3").text == "They cost families money"  # nothing lost meanwhile
    gone = resolve(out, "s3", "theirs").map
    assert "s3" not in gone.ids()


def test_a_link_to_something_the_other_side_deleted_is_a_conflict_and_never_dangles() -> None:
    b = base()
    mine, new = edit.add_rebuttal(b, "s3", "Second-hand uniforms are cheap", author="ann")
    theirs = edit.remove(b, "s3")  # bob deleted the objection ann just answered
    out = merge(b, mine, theirs)
    (c,) = out.conflicts
    assert (c.key, c.reason, c.chosen) == ("s3", "deleted but used", "mine")
    assert "s3" in out.map.ids() and any(a.source == new and a.target == "s3" for a in out.map.attacks)
    accepted = resolve(out, "s3", "theirs").map  # take the deletion: the rebuttal's link goes with it
    assert "s3" not in accepted.ids() and not any(a.target == "s3" for a in accepted.attacks)


def test_a_merge_that_would_close_a_circle_of_support_is_a_conflict() -> None:
    b = base()
    mine, link = edit.link_premise(b, "s1", "s3")  # s1 supports s3
    theirs, _ = edit.link_premise(b, "s3", "s2")  # s3 supports s2 (which supports s1)
    out = merge(b, mine, theirs)
    (c,) = out.conflicts
    assert (c.key, c.reason) == (link, "circular")
    assert "s1" in c.detail and "s3" in c.detail
    assert link not in resolve(out, link, "theirs").map.ids()


def test_the_same_link_added_on_both_sides_is_one_link() -> None:
    b = base()
    mine, m_link = edit.link_premise(b, "s3", "s2")
    theirs, t_link = edit.link_premise(b, "s3", "s2")
    out = merge(b, mine, theirs)
    assert out.clean and out.renamed == {m_link: t_link}
    assert [i.id for i in out.map.inferences if i.conclusion == "s2"] == [t_link]


def test_an_id_clash_renames_mine_and_keeps_both() -> None:
    b = base()
    mine = edit.rebuild(
        b,
        statements=(
            *b.statements,
            *native.from_data({"id": "x", "statements": [{"id": "s4", "text": "Mine"}]}).statements,
        ),
    )
    theirs = edit.rebuild(
        b,
        statements=(
            *b.statements,
            *native.from_data({"id": "x", "statements": [{"id": "s4", "text": "Theirs"}]}).statements,
        ),
    )
    mine, _ = edit.link_attack(mine, "s4", "s1")
    out = merge(b, mine, theirs)
    assert out.clean
    fresh = out.renamed["s4"]
    assert texts(out.map)["s4"] == "Theirs" and texts(out.map)[fresh] == "Mine"
    assert any(a.source == fresh and a.target == "s1" for a in out.map.attacks)


def test_co_premises_and_tags_added_on_both_sides_all_land() -> None:
    b = base()
    mine, m_s = edit.add_premise(b, "s1", "Pupils focus", join="i1")
    mine = edit.update(mine, "s2", tags=("school",))
    theirs, t_s = edit.add_premise(b, "s1", "Teachers agree", join="i1")
    theirs = edit.update(theirs, "s2", tags=("bullying",))
    out = merge(b, mine, theirs)
    assert out.clean
    assert out.map.element("i1").premises == ("s2", m_s, t_s)  # type: ignore[union-attr]
    assert out.map.statement("s2").tags == ("school", "bullying")


def test_title_and_pin_changed_two_ways_are_conflicts() -> None:
    b = base()
    mine = edit.pin_main(edit.rebuild(b, title="Uniforms, yes"), "s1")
    theirs = edit.pin_main(edit.rebuild(b, title="Uniforms, no"), "s3")
    out = merge(b, mine, theirs)
    assert {c.key for c in out.conflicts} == {"title", "main"}
    assert resolve_all(out, lambda c: "mine").title == "Uniforms, yes"


def test_comments_merge_like_everything_else() -> None:
    b, cid = comments.add_comment(base(), "s2", "Source?", author="ann")
    mine, _ = comments.reply(b, cid, "The 2019 survey", author="bob")
    theirs, _ = comments.reply(b, cid, "I doubt it", author="cy")
    theirs = comments.set_resolved(theirs, cid)
    out = merge(b, mine, theirs)
    assert out.clean
    (thread,) = comments.threads(out.map)
    assert [r.text for r in thread.replies] == ["The 2019 survey", "I doubt it"] and thread.resolved


def test_a_comment_on_an_element_the_other_side_deleted_keeps_the_element() -> None:
    b = base()
    mine, _ = comments.add_comment(b, "s3", "Is this true?", author="ann")
    out = merge(b, mine, edit.remove(b, "s3"))
    assert [c.reason for c in out.conflicts] == ["deleted but used"] and "s3" in out.map.ids()


def test_the_result_carries_theirs_revision_and_fast_paths_are_exact() -> None:
    b = base()
    mine, _ = edit.add_statement(b, "Mine")
    theirs = native.from_data({**b.model_dump(mode="json"), "revision": 4})
    assert merge(b, mine, theirs).map.revision == 4
    assert merge(b, mine, b).map == mine
    assert merge(b, b, theirs).map == theirs


def test_resolve_refuses_an_unknown_conflict() -> None:
    with pytest.raises(EditError):
        resolve(merge(base(), base(), base()), "s1", "mine")


# --- properties over random edits -----------------------------------------------------------


def _edit(amap: ArgumentMap, data: st.DataObject, who: str) -> ArgumentMap:
    """One random edit of ``amap``, as a user would make it (a refused edit leaves it as it was)."""
    sids = [s.id for s in amap.statements]
    rids = sids + [i.id for i in amap.inferences]
    kind = data.draw(st.sampled_from(["premise", "attack", "text", "rate", "remove", "comment", "link"]))
    pick = lambda xs: data.draw(st.sampled_from(xs))  # noqa: E731
    try:
        if kind == "premise" and sids:
            return edit.add_premise(amap, pick(sids), f"{who} reason", author=who)[0]
        if kind == "attack" and rids:
            return edit.add_attack(amap, pick(rids), f"{who} objection", author=who)[0]
        if kind == "text" and sids:
            return edit.edit_text(amap, pick(sids), data.draw(st.sampled_from(["A", "B", f"{who} words"])))
        if kind == "rate" and sids:
            return edit.rate(amap, pick(sids), data.draw(st.sampled_from(["accepted", "rejected"])))
        if kind == "remove" and rids:
            return edit.remove(amap, pick(rids))
        if kind == "comment" and rids:
            return comments.add_comment(amap, pick(rids), f"{who} asks", author=who)[0]
        if kind == "link" and len(sids) > 1:
            return edit.link_premise(amap, pick(sids), pick(sids), author=who)[0]
    except EditError:
        pass
    return amap


def _edits(amap: ArgumentMap, data: st.DataObject, who: str) -> ArgumentMap:
    for _ in range(data.draw(st.integers(0, 6))):
        amap = _edit(amap, data, who)
    return amap


def _content(amap: ArgumentMap) -> dict[str, Any]:
    return amap.model_dump(exclude={"revision", "updated", "saved_by", "created"})


PROPS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(maps(max_statements=6), st.data())
def test_merging_is_deterministic_and_keeps_every_addition(b: ArgumentMap, data: st.DataObject) -> None:
    mine, theirs = _edits(b, data, "ann"), _edits(b, data, "bob")
    out = merge(b, mine, theirs)
    assert merge(b, mine, theirs) == out  # deterministic
    got = out.map.ids() | {c.id for c in out.map.comments}
    for side in (mine, theirs):
        for el in (*side.statements, *side.inferences, *side.attacks, *side.evidence, *side.comments):
            if el.id in b.ids() or el.id in {c.id for c in b.comments}:
                continue
            eid = out.renamed.get(el.id, el.id) if side is mine else el.id
            assert eid in got, f"{el.id} added by {'mine' if side is mine else 'theirs'} was lost"


@PROPS
@given(maps(max_statements=6), st.data())
def test_merging_with_an_unchanged_side_gives_the_other(b: ArgumentMap, data: st.DataObject) -> None:
    x = _edits(b, data, "ann")
    assert merge(b, x, b).map == x
    assert merge(b, b, x).map == x


@PROPS
@given(maps(max_statements=6), st.data())
def test_conflicts_only_where_both_sides_touched_the_element(b: ArgumentMap, data: st.DataObject) -> None:
    mine, theirs = _edits(b, data, "ann"), _edits(b, data, "bob")
    out = merge(b, mine, theirs)

    def version(amap: ArgumentMap, key: str) -> Any:
        if key in ("title", "main", "source"):
            return getattr(amap, key)
        return next(
            (
                e
                for e in (*amap.statements, *amap.inferences, *amap.attacks, *amap.evidence, *amap.comments)
                if e.id == key
            ),
            None,
        )

    for c in out.conflicts:
        changed_m = version(mine, c.key) != version(b, c.key)
        changed_t = version(theirs, c.key) != version(b, c.key)
        if c.reason in ("both changed", "changed and deleted"):
            assert changed_m and changed_t, c
        else:  # deleted on one side, used (or linked into a circle) on the other
            assert changed_m or changed_t, c
    # Settling every conflict either way gives a valid map (the constructor checks it).
    for side in ("mine", "theirs"):
        resolve_all(out, lambda c, s=side: s)  # type: ignore[misc]


@PROPS
@given(maps(max_statements=6), st.data())
def test_what_only_one_side_changed_lands_as_that_side_made_it(b: ArgumentMap, data: st.DataObject) -> None:
    mine, theirs = _edits(b, data, "ann"), b
    theirs = _edits(b, data, "bob")
    out = merge(b, mine, theirs)
    touched = {c.key for c in out.conflicts}
    t_ids = {e.id: e for e in (*theirs.statements, *theirs.inferences, *theirs.attacks)}
    b_ids = {e.id: e for e in (*b.statements, *b.inferences, *b.attacks)}
    for e in (*mine.statements,):
        if e.id in b_ids and t_ids.get(e.id) == b_ids[e.id] and e != b_ids[e.id] and e.id not in touched:
            assert out.map.statement(e.id) == e


def test_why_an_element_is_there_rewritten_on_both_sides_asks_nobody() -> None:
    b = base()
    mine = edit.update(b, "s2", reason="kept after ann's edit")
    theirs = edit.update(b, "s2", reason="kept after bob's edit")
    out = merge(b, mine, theirs)
    assert out.clean and out.map.statement("s2").reason == "kept after bob's edit"


def test_other_parts_of_the_map_merge_too_entries_added_on_both_sides_land() -> None:
    from argmap.model import Review

    b = base()
    mine = edit.rebuild(b, reviews=(Review(key="k1", status="asked"),))
    theirs = edit.rebuild(b, reviews=(Review(key="k2", status="dismissed"),))
    out = merge(b, mine, theirs)
    assert out.clean and {r.key for r in out.map.reviews} == {"k1", "k2"}
    assert merge(b, mine, b).map.reviews == mine.reviews


def test_each_side_dropping_one_co_premise_can_be_settled_either_way() -> None:
    # Found by hypothesis: both versions of the linked pair name a premise the other side deleted.
    sts = tuple(Statement(id=f"s{n}", text=f"claim {n}") for n in range(1, 4))
    base = ArgumentMap(
        id="m",
        title="t",
        statements=sts,
        inferences=(Inference(id="i1", premises=("s2", "s3"), conclusion="s1"),),
    )
    out = merge(base, edit.remove(base, "s3"), edit.remove(base, "s2"))
    assert {c.key for c in out.conflicts} >= {"i1"}
    mine = resolve_all(out, lambda c: "mine")
    theirs = resolve_all(out, lambda c: "theirs")
    premises = {m: next(i.premises for i in m.inferences if i.id == "i1") for m in (mine, theirs)}
    assert premises[mine] == ("s2",) and [s.id for s in mine.statements] == ["s1", "s2"]
    assert premises[theirs] == ("s3",) and [s.id for s in theirs.statements] == ["s1", "s3"]
