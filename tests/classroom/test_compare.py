from pathlib import Path

import pytest

from argmap.classroom.compare import SHOWN, WEIGHTS, compare
from argmap.edit import operations as edit
from argmap.formats import native
from argmap.model import ArgumentMap, Attack, Inference, Statement
from argmap.roles import derive

EXAMPLE = Path(__file__).resolve().parents[2] / "arguments" / "democrats-voter-data.json"


@pytest.fixture
def ref() -> ArgumentMap:
    return native.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_the_example_with_itself_scores_one(ref):
    c = compare(ref, ref)
    assert c.score == 1.0
    assert set(c.parts) == set(WEIGHTS)
    assert all(v == 1.0 for v in c.parts.values())
    assert c.mistakes == () and c.missed == () and c.extra == ()
    assert [f.kind for f in c.feedback] == ["right", "right"]  # what is right, in two sentences
    assert c.feedback[0].message.startswith("Your main conclusion is the author's: “Selling voter data")
    assert {m.how for m in c.matches} == {"span", "text"}  # implicit / unanchored ones align by text


def test_objection_read_as_support_costs_its_share_and_says_so(ref):
    damaged = edit.remove(ref, "a1")  # s9 "They say..." objected to s7, and s10 answered it
    damaged, _ = edit.link_premise(damaged, "s9", "s7")
    c = compare(ref, damaged)
    assert c.parts["objections"] < 1.0
    wrong = c.mistakes
    assert [f.kind for f in wrong] == ["as_reason"]
    assert wrong[0].message == (
        "You used the objection “They say that Wal-Mart won't get an offer” as a reason for “We're no "
        "longer debating over what they will have become; it's now merely haggling over…”: the "
        "author raises it to answer it."
    )
    # The documented amount: the objections' weight shared among the objections and answers.
    roles = derive(ref).role
    shares = sum(1 for r in roles.values() if r in ("objection", "rebuttal"))
    assert wrong[0].cost == pytest.approx(WEIGHTS["objections"] / shares, abs=1e-4)
    assert c.score == pytest.approx(1 - wrong[0].cost, abs=1e-4)


def test_missing_statement_and_evidence_are_named_with_their_words(ref):
    damaged = edit.remove(edit.remove(ref, "s6"), "e2")
    c = compare(ref, damaged)
    assert c.missed == ("s6",)
    kinds = [f.kind for f in c.mistakes]
    assert "missed" in kinds and "evidence_missed" in kinds
    missed = next(f for f in c.mistakes if f.kind == "missed")
    assert "Data collection efforts" in missed.message
    assert missed.spans == ((ref.statement("s6").span.start, ref.statement("s6").span.end),)
    assert compare(ref, edit.pin_main(ref, "s2")).parts["main"] == 0.0


def test_alignment_by_text_when_no_spans(ref):
    """A student who retyped statements (no spans, small changes) is still matched by text."""
    student = ArgumentMap(
        id="st",
        statements=(
            Statement(id="x1", text="Selling voter data kills the goose that lays the golden eggs."),
            Statement(
                id="x2", text="In future voters will become much more cautious about sharing information."
            ),
            Statement(id="x3", text="Cats are better than dogs."),
        ),
        inferences=(Inference(id="j1", premises=("x2",), conclusion="x1"),),
        attacks=(Attack(id="b1", source="x3", target="x1"),),
    )
    c = compare(ref, student)
    pairs = {(m.reference, m.student) for m in c.matches}
    assert {("s1", "x1"), ("s2", "x2")} <= pairs
    assert c.extra == ("x3",)
    assert c.parts["main"] == 1.0
    assert 0 < c.score < 0.7


def test_empty_student_scores_zero(ref):
    c = compare(ref, ArgumentMap(id="empty"))
    assert c.score == 0.0
    assert c.feedback[0].kind == "no_main"
    assert c.feedback[0].message.startswith("Your map has no main conclusion; the author's claim is")


def test_feedback_is_ranked_right_first_then_main_reasons_objections_detail(ref):
    m = edit.pin_main(ref, "s2")
    m = edit.remove(m, "s12")
    m = edit.remove(m, "e2")
    c = compare(ref, m)
    topics = [f.topic for f in c.feedback]
    order = ["right", "main", "reasons", "objections", "detail", "extra"]
    assert topics == sorted(topics, key=order.index)
    assert len(c.shown()) == min(SHOWN, len(c.feedback))


def test_each_reference_element_gets_at_most_one_item(ref):
    m = edit.remove(ref, "a1")
    m, _ = edit.link_premise(m, "s9", "s7")
    m = edit.remove(m, "s6")
    c = compare(ref, m)
    named = [rid for f in c.mistakes for rid in f.reference_ids[:1]]
    assert len(named) == len(set(named))
    praised = {rid for f in c.feedback if f.kind == "right" for rid in f.reference_ids}
    assert not praised & set(named)  # never right and wrong about the same statement


def test_to_dict_is_json_ready(ref):
    import json

    d = compare(ref, edit.remove(ref, "s12")).to_dict()
    assert 0 <= d["score"] < 1
    assert set(d["parts"]) == set(WEIGHTS)
    assert all("cost" in f and "spans" in f for f in d["feedback"])
    json.dumps(d)


@pytest.mark.parametrize("name", ["homework", "libraries", "square"])
def test_feedback_on_every_variant_is_ranked_short_whole_and_never_contradicts_itself(name):
    from tests.classroom.variants import piece, variants, with_spans

    text, reference, student = piece(name)
    order = ["right", "main", "reasons", "objections", "detail", "extra"]
    for mistakes, m in variants(with_spans(student, text)).items():
        c = compare(reference, m)
        topics = [f.topic for f in c.feedback]
        assert topics == sorted(topics, key=order.index), mistakes  # right first, then main → detail
        assert len(c.shown()) <= SHOWN
        messages = [f.message for f in c.feedback]
        assert len(messages) == len(set(messages)), mistakes  # nothing said twice
        assert all(msg[0].isupper() and msg.endswith(".") for msg in messages), messages  # sentences
        named = {rid for f in c.mistakes for rid in f.reference_ids}
        praised = {rid for f in c.feedback if f.kind == "right" for rid in f.reference_ids}
        assert not praised & named, (mistakes, praised & named)
        assert all(f.spans for f in c.mistakes if f.kind != "extra"), mistakes  # each points at words
        if "wrong main" in mistakes:  # its reason on top is not also praised as "in its place"
            assert not any(f.kind == "right" and "all 3 reasons" in f.message for f in c.feedback), mistakes
