import pytest

from argmap.analysis.checks import language
from argmap.model import ArgumentMap, Source, Span, Statement


def fired(check, make, text, **kw):
    m = make({"c": "We should act now.", "p": text}, supports=((("p",), "c"),), **kw)
    return [f for f in check(m) if "p" in f.node_ids]


@pytest.mark.parametrize(
    ("check", "text", "cue"),
    [
        (language.rhetorical_question, "If it brings in cash, why quibble?", "why quibble?"),
        (language.attack_on_arguer, "The minister is a hypocrite on this.", "hypocrite"),
        (language.attack_on_arguer, "Look who's talking: they did it too.", "Look who's talking"),
        (language.prediction_as_fact, "Prices will rise next year.", "will rise"),
        (language.prediction_as_fact, "The company is going to close the plant.", "is going to"),
        (
            language.slippery_slope,
            "This opens the floodgates to every kind of abuse.",
            "opens the floodgates",
        ),
        (
            language.slippery_slope,
            "Legal cannabis will lead to harder drugs, which leads to crime.",
            "lead to",
        ),
        (language.appeal_to_popularity, "Everyone knows the tax is unfair.", "Everyone knows"),
        (language.appeal_to_popularity, "The vast majority of voters support the plan.", "majority"),
        (language.false_dilemma, "Either we ban cars or the city chokes.", "Either we ban cars or"),
        (language.false_dilemma, "There is no alternative to cuts.", "There is no alternative"),
        (language.loaded_language, "The so-called reform is a disgrace.", "so-called"),
        (language.absolute_claim, "Politicians never keep their promises.", "never"),
        (language.causal_claim_without_evidence, "Smartphones caused the rise in anxiety.", "caused"),
    ],
)
def test_cue_fires_and_shows_its_words(make, check, text, cue):
    found = fired(check, make, text)
    assert len(found) == 1
    assert cue.lower() in found[0].cue.lower()
    assert found[0].question.endswith("?")


@pytest.mark.parametrize(
    ("check", "text"),
    [
        (language.rhetorical_question, "Cash matters to the party."),
        (language.attack_on_arguer, "The minister's figures are out of date."),
        (language.prediction_as_fact, "Prices may rise next year."),  # hedged
        (language.prediction_as_fact, "Nobody knows what they will do with the data."),  # embedded
        (language.prediction_as_fact, "Critics say the plant will close."),  # reported
        (language.prediction_as_fact, "It goes against the will of the people."),  # the noun
        (language.slippery_slope, "The tax leads to higher prices."),  # one step is not a slope
        (language.appeal_to_popularity, "People want to know who shops in their stores."),
        (language.false_dilemma, "Either option costs money."),
        (language.loaded_language, "The reform cuts the deficit by two percent."),
        (language.absolute_claim, "Politicians rarely keep every promise they make?"),
        (language.causal_claim_without_evidence, "The council met on Tuesday."),
    ],
)
def test_innocent_sentence_stays_quiet(make, check, text):
    assert fired(check, make, text) == []


def test_rhetorical_question_is_a_warning_only_as_premise(make):
    m = make({"c": "C.", "p": "Why not?", "q": "What now?"}, supports=((("p",), "c"),))
    found = {f.node_ids[0]: f.severity for f in language.rhetorical_question(m)}
    assert found == {"p": "warning", "q": "info"}


def test_prediction_with_evidence_is_only_info(make):
    m = make(
        {"c": "C.", "p": "Prices will rise."},
        supports=((("p",), "c"),),
        evidence=(("p", "study", "Bank forecast.", "BoE"),),
    )
    assert [f.severity for f in language.prediction_as_fact(m)] == ["info"]


def test_hedged_premise_under_a_flat_conclusion(make):
    m = make({"c": "Voters will turn away.", "p": "The party may sell the data."}, supports=((("p",), "c"),))
    found = list(language.hedged_premise(m))
    assert [(f.node_ids, f.cue) for f in found] == [(("p", "c"), "“may”")]
    hedged = make({"c": "Voters might turn away.", "p": "The party may sell."}, supports=((("p",), "c"),))
    assert list(language.hedged_premise(hedged)) == []


def test_hasty_generalisation_from_one_example(make):
    m = make(
        {"c": "All landlords exploit tenants.", "p": "For example, my landlord doubled the rent."},
        supports=((("p",), "c"),),
    )
    assert [f.node_ids for f in language.hasty_generalisation(m)] == [("c", "p")]
    by_evidence = make(
        {"c": "Immigrants always find work."},
        evidence=(("c", "example", "My neighbour found a job in a week.", None),),
    )
    assert [f.node_ids for f in language.hasty_generalisation(by_evidence)] == [("c", "e0")]


def test_cue_just_outside_the_span_is_credited_to_the_nearest_claim():
    src = "The mayor took donations from builders, shamelessly and hypocritically. Rents rose 5% last year."
    first = src.index("The mayor")
    second = src.index("Rents")
    m = ArgumentMap(
        id="m",
        source=Source(text=src),
        statements=(
            Statement(
                id="a",
                text="The mayor took builders' money.",
                span=Span(start=first, end=38, text=src[first:38]),
            ),
            Statement(id="b", text="Rents rose.", span=Span(start=second, end=len(src), text=src[second:])),
        ),
    )
    assert [f.node_ids for f in language.attack_on_arguer(m)] == [("a",)]
    assert [f.node_ids for f in language.loaded_language(m)] == [("a",)]


def test_example_map_language_cues(example):
    """The hand-made example: its rhetorical questions, the hypocrisy cue and the unsupported prediction."""
    rq = {f.node_ids[0] for f in language.rhetorical_question(example)}
    assert {"s8", "s10"} <= rq
    hyp = [f for f in language.attack_on_arguer(example)]
    assert [(f.node_ids, f.cue) for f in hyp] == [(("s11",), "“hypocritically”")]
    pred = {f.node_ids[0]: f for f in language.prediction_as_fact(example)}
    assert pred["s2"].severity == "warning"
    assert "unsupported prediction" in pred["s2"].message.lower()


def test_hedged_premise_quiet_when_another_reason_is_firm_or_hedge_is_embedded(make):
    firm = make(
        {
            "c": "Voters will turn away.",
            "p": "The party may sell the data.",
            "q": "Polls show falling trust.",
        },
        supports=((("p",), "c"), (("q",), "c")),
    )
    assert list(language.hedged_premise(firm)) == []
    embedded = make(
        {"c": "The data is valuable.", "p": "It estimates how likely any voter is to vote."},
        supports=((("p",), "c"),),
    )
    assert list(language.hedged_premise(embedded)) == []


@pytest.mark.parametrize(
    "text",
    [
        "The retirement age should in the future not remain at 63.",  # normative
        "This would mean fewer volunteers in the future.",  # hypothetical
        "Today I will delete my account.",  # an intention
    ],
)
def test_modal_or_intention_is_not_a_forecast(make, text):
    assert fired(language.prediction_as_fact, make, text) == []
