"""Attach a reference written anywhere (Argdown, AIF, Kialo, by hand) to the piece it maps.

A hand-written reference has statements but no source text, so nothing ties them to the piece's
words. ``attach`` finds each statement's (and each piece of evidence's) words in the text: the
sentence, or two running sentences, that read most like it (content words, ``align.Index``), then
the stretch of that sentence that matches best (rapidfuzz ``partial_ratio_alignment``), widened to
whole words. One stretch goes to one statement: the statements that fit their words best choose
first, and a stretch mostly taken is not given to a second statement (a paraphrase that reads like
its neighbour's words would otherwise point at them). A statement whose words are not there (an
implicit premise, a paraphrase too free) keeps no span and is listed in ``Attached.unmatched``
(``Attached.warning`` words the list), so the teacher can fix it.
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
TAKEN = 0.6  # share of a stretch already taken by a better-fitting statement: not given to another
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’')\]]*|\n|$)")


@dataclass(frozen=True)
class Attached:
    """The reference with the piece as its source and spans where the words were found."""

    map: ArgumentMap
    unmatched: tuple[str, ...]  # ids of statements and evidence whose words are not in the piece

    def missing(self) -> tuple[str, ...]:
        """The words of each statement (or evidence) not found in the piece, in the reference's order."""
        return tuple(" ".join(getattr(self.map.element(i), "text", i).split()) for i in self.unmatched)

    def summary(self) -> str:
        """How many of the reference's statements were found in the piece, in a sentence."""
        total = len(self.map.statements) + len(self.map.evidence)
        implicit = sum(1 for s in self.map.statements if s.implicit)
        found = total - implicit - len(self.unmatched)
        what = "statement" if total == 1 else "statements"
        tail = f" ({implicit} implicit, not looked for)" if implicit else ""
        return f"{found} of {total} {what} found in the piece{tail}."

    def warning(self) -> str | None:
        """The statements not found, listed by their words; None when every one was found."""
        if not self.unmatched:
            return None
        listed = "; ".join(f"“{w.rstrip('.')}”" for w in self.missing())  # the sentence has the stop
        return (
            f"Not found in the piece, so they point at no words (students' maps are matched to them by "
            f"their wording alone; reword them as the piece puts it if you want them found): {listed}."
        )


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


def candidates(
    statement: str, text: str, windows: list[tuple[int, int]], index: Index, k_left: int = 0
) -> list[tuple[float, int, int]]:
    """Stretches of ``text`` where ``statement`` (``index.left[k_left]``) may stand, best first:
    (fit, start, end) in the four windows that share most of its content words."""
    from rapidfuzz import fuzz

    want = index.left[k_left]
    if not want:
        return []
    ranked = sorted(
        range(len(windows)),
        key=lambda k: -index.mass(want & index.right[k]) / (index.mass(index.right[k]) or 1) ** 0.5,
    )
    found: dict[tuple[int, int], float] = {}
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
        found[(a, b)] = max(found.get((a, b), 0.0), res.score + 20 * share)
    return sorted(((fit, a, b) for (a, b), fit in found.items()), reverse=True)


def locate(
    statement: str, text: str, windows: list[tuple[int, int]], index: Index, k_left: int = 0
) -> tuple[int, int] | None:
    """Where ``statement`` (``index.left[k_left]``) stands in ``text`` (one of ``windows``, narrowed)."""
    best = candidates(statement, text, windows, index, k_left)
    return (best[0][1], best[0][2]) if best else None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """The share of the shorter stretch that the two have in common."""
    common = min(a[1], b[1]) - max(a[0], b[0])
    return max(common, 0) / (min(a[1] - a[0], b[1] - b[0]) or 1)


def attach(reference: ArgumentMap, text: str, *, title: str | None = None) -> Attached:
    """``reference`` with ``text`` as its source and every statement and evidence found in it anchored."""
    if not text.strip():
        raise InputError("the piece is empty: paste or upload the text the reference maps")
    one = sentences(text)
    windows = one + [(one[k][0], one[k + 1][1]) for k in range(len(one) - 1)]
    data: dict[str, Any] = reference.model_dump()
    items = [item for group in ("statements", "evidence") for item in data[group]]
    index = Index([item["text"] for item in items], [text[a:b] for a, b in windows])
    # One stretch, one statement: the statements that fit their words best choose first; a stretch
    # mostly taken already is not given to a second statement (its next candidate, or none).
    options = {
        k: candidates(item["text"], text, windows, index, k)
        for k, item in enumerate(items)
        if not item.get("implicit")
    }
    for item in items:
        item["span"] = None
    taken: list[tuple[int, int]] = []
    for k in sorted(options, key=lambda k: -(options[k][0][0] if options[k] else 0.0)):
        free = [(a, b) for _fit, a, b in options[k] if all(_overlap((a, b), t) <= TAKEN for t in taken)]
        if free:
            a, b = free[0]
            taken.append((a, b))
            items[k]["span"] = {"start": a, "end": b, "text": text[a:b]}
    unmatched = [items[k]["id"] for k in sorted(options) if items[k]["span"] is None]
    old = reference.source
    data["source"] = (old.model_dump() if old else {}) | {"text": text}
    if title or not data["source"].get("title"):
        data["source"]["title"] = title or reference.title
    return Attached(ArgumentMap.model_validate(data), tuple(unmatched))


__all__ = ["Attached", "Source", "attach", "candidates", "locate", "sentences"]
