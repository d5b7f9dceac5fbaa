"""An editor's audit: the few weak points that matter, ranked by what they do to the conclusion.

Every finding of ``checks.check`` gets a weight from the map's structure: the share of the main
conclusion's support that runs through its node (``support_share``: a premise every path crosses
has share 1), times its severity and how much an editor cares about its check (``EDITOR_WEIGHT``).
Warnings and errors become ranked ``Point``s worded as an editor would put them; info-level cues
are grouped into ``Notice``s ("9 premises have no reason given"). A user's decisions on a point
(asked the writer, answered, dismissed) are stored in the map (``ArgumentMap.reviews``) and applied
here: a dismissed point leaves the top list, an asked one carries its question into the report.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from argmap.analysis.checks import Finding, check
from argmap.analysis.claims import Claim, check_worthy
from argmap.analysis.memo import per_map
from argmap.model import ArgumentMap, Review, Statement
from argmap.roles import derive

TOP = 5  # points the Check page and the report open on
_SEVERITY = {"error": 3.0, "warning": 2.0, "info": 1.0}
# How much an editor cares about each check, beside its severity (1.0 when unlisted): the weak points
# a reader would catch first (a leap, a source nobody can look up, a figure from nowhere) lead.
EDITOR_WEIGHT: dict[str, float] = {
    "circular_support": 1.3,
    "supports_and_attacks": 1.2,
    "causal_chain_without_evidence": 1.4,
    "vague_source": 1.25,
    "figure_without_source": 1.25,
    "success_without_measure": 1.2,
    "unanswered_objection": 1.15,
    "strawman_cue": 1.1,
    "single_source": 1.1,
    "unsupported_premise": 1.0,
    "prediction_as_fact": 0.95,
    "hasty_generalisation": 1.0,
    "evidence_without_source": 1.0,
    "rhetorical_question": 0.9,
    "near_duplicate": 0.7,
    "loaded_language": 0.7,
    "absolute_claim": 0.7,
}

# What a point says after its lead, by check: {cue} and {message} are the finding's.
_WHAT: dict[str, str] = {
    "causal_chain_without_evidence": "{message_lc}",
    "vague_source": "a vague source ({cue}): who found it, and where can a reader check?",
    "figure_without_source": "{message_lc} ({cue})",
    "success_without_measure": "a claim of success ({cue}) with no measure of how well",
    "single_source": "it rests on one source ({cue}) and nothing else",
    "strawman_cue": "the other side's case may be put in its weakest form ({cue})",
    "unanswered_objection": "an objection the piece leaves unanswered",
    "prediction_as_fact": "a forecast stated as fact ({cue}) with no evidence behind it",
    "unsupported_premise": "no reason or evidence is given for it",
    "circular_support": "it rests, through a circle of reasons, on itself",
    "supports_and_attacks": "the map has it both for and against the same claim",
    "evidence_without_source": "evidence that does not say where it comes from",
    "near_duplicate": "it says nearly the same as another statement ({cue})",
    "hasty_generalisation": "a sweeping claim resting on a single example",
    "rhetorical_question": "a question ({cue}) stands where a reason should",
    "hedged_premise": "a hedged reason ({cue}) carries a conclusion stated outright",
    "attack_on_arguer": "it criticises the arguer ({cue}) rather than the argument",
    "slippery_slope": "a slippery slope ({cue}): each step taken for granted",
    "false_dilemma": "only two options are offered ({cue})",
    "appeal_to_popularity": "what many people think ({cue}) is offered as a reason",
}

# Info-level notices grouped by check: (one, many); {n} is the count.
_GROUPED: dict[str, tuple[str, str]] = {
    "unsupported_premise": ("1 premise has no reason given", "{n} premises have no reason given"),
    "causal_claim_without_evidence": (
        "1 causal claim has no evidence",
        "{n} causal claims have no evidence",
    ),
    "prediction_as_fact": ("1 forecast is stated as fact", "{n} forecasts are stated as fact"),
    "loaded_language": ("1 statement uses loaded words", "{n} statements use loaded words"),
    "absolute_claim": (
        "1 claim allows no exception ('always', 'never')",
        "{n} claims allow no exception ('always', 'never')",
    ),
    "unconnected": ("1 statement is connected to nothing", "{n} statements are connected to nothing"),
    "evidence_without_source": (
        "1 piece of evidence does not say where it comes from",
        "{n} pieces of evidence do not say where they come from",
    ),
    "vague_source": ("1 side point has a vague source", "{n} side points have vague sources"),
    "figure_without_source": ("1 side figure has no source", "{n} side figures have no source"),
    "rhetorical_question": ("1 question stands in the map", "{n} questions stand in the map"),
    "appeal_to_popularity": ("1 appeal to what many people think", "{n} appeals to what many people think"),
    "thin_support": ("the main conclusion rests on little", "the main conclusion rests on little ({n} cues)"),
    "single_source": ("1 claim rests on one source", "{n} claims rest on one source"),
}
SHORT_PIECE_WORDS = 800
# How the author answers the other side: these checks weigh an objection at the share of what it
# attacks. Any other cue on the other side's words counts at OTHER_SIDE of that: it is their
# wording, not the author's weak point.
ANSWERING_CHECKS = frozenset({"unanswered_objection", "strawman_cue"})
OTHER_SIDE = 0.3
ONCE_REMOVED = 0.6  # below this, unbacked premises are the normal state of an opinion piece


@dataclass(frozen=True)
class Point:
    """One weak point, ranked: the finding, the others on the same node, and how it reads."""

    key: str  # stable across reruns: the check and its nodes (see ``finding_key``)
    finding: Finding
    share: float  # of the main conclusion's support through its node, 0-1
    score: float
    sentence: str  # what an editor would write
    question: str  # what to ask the writer
    also: tuple[Finding, ...] = ()
    status: str = "open"  # open | asked | answered | dismissed (the user's decision)
    note: str | None = None


@dataclass(frozen=True)
class Notice:
    """Info-level cues of one check, counted and said in one sentence."""

    check: str
    count: int
    sentence: str
    node_ids: tuple[str, ...]


@dataclass(frozen=True)
class Audit:
    """The audit of one map: ranked points (warnings and errors), grouped notices, check-worthy claims."""

    title: str
    main: str | None
    points: tuple[Point, ...]
    notices: tuple[Notice, ...]
    claims: tuple[Claim, ...]
    words: int
    dismissed: tuple[Point, ...] = field(default=())

    @property
    def top(self) -> tuple[Point, ...]:
        """The points the page and the report open on."""
        return self.points[:TOP]

    @property
    def questions(self) -> tuple[Point, ...]:
        """Points turned into a question for the writer (asked or answered), in rank order."""
        return tuple(p for p in self.points if p.status in ("asked", "answered"))


def finding_key(f: Finding) -> str:
    """A finding's stable name: its check and nodes (``vague_source:s3+e1``)."""
    return f"{f.check}:{'+'.join(f.node_ids)}"


def support_share(amap: ArgumentMap) -> dict[str, float]:
    """For each statement and piece of evidence, the share of the main conclusion's lines of support
    (paths from a ground premise or evidence up to it) that run through it: 1 for the main
    conclusion and for a premise every path crosses, 0 off its support. Linear: path counts by
    dynamic programming over a topological order (links inside a circle of support are left out)."""
    main = derive(amap).main
    if main is None:
        return {}
    up: dict[str, list[str]] = defaultdict(list)  # node -> what it supports
    down: dict[str, list[str]] = defaultdict(list)
    for i in amap.inferences:
        for p in i.premises:
            if p != i.conclusion:
                up[p].append(i.conclusion)
                down[i.conclusion].append(p)
    for e in amap.evidence:
        up[e.id].append(e.target)
        down[e.target].append(e.id)
    # The nodes main rests on, walked depth first: a link back to a node on the walk closes a
    # circle and is left out, so what is left is acyclic and has a topological order.
    below: set[str] = {main}
    back: set[tuple[str, str]] = set()
    on_path: set[str] = {main}
    stack = [(main, iter(down[main]))]
    while stack:
        v, children = stack[-1]
        for p in children:
            if p in on_path:
                back.add((p, v))
            elif p not in below:
                below.add(p)
                on_path.add(p)
                stack.append((p, iter(down[p])))
                break
        else:
            stack.pop()
            on_path.discard(v)
    for v in list(up):
        up[v] = [c for c in up[v] if (v, c) not in back]
    for v in list(down):
        down[v] = [p for p in down[v] if (p, v) not in back]
    waiting = {v: sum(1 for p in down[v] if p in below) for v in below}
    order = [v for v in below if waiting[v] == 0]
    for v in order:  # Kahn's algorithm: order grows while it is walked
        for c in up[v]:
            if c in waiting:
                waiting[c] -= 1
                if waiting[c] == 0:
                    order.append(c)
    placed = set(order)
    paths_to: dict[str, float] = {}  # lines of support from the ground up to v
    for v in order:
        beneath = [paths_to[p] for p in down[v] if p in placed]
        paths_to[v] = sum(beneath) if beneath else 1.0
    paths_up: dict[str, float] = {main: 1.0}  # ways from v up to main
    for v in reversed(order):
        if v != main:
            paths_up[v] = sum(paths_up.get(c, 0.0) for c in up[v] if c in placed)
    total = paths_to.get(main, 1.0) or 1.0
    return {v: min(1.0, paths_to[v] * paths_up.get(v, 0.0) / total) for v in order}


def _node_share(share: dict[str, float], attacked: dict[str, list[str]], nid: str) -> float:
    """A node's share; an attacker counts at ONCE_REMOVED of what it attacks (an objection to a
    crossing premise matters, a rebuttal of that objection too), and evidence as its claim."""
    factor, todo, seen = 1.0, [nid], {nid}
    for _ in range(4):  # objection, rebuttal, counter-rebuttal: past that the share is negligible
        best = max((share[n] for n in todo if n in share), default=None)
        if best is not None:
            return best * factor
        todo = [t for n in todo for t in attacked.get(n, []) if t not in seen]
        seen.update(todo)
        factor *= ONCE_REMOVED
    return 0.0


def _short(text: str, n: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _words_of(amap: ArgumentMap, nid: str) -> str:
    return _lookup(amap)[2].get(nid, "")


def _lead(amap: ArgumentMap, f: Finding, share: float, main: str | None, side: dict[str, str | None]) -> str:
    nid = f.node_ids[0]
    words = _short(_words_of(amap, nid))
    quoted = f"“{words}”" if words else nid
    if f.check == "unanswered_objection" or side.get(nid) == "opponent":
        return f"An objection, {quoted}," if share < 0.99 else f"An objection to the whole case, {quoted},"
    if nid == main:
        return f"The conclusion itself, {quoted},"
    if share >= 0.99:
        return f"The conclusion rests on {quoted}"
    if share >= 0.4:
        return f"Much of the case runs through {quoted}"
    if share > 0:
        return f"One of the reasons, {quoted},"
    return f"A side point, {quoted},"


def _sentence(
    amap: ArgumentMap, f: Finding, share: float, main: str | None, side: dict[str, str | None]
) -> str:
    message = f.message.split(": ")[0] if f.check == "causal_chain_without_evidence" else f.message
    message = message.rstrip(".")
    what = _WHAT.get(f.check, "{message_lc}").format(
        cue=f.cue, message=message, message_lc=message[:1].lower() + message[1:]
    )
    lead = _lead(amap, f, share, main, side).rstrip(",")
    return f"{lead} — {what}" + ("" if what.endswith(("?", ".")) else ".")


def _notice_sentence(name: str, n: int, words: int) -> str:
    one, many = _GROUPED.get(name, (f"1 × {name.replace('_', ' ')}", f"{{n}} × {name.replace('_', ' ')}"))
    text = (one if n == 1 else many).format(n=n)
    if name == "unsupported_premise" and words < SHORT_PIECE_WORDS:
        text += " — normal for a short piece"
    return text + "."


def audit(amap: ArgumentMap, findings: list[Finding] | None = None) -> Audit:
    """The audit of ``amap`` (the findings of ``check`` unless given): ranked points, notices, claims."""
    found = check(amap) if findings is None else findings
    roles = derive(amap)
    share = support_share(amap)
    attacked: dict[str, list[str]] = defaultdict(list)
    inference_of = {i.id: i.conclusion for i in amap.inferences}
    for a in amap.attacks:
        attacked[a.source].append(inference_of.get(a.target, a.target))
    for e in amap.evidence:
        attacked.setdefault(e.id, [e.target])
    reviews: dict[str, Review] = {r.key: r for r in amap.reviews}
    side: dict[str, str | None] = dict(roles.side)

    def weight(f: Finding) -> float:
        return max((_node_share(share, attacked, n) for n in f.node_ids), default=0.0)

    def score(f: Finding, w: float) -> float:
        theirs = side.get(f.node_ids[0]) == "opponent" and f.check not in ANSWERING_CHECKS
        sev = _SEVERITY[f.severity] * EDITOR_WEIGHT.get(f.check, 1.0) * (0.3 + 0.7 * w)
        return round(sev * (OTHER_SIDE if theirs else 1.0), 3)

    def anchor(f: Finding) -> str:
        s = statement_of(amap, f.node_ids[0])
        return s.id if s else f.node_ids[0]

    scored = sorted(
        ((f, weight(f)) for f in found if f.severity != "info"),
        key=lambda fw: (
            -(_SEVERITY[fw[0].severity] * EDITOR_WEIGHT.get(fw[0].check, 1.0) * (0.3 + 0.7 * fw[1]))
        ),
    )
    # One point per node: the best finding leads, the rest ride along as "also".
    by_anchor: dict[str, list[tuple[Finding, float]]] = {}
    for f, w in scored:
        by_anchor.setdefault(anchor(f), []).append((f, w))
    points: list[Point] = []
    dismissed: list[Point] = []
    for group in by_anchor.values():
        f, w = group[0]
        key = finding_key(f)
        review = reviews.get(key)
        point = Point(
            key=key,
            finding=f,
            share=round(w, 3),
            score=score(f, w),
            sentence=_sentence(amap, f, w, roles.main, side),
            question=(review.question if review and review.question else f.question),
            also=tuple(g for g, _ in group[1:]),
            status=review.status if review else "open",
            note=review.note if review else None,
        )
        (dismissed if point.status == "dismissed" else points).append(point)
    points.sort(key=lambda p: -p.score)
    words = (
        len(amap.source.text.split()) if amap.source else sum(len(s.text.split()) for s in amap.statements)
    )
    info: dict[str, list[Finding]] = defaultdict(list)
    for f in found:
        if f.severity == "info":
            info[f.check].append(f)
    notices = sorted(
        (
            Notice(
                check=name,
                count=len(fs),
                sentence=_notice_sentence(name, len(fs), words),
                node_ids=tuple(dict.fromkeys(n for f in fs for n in f.node_ids[:1])),
            )
            for name, fs in info.items()
        ),
        key=lambda n: -n.count,
    )
    return Audit(
        title=amap.title,
        main=roles.main,
        points=tuple(points),
        notices=tuple(notices),
        claims=tuple(check_worthy(amap, share)),
        words=words,
        dismissed=tuple(dismissed),
    )


@per_map
def _lookup(amap: ArgumentMap) -> tuple[dict[str, Statement], dict[str, str], dict[str, str]]:
    """Statements by id, each evidence's claim, and every element's words, built once per map."""
    words = {
        e.id: getattr(e, "text", "")
        for g in (amap.statements, amap.inferences, amap.attacks, amap.evidence)
        for e in g
    }
    return {s.id: s for s in amap.statements}, {e.id: e.target for e in amap.evidence}, words


def statement_of(amap: ArgumentMap, nid: str) -> Statement | None:
    """The statement a node stands for (evidence: its target), or None."""
    by_id, target_of, _ = _lookup(amap)
    return by_id.get(nid) or by_id.get(target_of.get(nid, ""))
