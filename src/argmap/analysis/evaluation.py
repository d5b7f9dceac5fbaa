"""Evaluation: the user's ratings propagated bottom-up through the map, Rationale-style.

Every statement, inference, attack and piece of evidence gets a status in one vocabulary:
``accepted`` | ``doubtful`` | ``rejected`` | ``unrated``. The rules, applied from the leaves up:

1. **Evidence** counts by its reliability: high → accepted, medium → doubtful, low → rejected,
   none set → unrated.
2. **An inference** is as good as its weakest premise (rejected < unrated < doubtful < accepted:
   linked premises only work together), then capped by its own rating: ``strong`` (or unrated)
   keeps that, ``weak`` caps it at doubtful, ``none`` makes it rejected. An undercut on it
   counts like an objection (rule 4).
3. **An attack** is as good as its attacking statement, capped by its rating the same way.
4. **A statement's reasons** are its inferences and evidence; the best one counts
   (accepted > doubtful > unrated > rejected). Its objections are the attacks on it; the
   strongest counts. An accepted objection makes an accepted reason *doubtful* (contested)
   and anything weaker *rejected*; a doubtful objection lowers accepted to doubtful.
   With no reasons and no objections a statement is unrated.
5. **The user's own rating of a statement wins** for that statement (it is their judgement),
   and the explanation says when its reasons point elsewhere. Conclusions nobody rated take
   the status their reasons and objections give them, so one change of rating flows up at once.

A circle of support or attack gives no support to itself: a node met again on the path being
evaluated counts as unrated there. This is a reading aid, not a proof: it shows what follows
from the ratings the user gave.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from argmap import graph
from argmap.model import ArgumentMap, Attack, Evidence, Inference, Statement

Status = Literal["accepted", "doubtful", "rejected", "unrated"]
STATUSES: tuple[Status, ...] = ("accepted", "doubtful", "rejected", "unrated")
# Weakest-link order (for linked premises) and best-reason order.
_WEAK: dict[str, int] = {"rejected": 0, "unrated": 1, "doubtful": 2, "accepted": 3}
_RELIABILITY: dict[str, Status] = {"high": "accepted", "medium": "doubtful", "low": "rejected"}


@dataclass
class Evaluation:
    """Each element's status and a sentence saying why."""

    status: dict[str, Status] = field(default_factory=dict)
    why: dict[str, str] = field(default_factory=dict)


def _cap(status: Status, rating: str | None) -> Status:
    if rating == "none":
        return "rejected"
    if rating == "weak" and status == "accepted":
        return "doubtful"
    return status


def evaluation(amap: ArgumentMap) -> Evaluation:
    """Statuses and explanations for every element of ``amap`` (see the module docstring)."""
    ev = Evaluation()
    by_id = {e.id: e for g in (amap.statements, amap.inferences, amap.attacks, amap.evidence) for e in g}
    reasons: dict[str, list[Inference | Evidence]] = {s.id: [] for s in amap.statements}
    attacks_on: dict[str, list[Attack]] = {}
    for i in amap.inferences:
        reasons[i.conclusion].append(i)
    for e in amap.evidence:
        reasons[e.target].append(e)
    for a in amap.attacks:
        attacks_on.setdefault(a.target, []).append(a)

    def status(eid: str) -> Status:
        # Depth first, each element is judged after what it reads; one not judged yet is still on the
        # path being evaluated: a circle gives no support to itself.
        return ev.status.get(eid, "unrated")

    def objections(eid: str) -> tuple[Status, list[str]]:
        worst: Status = "unrated"
        names: list[str] = []
        for a in attacks_on.get(eid, ()):
            st = status(a.id)
            if st in ("accepted", "doubtful"):
                names.append(f"{a.source} ({st})")
                if worst != "accepted":
                    worst = st
        return worst, names

    for eid in graph.postorder(graph.dependencies(amap)):
        el = by_id[eid]
        st: Status
        if isinstance(el, Evidence):
            st, why = _evidence(el)
        elif isinstance(el, Attack):
            src = status(el.source)
            st = _cap(src, el.rating)
            why = f"as good as its attacker {el.source} ({src})" + _rated(el.rating)
        elif isinstance(el, Inference):
            prem = {p: status(p) for p in el.premises}
            weakest = min(prem.values(), key=_WEAK.__getitem__)
            st = _cap(weakest, el.rating)
            why = (
                f"its weakest premise is {weakest} ("
                + ", ".join(f"{p}: {s}" for p, s in prem.items())
                + ")"
                + _rated(el.rating)
            )
            worst, names = objections(eid)
            st, why = _objected(st, why, worst, names, "undercut by")
        else:
            graded = [(r.id, status(r.id)) for r in reasons[eid]]
            worst, names = objections(eid)
            st, why = _statement(el, graded, worst, names)
        ev.status[eid] = st
        ev.why[eid] = why[0].upper() + why[1:] + "."
    return ev


def _rated(rating: str | None) -> str:
    return f"; rated {rating}" if rating else ""


def _evidence(e: Evidence) -> tuple[Status, str]:
    if e.reliability is None:
        return "unrated", "reliability not rated"
    return _RELIABILITY[e.reliability], f"reliability rated {e.reliability}"


def _objected(st: Status, why: str, objection: Status, names: list[str], verb: str) -> tuple[Status, str]:
    if objection == "accepted":
        new: Status = "doubtful" if st == "accepted" else "rejected"
    elif objection == "doubtful" and st == "accepted":
        new = "doubtful"
    else:
        return st, why
    return new, f"{why}, but {verb} {', '.join(names)}"


def _statement(
    s: Statement, graded: list[tuple[str, Status]], objection: Status, names: list[str]
) -> tuple[Status, str]:
    if graded:
        best_id, best = max(graded, key=lambda kv: (kv[1] != "rejected", _WEAK[kv[1]]))
        derived, why = best, f"its best reason {best_id} is {best}"
    else:
        derived, why = "unrated", "no reasons given"
    derived, why = _objected(derived, why, objection, names, "objected to by")
    if not graded and not names:
        why = "no reasons and no objections"
    if s.rating is None:
        return derived, why
    if derived in (s.rating, "unrated"):
        return s.rating, f"you rated it {s.rating}" + ("" if derived == "unrated" else f"; {why}")
    return s.rating, f"you rated it {s.rating}, though {why} (which points to {derived})"


def evaluate(amap: ArgumentMap) -> dict[str, Status]:
    """Every element's status: ``accepted`` | ``doubtful`` | ``rejected`` | ``unrated``."""
    return evaluation(amap).status


def explain(amap: ArgumentMap) -> dict[str, str]:
    """For every element, one sentence saying why it has its status."""
    return evaluation(amap).why
