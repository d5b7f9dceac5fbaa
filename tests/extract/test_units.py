from argmap.extract.normalise import normalise
from argmap.extract.sentences import split_sentences
from argmap.extract.units import split_units


def units(raw: str) -> list[str]:
    text = normalise(raw).text
    return [text[u.start : u.end] for u in split_units(text, split_sentences(text))]


def test_split_at_connectives_and_semicolons():
    assert units("We should ban cars in the centre, because the air is bad; the shops will adapt.") == [
        "We should ban cars in the centre,",
        "because the air is bad;",
        "the shops will adapt.",
    ]


def test_concession_then_answer():
    assert units("Of course it costs money, but the savings come later.") == [
        "Of course it costs money,",
        "but the savings come later.",
    ]


def test_initial_subordinate_clause():
    assert units("Although the tax is unpopular with many, it works well.") == [
        "Although the tax is unpopular with many,",
        "it works well.",
    ]


def test_no_split_that_leaves_a_fragment_or_breaks_a_phrase():
    assert units("It is cheap, but good.") == ["It is cheap, but good."]
    assert units("This helps not only the poor, but also the middle class.") == [
        "This helps not only the poor, but also the middle class."
    ]


def test_no_split_inside_a_quotation():
    assert units('She said "we stay because we love it here" to the crowd.') == [
        'She said "we stay because we love it here" to the crowd.'
    ]


def test_causal_verb_splits_a_chain():
    assert units("Every new road leads to more traffic, which means dirtier air.") == [
        "Every new road",
        "leads to more traffic,",
        "which means dirtier air.",
    ]


def test_markdown_marks_are_not_part_of_a_unit():
    assert units("# Vote\n\n- We should vote.\n- Because it matters.\n\n1. Also, it is a duty.") == [
        "Vote",
        "We should vote.",
        "Because it matters.",
        "Also, it is a duty.",
    ]
