"""Align a student's statements with a reference's: the same claim in other words, split or merged.

The alignment is many-to-many, in three passes:

1. **pairs** — one reference statement with one student statement, most alike first (greedy,
   each used once). Alike means: the same words of the piece (span overlap over the longer span,
   when both maps quote the same piece), else the same content words (an IDF-weighted Dice of
   stemmed words) or the same characters (rapidfuzz ``token_sort_ratio``).
2. **parts** — a student statement left over whose words lie mostly inside a reference statement
   is a part of it (the student split one unit in two).
3. **merged** — a reference statement left over whose words lie mostly inside a student statement
   is merged into it (the student joined two units).

Speed: no n×m loop. Spans are swept in start order (bisect); words go through an inverted index
(a word in more than half the statements blocks nothing and is skipped); only pairs that share a
span or a rare enough word are scored. Two 1,000-statement maps align in well under a second
(``bench/bench_compare.py``).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from argmap.model import Span

PAIR_SPAN = 0.5  # shared characters / the longer span: a pair by their words in the piece
PAIR_TEXT = 0.55  # content-word Dice or character similarity: a pair by their text
PART = 0.6  # share of a statement's words (or characters) inside another: part of it, or merged into it
COMMON = 0.5  # a word in more than this share of the statements blocks nothing (too common)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_NEGATION = frozenset({"not", "no", "never", "nor", "none", "nothing", "cannot", "without"})
_STOP = frozenset(
    """a an the and or but if then than so as of to in on at by for with from into onto over under
    about after before between through during is are was were be been being am it its it's this that
    these those there here their theirs they them he him his she her hers we our ours us you your
    yours i me my mine do does did doing done have has had having will would shall should can could
    may might must also just very too more most much many some any all each every other such own
    same which who whom whose what when where why how while because since although though yet even
    only really quite rather already still ever again once one ones""".split()  # noqa: SIM905
)
_SUFFIXES = ("ingly", "edly", "ings", "ing", "ied", "ies", "ed", "es", "s", "ly")


class Item(Protocol):
    """What is aligned: a statement or a piece of evidence (an id, its text, maybe its words)."""

    @property
    def id(self) -> str: ...

    @property
    def text(self) -> str: ...

    @property
    def span(self) -> Span | None: ...


@dataclass(frozen=True)
class Match:
    """A reference element aligned with a student's, and how: pair, part (split) or merged."""

    reference: str
    student: str
    how: str  # "span" or "text" (a pair), "part" (split), "merged", "restatement" (see compare)
    similarity: float


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude English stem: enough that 'reduces', 'reduced' and 'reducing' meet."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def words(text: str) -> frozenset[str]:
    """The stemmed content words of a text (function words dropped; a negation kept as 'not')."""
    out = set()
    for w in _WORD.findall(text.lower().replace("n't", " not")):
        if w in _NEGATION:
            out.add("not")
        elif w not in _STOP and len(w) > 1:
            out.add(stem(w.replace("’", "'")))
    return frozenset(out)


class Index:
    """Content words of two sides' texts with IDF weights: Dice, containment and candidate pairs."""

    def __init__(self, left: Sequence[str], right: Sequence[str]) -> None:
        self.left = [words(t) for t in left]
        self.right = [words(t) for t in right]
        df: dict[str, int] = defaultdict(int)
        for ws in (*self.left, *self.right):
            for w in ws:
                df[w] += 1
        n = max(len(self.left) + len(self.right), 1)
        self.weight = {w: math.log(1 + n / d) for w, d in df.items()}
        self._common = {w for w, d in df.items() if d > COMMON * n and n > 8}
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._skip: set[int] = set()
        self.index_right()

    def index_right(self, skip: set[int] | frozenset[int] = frozenset()) -> None:
        """(Re)build the postings, leaving out the right-hand items in ``skip``."""
        self._skip = set(skip)
        self._postings = defaultdict(list)
        for j, ws in enumerate(self.right):
            if j in self._skip:
                continue
            for w in ws:
                if w not in self._common:
                    self._postings[w].append(j)

    def mass(self, ws: frozenset[str]) -> float:
        return sum(self.weight[w] for w in ws)

    def candidates(self, i: int) -> dict[int, float]:
        """Right-hand items sharing a (not too common) word with left item ``i``: j → shared weight."""
        shared: dict[int, float] = defaultdict(float)
        for w in self.left[i]:
            if w in self._common:
                continue
            for j in self._postings.get(w, ()):
                shared[j] += self.weight[w]
        # The common words count too, once a pair shares a rarer one.
        common = self.left[i] & self._common
        if common:
            for j in shared:
                shared[j] += self.mass(common & self.right[j])
        return shared


def _negation_differs(a: frozenset[str], b: frozenset[str]) -> bool:
    return ("not" in a) != ("not" in b)


def _span_pairs(ref: Sequence[Item], stu: Sequence[Item]) -> dict[tuple[int, int], int]:
    """(ref index, student index) → shared characters, for every pair of overlapping spans."""
    spans = sorted(
        (it.span.start, it.span.end, j) for j, it in enumerate(stu) if it.span and it.span.end > it.span.start
    )
    starts = [s for s, _, _ in spans]
    longest = max((e - s for s, e, _ in spans), default=0)
    out: dict[tuple[int, int], int] = {}
    for i, it in enumerate(ref):
        sp = it.span
        if sp is None or sp.end <= sp.start:
            continue
        k = bisect_left(starts, sp.start - longest)
        while k < len(spans) and spans[k][0] < sp.end:
            s, e, j = spans[k]
            shared = min(e, sp.end) - max(s, sp.start)
            if shared > 0:
                out[(i, j)] = shared
            k += 1
    return out


def align(ref: Sequence[Item], stu: Sequence[Item], same_source: bool) -> list[Match]:
    """Pairs, then parts, then merged statements (see the module docstring); reference order kept."""
    from rapidfuzz import fuzz, utils

    index = Index([r.text for r in ref], [s.text for s in stu])
    ref_mass = [index.mass(ws) for ws in index.left]
    stu_mass = [index.mass(ws) for ws in index.right]
    # (ref, stu) → (pair score, share of the student's words in the ref's, of the ref's in the student's)
    scored: dict[tuple[int, int], tuple[float, float, float, str]] = {}
    if same_source:
        for (i, j), common in _span_pairs(ref, stu).items():
            lr = ref[i].span.end - ref[i].span.start  # type: ignore[union-attr]
            ls = stu[j].span.end - stu[j].span.start  # type: ignore[union-attr]
            scored[(i, j)] = (common / max(lr, ls), common / ls, common / lr, "span")
    spanned_r = {i for i, r in enumerate(ref) if same_source and r.span}
    spanned_s = {j for j, s in enumerate(stu) if same_source and s.span}
    # Where both quote the piece their words decide: such pairs are not compared by text.
    todo = [(i, False) for i in range(len(ref)) if i not in spanned_r] + [
        (i, True) for i in sorted(spanned_r)
    ]
    reindexed = False
    for i, spanned in todo:
        if spanned and not reindexed:
            index.index_right(spanned_s)
            reindexed = True
        for j, shared in index.candidates(i).items():
            a, b = index.left[i], index.right[j]
            dice = 2 * shared / (ref_mass[i] + stu_mass[j]) if ref_mass[i] + stu_mass[j] else 0.0
            part_s = shared / stu_mass[j] if stu_mass[j] else 0.0
            part_r = shared / ref_mass[i] if ref_mass[i] else 0.0
            if max(dice, part_s, part_r) < 0.3:
                continue
            chars = fuzz.token_sort_ratio(ref[i].text, stu[j].text, processor=utils.default_process) / 100
            pair = max(dice, chars)
            # A denial is not the claim it denies; a part may leave the whole's negation outside.
            if _negation_differs(a, b):
                pair *= 0.6
                part_s *= 0.6 if "not" in b else 1.0
                part_r *= 0.6 if "not" in a else 1.0
            scored[(i, j)] = (pair, part_s, part_r, "text")

    out: list[Match] = []
    used_r: set[int] = set()
    used_s: set[int] = set()
    pairs = sorted(
        ((sc[3] != "span", -sc[0], i, j) for (i, j), sc in scored.items()),
    )
    for not_span, neg, i, j in pairs:
        if -neg < (PAIR_TEXT if not_span else PAIR_SPAN) or i in used_r or j in used_s:
            continue
        used_r.add(i)
        used_s.add(j)
        out.append(Match(ref[i].id, stu[j].id, "text" if not_span else "span", round(-neg, 3)))
    # Parts: a student's leftover lies inside one reference statement (its best).
    best_part: dict[int, tuple[float, int]] = {}
    best_merge: dict[int, tuple[float, int]] = {}
    for (i, j), (_pair, part_s, part_r, _how) in scored.items():
        if j not in used_s and part_s >= PART and part_s > best_part.get(j, (0.0, -1))[0]:
            best_part[j] = (part_s, i)
        if i not in used_r and part_r >= PART and part_r > best_merge.get(i, (0.0, -1))[0]:
            best_merge[i] = (part_r, j)
    for j, (share, i) in best_part.items():
        out.append(Match(ref[i].id, stu[j].id, "part", round(share, 3)))
    for i, (share, j) in best_merge.items():
        out.append(Match(ref[i].id, stu[j].id, "merged", round(share, 3)))
    order = {r.id: n for n, r in enumerate(ref)}
    return sorted(out, key=lambda m: order[m.reference])


def dice(a: str, b: str) -> float:
    """The share of content words two texts have in common (Dice, unweighted); 0 if their negation differs."""
    wa, wb = words(a), words(b)
    if not wa or not wb or _negation_differs(wa, wb):
        return 0.0
    return 2 * len(wa & wb) / (len(wa) + len(wb))


def similarity(a: str, b: str) -> float:
    """How alike two claims read (0-1): the larger of content-word Dice and character similarity."""
    from rapidfuzz import fuzz, utils

    index = Index([a], [b])
    shared = index.mass(index.left[0] & index.right[0])
    total = index.mass(index.left[0]) + index.mass(index.right[0])
    dice = 2 * shared / total if total else 0.0
    chars = fuzz.token_sort_ratio(a, b, processor=utils.default_process) / 100
    out = max(dice, chars)
    return out * 0.6 if _negation_differs(index.left[0], index.right[0]) else out
