"""One global decision for the links: the maximum spanning arborescence rooted at the main conclusion.

Every ordered pair of units (source, target) has a gain: the log-odds of the link over no link, from the
learned pair model. The tree keeps the set of links with the largest total gain in which each unit has at most
one target and no circle forms (Chu-Liu/Edmonds, via networkx), as in Peldszus & Stede's evidence graph
(EMNLP 2015). A virtual root stands above the main conclusion and above every unit left unlinked: a unit links
only where that gains more than leaving it out.
"""

from __future__ import annotations

import networkx as nx

_ROOT = -1
GREEDY_UNITS = 400  # above this many units, the best target per unit, circles broken (Edmonds' first step)


def decide(n: int, main: int, gains: dict[tuple[int, int], float]) -> dict[int, int]:
    """Each linked unit's target: the arborescence over ``n`` units rooted at ``main`` (see the module)."""
    if n > GREEDY_UNITS:
        return _greedy(main, gains)
    best: dict[int, tuple[float, int]] = {}  # Edmonds' first step: each unit's best gainful target
    for (i, j), w in gains.items():
        if i != main and i != j and w > 0 and (i not in best or (w, -j) > (best[i][0], -best[i][1])):
            best[i] = (w, j)
    parent = {i: j for i, (_, j) in best.items()}
    if _acyclic(parent):  # no circle: that is the maximum arborescence already
        return parent
    g: nx.DiGraph[int] = nx.DiGraph()
    g.add_nodes_from(range(n))
    for k in range(n):
        g.add_edge(_ROOT, k, weight=0.0)
    for (i, j), w in gains.items():
        # A link that gains nothing never enters the best tree (the virtual root's 0 beats it): left out.
        if i != main and i != j and 0 <= j < n and 0 <= i < n and w > 0:
            g.add_edge(j, i, weight=w)
    arb = nx.maximum_spanning_arborescence(g, attr="weight")
    return {i: j for j, i in arb.edges() if j != _ROOT}


def _acyclic(parent: dict[int, int]) -> bool:
    done: set[int] = set()
    for start in parent:
        path: set[int] = set()
        k: int | None = start
        while k is not None and k not in done:
            if k in path:
                return False
            path.add(k)
            k = parent.get(k)
        done |= path
    return True


def _greedy(main: int, gains: dict[tuple[int, int], float]) -> dict[int, int]:
    """On a very long text: links in order of gain, each unit taking its best target that closes no circle
    (the arborescence itself wherever no circle forms, which is the usual case)."""
    parent: dict[int, int] = {}
    for (i, j), w in sorted(gains.items(), key=lambda kv: (-kv[1], kv[0])):
        if w <= 0:
            break
        if i in (main, j) or i in parent:
            continue
        k: int | None = j
        while k is not None and k != i:
            k = parent.get(k)
        if k is None:
            parent[i] = j
    return parent
