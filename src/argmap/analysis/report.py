"""The audit as a one-page report for the writer: top points, questions, notices, check-worthy claims.

``render(amap, audit, fmt)`` writes it as plain text, Markdown or JSON; a writer who never opens
Argmap can read it. Questions marked for the writer come first; until comments exist on nodes
they travel in this report.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from argmap.analysis.audit import Audit, Point
from argmap.analysis.claims import claim_reviews
from argmap.model import ArgumentMap

Format = Literal["text", "markdown", "json"]
FORMATS: tuple[str, ...] = ("text", "markdown", "json")
_STATUS = {"open": "", "asked": " (asked)", "answered": " (answered)"}


def _questions(a: Audit) -> list[Point]:
    """The questions to send: those the user asked, else the top three's."""
    return list(a.questions) or list(a.top[:3])


def to_dict(amap: ArgumentMap, a: Audit) -> dict[str, Any]:
    """The report as plain data (the JSON format)."""
    return {
        "title": a.title,
        "main_conclusion": {"id": a.main, "text": amap.statement(a.main).text} if a.main else None,
        "words": a.words,
        "top": [
            {
                "key": p.key,
                "check": p.finding.check,
                "severity": p.finding.severity,
                "nodes": list(p.finding.node_ids),
                "share_of_support": p.share,
                "score": p.score,
                "sentence": p.sentence,
                "question": p.question,
                "status": p.status,
                "note": p.note,
                "also": [f.check for f in p.also],
            }
            for p in a.top
        ],
        "more_points": len(a.points) - len(a.top),
        "questions": [
            {"key": p.key, "question": p.question, "status": p.status, "about": p.sentence}
            for p in _questions(a)
        ],
        "notices": [{"check": n.check, "count": n.count, "sentence": n.sentence} for n in a.notices],
        "claims": [
            {
                "id": c.id,
                "text": c.text,
                "kinds": list(c.kinds),
                "source_given": c.source,
                "share_of_support": c.share,
                "start": c.start,
                "end": c.end,
            }
            for c in a.claims
        ],
        "claim_reviews": claim_reviews(amap, a.claims),
        "dismissed": [p.key for p in a.dismissed],
    }


def render(amap: ArgumentMap, a: Audit, fmt: str = "text") -> str:
    """The report in ``fmt``: text, markdown or json."""
    if fmt == "json":
        return json.dumps(to_dict(amap, a), indent=2, ensure_ascii=False) + "\n"
    md = fmt == "markdown"
    out: list[str] = []

    def head(text: str, level: int = 2) -> None:
        out.append(("#" * level + " " + text) if md else (text.upper() if level == 1 else text))
        out.append("" if md else "-" * len(text))

    head(f"Audit: {a.title}", 1)
    if a.main:
        out.append(f"Main conclusion: “{amap.statement(a.main).text}”")
    out.append(f"{a.words} words · {len(a.points)} points to raise · {len(a.claims)} claims to check")
    out.append("")
    head("What to raise first")
    if not a.top:
        out.append("Nothing at warning level: no point stands out.")
    for n, p in enumerate(a.top, 1):
        out.append(f"{n}. {p.sentence}{_STATUS.get(p.status, '')}")
        out.append(f"   Ask: {p.question}")
        if p.note:
            out.append(f"   Note: {p.note}")
    if len(a.points) > len(a.top):
        more = len(a.points) - len(a.top)
        out.append(f"({more} more point{' is' if more == 1 else 's are'} on the Check page.)")
    out.append("")
    head("Questions for the writer")
    for n, p in enumerate(_questions(a), 1):
        out.append(f"{n}. {p.question}{_STATUS.get(p.status, '')}")
    out.append("")
    if a.notices:
        head("Also noticed")
        out.extend(f"- {n.sentence}" for n in a.notices)
        out.append("")
    head("Claims to check")
    if not a.claims:
        out.append("No factual claim (figure, event, attribution) carries the conclusion.")
    for c in a.claims[:10]:
        source = c.source or "no source given"
        out.append(f"- “{c.text}” ({', '.join(c.kinds)}; source: {source})")
    if len(a.claims) > 10:
        out.append(f"({len(a.claims) - 10} more in the CSV export.)")
    return "\n".join(out).rstrip() + "\n"
