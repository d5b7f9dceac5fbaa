"""Compare a student's map with a reference map: align statements, score, and give feedback.

Statements are aligned one-to-one, by span overlap first (when both maps quote the same piece)
and text similarity second (rapidfuzz). The parts of the score, each from 0 to 1:

    main        the main conclusion is the reference's
    recall      share of the reference's statements the student found
    precision   share of the student's statements that are in the reference
    roles       of the statements found, the share with the same role (premise, objection...)
    relations   share of the reference's links (support or attack, same target) the student has
    evidence    share of the reference's evidence the student found

``score`` is their weighted mean (``WEIGHTS``); a part with nothing to count (no evidence in the
reference) is left out and the other weights rescaled. Feedback names the statements in words a
student can act on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap import graph
from argmap.model import ArgumentMap, Span
from argmap.roles import ROLE_LABELS, Roles, derive

WEIGHTS: dict[str, float] = {
    "main": 0.2,
    "recall": 0.2,
    "precision": 0.1,
    "roles": 0.15,
    "relations": 0.25,
    "evidence": 0.1,
}
SPAN_OVERLAP = 0.5  # shared characters / the shorter span: at least this to count as the same words
TEXT_SIMILARITY = 0.6  # rapidfuzz similarity (0-1) for statements without a usable span


@dataclass(frozen=True)
class Match:
    """A reference element aligned with a student's, and how."""

    reference: str
    student: str
    how: str  # "span" or "text"
    similarity: float


@dataclass(frozen=True)
class Feedback:
    """One point for the student: what to look at again, naming the reference's elements."""

    topic: str  # main | missed | extra | relation | role | evidence
    message: str
    reference_ids: tuple[str, ...] = ()
    student_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Comparison:
    """The result of ``compare``: overall score, its parts, the alignment and the feedback."""

    score: float
    parts: dict[str, float]
    matches: tuple[Match, ...]
    missed: tuple[str, ...]  # reference statement ids the student has no match for
    extra: tuple[str, ...]  # student statement ids with no match in the reference
    feedback: tuple[Feedback, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view (``argmap compare --json``)."""
        return {
            "score": round(self.score, 4),
            "parts": {k: round(v, 4) for k, v in self.parts.items()},
            "matches": [m.__dict__ for m in self.matches],
            "missed": list(self.missed),
            "extra": list(self.extra),
            "feedback": [f.__dict__ | {"reference_ids": list(f.reference_ids)} for f in self.feedback],
        }


def _quote(amap: ArgumentMap, sid: str, n: int = 80) -> str:
    text = amap.element(sid).text.strip().strip("\"“”‘’'")  # type: ignore[union-attr]
    if len(text) > n:
        text = text[:n].rsplit(" ", 1)[0].rstrip(",;:—-") + "…"
    return f"“{text}”"


def _overlap(a: Span | None, b: Span | None) -> float:
    if a is None or b is None:
        return 0.0
    shared = min(a.end, b.end) - max(a.start, b.start)
    shorter = min(a.end - a.start, b.end - b.start)
    return max(shared, 0) / shorter if shorter > 0 else 0.0


def align(ref_items: list[Any], stu_items: list[Any], same_source: bool) -> list[Match]:
    """One-to-one alignment: span pairs first, then the most similar texts, greedily."""
    from rapidfuzz import fuzz, utils

    pairs: list[tuple[int, float, int, int, str]] = []
    for r, x in enumerate(ref_items):
        for s, y in enumerate(stu_items):
            ov = _overlap(x.span, y.span) if same_source else 0.0
            if ov >= SPAN_OVERLAP:
                pairs.append((0, -ov, r, s, "span"))
                continue
            sim = fuzz.token_sort_ratio(x.text, y.text, processor=utils.default_process) / 100
            sim = max(sim, 0.9 * fuzz.token_set_ratio(x.text, y.text, processor=utils.default_process) / 100)
            if sim >= TEXT_SIMILARITY:
                pairs.append((1, -sim, r, s, "text"))
    used_r: set[int] = set()
    used_s: set[int] = set()
    out = []
    for _tier, neg, r, s, how in sorted(pairs):
        if r in used_r or s in used_s:
            continue
        used_r.add(r)
        used_s.add(s)
        out.append(Match(ref_items[r].id, stu_items[s].id, how, round(-neg, 3)))
    return out


def _reading(amap: ArgumentMap, roles: Roles, src: str, kind: str, tgt: str) -> str:
    """How a map reads a link, in words: 'support for Y', 'an objection to Y that the author answers'."""
    if kind == "support":
        return f"support for {_quote(amap, tgt)}"
    role = roles.role.get(src)
    answered = any(a.target == src for a in amap.attacks)
    if role == "rebuttal":
        return f"the author's answer to {_quote(amap, tgt)}"
    if role == "objection":
        return f"an objection to {_quote(amap, tgt)}" + (" that the author answers" if answered else "")
    return f"an attack on {_quote(amap, tgt)}"


def compare(reference: ArgumentMap, student: ArgumentMap) -> Comparison:
    """Align ``student`` with ``reference``, score it (0 to 1) and word feedback for the student."""
    ref_src = reference.source.text if reference.source else None
    same_source = bool(ref_src) and student.source is not None and student.source.text == ref_src
    matches = align(list(reference.statements), list(student.statements), same_source)
    r2s = {m.reference: m.student for m in matches}
    s2r = {m.student: m.reference for m in matches}
    ref_roles, stu_roles = derive(reference), derive(student)
    fb: list[Feedback] = []
    parts: dict[str, float] = {}

    # Main conclusion.
    if ref_roles.main is not None:
        got = stu_roles.main is not None and r2s.get(ref_roles.main) == stu_roles.main
        parts["main"] = 1.0 if got else 0.0
        if not got:
            want = _quote(reference, ref_roles.main)
            if stu_roles.main is None:
                msg = f"Your map has no main conclusion; the reference's is {want}."
            elif ref_roles.main in r2s:
                msg = (
                    f"You treated {_quote(student, stu_roles.main)} as the main conclusion; "
                    f"the reference's is {want}."
                )
            else:
                msg = f"You missed the main conclusion, {want}."
            fb.append(Feedback("main", msg, (ref_roles.main,), (stu_roles.main,) if stu_roles.main else ()))

    # Statements found.
    missed = tuple(s.id for s in reference.statements if s.id not in r2s)
    extra = tuple(s.id for s in student.statements if s.id not in s2r)
    parts["recall"] = len(r2s) / len(reference.statements) if reference.statements else 1.0
    parts["precision"] = len(s2r) / len(student.statements) if student.statements else 0.0

    # Roles of the statements found.
    role_fb: dict[str, Feedback] = {}
    if matches:
        same = 0
        for m in matches:
            rr, sr = ref_roles.role[m.reference], stu_roles.role[m.student]
            if rr == sr:
                same += 1
            else:
                role_fb[m.reference] = Feedback(
                    "role",
                    f"You have {_quote(student, m.student)} as {_article(ROLE_LABELS[sr])}; "
                    f"the reference reads it as {_article(ROLE_LABELS[rr])}.",
                    (m.reference,),
                    (m.student,),
                )
        parts["roles"] = same / len(matches)

    # Relations: the same kind of link between the same (aligned) statements.
    ref_links, stu_links = graph.links(reference), graph.links(student)
    stu_from: dict[str, list[tuple[str, str]]] = {}
    for (a, b), kind in stu_links.items():
        stu_from.setdefault(a, []).append((b, kind))
    if ref_links:
        right = 0
        explained: set[str] = set()
        for (a, b), kind in ref_links.items():
            sa, sb = r2s.get(a), r2s.get(b)
            if sa and sb and stu_links.get((sa, sb)) == kind:
                right += 1
                continue
            if not (sa and sb):
                continue  # a missing statement is reported once, below
            reads = _reading(reference, ref_roles, a, kind, b)
            theirs = stu_links.get((sa, sb))
            if theirs is not None:
                yours = "support for" if theirs == "support" else "an attack on"
                msg = (
                    f"You treated {_quote(student, sa)} as {yours} {_quote(student, sb)}; "
                    f"the reference reads it as {reads}."
                )
            elif stu_from.get(sa):
                other, okind = stu_from[sa][0]
                yours = "support for" if okind == "support" else "an attack on"
                msg = (
                    f"You linked {_quote(student, sa)} as {yours} {_quote(student, other)}; "
                    f"the reference reads it as {reads}."
                )
            else:
                msg = f"You left {_quote(student, sa)} unlinked; the reference reads it as {reads}."
            fb.append(Feedback("relation", msg, (a, b), (sa, sb)))
            explained.add(a)
        parts["relations"] = right / len(ref_links)
        fb += [f for rid, f in role_fb.items() if rid not in explained]
    else:
        fb += list(role_fb.values())

    # Evidence found (anywhere), and where it is attached.
    if reference.evidence:
        ev = align(list(reference.evidence), list(student.evidence), same_source)
        parts["evidence"] = len(ev) / len(reference.evidence)
        found = {m.reference: m.student for m in ev}
        for e in reference.evidence:
            if e.id not in found:
                fb.append(
                    Feedback(
                        "evidence",
                        f"You missed the evidence {_quote(reference, e.id)} "
                        f"for {_quote(reference, e.target)}.",
                        (e.id, e.target),
                    )
                )
            else:
                target = student.element(found[e.id]).target  # type: ignore[union-attr]
                if r2s.get(e.target) not in (None, target):
                    fb.append(
                        Feedback(
                            "evidence",
                            f"You attached the evidence {_quote(reference, e.id)} "
                            f"to {_quote(student, target)}; "
                            f"the reference has it backing {_quote(reference, e.target)}.",
                            (e.id, e.target),
                            (found[e.id], target),
                        )
                    )

    for sid in missed:
        role = ROLE_LABELS[ref_roles.role[sid]]
        fb.append(
            Feedback(
                "missed", f"You missed {_quote(reference, sid)} ({_article(role)} in the reference).", (sid,)
            )
        )
    for sid in extra:
        fb.append(
            Feedback(
                "extra",
                f"{_quote(student, sid)} is not in the reference map: is it a claim the author makes, "
                "and is it worded close to the piece?",
                (),
                (sid,),
            )
        )

    weights = {k: WEIGHTS[k] for k in parts}
    score = sum(parts[k] * w for k, w in weights.items()) / sum(weights.values()) if weights else 0.0
    return Comparison(round(score, 6), parts, tuple(matches), missed, extra, tuple(fb))


def _article(label: str) -> str:
    return ("an " if label[0] in "aeiou" else "a ") + label
