"""The map one node at a time, as a card: its words, its role, and what argues for and against it.

On a phone a tree of thirty boxes cannot be read; a card can. Each card lists the node's reasons
(the premises of inferences concluding in it, linked co-premises together), its objections
(rebutters and undercutters) and its evidence, and names the node it argues for or against, so a
reader can go down the argument a tap at a time, and back up.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from argmap.model import ArgumentMap
from argmap.render.layout import breadcrumbs
from argmap.roles import ROLE_LABELS, derive


@dataclass(frozen=True)
class Card:
    """One node as a card. ``reasons`` holds groups: co-premises that only work together share one."""

    id: str
    role: str
    text: str
    up: str | None = None  # what it argues for or against
    up_how: str = ""  # "supports" / "attacks"
    reasons: list[list[str]] = field(default_factory=list)
    objections: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    path: list[str] = field(default_factory=list)  # from the main conclusion to this node


def cards(amap: ArgumentMap) -> dict[str, Card]:
    """A card for every statement and piece of evidence of ``amap``."""
    roles = derive(amap)
    out: dict[str, Card] = {}
    for s in amap.statements:
        reasons = [list(i.premises) for i in amap.inferences if i.conclusion == s.id]
        steps = {i.id for i in amap.inferences if i.conclusion == s.id}
        objections = [a.source for a in amap.attacks if a.target == s.id or a.target in steps]
        up, how = None, ""
        for i in amap.inferences:
            if s.id in i.premises:
                up, how = i.conclusion, "supports"
                break
        else:
            conclusion_of = {i.id: i.conclusion for i in amap.inferences}
            for a in amap.attacks:
                if a.source == s.id:
                    up, how = conclusion_of.get(a.target, a.target), "attacks"
                    break
        out[s.id] = Card(
            id=s.id,
            role=ROLE_LABELS[roles.role[s.id]] + (" (implicit)" if s.implicit else ""),
            text=s.text,
            up=up,
            up_how=how,
            reasons=reasons,
            objections=objections,
            evidence=[e.id for e in amap.evidence if e.target == s.id],
        )
    for e in amap.evidence:
        source = f" \u2014 {e.source.label()}" if e.source and e.source.label() else ""
        out[e.id] = Card(
            id=e.id, role=f"evidence ({e.kind})", text=e.text + source, up=e.target, up_how="backs"
        )
    return out


def card_data(amap: ArgumentMap) -> dict[str, dict[str, Any]]:
    """``cards`` as plain data for the browser, each with its breadcrumb."""
    paths = breadcrumbs(amap)
    return {eid: {**asdict(c), "path": paths.get(eid, [eid])} for eid, c in cards(amap).items()}


def node_labels(amap: ArgumentMap) -> dict[str, str]:
    """What a screen reader says for each node: its role, then its words ("premise: Traffic …")."""
    roles = derive(amap)
    out = {
        s.id: f"{ROLE_LABELS[roles.role[s.id]]}{' (implicit)' if s.implicit else ''}: {s.text}"
        for s in amap.statements
    }
    out |= {e.id: f"evidence ({e.kind}): {e.text}" for e in amap.evidence}
    return out


def summary(amap: ArgumentMap) -> str:
    """A one-sentence text alternative for the drawing of ``amap``."""
    roles = derive(amap)
    counts = {r: 0 for r in ("premise", "intermediate", "objection", "rebuttal")}
    for r in roles.role.values():
        if r in counts:
            counts[r] += 1
    main = f"; main conclusion: \u201c{amap.statement(roles.main).text}\u201d" if roles.main else ""
    return (
        f"Argument map of {len(amap.statements)} statements ({counts['intermediate']} intermediate "
        f"conclusions, {counts['premise']} premises, {counts['objection']} objections, "
        f"{counts['rebuttal']} rebuttals) and {len(amap.evidence)} pieces of evidence{main}. "
        "The outline gives the same structure as text."
    )


@dataclass(frozen=True)
class Branch:
    """One branch under the main conclusion for the overview of a large map: its root, and each
    node beneath as (depth, mark, id) — mark "+" for a reason, "−" for an attack, "◆" for evidence."""

    root: str
    mark: str
    lines: list[tuple[int, str, str]]


def overview(amap: ArgumentMap) -> list[Branch]:
    """The branches under the main conclusion, each with its subtree, depth first, each node once."""
    from argmap import graph

    roles = derive(amap)
    if roles.main is None:
        return []
    t = graph.tree(amap, evidence=True)
    seen = {roles.main}

    def mark(parent: str, child: str) -> str:
        kinds = graph.kinds(t, parent, child)
        return "\u2212" if "attack" in kinds else "\u25c6" if "evidence" in kinds else "+"

    out = []
    for root in t.successors(roles.main):
        if root in seen:
            continue
        seen.add(root)
        lines: list[tuple[int, str, str]] = []
        stack = [(root, c, 1) for c in reversed(list(t.successors(root)))]
        while stack:
            parent, node, depth = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            lines.append((depth, mark(parent, node), node))
            stack.extend((node, c, depth + 1) for c in reversed(list(t.successors(node))))
        out.append(Branch(root=root, mark=mark(roles.main, root), lines=lines))
    return out
