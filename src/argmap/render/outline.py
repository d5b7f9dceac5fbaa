"""The map as text: an indented outline with roles marked (the accessible form of the map),
and a stable JSON view for scripts (``argmap show --json``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.model import ArgumentMap, Attack, Evidence, Inference
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
    statements the tree does not reach are listed at the end. Each statement's subtree is written
    once; a second path to it says "(see [id] above)".
    """
    roles = derive(amap)
    by_concl: dict[str, list[Inference]] = {}
    for i in amap.inferences:
        by_concl.setdefault(i.conclusion, []).append(i)
    attacks_on: dict[str, list[Attack]] = {}
    for a in amap.attacks:
        attacks_on.setdefault(a.target, []).append(a)
    ev_on: dict[str, list[Evidence]] = {}
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

    def below(sid: str, depth: int) -> Iterator[tuple[str, int]]:
        """Write what hangs below ``sid`` (its label is already written), yielding each child
        statement to write below in its turn: a generator, so a deep map needs no deep recursion."""
        shown.add(sid)
        pad = indent * depth
        for e in ev_on.get(sid, ()):
            src = f" — {e.source.label()}" if e.source and e.source.label() else ""
            lines.append(f"{pad}{indent}◆ evidence [{e.id}] ({e.kind}): {e.text}{src}")
        for inf in by_concl.get(sid, ()):
            if len(inf.premises) > 1:
                lines.append(f"{pad}{indent}+ together [{inf.id}]:")
                for p in inf.premises:
                    lines.append(f"{pad}{indent * 2}& {label(p)}")
                    yield p, depth + 2
            elif inf.premises[0] in shown:
                lines.append(f"{pad}{indent}+ (see [{inf.premises[0]}] above)")
            else:
                lines.append(f"{pad}{indent}+ {label(inf.premises[0])}")
                yield inf.premises[0], depth + 1
            for a in attacks_on.get(inf.id, ()):  # undercuts, under the inference they attack
                lines.append(f"{pad}{indent * 2}− undercuts [{inf.id}]: {label(a.source)}")
                yield a.source, depth + 2
        for a in attacks_on.get(sid, ()):
            lines.append(f"{pad}{indent}− {label(a.source)}")
            yield a.source, depth + 1

    def walk(sid: str, depth: int) -> None:
        """Write the tree below ``sid``, depth first, with a stack of ``below`` generators."""
        stack = [below(sid, depth)]
        while stack:
            step = next(stack[-1], None)
            if step is None:
                stack.pop()
            elif step[0] not in shown:  # a statement met again keeps its one subtree above
                stack.append(below(*step))

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
