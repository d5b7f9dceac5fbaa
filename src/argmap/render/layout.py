"""How to lay a map out on a screen: the direction that suits its shape, and the legible scale.

A tree drawn top → bottom is as wide as its widest level and as tall as it is deep; drawn
left → right the other way round. Fitted into a page, a wide and shallow tree drawn top → bottom
shrinks its words to a few pixels (2550 × 436 pt into 940 px: labels about 5 px high). So the
direction is chosen from the shape and the width available, and the drawing is never shown below
``MIN_LABEL_PX``: a map larger than the space scrolls (pan and zoom) instead of shrinking.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from argmap import graph
from argmap.model import ArgumentMap
from argmap.render.view import Direction, ViewOptions, select
from argmap.roles import derive

MIN_LABEL_PX = 12  # the smallest text a reader gets at 100% zoom
# A node's drawn size in points at the default wrap (32 characters, three or four lines), with the
# gaps between nodes and ranks (draw.py: nodesep 0.3 in, ranksep 0.45 in).
NODE_WIDTH_PT = 215
NODE_HEIGHT_PT = 70
LEGIBLE_SCALE = 1.25  # CSS px per point at which the smallest label (10 pt) is MIN_LABEL_PX high
DEFAULT_WIDTH_PX = 1000  # the map's width on a laptop when the page does not say


@dataclass(frozen=True)
class Shape:
    """The tree's levels and leaves: a tree drawn top → bottom is about as wide as its leaves side
    by side (Graphviz gives each subtree its own room), and as tall as it is deep."""

    depth: int
    breadth: int  # nodes on the widest level
    leaves: int = 0

    def size_pt(self, direction: Direction) -> tuple[float, float]:
        """Estimated (width, height) in points of the drawing in ``direction``."""
        across = max(self.breadth, self.leaves)
        if direction == "LR":
            return self.depth * NODE_WIDTH_PT * 1.15, across * NODE_HEIGHT_PT
        return across * NODE_WIDTH_PT, self.depth * NODE_HEIGHT_PT


def shape(amap: ArgumentMap, options: ViewOptions | None = None) -> Shape:
    """The depth, breadth and leaves of what ``options`` leave visible, as a tree from the main
    conclusion."""
    options = options or ViewOptions()
    roles = derive(amap)
    visible = select(amap, options, roles.main).visible
    t = graph.tree(amap, evidence=options.show_evidence)
    level: dict[str, int] = {}
    roots = [roles.main] if roles.main in visible else []
    roots += [n for n in t.nodes if n in visible and not t.in_degree(n) and n not in roots]
    frontier = list(roots)
    for r in roots:
        level[r] = 0
    while frontier:
        nxt = []
        for node in frontier:
            for child in t.successors(node):
                if child in visible and child not in level:
                    level[child] = level[node] + 1
                    nxt.append(child)
        frontier = nxt
    for n in visible:  # anything unreached (a cycle) sits on the first level
        level.setdefault(n, 0)
    if not level:
        return Shape(depth=0, breadth=0)
    per_level = Counter(level.values())
    leaves = sum(1 for n in level if not any(c in visible for c in t.successors(n)))
    return Shape(depth=max(per_level) + 1, breadth=max(per_level.values()), leaves=leaves)


def choose_direction(
    amap: ArgumentMap, options: ViewOptions | None = None, width_px: float = DEFAULT_WIDTH_PX
) -> Direction:
    """ "TB" when the tree, at legible size, fits ``width_px`` top → bottom; otherwise the direction
    that needs the less sideways scrolling ("LR" for a wide and shallow tree)."""
    s = shape(amap, options)
    room = width_px / LEGIBLE_SCALE
    tb_width, _ = s.size_pt("TB")
    if tb_width <= room:
        return "TB"
    lr_width, _ = s.size_pt("LR")
    return "LR" if lr_width < tb_width else "TB"


def breadcrumbs(amap: ArgumentMap) -> dict[str, list[str]]:
    """For every statement and piece of evidence, the ids from the main conclusion down to it
    (one breadth-first walk: the shortest way down; a node that hangs apart gets just itself)."""
    roles = derive(amap)
    t = graph.tree(amap, evidence=True)
    parent: dict[str, str] = {}
    if roles.main is not None:
        parent[roles.main] = ""
        for up, child in graph.breadth_first(t, roles.main):
            parent.setdefault(child, up)
    out: dict[str, list[str]] = {}
    for node in t.nodes:
        if node not in parent:
            out[node] = [node]
            continue
        path = [node]
        while parent[path[-1]]:
            up = parent[path[-1]]
            known = out.get(up)
            if known is not None:  # the rest of the way is known already
                path.extend(reversed(known))
                break
            path.append(up)
        out[node] = path[::-1]
    return out


def breadcrumb(amap: ArgumentMap, eid: str) -> list[str]:
    """The ids from the main conclusion down to ``eid`` (just ``[eid]`` when it hangs apart)."""
    return breadcrumbs(amap).get(eid, [])
