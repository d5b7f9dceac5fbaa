"""The global decision: a maximum spanning arborescence over the pair gains, rooted at the main conclusion."""

from __future__ import annotations

from argmap.extractor import tree


def _acyclic(parent: dict[int, int]) -> bool:
    for start in parent:
        seen, k = set(), start
        while k in parent:
            if k in seen:
                return False
            seen.add(k)
            k = parent[k]
    return True


def test_the_tree_takes_the_best_targets_when_they_make_no_circle():
    gains = {(1, 0): 2.0, (2, 0): 0.5, (2, 1): 1.5, (3, 2): 1.0}
    assert tree.decide(4, 0, gains) == {1: 0, 2: 1, 3: 2}


def test_a_circle_of_best_targets_is_broken_where_it_costs_least():
    # 1 and 2 each prefer the other; the tree keeps the stronger link and sends the other to the main claim.
    gains = {(1, 2): 3.0, (2, 1): 2.5, (1, 0): 1.0, (2, 0): 0.2}
    chosen = tree.decide(3, 0, gains)
    assert chosen == {1: 0, 2: 1} or chosen == {2: 0, 1: 2}
    assert chosen == {2: 1, 1: 0}  # 2.5 + 1.0 beats 3.0 + 0.2
    assert _acyclic(chosen)


def test_a_unit_with_no_gainful_link_is_left_out_and_the_main_claim_links_nowhere():
    gains = {(1, 0): -0.5, (2, 0): 1.0, (0, 2): 5.0}
    assert tree.decide(3, 0, gains) == {2: 0}


def test_a_very_long_text_takes_the_greedy_path_and_stays_acyclic():
    n = tree.GREEDY_UNITS + 50
    gains = {(i, i - 1): 1.0 for i in range(1, n)} | {(i, i + 1): 0.5 for i in range(1, n - 1)}
    gains[(1, 2)] = 3.0  # 1 prefers 2; 2 then cannot take 1 or 3 (a circle) and takes the main claim
    gains[(2, 0)] = 0.1
    chosen = tree.decide(n, 0, gains)
    assert _acyclic(chosen)
    assert len(chosen) == n - 1 and chosen[1] == 2 and chosen[2] == 0
