"""Roles derived from the graph, never stored: main conclusion, premise, objection, rebuttal...

The main conclusion is the pinned one, else the statement that is concluded but premises nothing
and attacks nothing, with the most support beneath it. From it, sides follow by parity: a premise
takes its conclusion's side, an attacker the other side. An attacker on the author's (proponent)
side's opponent is a *rebuttal*; an attacker of the author's line is an *objection*.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from argmap import graph
from argmap.model import ArgumentMap

Role = Literal["main", "intermediate", "premise", "objection", "rebuttal", "unconnected"]
Side = Literal["proponent", "opponent"]
ROLE_LABELS: dict[str, str] = {
    "main": "main conclusion",
    "intermediate": "intermediate conclusion",
    "premise": "premise",
    "objection": "objection",
    "rebuttal": "rebuttal",
    "unconnected": "unconnected",
    "evidence": "evidence",
}


@dataclass(frozen=True)
class Roles:
    """The derived reading of a map: its main conclusion, each statement's role and side (read-only:
    one reading is shared by every caller that asks about the same map)."""

    main: str | None
    role: Mapping[str, Role]
    side: Mapping[str, Side | None]
    depth: Mapping[str, int]  # steps from the main conclusion (None side → absent)


def main_conclusion(amap: ArgumentMap) -> str | None:
    """The pinned main conclusion, else the best-supported top-level conclusion, else None.

    A top-level statement that is only attacked counts too (weight 1: any supported one wins).
    """
    if amap.main is not None:
        return amap.main
    premises = {p for i in amap.inferences for p in i.premises}
    attackers = {a.source for a in amap.attacks}
    supporters = {i.conclusion for i in amap.inferences}
    # A claim that is only attacked (no reasons given yet) is still the claim under discussion.
    attacked = {a.target for a in amap.attacks}
    candidates = [
        s.id
        for s in amap.statements
        if s.id not in premises and s.id not in attackers and (s.id in supporters or s.id in attacked)
    ]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    order = {s.id: n for n, s in enumerate(amap.statements)}
    return max(candidates, key=lambda sid: (len(graph.beneath(amap, sid)), -order[sid]))


def derive(amap: ArgumentMap) -> Roles:
    """Every statement's role and side, derived from inferences and attacks (worked out once per map)."""
    return graph.memo(amap, "roles", _derive)


def _derive(amap: ArgumentMap) -> Roles:
    main = main_conclusion(amap)
    infer_by_id = {i.id: i for i in amap.inferences}
    side: dict[str, Side | None] = {s.id: None for s in amap.statements}
    depth: dict[str, int] = {}
    if main is not None:
        # Breadth first from the main conclusion: a premise keeps its conclusion's side, an attacker
        # (reached first by its attack) takes the other side.
        down = graph.tree(amap)
        side[main] = "proponent"
        depth[main] = 0
        for parent, child in graph.breadth_first(down, main):
            up_side = side[parent]
            flip = graph.kinds(down, parent, child)[0] == "attack"
            side[child] = ("opponent" if up_side == "proponent" else "proponent") if flip else up_side
            depth[child] = depth[parent] + 1

    concluded = {i.conclusion for i in amap.inferences}
    premises = {p for i in amap.inferences for p in i.premises}
    attack_targets: dict[str, list[str]] = defaultdict(list)
    for a in amap.attacks:
        tgt = a.target
        attack_targets[a.source].append(infer_by_id[tgt].conclusion if tgt in infer_by_id else tgt)
    attacked = {a.target for a in amap.attacks}

    role: dict[str, Role] = {}
    for s in amap.statements:
        sid = s.id
        if sid == main:
            role[sid] = "main"
        elif sid in attack_targets:
            # Answers the other side's attacker → rebuttal; attacks the author's line → objection.
            tgt_sides = {side.get(t) for t in attack_targets[sid]}
            role[sid] = "rebuttal" if "opponent" in tgt_sides else "objection"
        elif sid in premises and sid in concluded:
            role[sid] = "intermediate"
        elif sid in premises:
            role[sid] = "premise"
        elif sid in concluded or sid in attacked:
            role[sid] = "intermediate" if side.get(sid) else "unconnected"
        else:
            role[sid] = "unconnected"
    return Roles(
        main=main, role=MappingProxyType(role), side=MappingProxyType(side), depth=MappingProxyType(depth)
    )
