from argmap.extractor.reading import counter_cue, may_be_main, opponent_cue, read_unit, tag_units
from argmap.extractor.units import Unit


def reading(text: str, sentence_start: bool = True, paragraph: int = 0):
    return read_unit(Unit(0, len(text), 0, paragraph), text, sentence_start)


def test_openers_and_inner_cues():
    r = reading("But of course the city must therefore act now.")
    assert r.starts["counter"] == "but"
    assert r.inner["stance"] == "must"
    assert r.inner["conclusion"] == "therefore"


def test_concession_and_answer_markers():
    assert opponent_cue(reading("Admittedly, the tax is unpopular.")) == "admittedly"
    assert opponent_cue(reading("It is of course true that it costs money.")) == "of course"
    assert opponent_cue(reading("I urge you to vote yes, friends.")) is None  # "yes," inside is no concession
    assert counter_cue(reading("However, the costs fall later.")) == "however"
    assert counter_cue(reading("The costs, however, fall later.")) == "however"


def test_while_concedes_only_at_the_start_of_a_sentence():
    assert opponent_cue(reading("While it is cheap, it is slow.")) == "while"
    assert opponent_cue(reading("while others try not to be noticed.", sentence_start=False)) is None


def test_reasons_by_grammar_are_never_the_claim():
    assert not may_be_main(reading("because the air is bad."))
    assert not may_be_main(reading("For example, Paris did it."))
    assert may_be_main(reading("For years the air has been bad."))


def test_tags():
    texts = ["To the editor:", "Why should we pay for this?!", "(We wrote about it before.)"]
    rs = [read_unit(Unit(0, len(t), 0, n), t, True) for n, t in enumerate(texts)]
    tag_units(rs)
    assert "background" in rs[0].tags
    assert "rhetorical question" in rs[1].tags
    assert "background" in rs[2].tags


def test_those_who_need_describes_and_is_no_judgement():
    text = "Libraries serve the readers who most need free books."
    r = read_unit(Unit(0, len(text), 0, 0), text)
    assert "evaluative" not in r.inner
    text = "The town needs a new library."
    assert read_unit(Unit(0, len(text), 0, 0), text).inner.get("evaluative") == "needs"


def test_a_dismissal_answers_and_takes_no_stance_of_its_own():
    for words in ("He is wrong, and his figures show why.", "That objection mistakes the goal."):
        r = reading(words)
        assert counter_cue(r) is not None, words
        assert "stance" not in r.inner and "evaluative" not in r.inner, words
    assert counter_cue(reading("That objection has some force.")) is None


def test_contractions_typed_without_apostrophes_still_carry_their_cues():
    r = reading("so yeah id say go for it")
    assert r.inner["stance"] == "i'd say"


def test_also_after_the_subject_adds_a_reason():
    assert reading("A clear deadline also helps good landlords.").starts["addition"] == "also"
    assert "addition" not in reading("It was cheap and we also liked it.").starts


def test_questions_that_imply_their_answer_are_rhetorical():
    texts = [
        "Is a parking fee really the thing that should decide it?",
        "What is a library for, if not for reading?",
        "What does it say about us when we sell it?",
        "And who will trust the council again?",
        "Is the bridge open on Sundays?",
    ]
    rs = [read_unit(Unit(0, len(t), 0, 1), t, True) for t in texts]
    tag_units(rs)
    assert all("rhetorical question" in r.tags for r in rs[:4])
    assert "rhetorical question" not in rs[4].tags  # a plain question asks


def test_a_bare_denial_answers_the_sentence_before():
    assert counter_cue(reading("It does not.")) == "it does not"
    assert counter_cue(reading("They won't!")) == "they won't"
    assert counter_cue(reading("It does not encrypt your data.")) is None  # a claim, not a denial
    assert counter_cue(reading("I think he is wrong on every count.")) == "i think he is wrong"


def test_a_length_of_time_and_a_fair_as_a_noun_are_no_cues():
    assert "premise" not in reading("For sixty years it was.").starts
    assert "premise" not in reading("For a few weeks nothing happened.").starts
    assert reading("For the town is poor.").starts["premise"] == "for"
    assert "evaluative" not in reading("and every August the town held its fair on the green.").inner
    assert reading("It is a fair price.").inner["evaluative"] == "fair"


def test_naming_a_claim_to_dismiss_it_answers():
    r = reading("Second, the claim that pupils learn nothing is an exaggeration.")
    assert counter_cue(r) == "exaggeration"
    assert opponent_cue(r) is None
    assert opponent_cue(reading("The claim that pupils learn nothing is common.")) == "the claim that"


def test_a_contrast_opening_a_report_is_the_other_side_and_a_denial_answers():
    from argmap.extractor.reading import contrast_report, group_view

    assert contrast_report(reading("On the other hand, critics argue that the fee is fair.")) == "critics"
    assert contrast_report(reading("However, some people say it costs too much.")) == "some people say"
    assert contrast_report(reading("However, the fee is fair.")) is None
    assert contrast_report(reading("But although it is cheap, it is slow.")) is None
    assert (
        counter_cue(reading("Experience from other cities suggests the opposite.")) == "suggests the opposite"
    )
    assert counter_cue(reading("Neither point is convincing.")) == "neither point is convincing"
    assert counter_cue(reading("The figures show the costs.")) is None
    assert group_view(reading("Many drivers say they would take the bus."))
    assert not group_view(reading("Drivers say they would take the bus."))
