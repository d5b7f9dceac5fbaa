"""Who says what: the reported-speech reader on its own."""

import pytest

from argmap.extractor.speech import evidence_kind, read_closing_attribution, read_report, resolve_name


@pytest.mark.parametrize(
    ("words", "who", "verb", "claim"),
    [
        ("The department says that roundabouts are safer.", "The department", "says", "roundabouts"),
        ("Dr. Al Grey, an economist who led it, says that cans work.", "Dr. Al Grey", "says", "cans"),
        ("Another head teacher told a newspaper that it fell.", "Another head teacher", "told", "it"),
        ("Anna Berg said rents will double next year.", "Anna Berg", "said", "rents"),
    ],
)  # fmt: skip
def test_read_report_finds_the_source_verb_and_claim(words, who, verb, claim):
    rep = read_report(words)
    assert rep is not None
    assert words[rep.who_start : rep.who_end] == who
    assert rep.verb == verb
    assert words[rep.claim :].startswith(claim)


@pytest.mark.parametrize(
    "words",
    [
        "Critics argue that the plan fails.",
        "This shows that the plan works.",
        "The rise in prices suggests that demand is high.",
        "I said that we should go.",
        "Having said that, prices fell.",
    ],
)
def test_no_source_in_the_other_sides_voice_or_an_inference(words):
    assert read_report(words) is None


def test_evidence_kind_follows_the_source():
    assert evidence_kind("The Children's Act", "states") == "document"
    assert evidence_kind("Bill Gates", "said") == "testimony"  # a name, not a bill
    assert evidence_kind("Researchers at Leeds University", "found") == "study"
    assert evidence_kind("Jane Roe", "said", " an economist at the bank") == "expert"


def test_names_and_closing_attributions():
    assert resolve_name("Brighton", ["Drew Brighton of TargetSmart"]) == "Drew Brighton of TargetSmart"
    assert resolve_name("Mr Hale", ["Gordon Hale"]) == "Mr Hale"
    at, who, verb = read_closing_attribution("It became a lobby, as AFP pointed out yesterday")
    assert (who, verb) == ("AFP", "pointed out") and at == len("It became a lobby")


def test_a_time_phrase_before_the_verb_is_no_part_of_the_source():
    words = "A survey by the Youth Club last year found that 31% of pupils walk."
    rep = read_report(words)
    assert rep is not None
    assert words[rep.who_start : rep.who_end] == "A survey by the Youth Club"
    assert evidence_kind("The deed of gift", "states") == "document"
