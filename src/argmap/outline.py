"""The map as text: an indented outline with roles marked (the accessible form of the map),
and a stable JSON view for scripts (``argmap show --json``)."""

from __future__ import annotations

from typing import Any

from argmap.model import ArgumentMap
from argmap.roles import ROLE_LABELS, derive


def view(amap: ArgumentMap) -> dict[str, Any]:
    """The documented script view: main, statements with derived roles, inferences, attacks, evidence."""
    roles = derive(amap)
    infer_ids = {i.id for i in amap.inferences}
    return {
        "main": roles.main,
        "statements": [
            {
                "id": s.id,
                "role": roles.role[s.id],
                "text": s.text,
                "start": s.span.start if s.span else None,
                "end": s.span.end if s.span else None,
                "implicit": s.implicit,
            }
            for s in amap.statements
        ],
        "inferences": [
            {"id": i.id, "premises": list(i.premises), "conclusion": i.conclusion} for i in amap.inferences
        ],
        "attacks": [
            {
                "id": a.id,
                "from": a.source,
                "target": a.target,
                "kind": "undercut" if a.target in infer_ids else "rebut",
            }
            for a in amap.attacks
        ],
        "evidence": [
            {
                "id": e.id,
                "for": e.target,
                "kind": e.kind,
                "text": e.text,
                "start": e.span.start if e.span else None,
                "end": e.span.end if e.span else None,
                "source": e.source.label() if e.source else None,
            }
            for e in amap.evidence
        ],
    }


def outline(amap: ArgumentMap, *, indent: str = "  ") -> str:
    """An indented outline: the main conclusion first, reasons (+) and attacks (−) beneath.

    Linked co-premises share one "+ together:" line; undercuts say which inference they attack;
    statements the tree does not reach are listed at the end.
    """
    roles = derive(amap)
    by_concl: dict[str, list] = {}
    for i in amap.inferences:
        by_concl.setdefault(i.conclusion, []).append(i)
    attacks_on: dict[str, list] = {}
    for a in amap.attacks:
        attacks_on.setdefault(a.target, []).append(a)
    ev_on: dict[str, list] = {}
    for e in amap.evidence:
        ev_on.setdefault(e.target, []).append(e)
    lines: list[str] = [f"# {amap.title}"]
    shown: set[str] = set()

    def label(sid: str) -> str:
        s = amap.statement(sid)
        bits = [ROLE_LABELS[roles.role[sid]]]
        if s.implicit:
            bits.append("implicit")
        bits.extend(t for t in s.tags)
        return f"[{sid}] {s.text}  ({', '.join(bits)})"

    def walk(sid: str, depth: int) -> None:
        pad = indent * depth
        if sid in shown:
            lines.append(f"{pad}(see [{sid}] above)")
            return
        shown.add(sid)
        for e in ev_on.get(sid, ()):
            src = f" — {e.source.label()}" if e.source and e.source.label() else ""
            lines.append(f"{pad}{indent}◆ evidence [{e.id}] ({e.kind}): {e.text}{src}")
        for inf in by_concl.get(sid, ()):
            if len(inf.premises) == 1:
                p = inf.premises[0]
                if p in shown:
                    lines.append(f"{pad}{indent}+ (see [{p}] above)")
                    continue
                lines.append(f"{pad}{indent}+ {label(p)}")
                walk_children(p, depth + 2)
            else:
                lines.append(f"{pad}{indent}+ together [{inf.id}]:")
                for p in inf.premises:
                    lines.append(f"{pad}{indent * 2}& {label(p)}")
                    if p not in shown:
                        walk_children(p, depth + 3)
            for a in attacks_on.get(inf.id, ()):
                lines.append(f"{pad}{indent * 2}− undercuts [{inf.id}]: {label(a.source)}")
                walk_children(a.source, depth + 3)
        for a in attacks_on.get(sid, ()):
            lines.append(f"{pad}{indent}− {label(a.source)}")
            walk_children(a.source, depth + 2)

    def walk_children(sid: str, depth: int) -> None:
        # The label line is already written by the caller; walk below it.
        shown_before = sid in shown
        if shown_before:
            return
        walk(sid, depth - 1)

    if roles.main is not None:
        lines.append(label(roles.main))
        walk(roles.main, 0)
    rest = [s.id for s in amap.statements if s.id not in shown]
    if rest:
        lines.append("")
        lines.append("Not connected to the main conclusion:" if roles.main else "Statements:")
        for sid in rest:
            if sid in shown:
                continue
            lines.append(f"{indent}{label(sid)}")
            walk(sid, 1)
    return "\n".join(lines) + "\n"
