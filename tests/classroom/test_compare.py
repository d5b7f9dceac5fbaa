from pathlib import Path

import pytest

from argmap.classroom.compare import WEIGHTS, compare
from argmap.edit import operations as edit
from argmap.formats import native
from argmap.model import ArgumentMap, Attack, Inference, Statement

EXAMPLE = Path(__file__).resolve().parents[2] / "arguments" / "democrats-voter-data.json"


@pytest.fixture
def ref() -> ArgumentMap:
    return native.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_the_example_with_itself_scores_one(ref):
    c = compare(ref, ref)
    assert c.score == 1.0
    assert set(c.parts) == set(WEIGHTS)
    assert all(v == 1.0 for v in c.parts.values())
    assert c.feedback == () and c.missed == () and c.extra == ()
    assert {m.how for m in c.matches} == {"span", "text"}  # implicit / unanchored ones align by text


def test_objection_read_as_support_scores_lower_with_the_right_feedback(ref):
    damaged = edit.remove(ref, "a1")  # s9 "They say..." objected to s7, and s10 answered it
    damaged, _ = edit.link_premise(damaged, "s9", "s7")
    c = compare(ref, damaged)
    assert c.score < 1.0
    assert c.parts["relations"] < 1.0
    rel = [f for f in c.feedback if f.topic == "relation"]
    assert len(rel) == 1
    assert rel[0].message.startswith(
        "You treated “They say that Wal-Mart won't get an offer.” as support for"
    )
    assert "the reference reads it as an objection to" in rel[0].message
    assert rel[0].message.endswith("that the author answers.")


def test_missing_statement_evidence_and_main(ref):
    damaged = edit.remove(edit.remove(ref, "s6"), "e2")
    c = compare(ref, damaged)
    assert c.missed == ("s6",)
    assert c.parts["recall"] == pytest.approx(11 / 12)
    assert c.parts["evidence"] == pytest.approx(3 / 4)
    topics = {f.topic for f in c.feedback}
    assert {"missed", "evidence"} <= topics
    assert any("Data collection efforts" in f.message for f in c.feedback if f.topic == "missed")
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
    assert any(f.topic == "main" for f in c.feedback)


def test_to_dict_is_json_ready(ref):
    import json

    d = compare(ref, edit.remove(ref, "s12")).to_dict()
    assert 0 <= d["score"] < 1
    assert set(d["parts"]) == set(WEIGHTS)
    json.dumps(d)
