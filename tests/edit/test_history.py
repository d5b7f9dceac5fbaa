"""History: undo and redo over immutable maps."""

from __future__ import annotations

from argmap.edit import operations as edit
from argmap.edit.history import History
from argmap.model import ArgumentMap, Statement


def start() -> ArgumentMap:
    """A small map to move through."""
    return ArgumentMap(id="m", title="History", statements=(Statement(id="s1", text="start"),))


def test_history_undo_redo() -> None:
    h = History(start())
    assert not h.can_undo and not h.can_redo
    assert h.undo() is h and h.redo() is h
    one, _ = edit.add_statement(h.present, "one")
    two, _ = edit.add_statement(one, "two")
    h = h.push(one).push(two)
    assert h.present == two and h.can_undo
    h = h.undo()
    assert h.present == one and h.can_redo
    h = h.undo()
    assert h.present == start() and not h.can_undo
    h = h.redo().redo()
    assert h.present == two and not h.can_redo
    h = h.undo()
    three, _ = edit.add_statement(h.present, "three")
    h = h.push(three)
    assert not h.can_redo  # a new edit clears the redo stack
    assert h.push(three) is h  # pushing the same map records nothing


def test_history_is_bounded() -> None:
    h = History(start(), limit=3)
    amap = start()
    for n in range(10):
        amap, _ = edit.add_statement(amap, f"n{n}")
        h = h.push(amap)
    assert len(h.past) == 3
    h = History(start(), limit=0).push(amap)
    assert h.past == () and not h.can_undo


def test_undo_and_redo_say_what_they_undid() -> None:
    h = History(start())
    assert h.undo_words is None and h.redo_words is None
    one, _ = edit.add_statement(h.present, "one")
    two, _ = edit.add_statement(one, "two")
    h = h.push(one, "added s2").push(two, "moved s3 under s1")
    assert h.undo_words == "moved s3 under s1"
    h = h.undo()
    assert (h.undo_words, h.redo_words) == ("added s2", "moved s3 under s1")
    h = h.undo()
    assert (h.undo_words, h.redo_words) == (None, "added s2")
    h = h.redo()
    assert (h.undo_words, h.redo_words) == ("added s2", "moved s3 under s1")
    # A history built without words (older code) still lines up: every step is "an edit".
    plain = History(two, past=(start(), one))
    assert plain.undo_words == "an edit" and plain.undo().redo_words == "an edit"
