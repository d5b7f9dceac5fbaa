"""Fire and quiet cases of the editorial checks (each a row of the checks table)."""

import pytest

from argmap.analysis.checks import CHECKS, editorial


def fired(check, make, text, **kw):
    m = make({"c": "The council should close the streets.", "p": text}, supports=((("p",), "c"),), **kw)
    return [f for f in check(m) if "p" in f.node_ids]


@pytest.mark.parametrize(
    ("check", "text", "cue"),
    [
        (editorial.vague_source, "A council review found that traffic fell.", "review found"),
        (editorial.vague_source, "Studies show that children walk more.", "Studies show"),
        (editorial.vague_source, "Experts say the roads are dangerous.", "Experts say"),
        (editorial.vague_source, "Critics say the scheme is unfair.", "Critics say"),
        (editorial.vague_source, "The trials in other boroughs were popular.", "other boroughs"),
        (editorial.figure_without_source, "Car journeys fell by 23 percent.", "23 percent"),
        (editorial.figure_without_source, "Fourteen collisions happened on the road.", "Fourteen collisions"),
        (editorial.figure_without_source, "It would cost £2 million.", "£2 million"),
        (editorial.success_without_measure, "The scheme is cheap, and it works.", "it works"),
        (editorial.success_without_measure, "The pilot was a huge success.", "success"),
        (editorial.success_without_measure, "The policy has worked everywhere.", "has worked"),
    ],
)
def test_editorial_cue_fires_and_shows_its_words(make, check, text, cue):
    found = fired(check, make, text)
    assert len(found) == 1, found
    assert cue.lower() in found[0].cue.lower()
    assert found[0].severity == "warning"  # p carries the case: the main conclusion's reason
    assert found[0].question.endswith("?")


@pytest.mark.parametrize(
    ("check", "text"),
    [
        (editorial.vague_source, "The county recorded a fall in traffic."),  # a named body
        (editorial.vague_source, "According to Transport for London, traffic fell."),
        (editorial.vague_source, "Children walk more when streets are quiet."),
        (editorial.figure_without_source, "The county recorded fourteen collisions last year."),
        (editorial.figure_without_source, "According to the ONS, rents rose 8 percent."),
        (editorial.figure_without_source, "The road was closed in 2019."),  # a year is a date
        (editorial.figure_without_source, "Traffic fell on the street."),
        (editorial.success_without_measure, "Collisions fell by 40 percent after the closure worked."),
        (editorial.success_without_measure, "Parents work long hours."),
        (editorial.success_without_measure, "Will it work?"),
    ],
)
def test_editorial_innocent_sentence_stays_quiet(make, check, text):
    assert fired(check, make, text) == []


def test_a_source_on_the_evidence_silences_vague_and_figure(make):
    kw = {"evidence": (("p", "statistic", "A review found 23 percent fewer cars.", "Hackney Council"),)}
    assert fired(editorial.vague_source, make, "A review found 23 percent fewer cars.", **kw) == []
    assert fired(editorial.figure_without_source, make, "Car trips fell 23 percent.", **kw) == []


def test_vague_source_in_evidence_text(make):
    m = make(
        {"c": "We should act.", "p": "Traffic fell."},
        supports=((("p",), "c"),),
        evidence=(("p", "study", "Research shows traffic fell.", None),),
    )
    found = list(editorial.vague_source(m))
    assert [f.node_ids for f in found] == [("e0", "p")]


def test_causal_chain_of_three_steps_fires_once_at_its_top(make):
    m = make(
        {
            "c": "The closures will pay for themselves many times over.",
            "b": "Children who walk to school will become healthier adults.",
            "a": "Children walk to school on closed streets.",
        },
        supports=((("b",), "c"), (("a",), "b")),
    )
    found = list(editorial.causal_chain_without_evidence(m))
    assert len(found) == 1
    assert found[0].node_ids == ("c", "b", "a")
    assert "3 steps" in found[0].message and "last 2" in found[0].message


def test_causal_chain_quiet_with_evidence_on_a_step_or_a_single_step(make):
    texts = {
        "c": "The closures will pay for themselves.",
        "b": "Children who walk will become healthier adults.",
        "a": "Children walk to school.",
    }
    with_ev = make(
        texts, supports=((("b",), "c"), (("a",), "b")), evidence=(("b", "study", "A cohort study.", "BMJ"),)
    )
    assert list(editorial.causal_chain_without_evidence(with_ev)) == []
    one_step = make(
        {"c": "The closures will pay for themselves.", "a": "Children walk to school."},
        supports=((("a",), "c"),),
    )
    assert list(editorial.causal_chain_without_evidence(one_step)) == []


def test_causal_chain_in_a_circle_terminates(make):
    m = make(
        {"c": "Prices will rise.", "b": "Wages will rise.", "x": "So demand will grow."},
        supports=((("b",), "c"), (("c",), "b"), (("x",), "c")),
    )
    found = list(editorial.causal_chain_without_evidence(m))
    assert found and all(f.check == "causal_chain_without_evidence" for f in found)


def test_single_source_for_the_main_conclusions_reason(make):
    m = make(
        {"c": "We should close the streets.", "p": "Traffic fell on closed streets."},
        supports=((("p",), "c"),),
        evidence=(("p", "statistic", "Traffic fell 20%.", "Council"),),
    )
    found = list(editorial.single_source(m))
    assert [(f.node_ids, f.cue) for f in found] == [(("p", "e0"), "Council")]
    two = make(
        {"c": "We should close the streets.", "p": "Traffic fell on closed streets."},
        supports=((("p",), "c"),),
        evidence=(("p", "statistic", "Traffic fell 20%.", "Council"), ("p", "study", "A study.", "LSE")),
    )
    assert list(editorial.single_source(two)) == []


def test_strawman_cue_on_an_objection_and_quiet_on_a_fair_one(make):
    m = make(
        {
            "c": "We should close the streets.",
            "p": "Children walk more.",
            "o": "Some will say that drivers should never be allowed anywhere.",
            "r": "But the closures are only at school times.",
        },
        supports=((("p",), "c"),),
        attacks=(("o", "c"), ("r", "o")),
    )
    found = list(editorial.strawman_cue(m))
    assert [(f.node_ids, f.severity) for f in found] == [(("o",), "warning")]
    fair = make(
        {"c": "We should close the streets.", "o": "Shops say they lose passing trade.", "p": "Kids walk."},
        supports=((("p",), "c"),),
        attacks=(("o", "c"),),
    )
    assert list(editorial.strawman_cue(fair)) == []


def test_editorial_checks_are_in_the_registry():
    names = {c.__name__ for c in CHECKS}
    assert {
        "causal_chain_without_evidence",
        "vague_source",
        "figure_without_source",
        "success_without_measure",
        "single_source",
        "strawman_cue",
        "unanswered_objection",
    } <= names
