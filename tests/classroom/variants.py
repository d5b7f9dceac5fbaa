"""The fair-score test set: three pieces written for it, each with a hand-written Argdown reference
and a good student map in other words (split and merged differently, the thesis or its
restatement as main conclusion), and variants of that map with known mistakes.

The student maps share their ids: ``t`` the main conclusion, ``x1``-``x3`` the reasons, ``x4`` the
objection, ``x5`` the author's answer to it. A variant is named by its set of mistakes; a variant
whose mistakes include another's must score lower (``bench/eval_grading.py`` prints the table).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations
from pathlib import Path

from argmap.classroom.attach import attach
from argmap.edit import operations as edit
from argmap.formats import FORMATS
from argmap.model import ArgumentMap

PIECES = Path(__file__).resolve().parent / "pieces"
NAMES = ("homework", "libraries", "square")


def _read(path: Path) -> ArgumentMap:
    return FORMATS["argdown"].loads(path.read_text(encoding="utf-8"), path=str(path))


def piece(name: str) -> tuple[str, ArgumentMap, ArgumentMap]:
    """The piece's text, its reference (attached to the text) and the good student map (not attached)."""
    text = (PIECES / f"{name}.txt").read_text(encoding="utf-8")
    reference = attach(_read(PIECES / f"{name}.argdown"), text).map
    return text, reference, _read(PIECES / f"{name}-student.argdown")


def _attack_of(amap: ArgumentMap, source: str) -> str:
    return next(a.id for a in amap.attacks if a.source == source)


def wrong_main(m: ArgumentMap) -> ArgumentMap:
    """A reason taken for the main conclusion: x1 on top, the thesis under it."""
    inf = next(i.id for i in m.inferences if i.premises == ("x1",))
    m = edit.remove(m, inf)
    return edit.link_premise(m, "t", "x1")[0]


def objection_as_reason(m: ArgumentMap) -> ArgumentMap:
    """The objection read as a reason for the main conclusion."""
    m = edit.remove(m, _attack_of(m, "x4"))
    return edit.link_premise(m, "x4", "t")[0]


def missed_reason(m: ArgumentMap) -> ArgumentMap:
    """The third reason left out."""
    return edit.remove(m, "x3")


def wrong_claim(m: ArgumentMap) -> ArgumentMap:
    """The second reason put under the first instead of under the main conclusion."""
    return edit.relink(m, "x2", "x1")


def missed_answer(m: ArgumentMap) -> ArgumentMap:
    """The author's answer to the objection left out."""
    return edit.remove(m, "x5")


MISTAKES: dict[str, Callable[[ArgumentMap], ArgumentMap]] = {
    "wrong main": wrong_main,
    "objection as reason": objection_as_reason,
    "missed reason": missed_reason,
    "wrong claim": wrong_claim,
    "missed answer": missed_answer,
}
# Combinations that can be made together (a wrong main moves x1, a wrong claim moves x2 under x1).
_CLASH = {frozenset({"wrong main", "wrong claim"})}


def variants(student: ArgumentMap) -> dict[frozenset[str], ArgumentMap]:
    """The good map (no mistakes) and every compatible combination of one to three mistakes."""
    out: dict[frozenset[str], ArgumentMap] = {frozenset(): student}
    for k in (1, 2, 3):
        for combo in combinations(MISTAKES, k):
            key = frozenset(combo)
            if any(c <= key for c in _CLASH):
                continue
            m = student
            for name in combo:
                m = MISTAKES[name](m)
            out[key] = m
    return out


def ordered_pairs(scores: dict[frozenset[str], float]) -> tuple[int, int, list[str]]:
    """(pairs ordered as the mistakes are, pairs compared, the ones that are not): a variant whose
    mistakes strictly include another's must score strictly lower."""
    right, total, wrong = 0, 0, []
    for a, sa in scores.items():
        for b, sb in scores.items():
            if a < b:
                total += 1
                if sb < sa:
                    right += 1
                else:
                    wrong.append(f"{sorted(b)} ({sb:.2f}) >= {sorted(a)} ({sa:.2f})")
    return right, total, wrong


def with_spans(student: ArgumentMap, text: str) -> ArgumentMap:
    """The student's map anchored to the piece, as a map made in the app from the draft would be."""
    return attach(student, text).map


def in_reference_words(student: ArgumentMap, reference: ArgumentMap) -> ArgumentMap:
    """The good map with its main conclusion in the reference's words (the thesis, or its restatement,
    whichever the reference used): the other way of stating the main claim."""
    from argmap.roles import derive

    main = derive(reference).main
    assert main is not None
    return edit.edit_text(student, "t", reference.statement(main).text)


def wording_only(text: str, reference: ArgumentMap, student: ArgumentMap) -> dict[str, ArgumentMap]:
    """Maps that differ from the reference only in wording and segmentation (each must score >= 0.9):
    the reference itself, the good map (other words, one reason split, two merged, the main claim as
    the reference did not put it) and the good map with the main claim in the reference's words."""
    return {
        "the reference itself": reference,
        "a good map: other words, split and merged": student,
        "the good map, main claim in the reference's words": in_reference_words(student, reference),
    }
