"""The editor's audit: weights from the map's structure, ranking, wording, grouping, reviews."""

import json
from pathlib import Path

import pytest

from argmap.analysis import audit as au
from argmap.analysis.checks import Finding
from argmap.edit import operations as edit
from argmap.extractor import extract
from argmap.model import ArgumentMap, Evidence, Inference, Statement

PIECES = Path(__file__).resolve().parents[1] / "fixtures" / "audit"


def _map(texts, supports, evidence=()):
    return ArgumentMap(
        id="t",
        statements=tuple(Statement(id=k, text=v) for k, v in texts.items()),
        inferences=tuple(
            Inference(id=f"i{n}", premises=p, conclusion=c) for n, (p, c) in enumerate(supports)
        ),
        evidence=tuple(Evidence(id=f"e{n}", target=t, text=x) for n, (t, x) in enumerate(evidence)),
    )


def test_support_share_a_crossing_premise_carries_everything_and_parallel_reasons_split_it():
    m = _map(
        {"c": "C.", "x": "Crossing.", "a": "A.", "b": "B."},
        ((("x",), "c"), (("a",), "x"), (("b",), "x")),
    )
    share = au.support_share(m)
    assert share["c"] == share["x"] == 1.0
    assert share["a"] == share["b"] == 0.5


def test_support_share_is_empty_without_a_main_and_survives_a_circle():
    assert au.support_share(_map({"a": "A."}, ())) == {}
    circle = _map({"c": "C.", "a": "A.", "b": "B."}, ((("a",), "c"), (("b",), "a"), (("a",), "b")))
    share = au.support_share(circle)
    assert share["c"] == 1.0


def _finding(check, nid, severity="warning"):
    return Finding(
        check=check, severity=severity, node_ids=(nid,), message="A figure with no source.", cue="“23”"
    )


def test_the_same_weak_point_ranks_higher_on_a_premise_every_path_crosses():
    m = _map(
        {"c": "C.", "x": "Crossing.", "a": "A.", "b": "B."},
        ((("x",), "c"), (("a",), "x"), (("b",), "x")),
    )
    found = [_finding("figure_without_source", "a"), _finding("figure_without_source", "x")]
    result = au.audit(m, found)
    assert [p.finding.node_ids[0] for p in result.points] == ["x", "a"]
    assert result.points[0].sentence.startswith("The conclusion rests on “Crossing.”")
    assert "a figure with no source" in result.points[0].sentence


def test_info_findings_are_grouped_in_one_sentence():
    m = _map({"c": "C.", "a": "A.", "b": "B."}, ((("a", "b"), "c"),))
    found = [_finding("unsupported_premise", n, "info") for n in ("a", "b")]
    result = au.audit(m, found)
    assert result.points == ()
    assert [n.sentence for n in result.notices] == [
        "2 premises have no reason given — normal for a short piece."
    ]


def test_a_review_dismisses_a_point_or_turns_it_into_a_question():
    m = _map({"c": "C.", "x": "X.", "y": "Y."}, ((("x", "y"), "c"),))
    found = [_finding("figure_without_source", "x"), _finding("vague_source", "y")]
    first = au.audit(m, found)
    kx, ky = (p.key for p in first.points)
    asked = edit.review(m, kx, "asked", question="Where is the 23 from?")
    gone = edit.review(asked, ky, "dismissed")
    result = au.audit(gone, found)
    assert [p.key for p in result.points] == [kx]
    assert [p.key for p in result.dismissed] == [ky]
    assert [(p.question, p.status) for p in result.questions] == [("Where is the 23 from?", "asked")]
    answered = au.audit(edit.review(gone, kx, "answered"), found)
    assert answered.questions[0].status == "answered"
    assert answered.questions[0].question == "Where is the 23 from?"  # kept across the change
    assert au.audit(edit.review(gone, ky, None), found).dismissed == ()


def test_review_refuses_an_unknown_status():
    from argmap.errors import EditError

    with pytest.raises(EditError, match="unknown review status"):
        edit.review(_map({"c": "C."}, ()), "k", "maybe")


@pytest.mark.parametrize("piece", sorted(json.loads((PIECES / "expectations.json").read_text())))
def test_the_planted_weak_point_is_in_the_top_three(piece):
    expected = json.loads((PIECES / "expectations.json").read_text())[piece]
    amap = extract((PIECES / piece).read_text(encoding="utf-8"))
    result = au.audit(amap)
    top = [au.statement_of(amap, p.finding.node_ids[0]) for p in result.top[: expected["top"]]]
    assert any(s is not None and expected["planted"] in s.text for s in top), [p.sentence for p in result.top]
    assert len(result.top) <= 5


def test_the_audit_lists_the_check_worthy_claims_with_the_source_given():
    amap = extract((PIECES / "school-streets.txt").read_text(encoding="utf-8"))
    claims = au.audit(amap).claims
    figure = next(c for c in claims if "23 percent" in c.text)
    assert "figure" in figure.kinds and figure.source == ""
    assert figure.start is not None and amap.source.text[figure.start : figure.end] in figure.text
    assert all("should" not in c.text for c in claims)  # judgements are not facts to check


def test_asking_the_writer_records_the_question_and_opens_a_comment_on_the_node():
    m = _map({"c": "C.", "x": "X."}, ((("x",), "c"),))
    key = "figure_without_source:x"
    asked = edit.ask_writer(m, key, "Where is the 23 from?", node="x", author="Ed")
    assert [(r.key, r.status, r.question) for r in asked.reviews] == [(key, "asked", "Where is the 23 from?")]
    assert [(c.target, c.text, c.author) for c in asked.comments] == [
        ("x", "Question for the writer: Where is the 23 from?", "Ed")
    ]
    from argmap.errors import EditError

    with pytest.raises(EditError, match="needs words"):
        edit.ask_writer(m, key, "  ", node="x")
