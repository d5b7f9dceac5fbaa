"""Each feedback item points at its words in the piece: the author's in their role's colour, the
student's own in yellow, cut into excerpts a phone shows without scrolling the piece."""

from __future__ import annotations

from argmap.classroom.compare import compare
from argmap.classroom.feedback_words import AROUND, YOURS, excerpts, item_marks, words
from argmap.render.highlight import Mark
from tests.classroom.variants import missed_reason, piece, with_spans, wrong_main


def _by_kind(result, kind):
    return next(f for f in result.feedback if f.kind == kind)


def test_a_missed_reason_points_at_the_authors_words_in_the_reasons_colour() -> None:
    text, reference, student = piece("square")
    result = compare(reference, missed_reason(with_spans(student, text)))
    item = _by_kind(result, "missed")
    found = item_marks(item, reference, text)
    rid = item.reference_ids[0]
    span = reference.element(rid).span
    assert [(m.start, m.end) for m in found] == [(span.start, span.end)]
    assert found[0].role == "premise"  # the colour the reason has in the reference's tree
    assert "the author's words (premise)" in words(item, reference, text).legend


def test_a_wrong_main_conclusion_marks_both_the_authors_claim_and_the_students() -> None:
    text, reference, student = piece("square")
    mine = with_spans(wrong_main(student), text)
    item = _by_kind(compare(reference, mine), "wrong_main")
    roles = {m.role for m in item_marks(item, reference, text)}
    assert roles == {"main", YOURS}
    legend = words(item, reference, text).legend
    assert "main conclusion" in legend and "your statement takes, in yellow" in legend
    theirs = mine.statement(item.student_ids[0]).span
    shown = " ".join(excerpts(text, item_marks(item, reference, text)))
    assert text[theirs.start : theirs.end].split()[0] in shown


def test_what_is_right_points_at_the_words_found() -> None:
    text, reference, student = piece("square")
    result = compare(reference, with_spans(student, text))
    praise = [f for f in result.feedback if f.kind == "right"]
    assert praise and all(item_marks(f, reference, text) for f in praise)


def test_an_excerpt_is_the_marked_words_in_context_escaped() -> None:
    text = "Start. " + "x " * 300 + "We <must> act now. " + "y " * 300 + "End."
    a = text.index("We <must>")
    [html] = excerpts(text, [Mark(a, a + len("We <must> act now."), "w", "main")])
    assert "We &lt;must&gt; act now." in html and "<must>" not in html
    assert html.count("<mark") == 1 and "…" in html
    assert "Start." not in html and "End." not in html  # only the context around the words
    assert len(html) < 2 * AROUND + 700


def test_words_far_apart_make_two_excerpts_and_near_ones_one() -> None:
    text = "A claim here. " + "filler " * 200 + "Another claim there. " + "more " * 10 + "Third one."
    a, b, c = (text.index(w) for w in ("A claim", "Another", "Third"))
    found = [Mark(a, a + 7, "x", "main"), Mark(b, b + 7, "y", YOURS), Mark(c, c + 5, "z", "premise")]
    shown = excerpts(text, found)
    assert len(shown) == 2
    assert "A claim" in shown[0] and "Another" in shown[1] and "Third" in shown[1]


def test_spans_outside_the_piece_are_dropped_not_drawn() -> None:
    text, reference, student = piece("square")
    item = _by_kind(compare(reference, missed_reason(with_spans(student, text))), "missed")
    from dataclasses import replace

    odd = replace(item, spans=((5, 3), (len(text) - 2, len(text) + 40)))
    assert item_marks(odd, reference, text) == ()
    assert words(odd, reference, text).legend == ""


def test_praise_of_a_restated_main_conclusion_marks_the_authors_claim_too() -> None:
    from argmap.formats import native
    from tests.app.conftest import EXAMPLE

    reference = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    text = reference.source.text
    main = compare(reference, reference).feedback[0]
    assert main.kind == "right" and not main.reference_ids  # praise names no element...
    assert {m.role for m in item_marks(main, reference, text)} == {"main"}  # ...its words are the author's
