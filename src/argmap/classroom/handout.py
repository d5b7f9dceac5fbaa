"""Handouts: a map as a printable one-page PDF, and as an essay plan in Markdown and Word.

The essay plan is the map read as an outline a student writes from: the thesis, each reason with
what supports it (deeper reasons and evidence), each objection with the author's answer, and a
closing line that restates the thesis. The PDF is the map drawn by Graphviz scaled to fit one A4
page (``PAGE`` inches); Word files are written with python-docx.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from argmap.model import ArgumentMap
from argmap.roles import derive

PAGE = (7.8, 11.0)  # inches: A4 less margins, portrait


@dataclass(frozen=True)
class Point:
    """One line of the plan with the lines under it."""

    text: str
    under: tuple[Point, ...] = field(default=())
    kind: str = "reason"  # reason | support | evidence | objection | answer


@dataclass(frozen=True)
class Plan:
    """An essay plan: a title, the thesis, the reasons, the objections (each with its answers)."""

    title: str
    thesis: str | None
    reasons: tuple[Point, ...]
    objections: tuple[Point, ...]


def plan(amap: ArgumentMap) -> Plan:
    """The essay plan of ``amap`` (derived from its graph: roles, inferences, attacks, evidence)."""
    roles = derive(amap)
    text = {s.id: " ".join(s.text.split()) for s in amap.statements}
    reasons_of: dict[str, list[str]] = {}
    for i in amap.inferences:
        reasons_of.setdefault(i.conclusion, []).extend(
            p for p in i.premises if p not in reasons_of.get(i.conclusion, [])
        )
    concl = {i.id: i.conclusion for i in amap.inferences}
    attacks_on: dict[str, list[str]] = {}
    for a in amap.attacks:
        attacks_on.setdefault(concl.get(a.target, a.target), []).append(a.source)
    evidence_of: dict[str, list[str]] = {}
    for e in amap.evidence:
        evidence_of.setdefault(e.target, []).append(" ".join(e.text.split()))

    def support(sid: str, seen: frozenset[str]) -> tuple[Point, ...]:
        out = [
            Point(text[p], support(p, seen | {p}), "support")
            for p in reasons_of.get(sid, [])
            if p not in seen
        ]
        out += [Point(t, (), "evidence") for t in evidence_of.get(sid, [])]
        return tuple(out)

    main = roles.main
    if main is None:
        return Plan(amap.title, None, (), ())
    reasons = tuple(
        Point(text[p], support(p, frozenset({main, p})), "reason") for p in reasons_of.get(main, [])
    )
    # Every objection to the author's line, wherever it attacks, with the author's answers to it.
    objections = tuple(
        Point(text[o], tuple(Point(text[a], (), "answer") for a in attacks_on.get(o, [])), "objection")
        for o in (s.id for s in amap.statements)
        if roles.role.get(o) == "objection"
    )
    return Plan(amap.title, text[main], reasons, objections)


_LABEL = {"support": "Because", "evidence": "Evidence", "answer": "The answer"}


def to_markdown(p: Plan) -> str:
    """The plan as Markdown: a heading per part, a list per reason or objection."""
    from argmap.formats.markdown import escape  # one escaping rule for every Markdown we write

    def e(text: str) -> str:
        return escape(" ".join(text.split()))

    lines = [f"# Essay plan: {e(p.title)}", ""]
    if p.thesis is None:
        return "\n".join([*lines, "The map has no main conclusion yet: pin one, then make the plan.", ""])
    lines += ["## Thesis", "", e(p.thesis), ""]

    def walk(points: tuple[Point, ...], depth: int) -> None:
        for pt in points:
            label = _LABEL.get(pt.kind)
            lines.append("  " * depth + "- " + (f"*{label}:* " if label else "") + e(pt.text))
            walk(pt.under, depth + 1)

    for n, r in enumerate(p.reasons, 1):
        lines += [f"## Reason {n}", "", e(r.text), ""]
        walk(r.under, 0)
        lines.append("")
    for n, o in enumerate(p.objections, 1):
        lines += [f"## Objection {n}" if len(p.objections) > 1 else "## The objection", "", e(o.text), ""]
        walk(o.under, 0)
        lines.append("")
    lines += ["## Conclusion", "", f"Restate the thesis: {e(p.thesis)}", ""]
    return "\n".join(lines)


def to_docx(p: Plan) -> bytes:
    """The plan as a Word document (.docx): the same parts as ``to_markdown``, as headings and bullets."""
    from docx import Document

    doc = Document()
    doc.add_heading(f"Essay plan: {p.title}", level=1)
    if p.thesis is None:
        doc.add_paragraph("The map has no main conclusion yet: pin one, then make the plan.")
    else:
        doc.add_heading("Thesis", level=2)
        doc.add_paragraph(p.thesis)

        def walk(points: tuple[Point, ...], depth: int) -> None:
            for pt in points:
                style = "List Bullet" if depth == 0 else "List Bullet 2"
                para = doc.add_paragraph(style=style)
                label = _LABEL.get(pt.kind)
                if label:
                    para.add_run(f"{label}: ").italic = True
                para.add_run(pt.text)
                walk(pt.under, min(depth + 1, 1))

        for n, r in enumerate(p.reasons, 1):
            doc.add_heading(f"Reason {n}", level=2)
            doc.add_paragraph(r.text)
            walk(r.under, 0)
        for n, o in enumerate(p.objections, 1):
            doc.add_heading(f"Objection {n}" if len(p.objections) > 1 else "The objection", level=2)
            doc.add_paragraph(o.text)
            walk(o.under, 0)
        doc.add_heading("Conclusion", level=2)
        doc.add_paragraph(f"Restate the thesis: {p.thesis}")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def map_pdf(amap: ArgumentMap) -> bytes:
    """The map on one printable page (PDF): drawn with its legend, scaled down to fit ``PAGE``."""
    from argmap.render import ViewOptions, run_dot, to_dot

    dot = to_dot(amap, ViewOptions(legend=True))
    head, brace, rest = dot.partition("{")
    # Graph attributes right after the opening brace: shrink to the page, centre it, keep the ratio.
    fit = f'\n\tsize="{PAGE[0]},{PAGE[1]}" page="8.27,11.69" center=true margin=0.2\n'
    return run_dot(head + brace + fit + rest, "pdf")
