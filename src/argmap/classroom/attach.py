"""Attach a reference written anywhere (Argdown, AIF, Kialo, by hand) to the piece it maps.

A hand-written reference has statements but no source text, so nothing ties them to the piece's
words. ``attach`` finds each statement's (and each piece of evidence's) words in the text: the
sentence, or two running sentences, that read most like it (content words, ``align.Index``), then
the stretch of that sentence that matches best (rapidfuzz ``partial_ratio_alignment``), widened to
whole words. A statement whose words are not there (an implicit premise, a paraphrase too free)
keeps no span and is listed in ``Attached.unmatched``, so the teacher can fix it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from argmap.classroom.align import Index, words
from argmap.errors import InputError
from argmap.model import ArgumentMap, Source

FOUND = 75  # partial ratio (0-100) of a statement with its stretch of the piece
CONTAINED = 0.5  # share of the statement's content words in that stretch
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’')\]]*|\n|$)")


@dataclass(frozen=True)
class Attached:
    """The reference with the piece as its source and spans where the words were found."""

    map: ArgumentMap
    unmatched: tuple[str, ...]  # ids of statements and evidence whose words are not in the piece


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence (or line) of ``text``, without the spaces around it."""
    out = []
    for m in _SENTENCE.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _widen(text: str, a: int, b: int, lo: int, hi: int) -> tuple[int, int]:
    """Widen ``text[a:b]`` to whole words inside ``[lo, hi)``; trim spaces and a dangling comma."""
    while a > lo and not text[a - 1].isspace():
        a -= 1
    while b < hi and text[b].isalnum():
        b += 1
    if b < hi and text[b] in ".!?" and b + 1 <= hi:
        b += 1
    while a < b and (text[a].isspace() or text[a] in ",;:—-"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:—-"):
        b -= 1
    return a, b


def locate(
    statement: str, text: str, windows: list[tuple[int, int]], index: Index, k_left: int = 0
) -> tuple[int, int] | None:
    """Where ``statement`` (``index.left[k_left]``) stands in ``text`` (one of ``windows``, narrowed)."""
    from rapidfuzz import fuzz

    want = index.left[k_left]
    if not want:
        return None
    ranked = sorted(
        range(len(windows)),
        key=lambda k: -index.mass(want & index.right[k]) / (index.mass(index.right[k]) or 1) ** 0.5,
    )
    best: tuple[float, int, int] | None = None
    needle = statement.lower()
    for k in ranked[:4]:
        lo, hi = windows[k]
        hay = text[lo:hi]
        low = hay.lower()
        if len(low) != len(hay):
            low = hay  # a character whose lower case is longer: compare as written
        res = fuzz.partial_ratio_alignment(needle, low, score_cutoff=FOUND)
        if res is None:
            continue
        a, b = _widen(text, lo + res.dest_start, lo + res.dest_end, lo, hi)
        got = words(text[a:b])
        share = index.mass(want & got) / (index.mass(want) or 1)
        if share < CONTAINED:
            continue
        key = (res.score + 20 * share, a, b)
        if best is None or key > best:
            best = key
    return None if best is None else (best[1], best[2])


def attach(reference: ArgumentMap, text: str, *, title: str | None = None) -> Attached:
    """``reference`` with ``text`` as its source and every statement and evidence found in it anchored."""
    if not text.strip():
        raise InputError("the piece is empty: paste or upload the text the reference maps")
    one = sentences(text)
    windows = one + [(one[k][0], one[k + 1][1]) for k in range(len(one) - 1)]
    data: dict[str, Any] = reference.model_dump()
    unmatched: list[str] = []
    items = [item for group in ("statements", "evidence") for item in data[group]]
    index = Index([item["text"] for item in items], [text[a:b] for a, b in windows])
    for k, item in enumerate(items):
        item["span"] = None
        if not item.get("implicit"):
            where = locate(item["text"], text, windows, index, k)
            if where is None:
                unmatched.append(item["id"])
            else:
                a, b = where
                item["span"] = {"start": a, "end": b, "text": text[a:b]}
    old = reference.source
    data["source"] = (old.model_dump() if old else {}) | {"text": text}
    if title or not data["source"].get("title"):
        data["source"]["title"] = title or reference.title
    return Attached(ArgumentMap.model_validate(data), tuple(unmatched))


__all__ = ["Attached", "Source", "attach", "locate", "sentences"]
