"""Fair scores on the test set (tests/classroom/variants.py): wording and splitting cost nothing,
each known mistake costs its documented amount, and the score orders the variants as their
mistakes do, whether the student's statements quote the piece (spans) or were typed (text)."""

from __future__ import annotations

import pytest

from argmap.classroom.compare import WEIGHTS, compare
from tests.classroom.variants import NAMES, ordered_pairs, piece, variants, with_spans, wording_only


@pytest.fixture(scope="module", params=NAMES)
def case(request):
    return piece(request.param)


@pytest.mark.parametrize("anchored", [False, True], ids=["typed", "spans"])
def test_a_good_map_in_other_words_scores_at_least_0_9(case, anchored):
    text, ref, student = case
    good = with_spans(student, text) if anchored else student
    c = compare(ref, good)
    assert c.score >= 0.9, [f.message for f in c.mistakes]
    assert c.parts["main"] == 1.0  # the thesis as first stated or its restatement, either way


@pytest.mark.parametrize("anchored", [False, True], ids=["typed", "spans"])
def test_the_score_orders_the_variants_as_their_mistakes_do(case, anchored):
    text, ref, student = case
    base = with_spans(student, text) if anchored else student
    scores = {k: compare(ref, m).score for k, m in variants(base).items()}
    right, total, wrong = ordered_pairs(scores)
    assert total >= 60
    assert right == total, wrong


def test_each_mistake_costs_its_documented_share(case):
    text, ref, student = case
    vs = variants(student)
    good = compare(ref, vs[frozenset()]).score
    main = compare(ref, vs[frozenset({"wrong main"})])
    assert good - main.score >= WEIGHTS["main"] - 1e-6  # the whole main-conclusion weight, at least
    assert main.mistakes[0].kind == "wrong_main" and main.mistakes[0].cost == pytest.approx(WEIGHTS["main"])
    objection = compare(ref, vs[frozenset({"objection as reason"})])
    assert [f.kind for f in objection.mistakes] == ["as_reason"]
    assert good - objection.score == pytest.approx(objection.mistakes[0].cost, abs=1e-4)
    claim = compare(ref, vs[frozenset({"wrong claim"})])
    assert [f.kind for f in claim.mistakes] == ["wrong_claim"]
    reason = compare(ref, vs[frozenset({"missed reason"})])
    assert reason.mistakes[0].kind == "missed"
    assert reason.mistakes[0].message.startswith("You missed a reason for the main conclusion: “")
    # Half of a reason's share for the wrong claim, all of it for a missed one.
    assert claim.mistakes[0].cost < reason.mistakes[0].cost


def test_feedback_reads_like_a_teacher_wrote_it():
    text, ref, student = piece("homework")
    c = compare(ref, variants(with_spans(student, text))[frozenset({"objection as reason", "missed reason"})])
    assert [f.message for f in c.shown()] == [
        "Your main conclusion, “Primary schools should stop giving homework”, is the author's claim "
        "(also put as “Homework should end at the primary school gate”).",
        "You found 2 of the 3 reasons for the main conclusion and the author's answer to the objection, "
        "each in its place.",
        "You missed a reason for the main conclusion: “Homework widens the gap between pupils”, with its "
        "support “Some parents can help and others cannot”.",
        "You used the objection “Some teachers say homework teaches discipline” as a reason for “Primary "
        "schools should stop giving homework”: the author raises it to answer it.",
    ]
    assert all(f.spans for f in c.shown()[2:])  # each mistake points at its words in the piece
    for f in c.shown():
        for a, b in f.spans:
            assert 0 <= a < b <= len(text)


def test_maps_that_differ_only_in_wording_and_splitting_score_at_least_0_9(case):
    text, ref, student = case
    for label, m in wording_only(text, ref, student).items():
        assert compare(ref, m).score >= 0.9, label
    # The check can fail: the good map with its main conclusion swapped for a reason does not pass.
    assert compare(ref, variants(student)[frozenset({"wrong main"})]).score < 0.9


def test_the_agreement_report_prints_every_pair_and_full_agreement(capsys):
    import runpy
    from pathlib import Path

    bench = Path(__file__).resolve().parents[2] / "bench" / "eval_grading.py"
    code = runpy.run_path(str(bench), run_name="eval_grading")["main"]()
    out = capsys.readouterr().out
    assert code == 0
    assert "all pieces: pairwise agreement 486/486 = 1.000" in out
    assert out.count("Kendall tau-b") == 2 * len(NAMES)
    assert "0.750  wrong main" in out
