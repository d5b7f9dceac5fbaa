import pytest

from argmap.extractor.normalise import normalise
from argmap.extractor.sentences import split_sentences
from argmap.extractor.units import split_units


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


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (  # a consequence verb after a causal marker: the chain's next link
            "Selling the records leads to wary voters, which kills the party's best source of support.",
            [
                "Selling the records",
                "leads to wary voters,",
                "which kills the party's best source of support.",
            ],
        ),
        (  # a modal of consequence, the clause running to the sentence end
            "Rents keep rising, which will push young families out of the city.",
            ["Rents keep rising,", "which will push young families out of the city."],
        ),
        (  # "if ... then": the consequent is its own unit
            "If the library closes, then students lose their only quiet place to work.",
            ["If the library closes,", "then students lose their only quiet place to work."],
        ),
    ],
)
def test_causal_chains_and_conditionals_split(raw, expected):
    assert units(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "The old bridge, which carries most of the traffic, needs repairs this year.",  # describing clause
        # a judgement, not an effect:
        "Parking fees rose again, which would be unfair on people who must drive.",
        "The museum, which opened in 1990, draws tourists from all over the region.",
    ],
)
def test_describing_relative_clauses_stay_whole(raw):
    assert len(units(raw)) == 1


def test_a_denied_reason_stays_whole():
    text = "The field is not empty because people dislike it. It is empty because it was neglected."
    words = [text[u.start : u.end] for u in split_units(text, split_sentences(text))]
    assert words[0] == "The field is not empty because people dislike it."
    assert words[1:] == ["It is empty", "because it was neglected."]
