"""Clause fragments: find the statements a draft cut out of one sentence, and join several into one.

A draft cuts at connectives, so one claim can come out as "Third, homework widens the gap between
pupils," and "because some parents can help and others cannot." ``join`` makes one statement of
several in one edit: its words run from the first fragment's start to the last one's end in the
piece (or the texts joined, without spans), and every link of the others moves to it.
"""

from __future__ import annotations

from argmap.edit import operations as edit
from argmap.errors import EditError
from argmap.model import ArgumentMap, Span, Statement

_ENDS = '.!?"”’)'


def is_fragment(s: Statement) -> bool:
    """A statement that reads as part of a sentence: it starts in lower case or stops without an end mark."""
    text = s.text.strip()
    return bool(text) and (text[0].islower() or text[-1] not in _ENDS)


def fragments(amap: ArgumentMap) -> list[str]:
    """The ids of the statements that read as clause fragments, in the map's order."""
    return [s.id for s in amap.statements if is_fragment(s)]


def join(amap: ArgumentMap, ids: list[str], *, author: str | None = None) -> tuple[ArgumentMap, str]:
    """Join the statements ``ids`` (two or more) into one; returns the map and the kept statement's id.

    The kept statement is the first in the piece (or in the map); its span runs over all of theirs
    when they all have one, else its text is their texts in order. Links between them disappear
    (a statement cannot support itself); links to and from the others now go to the kept one.
    """
    wanted = list(dict.fromkeys(ids))
    if len(wanted) < 2:
        raise EditError("pick at least two statements to join")
    by_id = {s.id: s for s in amap.statements}
    missing = [i for i in wanted if i not in by_id]
    if missing:
        raise EditError(f"'{missing[0]}' is not a statement in this map", element=missing[0])
    order = {s.id: n for n, s in enumerate(amap.statements)}
    parts = [by_id[i] for i in wanted]
    spanned = all(p.span is not None for p in parts) and amap.source is not None
    if spanned:
        parts.sort(key=lambda p: (p.span.start, p.span.end))  # type: ignore[union-attr]
    else:
        parts.sort(key=lambda p: order[p.id])
    keep = parts[0].id
    out = amap
    for p in parts[1:]:
        out = edit.merge(out, keep, p.id, author=author)
    if spanned and amap.source is not None:
        start = min(p.span.start for p in parts)  # type: ignore[union-attr]
        end = max(p.span.end for p in parts)  # type: ignore[union-attr]
        words = amap.source.text[start:end]
        text = " ".join(words.split())
        span = Span(start=start, end=end, text=words)
        out = edit.update(out, keep, text=text, span=span)
    else:
        text = " ".join(" ".join(p.text.split()) for p in parts)
        out = edit.update(out, keep, text=text, span=None)
    return out, keep
