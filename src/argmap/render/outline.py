"""The map as text: an indented outline with roles marked (the accessible form of the map),
and a stable JSON view for scripts (``argmap show --json``)."""

from __future__ import annotations

from typing import Any, NamedTuple

from argmap import graph
from argmap.model import ArgumentMap, Attack, Evidence, Inference
from argmap.roles import ROLE_LABELS, derive


class _Line(NamedTuple):
    """The ``n``-th line written beneath statement ``parent`` in the outline."""

    parent: str
    n: int


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

    statements = {s.id: s for s in amap.statements}

    def label(sid: str) -> str:
        s = statements[sid]
        bits = [ROLE_LABELS[roles.role[sid]]]
        if s.implicit:
            bits.append("implicit")
        bits.extend(t for t in s.tags)
        return f"[{sid}] {s.text}  ({', '.join(bits)})"

    # The outline as an ordered tree: each statement's lines in order, each line a node of its own
    # with the statement written beneath it (if any). Walked depth first, a statement's subtree is
    # written where it is first reached; a line reached again keeps its words without the subtree.
    entries: dict[_Line, tuple[str, int, str | None, int]] = {}  # line -> (words, indents, child, steps)
    children: dict[str | _Line, list[str | _Line]] = {}

    def entry(parent: str, words: str, indents: int, child: str | None = None, steps: int = 0) -> None:
        line = _Line(parent, len(children.setdefault(parent, [])))
        entries[line] = (words, indents, child, steps)
        children[parent].append(line)
        if child is not None:
            children[line] = [child]

    for s in amap.statements:
        sid = s.id
        for e in ev_on.get(sid, ()):
            src = f" — {e.source.label()}" if e.source and e.source.label() else ""
            entry(sid, f"◆ evidence [{e.id}] ({e.kind}): {e.text}{src}", 1)
        for inf in by_concl.get(sid, ()):
            if len(inf.premises) > 1:
                entry(sid, f"+ together [{inf.id}]:", 1)
                for p in inf.premises:
                    entry(sid, f"& {label(p)}", 2, p, 2)
            else:  # "+ label", or "+ (see [p] above)" when p is written already
                entry(sid, "", 1, inf.premises[0], 1)
            for a in attacks_on.get(inf.id, ()):  # undercuts, under the inference they attack
                entry(sid, f"− undercuts [{inf.id}]: {label(a.source)}", 2, a.source, 2)
        for a in attacks_on.get(sid, ()):
            entry(sid, f"− {label(a.source)}", 1, a.source, 1)

    depth: dict[str, int] = {}
    rest = False  # the statements the main conclusion's tree does not reach have begun
    roots = [roles.main] if roles.main is not None else []
    for u, v, how in graph.depth_first(children, [*roots, *(s.id for s in amap.statements)]):
        if isinstance(v, str) and u == v:  # a walk starts: the main conclusion, or one the tree misses
            if v == roles.main:
                depth[v] = 0
                lines.append(label(v))
                continue
            if not rest:
                lines.append("")
                lines.append("Not connected to the main conclusion:" if roles.main else "Statements:")
                rest = True
            depth[v] = 1
            lines.append(f"{indent}{label(v)}")
        elif isinstance(v, _Line):  # a statement's next line
            words, indents, child, _ = entries[v]
            if words:
                lines.append(f"{indent * (depth[v.parent] + indents)}{words}")
        else:  # the statement below a line: reached now (its subtree follows) or before
            assert isinstance(u, _Line) and isinstance(v, str)
            words, indents, _, steps = entries[u]
            pad = indent * (depth[u.parent] + indents)
            if how == "forward":
                depth[v] = depth[u.parent] + steps
                if not words:
                    lines.append(f"{pad}+ {label(v)}")
            elif not words:
                lines.append(f"{pad}+ (see [{v}] above)")
    return "\n".join(lines) + "\n"
