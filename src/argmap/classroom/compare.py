"""Compare a student's map with a reference map: align, score fairly, and list what is right and wrong.

**Alignment** (``argmap.classroom.align``) credits paraphrase and segmentation: the same claim in
other words, one unit split in two, two merged into one. The main conclusion may be the thesis as
first stated or its restatement: a student's main conclusion that aligns with no reason or
objection of the reference and reads like the reference's main conclusion (``RESTATEMENT``) counts.

**The score** (0 to 1) shares ``WEIGHTS`` among the parts of the argument; each part's weight is
split equally among the reference's elements in it, so every mistake costs a documented amount:

    main        0.25  the main conclusion                 wrong or missing: all of it
    reasons     0.30  the direct reasons for it           missed, or an objection used as a
    objections  0.20  objections and the author's answers   reason (or the other way round): the
    detail      0.15  deeper support and evidence           element's whole share; found but under
                                                            the wrong claim, or left unlinked: half
    precision   0.10  the student's statements that are in the reference (each extra one costs its share)

With three reasons, a missed reason costs 0.30 / 3 = 0.10. A part with nothing in it (no
evidence, no objection) is left out and the other weights rescaled. A link to the student's own
(wrong) main conclusion counts as a link to the main conclusion: the wrong main is charged once.
Two reference statements merged into one student statement keep the link between them.

**Feedback** (``Feedback``) is ranked: what is right first, then the main conclusion, reasons,
objections and answers, detail, extra statements; each reference element gets at most one item, so
the list never says one thing is right and wrong. ``Comparison.shown()`` is the first five.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from argmap.classroom.align import Match, align, dice, similarity
from argmap.model import ArgumentMap, Evidence, Statement
from argmap.roles import Roles, derive

__all__ = ["WEIGHTS", "Comparison", "Feedback", "Match", "compare"]

WEIGHTS: dict[str, float] = {
    "main": 0.25,
    "reasons": 0.30,
    "objections": 0.20,
    "detail": 0.15,
    "precision": 0.10,
}
PART_LABELS = {
    "main": "Main conclusion",
    "reasons": "Reasons",
    "objections": "Objections and answers",
    "detail": "Detail and evidence",
    "precision": "Statements in the reference",
}
RESTATEMENT = 0.4  # similarity() to the reference's main conclusion for a student's restatement of it
TWIN = 0.55  # dice() of a reference's supported reason with its main conclusion: a restatement of it
MISPLACED = 0.5  # share of an element's credit kept when it is found but under the wrong claim or unlinked
SHOWN = 5  # feedback items shown by default
_TIER = {"right": 0, "main": 1, "reasons": 2, "objections": 3, "detail": 4, "extra": 5}


@dataclass(frozen=True)
class Feedback:
    """One sentence for the student: what is right, or one mistake and what it cost.

    ``topic``: right | main | reasons | objections | detail | extra; ``kind`` names the mistake
    (no_main, wrong_main, missed, as_reason, as_objection, wrong_claim, unlinked, evidence_missed,
    evidence_target, extra) or "right"; ``spans`` are the (start, end) of its words in the piece.
    """

    topic: str
    message: str
    reference_ids: tuple[str, ...] = ()
    student_ids: tuple[str, ...] = ()
    kind: str = "right"
    cost: float = 0.0
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Comparison:
    """The result of ``compare``: overall score, its parts, the alignment and the ranked feedback."""

    score: float
    parts: dict[str, float]
    matches: tuple[Match, ...]
    missed: tuple[str, ...]  # reference statement ids the student has no match for
    extra: tuple[str, ...]  # student statement ids with no match in the reference
    feedback: tuple[Feedback, ...] = field(default=())

    @property
    def mistakes(self) -> tuple[Feedback, ...]:
        """The feedback items that cost points, ranked."""
        return tuple(f for f in self.feedback if f.kind != "right")

    def shown(self, n: int = SHOWN) -> tuple[Feedback, ...]:
        """The first ``n`` items: what a student reads before "show all"."""
        return self.feedback[:n]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view (``argmap compare --json``)."""
        return {
            "score": round(self.score, 4),
            "parts": {k: round(v, 4) for k, v in self.parts.items()},
            "matches": [m.__dict__ for m in self.matches],
            "missed": list(self.missed),
            "extra": list(self.extra),
            "feedback": [
                f.__dict__
                | {
                    "reference_ids": list(f.reference_ids),
                    "student_ids": list(f.student_ids),
                    "spans": [list(s) for s in f.spans],
                    "cost": round(f.cost, 4),
                }
                for f in self.feedback
            ],
        }


def quote(item: Statement | Evidence, n: int = 90) -> str:
    """An element's words in curly quotes, cut at a word past ``n`` characters."""
    # The map's own words (a student's as typed); ``Feedback.spans`` points at the piece's.
    text = " ".join(item.text.split()).strip("\"“”‘’' ").rstrip(".")
    if len(text) > n:
        text = text[:n].rsplit(" ", 1)[0].rstrip(",;:—-") + "…"
    return f"“{text}”"


def _links(amap: ArgumentMap) -> dict[str, list[tuple[str, str]]]:
    """statement → [(target statement, "support" | "attack")]; an undercut points at the conclusion."""
    concl = {i.id: i.conclusion for i in amap.inferences}
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for i in amap.inferences:
        for p in i.premises:
            out[p].append((i.conclusion, "support"))
    for a in amap.attacks:
        out[a.source].append((concl.get(a.target, a.target), "attack"))
    for e in amap.evidence:
        out[e.id].append((e.target, "support"))
    return out


def _spans(*items: Statement | Evidence | None) -> tuple[tuple[int, int], ...]:
    return tuple((i.span.start, i.span.end) for i in items if i is not None and i.span is not None)


class _Grader:
    """One comparison's look-ups, built once: every question below is a dict look-up (no n×m)."""

    def __init__(self, reference: ArgumentMap, student: ArgumentMap) -> None:
        self.ref, self.stu = reference, student
        # Statements and evidence are aligned together: a student may map a reference's evidence as
        # a reason, or a reason as evidence; evidence links to its target as support.
        ref_items: tuple[Statement | Evidence, ...] = (*reference.statements, *reference.evidence)
        stu_items: tuple[Statement | Evidence, ...] = (*student.statements, *student.evidence)
        self.rs: dict[str, Statement | Evidence] = {s.id: s for s in ref_items}
        self.ss: dict[str, Statement | Evidence] = {s.id: s for s in stu_items}
        self.ref_evidence = {e.id for e in reference.evidence}
        ref_src = reference.source.text if reference.source else None
        self.same_source = bool(ref_src) and student.source is not None and student.source.text == ref_src
        self.matches = align(ref_items, stu_items, self.same_source)
        self.g: dict[str, set[str]] = defaultdict(set)  # reference id → student ids
        self.h: dict[str, set[str]] = defaultdict(set)  # student id → reference ids
        for m in self.matches:
            self.g[m.reference].add(m.student)
            self.h[m.student].add(m.reference)
        self.rr: Roles = derive(reference)
        self.sr: Roles = derive(student)
        self.ref_links, self.stu_links = _links(reference), _links(student)
        self.attacked = {a.target for a in reference.attacks}
        self.group: set[str] = set()  # the reference's main conclusion and its restatement (see twin)

    def twin(self) -> str | None:
        """The reference's thesis as first stated where it is drafted as a reason for its restatement
        (or the other way round): a supported reason of the main conclusion that restates it
        (``dice`` at least ``TWIN``, the most alike of the main conclusion's reasons)."""
        main = self.rr.main
        if main is None:
            return None
        concluded = {i.conclusion for i in self.ref.inferences}
        near = [
            (dice(self.rs[p].text, self.rs[main].text), p)
            for i in self.ref.inferences
            if i.conclusion == main
            for p in i.premises
            if p in concluded
        ]
        best = max(near, default=(0.0, ""))
        return best[1] if best[0] >= TWIN else None

    def restates(self, sid: str, reasons: set[str]) -> float:
        """How much student statement ``sid`` reads like the reference's main conclusion (0 if it
        reads more like one of its reasons or objections: a restatement beats every rival)."""
        main = self.rr.main
        if main is None:
            return 0.0
        text = self.ss[sid].text
        to_main = similarity(text, self.rs[main].text)
        if to_main < RESTATEMENT:
            return 0.0
        rivals = [r for r in self.rs if r in reasons or self.rr.role.get(r) in ("objection", "rebuttal")]
        return to_main if all(similarity(text, self.rs[r].text) <= to_main for r in rivals[:50]) else 0.0

    def _restatement(self, sid: str, how: float) -> None:
        main = self.rr.main
        assert main is not None
        self.g[main].add(sid)
        self.h[sid].add(main)
        self.matches.append(Match(main, sid, "restatement", round(how, 3)))

    def main_ok(self, reasons: set[str]) -> tuple[bool, str]:
        """Whether the student's main conclusion is the reference's (or a restatement of it), and how.

        A student statement aligned with nothing that restates the main conclusion (the thesis as
        first stated, where the reference took the restatement at the end, or the other way round)
        is aligned with it: as the student's main conclusion, or, where the student took another
        claim for the main one, so that the reasons under it still count.
        """
        main, theirs = self.rr.main, self.sr.main
        if main is None:
            return False, "none"
        if theirs is not None and any(theirs in self.g.get(r, ()) for r in self.group):
            return True, "same"
        if theirs is not None and not self.h.get(theirs):
            how = self.restates(theirs, reasons)
            if how:
                self._restatement(theirs, how)
                return True, "restatement"
        if not any(self.g.get(r) for r in self.group):
            loose = [(self.restates(s, reasons), s) for s in self.ss if not self.h.get(s) and s != theirs]
            best = max(loose, default=(0.0, ""))
            if best[0]:
                self._restatement(best[1], best[0])
        if theirs is None:
            return False, "none"
        elsewhere = self.h.get(theirs, set()) - self.group
        if any(self.rr.role.get(r) not in ("unconnected", None) for r in elsewhere):
            return False, "elsewhere"  # it is one of the reference's reasons or objections
        return False, "other"

    def targets(self, rid: str) -> set[str]:
        """The student statements that stand for reference statement ``rid`` as a link's target."""
        if rid in self.group:
            out = {s for r in self.group for s in self.g.get(r, ())}
        else:
            out = set(self.g.get(rid, ()))
        if rid in self.group and self.sr.main is not None:
            out.add(self.sr.main)  # a wrong main is charged once, at the main conclusion
        return out

    def placed(self, rid: str) -> tuple[float, str, tuple[str, ...]]:
        """Credit (0, ``MISPLACED`` or 1) for a found statement's links, the mistake, the student ids.

        Per link the reference has from ``rid``: 1 if a student statement standing for it has the
        same kind of link to the same claim (or is merged with that claim); 0 if it has the other
        kind (an objection used as a reason, a reason used as an objection); ``MISPLACED`` if the
        link goes to another claim, if it is left unlinked, or if the author's answer to an
        objection is used as a reason (a milder misreading). The mean over the links.
        """
        want = self.ref_links.get(rid, [])
        mine = set(self.g[rid])
        if not want:
            return 1.0, "right", tuple(sorted(mine))
        # Each fragment with a link leaving the group is judged (a split unit's parts may hang on
        # one another); a group with no such link is unlinked.
        out_links = {s: [(t, k) for t, k in self.stu_links.get(s, ()) if t not in mine] for s in sorted(mine)}
        judged = [s for s, links in out_links.items() if links]
        credits: list[float] = []
        kind, who = "right", tuple(sorted(mine))
        for target, how in want:
            tgt = self.targets(target)
            if tgt & mine:
                credits.append(1.0)  # merged with its target: the link is inside one statement
                continue
            if not judged:
                credits.append(MISPLACED)
                kind = "unlinked" if kind == "right" else kind
                continue
            for s in judged:
                links = out_links[s]
                if any(t in tgt and k == how for t, k in links):
                    credits.append(1.0)
                    continue
                other_kind = [t for t, k in links if k != how]
                if other_kind:
                    answer = how == "attack" and self.rr.role.get(rid) == "rebuttal"
                    credits.append(MISPLACED if answer else 0.0)
                    kind = (
                        "answer_as_reason" if answer else ("as_reason" if how == "attack" else "as_objection")
                    )
                    who = (s, other_kind[0])
                else:
                    credits.append(MISPLACED)
                    kind, who = ("wrong_claim", (s, links[0][0])) if kind == "right" else (kind, who)
        return sum(credits) / len(credits), kind, who


def _part_of(roles: Roles, sid: str, main: str | None, reasons: set[str]) -> str:
    if sid == main:
        return "main"
    if roles.role.get(sid) in ("objection", "rebuttal"):
        return "objections"
    if sid in reasons:
        return "reasons"
    return "detail"


def compare(reference: ArgumentMap, student: ArgumentMap) -> Comparison:
    """Align ``student`` with ``reference``, score it (0 to 1) and word ranked feedback for the student."""
    gr = _Grader(reference, student)
    main = gr.rr.main
    twin = gr.twin()
    gr.group = {r for r in (main, twin) if r is not None}
    reasons = {p for i in reference.inferences if i.conclusion in gr.group for p in i.premises} - gr.group
    credit: dict[str, list[float]] = {k: [] for k in WEIGHTS if k != "precision"}
    wrong: list[tuple[str, Feedback, float]] = []  # (part, feedback, share lost of the part's weight)
    right: dict[str, list[str]] = defaultdict(list)
    main_ok, main_how = gr.main_ok(reasons)
    main_spans: tuple[tuple[int, int], ...] = ()

    if main is not None:
        credit["main"].append(1.0 if main_ok else 0.0)
        ref_main = gr.rs[main]
        if main_ok:
            theirs = gr.ss[gr.sr.main] if gr.sr.main else None
            if main_how == "restatement" and theirs is not None:
                msg = (
                    f"Your main conclusion, {quote(theirs)}, is the author's claim "
                    f"(also put as {quote(ref_main)})."
                )
            else:
                msg = f"Your main conclusion is the author's: {quote(theirs or ref_main)}."
            right["main"].append(msg)
            main_spans = _spans(ref_main, theirs)
        else:
            wrong.append(("main", _main_mistake(gr, main_how), 1.0))

    items: tuple[Statement | Evidence, ...] = (*reference.statements, *reference.evidence)
    for s in items:
        if s.id in gr.group:
            continue
        part = "detail" if s.id in gr.ref_evidence else _part_of(gr.rr, s.id, main, reasons)
        if not gr.g.get(s.id):
            credit[part].append(0.0)
            wrong.append((part, _missed(gr, s, part), 1.0))
            continue
        value, kind, who = gr.placed(s.id)
        credit[part].append(value)
        if kind == "right":
            # A reason the student took for the main conclusion keeps its credit (the wrong main is
            # charged once, at the main) but is not praised as "in its place": the main item says where.
            if main_ok or gr.sr.main is None or gr.sr.main not in gr.g[s.id]:
                right[part].append(s.id)
        else:
            wrong.append((part, _misplaced(gr, s, part, kind, who), 1.0 - value))

    parts = {k: sum(v) / len(v) for k, v in credit.items() if v}
    # The student's wrong main conclusion is charged at the main conclusion, not again as extra.
    mine = (*student.statements, *student.evidence)
    extra = tuple(s.id for s in mine if s.id not in gr.h and s.id != gr.sr.main)
    if mine:
        parts["precision"] = 1 - len(extra) / len(mine)
    elif reference.statements:
        parts["precision"] = 0.0
    total = sum(WEIGHTS[k] for k in parts)
    score = sum(parts[k] * WEIGHTS[k] for k in parts) / total if total else 0.0

    # Each mistake's cost in points of the score: its part's weight, shared among the part's elements.
    feedback: list[Feedback] = []
    for part, f, lost in wrong:
        cost = WEIGHTS[part] / total * lost / len(credit[part]) if total else 0.0
        feedback.append(Feedback(**(f.__dict__ | {"cost": round(cost, 4)})))
    if extra:
        per = WEIGHTS["precision"] / total / len(mine) if total else 0.0
        feedback.append(_extra(gr, extra, per))
    feedback = _roll_up(gr, feedback)
    feedback = _once(feedback)
    feedback.sort(key=lambda f: (_TIER[f.topic], -f.cost))
    missed = tuple(s.id for s in reference.statements if not gr.g.get(s.id) and s.id not in gr.group)
    praise = _right(gr, right, credit, reasons, main_spans)
    return Comparison(round(score, 6), parts, tuple(gr.matches), missed, extra, tuple(praise + feedback))


# --- wording --------------------------------------------------------------------------------------


def _main_mistake(gr: _Grader, how: str) -> Feedback:
    main = gr.rr.main
    assert main is not None
    want = gr.rs[main]
    theirs = gr.ss.get(gr.sr.main or "")
    if theirs is None:
        msg = f"Your map has no main conclusion; the author's claim is {quote(want)}."
        return Feedback("main", msg, (main,), (), "no_main", spans=_spans(want))
    what = ""
    if how == "elsewhere":
        rid = sorted(gr.h[theirs.id] - {main})[0]
        role = gr.rr.role.get(rid)
        what = {
            "objection": ", which is an objection the author answers",
            "rebuttal": ", which is the author's answer to an objection",
        }.get(role or "", ", which the author gives as a reason")
    msg = f"Your main conclusion is {quote(theirs)}{what}; the author's claim is {quote(want)}."
    return Feedback("main", msg, (main,), (theirs.id,), "wrong_main", spans=_spans(want, theirs))


def _target_words(gr: _Grader, rid: str) -> str:
    target, _how = gr.ref_links[rid][0]
    if target == gr.rr.main:
        return "the main conclusion"  # the student may have it in other words: no quote to puzzle over
    return quote(gr.rs[target]) if target in gr.rs else "its claim"


def _missed(gr: _Grader, s: Statement | Evidence, part: str) -> Feedback:
    role = gr.rr.role.get(s.id)
    if s.id in gr.ref_evidence:
        msg = f"You missed the evidence {quote(s)} for {_target_words(gr, s.id)}."
        return Feedback(part, msg, (s.id,), (), "evidence_missed", spans=_spans(s))
    if part == "reasons":
        msg = f"You missed a reason for the main conclusion: {quote(s)}."
    elif role == "objection":
        msg = f"You missed the objection {quote(s)}."
    elif role == "rebuttal":
        msg = f"You missed the author's answer {quote(s)} to {_target_words(gr, s.id)}."
    elif gr.ref_links.get(s.id):
        msg = f"You missed {quote(s)}, which supports {_target_words(gr, s.id)}."
    else:
        msg = f"You missed {quote(s)}."
    return Feedback(part, msg, (s.id,), (), "missed", spans=_spans(s))


def _misplaced(gr: _Grader, s: Statement | Evidence, part: str, kind: str, who: tuple[str, ...]) -> Feedback:
    mine = gr.ss[who[0]] if who and who[0] in gr.ss else None
    theirs = quote(mine) if mine is not None else quote(s)
    other = gr.ss.get(who[1]) if len(who) > 1 else None
    target_words = _target_words(gr, s.id)
    if s.id in gr.ref_evidence and kind in ("wrong_claim", "unlinked"):
        where = f"to {quote(other)}" if other is not None else "to no claim"
        msg = f"You attached the evidence {theirs} {where}; it backs {target_words}."
        return Feedback(part, msg, (s.id,), who, "evidence_target", spans=_spans(s, mine))
    if kind == "as_reason":
        answered = s.id in gr.attacked
        why = "the author raises it to answer it" if answered else f"it argues against {target_words}"
        to = f" for {quote(other)}" if other is not None else ""
        msg = f"You used the objection {theirs} as a reason{to}: {why}."
    elif kind == "answer_as_reason":
        to = f"{quote(other)}" if other is not None else "a claim"
        msg = (
            f"You used the author's answer {theirs} as support for {to}; "
            f"it answers the objection {target_words}."
        )
    elif kind == "as_objection":
        msg = f"You used {theirs} as an objection; the author gives it as a reason for {target_words}."
    elif kind == "wrong_claim":
        verb = "answers" if gr.ref_links[s.id][0][1] == "attack" else "supports"
        where = f"under {quote(other)}" if other is not None else "under another claim"
        msg = f"You put {theirs} {where}; it {verb} {target_words}."
    else:
        verb = "answers" if gr.ref_links[s.id][0][1] == "attack" else "supports"
        msg = f"You have {theirs} but left it unlinked; it {verb} {target_words}."
    return Feedback(part, msg, (s.id,), who, kind, spans=_spans(s, mine))


def _roll_up(gr: _Grader, feedback: list[Feedback]) -> list[Feedback]:
    """A missed statement whose claim is missed too is said with it, in one sentence."""
    missed = {f.reference_ids[0]: f for f in feedback if f.kind == "missed"}
    under: dict[str, list[Feedback]] = defaultdict(list)
    for rid, f in missed.items():
        target = gr.ref_links.get(rid, [("", "")])[0][0]
        if target in missed and target not in {t for t, _ in gr.ref_links.get(target, [])}:
            under[target].append(f)
    gone = {id(f) for fs in under.values() for f in fs}
    out = []
    for f in feedback:
        if id(f) in gone:
            continue
        if f.kind == "missed" and f.reference_ids[0] in under:
            subs = under[f.reference_ids[0]]
            also = " and ".join(quote(gr.rs[x.reference_ids[0]]) for x in subs)
            f = Feedback(
                f.topic,
                f.message.removesuffix(".") + f", with its support {also}.",
                f.reference_ids + tuple(x.reference_ids[0] for x in subs),
                (),
                "missed",
                round(f.cost + sum(x.cost for x in subs), 4),
                f.spans + tuple(sp for x in subs for sp in x.spans),
            )
        out.append(f)
    return out


def _once(feedback: list[Feedback]) -> list[Feedback]:
    """One sentence said once: two reference statements in one student statement make one item."""
    seen: dict[str, int] = {}
    out: list[Feedback] = []
    for f in feedback:
        if f.message in seen:
            k = seen[f.message]
            g = out[k]
            out[k] = Feedback(
                g.topic, g.message, g.reference_ids + f.reference_ids, g.student_ids, g.kind,
                round(g.cost + f.cost, 4), g.spans + tuple(sp for sp in f.spans if sp not in g.spans),
            )  # fmt: skip
            continue
        seen[f.message] = len(out)
        out.append(f)
    return out


def _extra(gr: _Grader, extra: tuple[str, ...], per: float) -> Feedback:
    first = ", ".join(quote(gr.ss[sid], 50) for sid in extra[:2]) + (", …" if len(extra) > 2 else "")
    n = len(extra)
    msg = (
        f"{'One' if n == 1 else n} of your statements {'is' if n == 1 else 'are'} not in the reference "
        f"({first}): check {'it is a claim' if n == 1 else 'they are claims'} the author makes."
    )
    spans = _spans(*(gr.ss[sid] for sid in extra))
    return Feedback("extra", msg, (), extra, "extra", round(per * n, 4), spans)


def _count(n: int, of: int, noun: str, plural: str) -> str:
    if n == of:
        return {1: f"the {noun}", 2: f"both {plural}"}.get(of, f"all {of} {plural}")
    return f"{n} of the {of} {plural}"


def _right(
    gr: _Grader,
    right: dict[str, list[str]],
    credit: dict[str, list[float]],
    reasons: set[str],
    main_spans: tuple[tuple[int, int], ...],
) -> list[Feedback]:
    """What the student got right, in at most two sentences (placed right, not merely found)."""
    out = [Feedback("right", msg, spans=main_spans) for msg in right.get("main", [])]
    bits = []
    if right.get("reasons"):
        bits.append(
            _count(len(right["reasons"]), len(credit["reasons"]), "reason", "reasons")
            + " for the main conclusion"
        )
    if right.get("objections"):
        n, of = len(right["objections"]), len(credit["objections"])
        roles = {
            gr.rr.role.get(sid) for sid in gr.rs if _part_of(gr.rr, sid, gr.rr.main, reasons) == "objections"
        }
        if roles == {"objection", "rebuttal"} and of == 2:
            one = {"objection": "the objection", "rebuttal": "the author's answer to the objection"}
            bits.append(
                "the objection with the author's answer"
                if n == 2
                else one[gr.rr.role[right["objections"][0]]]
            )
        else:
            bits.append(
                _count(
                    n,
                    of,
                    "objection" if roles == {"objection"} else "objection or answer",
                    "objections" if roles == {"objection"} else "objections and answers",
                )
            )
    if bits:
        msg = "You found " + " and ".join(bits) + ", each in its place."
        ids = tuple(right.get("reasons", []) + right.get("objections", []))
        out.append(Feedback("right", msg, ids, (), spans=_spans(*(gr.rs[i] for i in ids))))
    return out
