"""Roles derived from the graph, never stored: main conclusion, premise, objection, rebuttal...

The main conclusion is the pinned one, else the statement that is concluded but premises nothing
and attacks nothing, with the most support beneath it. From it, sides follow by parity: a premise
takes its conclusion's side, an attacker the other side. An attacker on the author's (proponent)
side's opponent is a *rebuttal*; an attacker of the author's line is an *objection*.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass
from typing import Literal

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
    """The derived reading of a map: its main conclusion, each statement's role and side."""

    main: str | None
    role: dict[str, Role]
    side: dict[str, Side | None]
    depth: dict[str, int]  # steps from the main conclusion (None side → absent)


def main_conclusion(amap: ArgumentMap) -> str | None:
    """The pinned main conclusion, else the best-supported top-level conclusion, else None.

    A top-level statement that is only attacked counts too (weight 1: any supported one wins).
    """
    if amap.main is not None:
        return amap.main
    premises = {p for i in amap.inferences for p in i.premises}
    attackers = {a.source for a in amap.attacks}
    supporters: dict[str, list[str]] = defaultdict(list)
    for i in amap.inferences:
        supporters[i.conclusion].extend(i.premises)
    # A claim that is only attacked (no reasons given yet) is still the claim under discussion.
    attacked = {a.target for a in amap.attacks}
    candidates = [
        s.id
        for s in amap.statements
        if s.id not in premises and s.id not in attackers and (s.id in supporters or s.id in attacked)
    ]
    if not candidates:
        return None

    def weight(sid: str) -> int:
        seen, todo = {sid}, [sid]
        while todo:
            for p in supporters.get(todo.pop(), ()):
                if p not in seen:
                    seen.add(p)
                    todo.append(p)
        return len(seen)

    order = {s.id: n for n, s in enumerate(amap.statements)}
    return max(candidates, key=lambda sid: (weight(sid), -order[sid]))


def derive(amap: ArgumentMap) -> Roles:
    """Every statement's role and side, derived from inferences and attacks."""
    main = main_conclusion(amap)
    infer_by_id = {i.id: i for i in amap.inferences}
    # Edges walked down from the main conclusion: (child, flips side?)
    down: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for i in amap.inferences:
        for p in i.premises:
            down[i.conclusion].append((p, False))
    for a in amap.attacks:
        tgt = a.target
        if tgt in infer_by_id:  # an undercut hangs under the attacked inference's conclusion
            tgt = infer_by_id[tgt].conclusion
        down[tgt].append((a.source, True))

    side: dict[str, Side | None] = {s.id: None for s in amap.statements}
    depth: dict[str, int] = {}
    if main is not None:
        side[main] = "proponent"
        depth[main] = 0
        queue = deque([main])
        while queue:
            cur = queue.popleft()
            for child, flip in down.get(cur, ()):
                if child in depth:
                    continue
                cur_side = side[cur]
                side[child] = ("opponent" if cur_side == "proponent" else "proponent") if flip else cur_side
                depth[child] = depth[cur] + 1
                queue.append(child)

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
    return Roles(main=main, role=role, side=side, depth=depth)
