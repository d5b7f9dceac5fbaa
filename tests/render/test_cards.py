"""Cards: one node at a time with what argues for and against it (the phone's view of a map)."""

from __future__ import annotations

from argmap.formats import native
from argmap.render.cards import card_data, cards, node_labels, summary


def amap():
    return native.from_data(
        {
            "id": "m",
            "statements": [
                {"id": "s1", "text": "Close the streets"},
                {"id": "s2", "text": "Traffic is dangerous"},
                {"id": "s3", "text": "Children walk there"},
                {"id": "s4", "text": "Shops lose trade"},
                {"id": "s5", "text": "Only for an hour", "implicit": True},
            ],
            "inferences": [
                {"id": "i1", "premises": ["s2", "s3"], "conclusion": "s1"},
            ],
            "attacks": [
                {"id": "a1", "source": "s4", "target": "s1"},
                {"id": "a2", "source": "s5", "target": "s4"},
            ],
            "evidence": [{"id": "e1", "target": "s2", "text": "3 hurt in a year", "kind": "statistic"}],
        }
    )


def test_a_card_lists_reasons_objections_and_evidence_and_what_it_argues_for() -> None:
    c = cards(amap())
    assert c["s1"].role == "main conclusion" and c["s1"].reasons == [["s2", "s3"]]
    assert c["s1"].objections == ["s4"] and c["s1"].up is None
    assert (c["s2"].up, c["s2"].up_how, c["s2"].evidence) == ("s1", "supports", ["e1"])
    assert (c["s4"].role, c["s4"].up_how, c["s4"].objections) == ("objection", "attacks", ["s5"])
    assert c["s5"].role == "rebuttal (implicit)"
    assert (c["e1"].up, c["e1"].role) == ("s2", "evidence (statistic)")


def test_card_data_carries_the_way_down_and_labels_say_the_role() -> None:
    data = card_data(amap())
    assert data["e1"]["path"] == ["s1", "s2", "e1"]
    assert data["s5"]["path"] == ["s1", "s4", "s5"]
    assert node_labels(amap())["s4"] == "objection: Shops lose trade"
    assert summary(amap()).startswith(
        "Argument map of 5 statements (0 intermediate conclusions, 2 premises, 1 objections"
    )


def test_overview_lists_each_branch_under_the_main_conclusion_with_its_subtree() -> None:
    from argmap.render.cards import overview

    branches = overview(amap())
    assert [(b.root, b.mark) for b in branches] == [("s2", "+"), ("s3", "+"), ("s4", "\u2212")]
    assert branches[0].lines == [(1, "\u25c6", "e1")]
    assert branches[2].lines == [(1, "\u2212", "s5")]
