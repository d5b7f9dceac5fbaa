"""What changed between two maps: element by element, in words, with the changed words marked."""

from __future__ import annotations

from argmap.analysis.changes import changes, excerpt, marked, quote, sentences, summary, word_diff
from argmap.edit import comments
from argmap.edit import operations as edit
from argmap.formats import native
from argmap.model import ArgumentMap


def base() -> ArgumentMap:
    return native.from_data(
        {
            "id": "m",
            "title": "School streets",
            "statements": [
                {"id": "s1", "text": "Closing school streets at drop-off time makes children safer"},
                {"id": "s2", "text": "Fewer cars pass the gates"},
                {"id": "s3", "text": "Parents park further away"},
            ],
            "inferences": [{"id": "i1", "premises": ["s2"], "conclusion": "s1"}],
            "attacks": [{"id": "a1", "source": "s3", "target": "s1"}],
        }
    )


def test_nothing_changed_says_so() -> None:
    assert not changes(base(), base())
    assert summary(changes(base(), base()), ["ann"]) == "ann changed nothing"


def test_additions_are_said_with_their_role_and_author() -> None:
    old = base()
    new, obj = edit.add_attack(old, "s1", "Traffic moves to the next street", author="ann")
    new, reb = edit.add_rebuttal(new, obj, "Studies find traffic evaporates", author="bob")
    new, _ = edit.add_premise(new, "s1", "Air is cleaner at the gates", author="cy")
    new, _ = edit.add_attack(new, "i1", "Fewer cars need not mean safer", author="dee")
    said = sentences(old, new)
    assert said[:4] == [
        "ann added an objection to 'Closing school streets at drop-off time makes …': "
        "'Traffic moves to the next street'",
        "bob added a rebuttal of 'Traffic moves to the next street': 'Studies find traffic evaporates'",
        "cy added a reason for 'Closing school streets at drop-off time makes …': "
        "'Air is cleaner at the gates'",
        "dee added an undercut of the link from 'Fewer cars pass the gates' to 'Closing school streets at "
        "drop-off time makes …': 'Fewer cars need not mean safer'",
    ]
    assert summary(changes(old, new), ["ann", "bob"]) == (
        "ann and bob added 4 statements, 1 support link and 3 attacks"
    )


def test_edits_removals_ratings_and_comments_are_said() -> None:
    old = base()
    new = edit.edit_text(old, "s2", "Far fewer cars pass the gates")
    new = edit.rate(new, "i1", "weak")
    new = edit.remove(new, "s3")
    new, cid = comments.add_comment(new, "s2", "Counted when?", author="ann")
    new, _ = comments.reply(new, cid, "In May", author="bob")
    new = comments.set_resolved(new, cid)
    said = sentences(old, new, who="eve")
    assert said == [
        "ann commented on 'Far fewer cars pass the gates': 'Counted when?'",
        "bob replied on 'Far fewer cars pass the gates': 'In May'",
        "eve reworded 'Fewer cars pass the gates': [-Fewer-] {+Far fewer+} cars pass the gates",
        "eve rated the link from 'Far fewer cars pass the gates' to 'Closing school streets at drop-off "
        "time makes …' weak",
        "eve removed 'Parents park further away'",  # its attack went with it: said once
    ]
    d = changes(old, new)
    assert {c.id for c in d.of("removed")} == {"s3", "a1"}
    assert [c.fields for c in d.of("changed", "statements")] == [("text",)]


def test_map_title_and_pin_changes_are_said() -> None:
    new = edit.pin_main(edit.rebuild(base(), title="Safer school streets"), "s1")
    said = sentences(base(), new, who="ann")
    assert "ann renamed the map from 'School streets' to 'Safer school streets'" in said
    assert "ann pinned 'Closing school streets at drop-off time makes …' as the main conclusion" in said


def test_changed_words_are_marked() -> None:
    assert word_diff("a b c", "a x c") == [("same", "a "), ("removed", "b "), ("added", "x "), ("same", "c")]
    assert marked("Fewer cars pass", "Far fewer cars pass") == "[-Fewer-] {+Far fewer+} cars pass"
    long_old = "one two three four five six seven eight nine ten eleven twelve"
    assert excerpt(long_old, long_old.replace("seven", "SEVEN")) == (
        "… three four five six [-seven-] {+SEVEN+} eight nine ten eleven …"
    )


def test_quote_cuts_long_text_at_a_word() -> None:
    assert quote("short") == "'short'"
    assert quote("Closing school streets at drop-off time makes children safer") == (
        "'Closing school streets at drop-off time makes …'"
    )


def test_a_conflict_is_worded_and_each_side_marks_its_own_words() -> None:
    from argmap.analysis.changes import choice_label, conflict_words, version_pieces
    from argmap.edit.merge import merge

    b = base()
    mine = edit.edit_text(b, "s2", "Far fewer cars pass the gates")
    theirs = edit.edit_text(b, "s2", "Fewer cars pass the school gates")
    (c,) = merge(b, mine, theirs).conflicts
    assert conflict_words(c, "bob") == "You and bob both changed 'Fewer cars pass the gates' (words)."
    assert version_pieces(c, "mine") == [("text", [("added", "Far fewer "), ("same", "cars pass the gates")])]
    assert version_pieces(c, "theirs") == [
        ("text", [("added", "Fewer "), ("same", "cars pass the "), ("added", "school "), ("same", "gates")])
    ]
    assert (choice_label(c, "mine", "bob"), choice_label(c, "theirs", "bob")) == ("Keep yours", "Keep bob's")
    (gone,) = merge(b, mine, edit.remove(b, "s2")).conflicts
    assert conflict_words(gone, "bob") == "bob deleted 'Fewer cars pass the gates', which you changed."
    assert version_pieces(gone, "theirs") == [("", [("removed", "(deleted)")])]
    assert choice_label(gone, "theirs", "bob") == "Delete it (bob's)"
