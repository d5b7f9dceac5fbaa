"""argmap.graph: the map's graphs and the walks every layer uses."""

from __future__ import annotations

import networkx as nx
import pytest

from argmap import graph
from argmap.model import ArgumentMap, Attack, Evidence, Inference, Statement
from argmap.roles import derive


def _map(*, inferences=(), attacks=(), evidence=(), n=6, main=None) -> ArgumentMap:
    return ArgumentMap(
        id="g",
        statements=tuple(Statement(id=f"s{k}", text=f"claim {k}") for k in range(1, n + 1)),
        inferences=tuple(
            Inference(id=f"i{k}", premises=p, conclusion=c) for k, (p, c) in enumerate(inferences, 1)
        ),
        attacks=tuple(Attack(id=f"a{k}", source=s, target=t) for k, (s, t) in enumerate(attacks, 1)),
        evidence=tuple(Evidence(id=f"e{k}", target=t, text="a figure") for k, t in enumerate(evidence, 1)),
        main=main,
    )


# s1 <- s2 (+ s3 linked), s2 <- s4; s5 attacks s1; s6 undercuts i1 (s2+s3 -> s1); evidence on s4.
SAMPLE = dict(
    inferences=[(("s2", "s3"), "s1"), (("s4",), "s2")],
    attacks=[("s5", "s1"), ("s6", "i1")],
    evidence=["s4"],
)


def test_tree_hangs_reasons_attackers_and_undercutters_under_the_conclusion() -> None:
    t = graph.tree(_map(**SAMPLE))
    assert list(t.successors("s1")) == ["s2", "s3", "s5", "s6"]  # link order: inferences, then attacks
    assert graph.kinds(t, "s1", "s2") == ("support",) and graph.co_premises(t, "s1", "s2") == ("s2", "s3")
    assert (
        graph.kinds(t, "s1", "s6") == ("attack",) and graph.co_premises(t, "s1", "s6") == ()
    )  # the undercut of i1 hangs under i1's conclusion
    assert "e1" not in t and "e1" in graph.tree(_map(**SAMPLE), evidence=True).successors("s4")
    assert list(t.nodes) == [f"s{k}" for k in range(1, 7)]


def test_support_and_attack_between_the_same_statements_keeps_both_kinds() -> None:
    amap = _map(inferences=[(("s2",), "s1")], attacks=[("s2", "s1")])
    assert graph.kinds(graph.tree(amap), "s1", "s2") == ("support", "attack")


def test_below_and_above_walk_with_a_depth_and_keep_linked_arguments_whole() -> None:
    t = graph.tree(_map(**SAMPLE))
    assert graph.below(t, ["s1"], 1) == {"s1", "s2", "s3", "s5", "s6"}
    assert graph.below(t, ["s1"]) == {"s1", "s2", "s3", "s4", "s5", "s6"}
    assert graph.below(t, ["s1"], 0) == {"s1"}
    assert graph.below(t, ["s1"], within={"s2", "s4"}) == {"s1", "s2", "s4"}
    assert graph.below(t, ["s1"], stop={"s2"}) == {"s1", "s2", "s3", "s5", "s6"}  # s2 reached, not walked
    # Up from s2: its conclusion, and s3, without which the step to s1 is half an argument.
    assert graph.above(t, "s2", 1) == {"s2", "s1", "s3"}
    assert graph.above(t, "s4", 1) == {"s4", "s2"}
    assert graph.above(t, "s4") == {"s4", "s2", "s1", "s3"}


def test_beneath_is_everything_a_claim_rests_on() -> None:
    amap = _map(**SAMPLE)
    assert graph.beneath(amap, "s1") == {"s1", "s2", "s3", "s4"}  # attackers are not reasons
    assert graph.beneath(amap, "s4") == {"s4"}


def test_circles_are_found_in_map_order_whatever_the_hash_seed() -> None:
    amap = _map(
        inferences=[(("s5",), "s6"), (("s6",), "s5"), (("s1",), "s2"), (("s2",), "s3"), (("s3",), "s1")], n=6
    )
    assert graph.circles(amap) == [["s1", "s2", "s3"], ["s5", "s6"]]
    assert graph.circles(_map(**SAMPLE)) == []


def test_a_support_chain_thousands_deep_needs_no_recursion() -> None:
    n = 5000
    amap = _map(inferences=[((f"s{k + 1}",), f"s{k}") for k in range(1, n)], n=n)
    assert len(graph.beneath(amap, "s1")) == n
    assert derive(amap).depth[f"s{n}"] == n - 1
    assert len(graph.below(graph.tree(amap), ["s1"], 10)) == 11


def test_postorder_puts_each_element_after_what_it_reads() -> None:
    amap = _map(**SAMPLE)
    order = list(graph.postorder(graph.dependencies(amap)))
    assert sorted(order) == sorted(amap.ids())
    pos = {eid: n for n, eid in enumerate(order)}
    assert pos["s4"] < pos["i2"] < pos["s2"] < pos["i1"] < pos["s1"]
    assert pos["e1"] < pos["s4"] and pos["a2"] < pos["i1"] and pos["a1"] < pos["s1"]


def test_depth_first_reports_first_and_later_arrivals_in_order() -> None:
    kids = {"r": ["a", "b"], "a": ["c"], "b": ["c", "a"], "x": ["r"]}
    events = list(graph.depth_first(kids, ["r", "x", "c"]))
    assert events == [
        ("r", "r", "forward"),
        ("r", "a", "forward"),
        ("a", "c", "forward"),
        ("r", "b", "forward"),
        ("b", "c", "nontree"),
        ("b", "a", "nontree"),
        ("x", "x", "forward"),
        ("x", "r", "nontree"),
    ]  # c was reached from r: its own walk is skipped


def test_graphs_are_frozen_and_worked_out_once_per_map() -> None:
    amap = _map(**SAMPLE)
    assert graph.tree(amap) is graph.tree(amap) and derive(amap) is derive(amap)
    with pytest.raises(nx.NetworkXError):
        graph.tree(amap).add_edge("s1", "s9")


def test_a_new_map_never_sees_an_old_maps_graph() -> None:
    # Maps come and go (every edit makes one); a reused object id must not bring back another's graph.
    for k in range(200):
        amap = _map(inferences=[((f"s{k % 5 + 2}",), "s1")], n=6)
        assert list(graph.tree(amap).successors("s1")) == [f"s{k % 5 + 2}"]
        assert derive(amap).role[f"s{k % 5 + 2}"] == "premise"
        del amap  # freed at once (no reference cycles), and its id free for the next map
    assert len(graph._KEPT) < 5  # dropped with their maps
