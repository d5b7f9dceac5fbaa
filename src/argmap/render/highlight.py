"""The source text as HTML with every anchored statement and piece of evidence marked in its role's colour.

Spans may nest (a quote inside a sentence) or overlap; each stretch of text is painted by the
innermost span covering it, and the selected element wins wherever it covers. The result is a
self-contained ``<div>``: no scripts, only inline styles, every text character HTML-escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from argmap.model import ArgumentMap
from argmap.render.style import ROLE_STYLE, STATUS_STYLE
from argmap.roles import ROLE_LABELS, derive

# The drawing's colours (fill, border) by role, so a node and its words look alike; the border
# colour underlines the words, which tells the paler fills apart.
ROLE_COLORS: dict[str, tuple[str, str]] = dict(ROLE_STYLE)
# The drawing's colours by evaluation status, for the legend when the tree is coloured that way.
STATUS_COLORS: dict[str, tuple[str, str]] = {
    status: (fill, border) for status, (fill, border, _) in STATUS_STYLE.items()
}


@dataclass(frozen=True)
class Mark:
    """One marked stretch of the source: ``text[start:end]`` belongs to element ``eid`` in ``role``."""

    start: int
    end: int
    eid: str
    role: str


def marks(amap: ArgumentMap) -> list[Mark]:
    """A mark for every statement and piece of evidence that has a span, with its derived role."""
    roles = derive(amap).role
    out = [Mark(s.span.start, s.span.end, s.id, roles[s.id]) for s in amap.statements if s.span]
    out += [Mark(e.span.start, e.span.end, e.id, "evidence") for e in amap.evidence if e.span]
    return out


def to_html(
    text: str,
    found: Iterable[Mark],
    *,
    selected: str | None = None,
    colors: Mapping[str, tuple[str, str]] = ROLE_COLORS,
) -> str:
    """``text`` as escaped HTML, each marked stretch in a ``<mark>`` coloured by role.

    Each mark has its role's fill and an underline in its border colour; the selected element's
    marks get a dark outline; unmarked text stays plain.
    """
    found = [m for m in found if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in found), *(m.end for m in found)})
    pieces: list[str] = []
    run_mark: Mark | None = None
    run: list[str] = []

    def flush() -> None:
        chunk = html.escape("".join(run))
        if run_mark is None:
            pieces.append(chunk)
        else:
            fill, border = colors.get(run_mark.role, ("#eeeeee", "#777777"))
            style = f"background:{fill};color:#111;border-bottom:3px solid {border};padding:0 1px"
            if run_mark.eid == selected:
                style += ";outline:2px solid #111;font-weight:600"
            title = f"{run_mark.eid} · {ROLE_LABELS.get(run_mark.role, run_mark.role)}"
            pieces.append(
                f'<mark data-id="{html.escape(run_mark.eid)}" title="{html.escape(title)}" '
                f'style="{style}">{chunk}</mark>'
            )
        run.clear()

    found.sort(key=lambda m: m.start)
    waiting = 0
    covering: list[Mark] = []  # marks open over the current stretch (a sweep: linear in the marks)
    for a, b in zip(cuts, cuts[1:], strict=False):
        while waiting < len(found) and found[waiting].start <= a:
            covering.append(found[waiting])
            waiting += 1
        covering = [m for m in covering if m.end >= b]  # every end is a cut, so end > a means end >= b
        best = None
        if covering:
            best = min(covering, key=lambda m: (m.eid != selected, m.end - m.start, m.eid))
        if best != run_mark and run:
            flush()
        run_mark = best
        run.append(text[a:b])
    if run:
        flush()
    body = "".join(pieces)
    return f'<div class="argmap-source" style="white-space:pre-wrap;line-height:1.7">{body}</div>'


def legend_html(colors: Mapping[str, tuple[str, str]] = ROLE_COLORS) -> str:
    """A one-line legend: a chip in each role's colour with the role's name."""
    chips = "".join(
        f'<span style="background:{fill};color:#111;border:1px solid {border};'
        f'border-bottom:3px solid {border};padding:1px 6px;white-space:nowrap">'
        f"{html.escape(ROLE_LABELS.get(role, role))}</span>"
        for role, (fill, border) in colors.items()
    )
    # Chips wrap onto the next line on a narrow screen rather than run off it.
    style = "display:flex;flex-wrap:wrap;gap:4px 6px;line-height:1.8"
    return f'<div class="argmap-legend" style="{style}">{chips}</div>'


LINES_KEY = (
    "Lines: solid with \u201c+\u201d supports \u00b7 dashed with \u201c\u2212\u201d attacks \u00b7 "
    "dotted: evidence \u00b7 a dashed box is an unstated (implicit) premise \u00b7 a double border marks "
    "the selected node"
)


def lines_html() -> str:
    """The key to the tree's lines and borders (what does not rest on colour), as one small line."""
    return f'<div style="font-size:0.85em;color:#333;margin-top:2px">{html.escape(LINES_KEY)}</div>'


def excerpt_html(
    text: str,
    found: Iterable[Mark],
    selected: str,
    *,
    around: int = 160,
    colors: Mapping[str, tuple[str, str]] = ROLE_COLORS,
) -> str | None:
    """The selected element's words with ``around`` characters either side, marked as in ``to_html``.

    Cut at spaces, with "…" where the text goes on; None when the element has no span in the text.
    """
    found = list(found)
    own = [m for m in found if m.eid == selected and 0 <= m.start < m.end <= len(text)]
    if not own:
        return None
    lo, hi = min(m.start for m in own), max(m.end for m in own)
    a, b = max(0, lo - around), min(len(text), hi + around)
    if a > 0:
        space = text.find(" ", a, lo)
        a = space + 1 if space != -1 else a
    if b < len(text):
        space = text.rfind(" ", hi, b)
        b = space if space != -1 else b
    window = [
        Mark(max(m.start, a) - a, min(m.end, b) - a, m.eid, m.role)
        for m in found
        if m.start < b and m.end > a
    ]
    body = to_html(text[a:b], window, selected=selected, colors=colors)
    head = "…" if a > 0 else ""
    tail = "…" if b < len(text) else ""
    return (
        body.replace('line-height:1.7">', f'line-height:1.7">{head}', 1).removesuffix("</div>")
        + tail
        + "</div>"
    )
