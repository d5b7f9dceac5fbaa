"""Comments on the Map page: a comment and a reply are posted to the store at once; resolving closes."""

from __future__ import annotations

from pathlib import Path

from argmap.edit import comments
from argmap.edit import operations as edit
from argmap.storage.store import Store
from tests.app.conftest import EXAMPLE, current

NAME = EXAMPLE.stem


def test_a_comment_and_a_reply_are_posted_at_once_and_unsaved_edits_stay_unsaved(
    app, store_dir: Path
) -> None:
    at = app("map")
    at.text_input(key="author").input("ann").run()
    sel = at.session_state["selected_node"]
    mine, _ = edit.add_statement(current(at), "An unsaved point of mine.")
    at.session_state["argmap_history"] = at.session_state["argmap_history"].push(mine)
    at.run()
    at.text_area(key=f"comment_new_{sel}").input("Where is this from?").run()
    at.button(key=f"comment_post_{sel}").click().run()
    assert not at.exception
    stored = Store(store_dir).load(NAME)
    (thread,) = comments.threads(stored, sel)
    assert (thread.opener.text, thread.opener.author) == ("Where is this from?", "ann")
    assert "An unsaved point of mine." not in {s.text for s in stored.statements}  # not saved with it
    assert "An unsaved point of mine." in {s.text for s in current(at).statements}  # still here, unsaved
    body = " ".join(m.value for m in at.markdown)
    assert "Where is this from" in body and "1 open" in body

    at.text_input(key="author").set_value("bob").run()
    at.text_input(key=f"comment_reply_{thread.opener.id}").input("Page 2 of the report").run()
    at.button(key=f"comment_reply_btn_{thread.opener.id}").click().run()
    at.button(key=f"comment_resolve_{thread.opener.id}").click().run()
    assert not at.exception
    (thread,) = comments.threads(Store(store_dir).load(NAME), sel)
    assert [(r.text, r.author) for r in thread.replies] == [("Page 2 of the report", "bob")]
    assert thread.resolved


def test_an_empty_comment_is_refused_with_a_message(app) -> None:
    at = app("map")
    sel = at.session_state["selected_node"]
    at.button(key=f"comment_post_{sel}").click().run()
    assert any("Write something" in w.value for w in at.warning)
    assert current(at).comments == ()
