"""Each feedback item's words in the piece: what a student sees highlighted when they pick an item.

A ``Feedback`` carries the spans of the text it is about (``compare``): the author's words (the
reference's statement) and, where the student's map is of the same piece, the student's own words.
``item_marks`` tells them apart: the author's words are marked in the role the reference gives them
(the colours of the tree), the student's in ``YOURS``. ``excerpts`` cuts the piece around them, one
excerpt per stretch of nearby words, so a phone shows them without scrolling the whole piece.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from argmap.classroom.compare import Feedback
from argmap.model import ArgumentMap
from argmap.render.highlight import ROLE_COLORS, Mark, to_html
from argmap.roles import ROLE_LABELS, derive

YOURS = "your statement"  # the mark role of the student's own words (shown on hover)
COLORS: dict[str, tuple[str, str]] = {**ROLE_COLORS, YOURS: ("#FFF3B0", "#7A5C00")}
AROUND = 140  # characters of context either side of an item's words
AUTHOR, YOU = "the author's words", "your words"  # the marks' names (shown on hover)


@dataclass(frozen=True)
class Words:
    """One item's words in the piece: the marks, and the sentence that says whose words they are."""

    marks: tuple[Mark, ...]
    legend: str


def item_marks(item: Feedback, reference: ArgumentMap, text: str) -> tuple[Mark, ...]:
    """The item's spans as marks in ``text``: the author's words in their reference role, the
    student's own in ``YOURS``; spans outside the text are dropped, each span once."""
    roles = derive(reference).role
    evidence = {e.id for e in reference.evidence}
    # Words that are a reference element's are the author's (a point in praise names no element);
    # the point's own elements first, so a span two elements share takes the one the point is about.
    authors: dict[tuple[int, int], str] = {}
    spans = {s.id: s.span for s in reference.statements} | {e.id: e.span for e in reference.evidence}
    for rid in [*item.reference_ids, *spans]:
        span = spans.get(rid)
        if span is not None:
            role: str = "evidence" if rid in evidence else roles.get(rid, "unconnected")
            authors.setdefault((span.start, span.end), role)
    out: list[Mark] = []
    for start, end in dict.fromkeys(item.spans):
        if not 0 <= start < end <= len(text):
            continue
        theirs = authors.get((start, end))
        out.append(Mark(start, end, AUTHOR, theirs) if theirs else Mark(start, end, YOU, YOURS))
    return tuple(out)


def words(item: Feedback, reference: ArgumentMap, text: str) -> Words:
    """The item's marks and a sentence naming what is marked ("" when the item points at no words)."""
    found = item_marks(item, reference, text)
    kinds = [m.role for m in found]
    parts = []
    theirs = [r for r in dict.fromkeys(kinds) if r != YOURS]
    if theirs:
        named = " and ".join(ROLE_LABELS.get(r, r) for r in theirs)
        parts.append(f"the author's words ({named}) in the colour of the tree")
    if YOURS in kinds:
        parts.append("the words your statement takes, in yellow")
    legend = ("Marked in the piece: " + "; ".join(parts) + ".") if parts else ""
    return Words(found, legend)


def excerpts(text: str, found: Iterable[Mark], around: int = AROUND) -> list[str]:
    """The piece around the marks, as HTML (``highlight.to_html``): one excerpt per stretch of marks
    closer than two contexts, cut at spaces, with "…" where the piece goes on."""
    ordered = sorted((m for m in found if 0 <= m.start < m.end <= len(text)), key=lambda m: m.start)
    groups: list[list[Mark]] = []
    for m in ordered:
        if groups and m.start - max(g.end for g in groups[-1]) <= 2 * around:
            groups[-1].append(m)
        else:
            groups.append([m])
    out = []
    for group in groups:
        lo, hi = group[0].start, max(m.end for m in group)
        a, b = max(0, lo - around), min(len(text), hi + around)
        if a > 0:
            space = text.find(" ", a, lo)
            a = space + 1 if space != -1 else a
        if b < len(text):
            space = text.rfind(" ", hi, b)
            b = space if space != -1 else b
        window = [Mark(m.start - a, m.end - a, m.eid, m.role) for m in group]
        body = to_html(text[a:b], window, colors=COLORS)
        head, tail = ("…" if a > 0 else ""), ("…" if b < len(text) else "")
        opening = 'line-height:1.7">'
        out.append(body.replace(opening, opening + head, 1).removesuffix("</div>") + tail + "</div>")
    return out
