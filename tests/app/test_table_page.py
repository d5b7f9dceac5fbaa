"""The Table page: cell edits go through the model; an invalid one is refused and nothing is lost."""

from __future__ import annotations

from tests.app.conftest import current


def _key(at, table: str) -> str:
    return f"table_{table}_v{at.session_state['argmap_version']}"


def _edit(at, table: str, edited=None, added=None, deleted=None):
    at.session_state[_key(at, table)] = {
        "edited_rows": edited or {},
        "added_rows": added or [],
        "deleted_rows": deleted or [],
    }
    return at.run()


def test_tables_show_the_map(app) -> None:
    at = app("table")
    statements, relations = at.data_editor
    assert list(statements.value["id"]) == [s.id for s in current(at).statements]
    assert list(statements.value["role"])[0] == "main"
    assert list(relations.value["kind"]).count("attack") == len(current(at).attacks)


def test_valid_cell_edit_applies(app) -> None:
    at = app("table")
    row = [s.id for s in current(at).statements].index("s8")
    _edit(at, "statements", edited={row: {"text": "Why quibble if it pays?", "rating": "doubtful"}})
    assert not at.exception
    s8 = current(at).statement("s8")
    assert (s8.text, s8.rating) == ("Why quibble if it pays?", "doubtful")
    assert not at.error


def test_invalid_cell_edit_is_refused_with_why(app) -> None:
    at = app("table")
    before = current(at)
    version = at.session_state["argmap_version"]
    _edit(at, "statements", edited={0: {"text": "   "}})
    assert current(at) == before
    errors = [e.value for e in at.error]
    assert any("text cannot be empty" in e and "row 1" in e for e in errors), errors
    # Nothing lost: the grid keeps the same key (and so the user's pending edit) to fix.
    assert at.session_state["argmap_version"] == version
    assert at.session_state[_key(at, "statements")]["edited_rows"]


def test_relation_edits_valid_and_invalid(app) -> None:
    at = app("table")
    _edit(at, "relations", added=[{"kind": "attack", "from": "s12", "to": "i2"}])
    assert current(at).attacks[-1].target == "i2"
    before = current(at)
    _edit(at, "relations", edited={0: {"to": "s99"}})
    assert current(at) == before
    assert any("s99" in e.value for e in at.error)


def test_read_only_map_cannot_be_edited_in_table(app) -> None:
    at = app("table")
    at.session_state["argmap_readonly"] = True
    before = current(at)
    _edit(at, "statements", edited={0: {"text": "changed"}})
    assert current(at) == before
