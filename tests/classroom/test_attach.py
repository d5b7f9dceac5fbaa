import pytest

from argmap.classroom.attach import attach, sentences
from argmap.errors import InputError
from argmap.formats import FORMATS
from tests.classroom.variants import PIECES


def test_a_hand_written_argdown_reference_finds_its_words_in_the_piece():
    text = (PIECES / "homework.txt").read_text(encoding="utf-8")
    ref = FORMATS["argdown"].loads((PIECES / "homework.argdown").read_text(encoding="utf-8"))
    got = attach(ref, text)
    assert got.unmatched == ()
    assert got.map.source.text == text
    spans = {s.id: s.span.text for s in got.map.statements}
    assert spans["o1"] == "homework teaches discipline."
    assert spans["r3"] == "homework widens the gap between pupils"
    assert got.map.evidence[0].span.text.startswith("studies of young pupils")


def test_words_not_in_the_piece_are_listed_not_guessed():
    text = (PIECES / "square.txt").read_text(encoding="utf-8")
    ref = FORMATS["argdown"].loads((PIECES / "square.argdown").read_text(encoding="utf-8"))
    got = attach(ref, text)
    assert got.unmatched == ("r1a",)  # 'Visitors come to see the church' is said the other way round
    assert got.map.statement("r1a").span is None


def test_an_empty_piece_is_refused():
    ref = FORMATS["argdown"].loads("[a]: A claim.\n  + [b]: A reason.\n")
    with pytest.raises(InputError, match="the piece is empty"):
        attach(ref, "  \n")


def test_sentences_are_cut_at_stops_and_lines():
    text = "One claim. Two claims!\nA line without a stop\n\nLast."
    assert [text[a:b] for a, b in sentences(text)] == [
        "One claim.",
        "Two claims!",
        "A line without a stop",
        "Last.",
    ]
