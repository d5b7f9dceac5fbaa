"""The map as editable tables: edits go through the model; an invalid edit is refused with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.edit.grid import (
    apply_relation_changes,
    apply_statement_changes,
    describe_changes,
    relation_rows,
    statement_rows,
)
from argmap.errors import EditError
from argmap.formats import native
from argmap.model import ArgumentMap

EXAMPLE = Path(__file__).resolve().parents[2] / "arguments" / "democrats-voter-data.json"


@pytest.fixture
def amap() -> ArgumentMap:
    return native.loads(EXAMPLE.read_text(encoding="utf-8"))


def _changes(edited=None, added=None, deleted=None) -> dict:
    return {"edited_rows": edited or {}, "added_rows": added or [], "deleted_rows": deleted or []}


def test_rows_follow_the_map(amap: ArgumentMap) -> None:
    rows = statement_rows(amap)
    assert [r["id"] for r in rows] == [s.id for s in amap.statements]
    assert rows[0]["role"] == "main"
    rel = relation_rows(amap)
    assert [r["id"] for r in rel] == [*(i.id for i in amap.inferences), *(a.id for a in amap.attacks)]
    linked = next(r for r in rel if r["id"] == "i1")
    assert linked == {**linked, "kind": "support", "from": "s2, s5", "to": "s1"}
    assert next(r for r in rel if r["id"] == "a1")["from"] == "s9"


def test_edit_a_statement_cell(amap: ArgumentMap) -> None:
    row = [s.id for s in amap.statements].index("s8")
    out = apply_statement_changes(
        amap,
        _changes(
            {row: {"text": "Why quibble if it pays?", "tags": "rhetorical, quote", "rating": "doubtful"}}
        ),
    )
    s8 = out.statement("s8")
    assert (s8.text, s8.tags, s8.rating) == ("Why quibble if it pays?", ("rhetorical", "quote"), "doubtful")
    assert amap.statement("s8").text != s8.text  # the input map is untouched


def test_string_row_keys_work(amap: ArgumentMap) -> None:
    out = apply_statement_changes(amap, _changes({"1": {"implicit": True}}))
    assert out.statements[1].implicit


@pytest.mark.parametrize(
    ("values", "why"),
    [
        ({"text": "   "}, "text cannot be empty"),
        ({"id": "zz"}, "cannot be edited"),
        ({"rating": "great"}, "rating"),
        ({"colour": "red"}, "unknown column"),
    ],
)
def test_invalid_statement_edit_is_refused_with_reason(amap: ArgumentMap, values: dict, why: str) -> None:
    with pytest.raises(EditError, match=why) as err:
        apply_statement_changes(amap, _changes({2: values}))
    assert "row 3" in str(err.value)


def test_add_and_delete_statements(amap: ArgumentMap) -> None:
    out = apply_statement_changes(
        amap, _changes(added=[{"text": "A new point", "implicit": True, "id": "ignored"}]), author="Ana"
    )
    new = out.statements[-1]
    assert (new.text, new.implicit, new.author) == ("A new point", True, "Ana")
    assert new.id not in amap.ids()
    with pytest.raises(EditError, match="needs some text"):
        apply_statement_changes(amap, _changes(added=[{"implicit": True}]))
    row = [s.id for s in amap.statements].index("s12")
    gone = apply_statement_changes(amap, _changes(deleted=[row]))
    assert "s12" not in gone.ids() and "a3" not in gone.ids()  # its attack cascades


def test_all_or_nothing(amap: ArgumentMap) -> None:
    with pytest.raises(EditError):
        apply_statement_changes(amap, _changes({0: {"text": "fine"}, 1: {"text": ""}}))


def test_edit_relation_endpoints(amap: ArgumentMap) -> None:
    row = [r["id"] for r in relation_rows(amap)].index("i2")
    out = apply_relation_changes(amap, _changes({row: {"from": "s4, s6", "scheme": "example"}}))
    i2 = out.element("i2")
    assert i2.premises == ("s4", "s6") and i2.scheme == "example"


@pytest.mark.parametrize(
    ("values", "why"),
    [
        ({"to": "s99"}, "s99"),
        ({"from": ""}, "needs at least one"),
        ({"kind": "attack"}, "kind cannot change"),
        ({"to": "s4"}, "self-support"),
    ],
)
def test_invalid_relation_edit_is_refused(amap: ArgumentMap, values: dict, why: str) -> None:
    row = [r["id"] for r in relation_rows(amap)].index("i2")
    with pytest.raises(EditError, match=why):
        apply_relation_changes(amap, _changes({row: values}))


def test_add_relations(amap: ArgumentMap) -> None:
    out = apply_relation_changes(
        amap,
        _changes(
            added=[
                {"kind": "support", "from": "s8, s10", "to": "s3", "rating": "weak"},
                {"kind": "attack", "from": "s12", "to": "i2"},
            ]
        ),
        author="Bo",
    )
    new_inf = out.inferences[-1]
    assert (new_inf.premises, new_inf.conclusion, new_inf.rating) == (("s8", "s10"), "s3", "weak")
    undercut = out.attacks[-1]
    assert (undercut.source, undercut.target, undercut.author) == ("s12", "i2", "Bo")
    with pytest.raises(EditError, match="new relation row 1"):
        apply_relation_changes(amap, _changes(added=[{"kind": "attack", "from": "s1, s2", "to": "s3"}]))
    with pytest.raises(EditError, match="fill in"):
        apply_relation_changes(amap, _changes(added=[{"kind": "support"}]))


def test_delete_inference_with_its_undercut(amap: ArgumentMap) -> None:
    with_undercut = apply_relation_changes(
        amap, _changes(added=[{"kind": "attack", "from": "s12", "to": "i2"}])
    )
    ids = [r["id"] for r in relation_rows(with_undercut)]
    out = apply_relation_changes(
        with_undercut, _changes(deleted=[ids.index("i2"), ids.index(with_undercut.attacks[-1].id)])
    )
    assert "i2" not in out.ids()


def test_stale_row_number_is_explained(amap: ArgumentMap) -> None:
    with pytest.raises(EditError, match="does not exist"):
        apply_statement_changes(amap, _changes({99: {"text": "x"}}))


def test_describe_changes_names_what_a_deletion_took_with_it(amap: ArgumentMap) -> None:
    row = [s.id for s in amap.statements].index("s3")
    after = apply_statement_changes(amap, _changes(deleted=[row]))
    said = describe_changes(amap, after)
    assert said.startswith("Deleted s3; and with it ")
    gone = set(amap.ids()) - set(after.ids()) - {"s3"}
    assert gone and all(g in said for g in gone)


def test_describe_changes_added_and_changed(amap: ArgumentMap) -> None:
    after = apply_statement_changes(
        amap, _changes(edited={0: {"rating": "doubtful"}}, added=[{"text": "New."}])
    )
    new = after.statements[-1].id
    assert describe_changes(amap, after) == f"Added {new}; changed {amap.statements[0].id}."
    assert describe_changes(amap, amap) == "Nothing changed."
