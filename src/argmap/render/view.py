"""What a view of a map shows: the view options, and the selection of nodes they leave visible.

The map is walked as a tree hanging from the main conclusion: below a statement sit its reasons
(the premises of inferences concluding in it), its attackers (rebutters, and the undercutters of
those inferences) and its evidence. "Ancestors" of a node are what it argues for or against,
"descendants" what argues for or against it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from argmap import graph
from argmap.model import ArgumentMap

Direction = Literal["TB", "LR"]
ColorBy = Literal["role", "evaluation", "author", "change"]
DIRECTIONS: tuple[Direction, ...] = ("TB", "LR")
COLOR_BYS: tuple[ColorBy, ...] = ("role", "evaluation", "author")
Status = Literal["accepted", "doubtful", "rejected", "unrated"]


@dataclass(frozen=True)
class ViewOptions:
    """How to draw a map; every field has a default that shows the whole map.

    - ``direction``: "TB" puts the main conclusion at the top, "LR" at the left.
    - ``focus``: a statement or evidence id; only it, its ancestors and its descendants are shown
      (an id not in the map is ignored, so a stale view never breaks the drawing).
    - ``depth``: steps from the focus (or, without one, from the main conclusion) still shown.
    - ``collapsed``: nodes whose subtrees are folded away behind a "+N hidden" marker.
    - ``show_evidence``: draw evidence nodes or leave them out.
    - ``highlight``: ids drawn with a thick double border (statements, evidence, inferences, attacks).
    - ``color_by``: fill nodes by derived role, or by ``evaluation`` (id → accepted / doubtful /
      rejected / unrated; ids missing from it count as unrated), or by ``author`` (each person's
      colour from ``argmap.render.style.author_colors``; nodes nobody signed are grey), or by
      ``change`` (``changes``: what a revision added or changed, against the one before).
    - ``wrap``: characters per line of node text.
    - ``legend``: add the legend as a cluster of the graph itself (see also ``legend_dot``).
    - ``ids``: start each node's header with its id ("s3 · premise"); off, the header names the
      role only (the id stays the node's name, its tooltip and its SVG id).
    - ``label_chars``: longer statements are cut on the box with "…"; the tooltip has them whole.
    - ``title``: written above the drawing (pictures that travel alone: PNG, PDF, SVG files).
    """

    direction: Direction = "TB"
    focus: str | None = None
    depth: int | None = None
    collapsed: frozenset[str] = frozenset()
    show_evidence: bool = True
    highlight: frozenset[str] = frozenset()
    color_by: ColorBy = "role"
    evaluation: Mapping[str, str] | None = None
    authors: Mapping[str, str] | None = None  # id -> who added it, for color_by="author"
    changes: Mapping[str, str] | None = None  # id -> "added" / "changed", for color_by="change"
    wrap: int = 32
    legend: bool = False
    ids: bool = False
    label_chars: int = 140
    title: str | None = None


@dataclass(frozen=True)
class Selection:
    """The nodes a view shows, and how many nodes each marked node hides beneath it."""

    visible: frozenset[str]
    hidden_below: Mapping[str, int] = field(default_factory=dict)


def select(amap: ArgumentMap, options: ViewOptions, main: str | None) -> Selection:
    """The nodes ``options`` leave visible (focus, depth, collapse, evidence), with hidden counts."""
    if options.focus is None and options.depth is None and not options.collapsed:  # the common case
        shown = [s.id for s in amap.statements]
        if options.show_evidence:
            shown += [e.id for e in amap.evidence]
        return Selection(visible=frozenset(shown))
    t = graph.tree(amap, evidence=options.show_evidence)
    known = set(t.nodes)
    focus = options.focus if options.focus in known else None
    depth = options.depth if options.depth is None or options.depth >= 0 else 0

    if focus is not None:
        visible = graph.below(t, [focus], depth) | graph.above(t, focus, depth)
    elif depth is not None:
        roots = [main] if main is not None else [n for n in t.nodes if not t.in_degree(n)]
        visible = graph.below(t, roots, depth)
    else:
        visible = known

    collapsed = {c for c in options.collapsed if c in visible}
    hidden: set[str] = set()
    if collapsed:
        below = graph.below(t, collapsed, None, within=visible) - collapsed
        # A node reachable without passing under a collapsed node stays visible.
        still = graph.below(t, visible - below, None, within=visible, stop=collapsed)
        hidden = below - still
        visible = visible - hidden
    marked = collapsed - hidden
    if depth is not None:  # nodes at the depth frontier that have more beneath them
        marked |= {n for n in visible if any(c not in visible for c in t.successors(n))}
    counts = {}
    unseen = set(t.nodes) - visible
    for n in marked:
        # What hangs beneath n alone: a visible node ends the walk (its own marker counts on).
        count = len(graph.below(t, [n], None, within=unseen)) - 1
        if count:
            counts[n] = count
    return Selection(visible=frozenset(visible), hidden_below=counts)
