"""The map as a graph: every walk over an argument map goes through here, on networkx.

Three directed graphs are computed from an ``ArgumentMap`` (nodes in map order; each built once
per map, since a frozen map never changes, and returned frozen):

    tree(amap, evidence=False)  a conclusion → what hangs beneath it, as the map is drawn and read:
                                its premises ("support"), its attackers ("attack"; an undercut hangs
                                under the conclusion of the inference it attacks) and, with
                                ``evidence=True``, its evidence ("evidence"). ``kinds(t, u, v)``
                                is every link's kind along an edge, in map order; ``co_premises``
                                the premises of the inferences along it (a linked argument is whole).
    support(amap)               premise → conclusion, statements only: what rests on what.
    dependencies(amap)          element → the elements its evaluation reads, in the order it reads
                                them (see analysis.evaluation).

The walks: ``breadth_first``, ``below`` and ``above`` (breadth first, with a depth), ``beneath``
(everything a claim rests on), ``circles`` (circles of support), ``postorder`` and ``depth_first``
(an ordered tree written out). networkx walks with explicit stacks: a chain thousands deep needs no
recursion. Roles (argmap.roles.derive) are kept per map the same way (``memo``).
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, TypeAlias, TypeVar

import networkx as nx

from argmap.model import ArgumentMap

Kind = Literal["support", "attack", "evidence"]
Graph: TypeAlias = "nx.DiGraph[str]"  # nodes are element ids
Node = TypeVar("Node", bound=Hashable)
T = TypeVar("T")

# id(amap) -> (a weak reference to it, what was worked out from it by name): kept as long as the map.
_KEPT: dict[int, tuple[weakref.ref[ArgumentMap], dict[str, Any]]] = {}


def memo(amap: ArgumentMap, name: str, build: Callable[[ArgumentMap], T]) -> T:
    """``build(amap)``, worked out once per map and kept as long as the map lives (a frozen map never
    changes, so what follows from it never goes stale). What is kept is shared: never change it."""
    key = id(amap)
    entry = _KEPT.get(key)
    if entry is None or entry[0]() is not amap:

        def forget(ref: weakref.ref[ArgumentMap], key: int = key) -> None:
            if _KEPT.get(key, (None,))[0] is ref:
                del _KEPT[key]

        entry = (weakref.ref(amap, forget), {})
        _KEPT[key] = entry
    kept = entry[1]
    if name not in kept:
        # A graph is tens of thousands of small dicts and no reference cycles, yet every thousand or so
        # allocations wake the cyclic collector, which walks every object alive (the map's included):
        # held, as formats.pause_gc holds it while a file is read, building takes half the time.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            kept[name] = build(amap)
        finally:
            if was_enabled:
                gc.enable()
    found: T = kept[name]
    return found


def tree(amap: ArgumentMap, *, evidence: bool = False) -> Graph:
    """Conclusion → premise, attacker (and evidence): the map as it is drawn (see the module docstring)."""
    return memo(amap, "tree+evidence" if evidence else "tree", lambda m: nx.freeze(_tree(m, evidence)))


def _tree(amap: ArgumentMap, evidence: bool) -> Graph:
    # The links first, in plain dicts and in link order (the order every walk visits children in); the
    # graph's edges carry no data of their own (a dict per edge would cost a third more to build).
    kinds: dict[tuple[str, str], tuple[Kind, ...]] = {}
    co_premises: dict[tuple[str, str], tuple[str, ...]] = {}
    conclusion_of = {i.id: i.conclusion for i in amap.inferences}
    for i in amap.inferences:
        for p in i.premises:
            edge = (i.conclusion, p)
            kinds[edge] = (*kinds.get(edge, ()), "support")
            co_premises[edge] = (*co_premises.get(edge, ()), *i.premises)
    for a in amap.attacks:
        edge = (conclusion_of.get(a.target, a.target), a.source)
        kinds[edge] = (*kinds.get(edge, ()), "attack")
    g: Graph = nx.DiGraph(kinds=kinds, co_premises=co_premises)
    g.add_nodes_from(s.id for s in amap.statements)
    if evidence:
        g.add_nodes_from(e.id for e in amap.evidence)
        for e in amap.evidence:
            edge = (e.target, e.id)
            kinds[edge] = (*kinds.get(edge, ()), "evidence")
    g.add_edges_from(kinds)
    return g


def kinds(t: Graph, parent: str, child: str) -> tuple[Kind, ...]:
    """The kinds of the links along an edge of ``tree``, in map order (usually one)."""
    found: tuple[Kind, ...] = t.graph["kinds"][parent, child]
    return found


def co_premises(t: Graph, parent: str, child: str) -> tuple[str, ...]:
    """The premises of the inferences along an edge of ``tree`` (none for an attack or evidence)."""
    found: tuple[str, ...] = t.graph["co_premises"].get((parent, child), ())
    return found


def support(amap: ArgumentMap) -> Graph:
    """Premise → conclusion over the statements (support only)."""
    return memo(amap, "support", lambda m: nx.freeze(_support(m)))


def _support(amap: ArgumentMap) -> Graph:
    g: Graph = nx.DiGraph()
    g.add_nodes_from(s.id for s in amap.statements)
    g.add_edges_from((p, i.conclusion) for i in amap.inferences for p in i.premises)
    return g


def dependencies(amap: ArgumentMap) -> Graph:
    """Element → the elements its status is read from, in reading order: an attack reads its attacker;
    an inference its premises, then the undercuts on it; a statement its inferences, its evidence, then
    the attacks on it. Nodes: statements, inferences, attacks, evidence, in map order."""
    return memo(amap, "dependencies", lambda m: nx.freeze(_dependencies(m)))


def _dependencies(amap: ArgumentMap) -> Graph:
    needs: dict[str, list[str]] = {e.id: [] for g in (amap.statements, amap.inferences) for e in g}
    for i in amap.inferences:
        needs[i.conclusion].append(i.id)
        needs[i.id].extend(i.premises)
    for e in amap.evidence:
        needs[e.target].append(e.id)
    for a in amap.attacks:
        needs[a.target].append(a.id)
    g: Graph = nx.DiGraph()
    # Inferences read premises before undercuts, statements reasons before attacks: the lists above
    # are in that order because attacks come last.
    g.add_nodes_from(
        e.id for grp in (amap.statements, amap.inferences, amap.attacks, amap.evidence) for e in grp
    )
    g.add_edges_from((eid, need) for eid, ids in needs.items() for need in ids)
    g.add_edges_from((a.id, a.source) for a in amap.attacks)
    return g


# --- walks -------------------------------------------------------------------------------------


def below(
    g: Graph,
    starts: Iterable[str],
    depth: int | None = None,
    *,
    within: set[str] | frozenset[str] | None = None,
    stop: set[str] | frozenset[str] | None = None,
) -> set[str]:
    """Every node at most ``depth`` steps below ``starts`` (the starts included; None: no limit).

    ``within`` bounds the walk to a set (the starts always count); nodes in ``stop`` are reached
    but not walked below.
    """
    sources = list(dict.fromkeys(starts))
    view = g
    if within is not None or stop:
        allowed = None if within is None else within | set(sources)
        view = nx.subgraph_view(
            g,
            filter_node=nx.filters.no_filter if allowed is None else allowed.__contains__,
            filter_edge=(lambda u, v: u not in stop) if stop else nx.filters.no_filter,
        )
    return _layers(view, sources, depth)


def breadth_first(g: Graph, start: str) -> Iterator[tuple[str, str]]:
    """(parent, child) as each node below ``start`` is first reached, breadth first, children in order."""
    edges: Iterator[tuple[str, str]] = nx.bfs_edges(g, start)
    return edges


def _layers(g: Graph, sources: list[str], depth: int | None) -> set[str]:
    out: set[str] = set()
    for k, layer in enumerate(nx.bfs_layers(g, sources)):
        out.update(layer)
        if depth is not None and k >= depth:
            break
    return out


def above(g: Graph, start: str, depth: int | None = None) -> set[str]:
    """Every node at most ``depth`` steps above ``start`` (itself included), plus the co-premises of the
    linked inferences passed on the way (a linked argument is shown whole, never half)."""
    seen: set[str] = set()
    extra: set[str] = set()
    for k, layer in enumerate(nx.bfs_layers(g.reverse(copy=False), [start])):
        seen.update(layer)
        if depth is not None and k >= depth:
            break
        for node in layer:
            for parent in g.predecessors(node):
                extra.update(co_premises(g, parent, node))
    return seen | extra


def beneath(amap: ArgumentMap, sid: str) -> set[str]:
    """The statements ``sid`` rests on: its premises, theirs, and so on (``sid`` included)."""
    return nx.ancestors(support(amap), sid) | {sid}


def circles(amap: ArgumentMap) -> list[list[str]]:
    """Circles of support: each a strongly connected set of two or more statements, in map order (the
    circles by their first statement)."""
    order = {s.id: n for n, s in enumerate(amap.statements)}
    found = [sorted(c, key=order.__getitem__) for c in nx.strongly_connected_components(support(amap))]
    return sorted((c for c in found if len(c) > 1), key=lambda c: order[c[0]])


def postorder(g: Graph) -> Iterator[str]:
    """Every node, depth first from each node in turn, each after all it leads to that is not already
    on the current path (those form a circle back)."""
    nodes: Iterator[str] = nx.dfs_postorder_nodes(g)
    return nodes


def depth_first(
    children: Mapping[Node, Sequence[Node]], sources: Iterable[Node]
) -> Iterator[tuple[Node, Node, Literal["forward", "nontree"]]]:
    """Walk an ordered tree depth first from each of ``sources`` in turn (one already reached is skipped).

    Yields ``(root, root, "forward")`` as each walk starts, ``(parent, child, "forward")`` the first time
    a child is reached (its own children follow), and ``(parent, child, "nontree")`` when it was reached
    before; children in the order given.
    """
    g: nx.DiGraph[Any] = nx.DiGraph()
    # One start above the sources, so one walk takes them in turn and remembers what it reached.
    top = object()
    g.add_node(top)
    g.add_edges_from((top, root) for root in sources)
    g.add_edges_from((parent, child) for parent, kids in children.items() for child in kids)
    for u, v, how in nx.dfs_labeled_edges(g, source=top):
        if u is top:
            if how == "forward" and v is not top:
                yield v, v, "forward"
        elif how in ("forward", "nontree"):
            yield u, v, how
