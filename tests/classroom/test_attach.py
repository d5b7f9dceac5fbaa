import pytest

from argmap.classroom.attach import attach, sentences
from argmap.errors import InputError
from argmap.formats import FORMATS, read
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


def _spans(got) -> dict[str, str]:
    return {s.text: s.span.text for s in (*got.map.statements, *got.map.evidence) if s.span}


def _one_stretch_each(got) -> None:
    """No two statements point at the same words (each stretch goes to the one that reads most like it)."""
    spans = sorted((s.span.start, s.span.end) for s in (*got.map.statements, *got.map.evidence) if s.span)
    for (a, b), (c, d) in zip(spans, spans[1:], strict=False):
        assert b <= c or (min(b, d) - c) / min(b - a, d - c) <= 0.6, (a, b, c, d)


@pytest.mark.parametrize("fmt", ["aif", "kialo"])
def test_a_reference_written_by_our_own_writer_attaches_like_its_argdown(fmt):
    text = (PIECES / "homework.txt").read_text(encoding="utf-8")
    argdown = FORMATS["argdown"].loads((PIECES / "homework.argdown").read_text(encoding="utf-8"))
    written = FORMATS[fmt].dumps(argdown)
    back = FORMATS[fmt].loads(written)
    assert back.source is None or not back.source.text  # nothing in the file ties it to the piece
    got = attach(back, text)
    assert got.unmatched == ()
    assert _spans(got) == _spans(attach(argdown, text))  # the same words, whatever the format
    assert got.summary() == "8 of 8 statements found in the piece."
    assert got.warning() is None


def test_a_hand_written_aifdb_reference_is_matched_and_its_unmatched_statement_listed():
    """AIFdb's shape: numeric string ids, timestamps, a scheme on an RA node, a locution (L, YA)."""
    text = (PIECES / "square.txt").read_text(encoding="utf-8")
    ref, fmt = read((PIECES / "square-aifdb.json").read_bytes(), "square-aifdb.json")
    assert fmt.name == "aif"
    got = attach(ref, text)
    assert len(got.map.statements) == 8  # the locution is not a statement
    spans = _spans(got)
    assert spans["The town should close the old market square to cars."] == (
        "The town should close the old market square to cars."
    )
    assert spans["Without traffic, cafés could put tables outside."] == (
        "Without traffic, cafés could put tables outside"
    )
    assert spans["The new car park is only two minutes' walk away."] == (
        "the new car park is only two minutes' walk away."
    )
    assert got.unmatched == ("6103",)  # the piece says it the other way round: 'which visitors come to see'
    assert got.missing() == ("Visitors come to see the church and the old houses.",)
    assert got.summary() == "7 of 8 statements found in the piece."
    assert got.warning().endswith(": “Visitors come to see the church and the old houses”.")
    _one_stretch_each(got)


def test_a_hand_written_ova3_reference_keeps_the_piece_it_is_given_not_its_own_excerpt():
    """OVA3 wraps the graph in "AIF" beside its own (here partial) copy of the text."""
    text = (PIECES / "libraries.txt").read_text(encoding="utf-8")
    ref, _ = read((PIECES / "libraries-ova3.json").read_bytes(), "libraries-ova3.json")
    got = attach(ref, text)
    assert got.map.source.text == text
    spans = _spans(got)
    assert spans["Sunday visits rose by a fifth last year."] == "Sunday visits rose by a fifth last year."
    assert spans["The saving is small."] == "the saving is small"
    # An implicit premise the teacher added, and a paraphrase whose words another statement has:
    # listed, not pointed at the wrong words.
    assert got.missing() == (
        "It is the only day many working families can visit.",
        "Libraries are the heart of a town's cultural life.",
    )
    assert "Sunday is the only free day" in spans["Sunday is the only free day for many working families."]
    _one_stretch_each(got)


def test_a_hand_written_kialo_export_is_matched_across_its_run_on_lines_links_and_see_lines():
    text = (PIECES / "homework.txt").read_text(encoding="utf-8")
    ref, fmt = read((PIECES / "homework-kialo.txt").read_bytes(), "homework-kialo.txt")
    assert fmt.name == "kialo"
    got = attach(ref, text)
    spans = _spans(got)
    # A claim that runs on over two lines, found as one stretch.
    assert spans["Homework takes away time for play and sleep,\nwhich children need to grow."] == (
        "homework takes away time for play and sleep, which children need to grow."
    )
    # A claim with an escaped Markdown link after its words.
    study = next(s for s in got.map.statements if s.text.startswith("Studies of young pupils"))
    assert study.span.text == "studies of young pupils find almost no link between homework and test scores."
    # "-> See 1.1" links the claim that stands elsewhere: no copy of it to find twice.
    assert sum(s.text.startswith("Homework at this age") for s in got.map.statements) == 1
    assert got.missing() == ("Tired children learn less the next morning.",)
    assert got.summary() == "8 of 9 statements found in the piece."
    _one_stretch_each(got)


def test_a_stretch_goes_to_the_statement_that_reads_most_like_it():
    text = "Sunday is the only free day for many families, so it is the day they visit. Open on Sundays."
    ref = FORMATS["argdown"].loads(
        "[m]: Open on Sundays.\n  + [a]: Sunday is the only free day for many families.\n"
        "  + [b]: Sunday is the only free day for many families, so they visit.\n"
    )
    got = attach(ref, text)
    a, b = got.map.statement("a").span, got.map.statement("b").span
    assert a is not None and a.text == "Sunday is the only free day for many families"
    assert b is None or b.start >= a.end  # not the words a reads like best
    _one_stretch_each(got)
