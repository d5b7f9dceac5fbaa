from argmap.extractor.normalise import normalise
from argmap.extractor.sentences import split_sentences


def test_sentences_and_paragraphs():
    text = normalise("We must act now. Dr. Smith agrees, e.g. on costs!\n\nA new paragraph? Yes.").text
    sents = split_sentences(text)
    words = [text[s.start : s.end] for s in sents]
    assert words == ["We must act now.", "Dr. Smith agrees, e.g. on costs!", "A new paragraph?", "Yes."]
    assert [s.paragraph for s in sents] == [0, 0, 1, 1]


def test_an_unpunctuated_run_is_cut_into_pieces():
    text = " ".join(["word"] * 1000)
    sents = split_sentences(text)
    assert len(sents) > 1
    assert all(text[s.start : s.end].strip() == text[s.start : s.end] for s in sents)
    assert sum(len(text[s.start : s.end].split()) for s in sents) == 1000


def test_progress_hears_at_most_ten_rising_shares_of_the_text():
    text = "\n\n".join(f"Sentence {n} is here. Another one follows." for n in range(100))
    heard: list[float] = []
    assert split_sentences(text, heard.append) == split_sentences(text)
    assert 5 <= len(heard) <= 10
    assert heard == sorted(heard) and all(0.0 < f < 1.0 for f in heard)


def test_a_long_line_is_split_as_its_sentences_are_with_no_cut_inside_an_abbreviation():
    # One line far longer than a pysbd chunk: the chunks end only where a sentence surely ends.
    base = ["Dr. Smith agrees with the plan.", "Costs rise, e.g. for rent and food.", "We must act now!"]
    sents = base * 300
    text = " ".join(sents)
    assert len(text) > 10 * 2000
    assert [text[s.start : s.end] for s in split_sentences(text)] == sents


def test_a_long_line_without_a_sure_end_is_still_kept_whole_in_order():
    text = "Dr. Who e.g. says " * 2000
    sents = split_sentences(text)
    joined = " ".join(text[s.start : s.end] for s in sents)
    assert joined.split() == text.split()
