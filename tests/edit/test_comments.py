"""Comments on elements: threads, replies, resolving, cascades with their element, round trips."""

from __future__ import annotations

import pytest

from argmap.edit import comments
from argmap.edit import operations as edit
from argmap.errors import EditError, MapInvalid
from argmap.formats import native
from argmap.model import ArgumentMap


def base() -> ArgumentMap:
    return native.from_data(
        {
            "id": "m",
            "statements": [{"id": "s1", "text": "Uniforms help"}, {"id": "s2", "text": "Less bullying"}],
            "inferences": [{"id": "i1", "premises": ["s2"], "conclusion": "s1"}],
        }
    )


def test_a_thread_with_replies_and_resolving() -> None:
    amap, cid = comments.add_comment(base(), "i1", "  Is this link strong?  ", author="ann")
    amap, r1 = comments.reply(amap, cid, "Only if the survey holds", author="bob")
    amap, r2 = comments.reply(amap, r1, "It does", author="ann")  # a reply to a reply joins the thread
    (thread,) = comments.threads(amap)
    assert thread.opener.text == "Is this link strong?" and thread.target == "i1"
    assert [r.id for r in thread.replies] == [r1, r2] and {r.reply_to for r in thread.replies} == {cid}
    assert thread.people == ("ann", "bob") and not thread.resolved
    assert comments.open_questions(amap) == [thread]
    closed = comments.set_resolved(amap, r2)
    assert comments.threads(closed)[0].resolved and comments.open_questions(closed) == []
    assert not comments.threads(comments.set_resolved(closed, cid, False))[0].resolved


def test_bad_comments_are_refused() -> None:
    with pytest.raises(EditError, match="no element 'ghost'"):
        comments.add_comment(base(), "ghost", "x")
    with pytest.raises(EditError, match="needs some text"):
        comments.add_comment(base(), "s1", "   ")
    with pytest.raises(EditError, match="no comment"):
        comments.reply(base(), "c9", "x")


def test_a_thread_goes_with_its_element_and_follows_a_merge_of_duplicates() -> None:
    amap, _ = comments.add_comment(base(), "s2", "Source?")
    assert edit.remove(amap, "s2").comments == ()
    amap, _ = edit.add_statement(amap, "Less bullying (dup)")
    dup = amap.statements[-1].id
    amap, _ = comments.add_comment(amap, dup, "Same as s2")
    merged = edit.merge(amap, "s2", dup)
    assert {c.target for c in merged.comments} == {"s2"}


def test_comments_round_trip_through_json_and_old_files_still_load() -> None:
    amap, cid = comments.add_comment(base(), "s1", "Why?", author="ann")
    amap, _ = comments.reply(amap, cid, "Because", author="bob")
    again = native.loads(native.dumps(amap))
    assert again == amap and again.schema_version == 3
    old = native.from_data({"schema_version": 1, "id": "m", "statements": [{"id": "s1", "text": "x"}]})
    assert old.schema_version == 3 and old.comments == ()


def test_a_file_with_a_dangling_comment_names_it() -> None:
    data = base().model_dump(mode="json")
    data["comments"] = [
        {"id": "c1", "target": "ghost", "text": "?"},
        {"id": "c2", "target": "s1", "text": "x", "reply_to": "c9"},
    ]
    with pytest.raises(MapInvalid) as err:
        native.from_data(data)
    assert [str(p).split(":")[0] for p in err.value.problems] == ["comment 'c1'", "comment 'c2'"]
