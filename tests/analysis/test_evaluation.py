from pathlib import Path

import pytest

from argmap.analysis.evaluation import STATUSES, evaluate, explain
from argmap.edit import operations as edit
from argmap.formats import native
from argmap.model import ArgumentMap, Attack, Evidence, Inference, Statement

EXAMPLE = Path(__file__).resolve().parents[2] / "arguments" / "democrats-voter-data.json"


def chain(**ratings) -> ArgumentMap:
    """c <- i1 <- (p, q linked); o attacks c; r attacks i1 (undercut); e backs p."""
    m = ArgumentMap(
        id="m",
        statements=tuple(Statement(id=k, text=f"{k}.") for k in ("c", "p", "q", "o", "r")),
        inferences=(Inference(id="i1", premises=("p", "q"), conclusion="c"),),
        attacks=(Attack(id="a1", source="o", target="c"), Attack(id="a2", source="r", target="i1")),
        evidence=(Evidence(id="e1", target="p", text="A figure."),),
    )
    for eid, rating in ratings.items():
        m = edit.rate(m, eid, rating)
    return m


def test_every_element_gets_a_status_in_the_vocabulary():
    m = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    st = evaluate(m)
    assert set(st) == m.ids()
    assert set(st.values()) <= set(STATUSES)
    assert st["e1"] == "accepted"  # the one rating the example carries: reliability high
    assert st["s3"] == "accepted"
    assert st["s1"] == "unrated"
    assert set(explain(m)) == m.ids()


def test_accepted_premises_carry_the_conclusion():
    st = evaluate(chain(p="accepted", q="accepted"))
    assert st["i1"] == "accepted"
    assert st["c"] == "accepted"


def test_weakest_linked_premise_counts_and_weak_inference_caps():
    assert evaluate(chain(p="accepted", q="doubtful"))["c"] == "doubtful"
    assert evaluate(chain(p="accepted", q="accepted", i1="weak"))["c"] == "doubtful"
    assert evaluate(chain(p="accepted", q="accepted", i1="none"))["c"] == "rejected"
    assert evaluate(chain(p="accepted", q="rejected"))["c"] == "rejected"


def test_objections_and_undercuts():
    st = evaluate(chain(p="accepted", q="accepted", o="accepted"))
    assert st["a1"] == "accepted"
    assert st["c"] == "doubtful"  # an accepted reason against an accepted objection: contested
    assert evaluate(chain(o="accepted"))["c"] == "rejected"  # an objection and no reason
    assert evaluate(chain(p="accepted", q="accepted", r="accepted"))["i1"] == "doubtful"
    assert evaluate(chain(p="accepted", q="accepted", o="accepted", a1="none"))["c"] == "accepted"


def test_evidence_reliability_supports_its_target():
    st = evaluate(chain(e1="high", q="accepted"))
    assert st["e1"] == "accepted"
    assert st["p"] == "accepted"
    assert st["c"] == "accepted"
    assert evaluate(chain(e1="low"))["p"] == "rejected"


def test_user_rating_wins_and_is_explained():
    m = chain(p="accepted", q="accepted", c="rejected")
    assert evaluate(m)["c"] == "rejected"
    assert "you rated it rejected" in explain(m)["c"].lower()
    assert "accepted" in explain(m)["c"]


def test_one_rating_change_flows_up():
    before = evaluate(chain(p="accepted", q="accepted"))
    after = evaluate(chain(p="rejected", q="accepted"))
    assert (before["c"], after["c"]) == ("accepted", "rejected")


def test_a_circle_does_not_support_itself():
    m = ArgumentMap(
        id="m",
        statements=(Statement(id="a", text="A."), Statement(id="b", text="B.")),
        inferences=(
            Inference(id="i1", premises=("a",), conclusion="b"),
            Inference(id="i2", premises=("b",), conclusion="a"),
        ),
    )
    assert set(evaluate(m).values()) == {"unrated"}


@pytest.mark.parametrize("rating", ["accepted", "doubtful", "rejected"])
def test_example_main_conclusion_follows_its_premises(rating):
    m = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    for sid in ("s6", "s2"):
        m = edit.rate(m, sid, rating)
    m = edit.rate(m, "i3", "strong")
    m = edit.rate(m, "i2", "strong")
    assert evaluate(m)["s1"] == rating


def test_a_deep_chain_is_evaluated_without_recursion_limits() -> None:
    """3,000 statements in a line (a valid map may hold 5,000): the leaf's rating reaches the top."""
    n = 3000
    amap = ArgumentMap(
        id="deep",
        title="Chain",
        statements=tuple(
            Statement(id=f"s{k}", text=f"step {k}", rating="accepted" if k == n else None)
            for k in range(1, n + 1)
        ),
        inferences=tuple(
            Inference(id=f"i{k}", premises=(f"s{k + 1}",), conclusion=f"s{k}") for k in range(1, n)
        ),
        attacks=(Attack(id="a1", source="s1", target=f"s{n}"),),  # a circle through the whole chain
    )
    status = evaluate(amap)
    assert status["s2"] == "accepted" and status[f"i{n - 1}"] == "accepted"
    assert len(status) == n + (n - 1) + 1
