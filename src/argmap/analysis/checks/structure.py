"""Structure checks: what the shape of the map says about the argument's weak points."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from argmap import graph
from argmap.analysis.checks.finding import Finding
from argmap.model import ArgumentMap
from argmap.roles import derive

BACKGROUND_TAGS = frozenset({"background", "rhetorical question"})
# Two statements this alike (rapidfuzz token-sort ratio, 0-100) are likely the same claim.
DUPLICATE_RATIO = 88.0


def _short(amap: ArgumentMap, sid: str, n: int = 60) -> str:
    text = amap.statement(sid).text
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def unsupported_premise(amap: ArgumentMap) -> Iterator[Finding]:
    """A premise on the author's line that carries weight with no reason and no evidence for it.

    Background facts (tagged ``background``), unstated premises the reader supplies, and
    questions are left out: they are not claims the author is expected to back.
    """
    roles = derive(amap)
    with_evidence = {e.target for e in amap.evidence}
    concluded = {i.conclusion for i in amap.inferences}
    supports = graph.support(amap)  # premise -> conclusion
    # The main conclusion's reasons and the unstated statements do not change from one statement to the next.
    main_reasons = [i for i in amap.inferences if i.conclusion == roles.main]
    implicit = {s.id for s in amap.statements if s.implicit}
    for s in amap.statements:
        if (
            not supports.out_degree(s.id)
            or s.id in concluded
            or s.id in with_evidence
            or s.implicit
            or "?" in s.text
            or BACKGROUND_TAGS & set(s.tags)
            or roles.side.get(s.id) != "proponent"
        ):
            continue
        # It carries the main conclusion's weight when it is that conclusion's only stated reason.
        main_line = (
            roles.main is not None
            and supports.has_edge(s.id, roles.main)
            and all(all(p == s.id or p in implicit for p in i.premises) for i in main_reasons)
        )
        yield Finding(
            check="unsupported_premise",
            severity="warning" if main_line else "info",
            node_ids=(s.id,),
            message=(
                "The main conclusion's only reason, with no reason or evidence given for it."
                if main_line
                else "A premise with no reason or evidence given for it."
            ),
            cue="no support, no evidence",
            question="Why should a reader accept this? Is it common ground, or does it need backing?",
        )


def unanswered_objection(amap: ArgumentMap) -> Iterator[Finding]:
    """An objection to the author's line that nothing answers."""
    roles = derive(amap)
    answered = {a.target for a in amap.attacks}
    attackers = {a.source for a in amap.attacks}
    for a in amap.attacks:
        # An attack on an attacker answers it (a rebuttal), even where no main conclusion gives sides.
        if roles.role.get(a.source) != "objection" or a.target in attackers:
            continue
        if a.source in answered or a.id in answered:
            continue
        yield Finding(
            check="unanswered_objection",
            severity="warning",
            node_ids=(a.source, a.target),
            message=f"An objection to {a.target} is left unanswered.",
            cue="no rebuttal",
            question="How would the author answer this objection? What does it cost the case if they cannot?",
        )


def thin_support(amap: ArgumentMap) -> Iterator[Finding]:
    """The main conclusion resting on a single premise, or all its evidence from a single source."""
    main = derive(amap).main
    if main is None:
        return
    premises = {p for i in amap.inferences if i.conclusion == main for p in i.premises}
    stated = [p for p in premises if not amap.statement(p).implicit]
    if len(stated) == 1:
        yield Finding(
            check="thin_support",
            severity="info",
            node_ids=(main, stated[0]),
            message="The main conclusion rests on a single stated premise.",
            cue="one premise",
            question="If that one premise fails, does anything else hold the conclusion up?",
        )
    below = graph.beneath(amap, main)
    sources = {e.source.label() if e.source else "" for e in amap.evidence if e.target in below}
    evidence = [e.id for e in amap.evidence if e.target in below]
    if len(evidence) >= 2 and len(sources) == 1 and "" not in sources:
        yield Finding(
            check="thin_support",
            severity="info",
            node_ids=(main, *evidence),
            message="All the evidence for the main conclusion comes from one source.",
            cue=next(iter(sources)),
            question="Does any independent source confirm this?",
        )


def evidence_without_source(amap: ArgumentMap) -> Iterator[Finding]:
    """Evidence that does not say where it comes from."""
    for e in amap.evidence:
        if e.source is not None and e.source.label():
            continue
        yield Finding(
            check="evidence_without_source",
            severity="warning" if e.kind in ("statistic", "study", "expert", "document") else "info",
            node_ids=(e.id, e.target),
            message=f"This {e.kind} evidence does not say where it comes from.",
            cue="no source",
            question="Who says so, and can a reader check it?",
        )


def circular_support(amap: ArgumentMap) -> Iterator[Finding]:
    """Statements that support each other in a circle: each is a reason for itself."""
    cycles = graph.circles(amap)
    order = {s.id: n for n, s in enumerate(amap.statements)}
    for comp in cycles:
        ids = tuple(sorted(comp, key=order.__getitem__))
        yield Finding(
            check="circular_support",
            severity="error",
            node_ids=ids,
            message=f"Circular support: {' → '.join(ids)} → {ids[0]} each rest on the other.",
            cue="a circle of support",
            question="Which of these can a reader accept without already accepting the others?",
        )


def near_duplicate(amap: ArgumentMap) -> Iterator[Finding]:
    """Two statements that say (nearly) the same thing."""
    if len(amap.statements) < 2:
        return
    import numpy as np
    from rapidfuzz import fuzz, process, utils

    texts = [s.text for s in amap.statements]
    scores = process.cdist(
        texts,
        texts,
        scorer=fuzz.token_sort_ratio,
        processor=utils.default_process,
        score_cutoff=DUPLICATE_RATIO,
    )
    # Only pairs above the diagonal that pass: numpy finds them without a Python loop over n² pairs.
    # Pairs are joined into groups, so a claim repeated five times is one finding, not ten.
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in np.argwhere(np.triu(scores, k=1) >= DUPLICATE_RATIO):
        parent[root(int(b))] = root(int(a))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(texts)):
        groups[root(i)].append(i)
    for members in groups.values():
        if len(members) < 2:
            continue
        ids = tuple(amap.statements[i].id for i in members)
        alike = min(scores[members[0]][i] for i in members[1:]) if len(members) == 2 else DUPLICATE_RATIO
        head = f"{ids[0]} and {ids[1]}" if len(ids) == 2 else f"{', '.join(ids[:-1])} and {ids[-1]}"
        yield Finding(
            check="near_duplicate",
            severity="warning",
            node_ids=ids,
            message=f"{head} say nearly the same thing (at least {alike:.0f}% alike).",
            cue=f"“{_short(amap, ids[1])}”",
            question="Are these one claim? If so, merge them; if not, what tells them apart?",
        )


def unconnected(amap: ArgumentMap) -> Iterator[Finding]:
    """A statement connected to nothing: no support, no attack, not a premise."""
    linked = {p for i in amap.inferences for p in i.premises} | {i.conclusion for i in amap.inferences}
    linked |= {a.source for a in amap.attacks} | {a.target for a in amap.attacks}
    if len(amap.statements) < 2:
        return
    for s in amap.statements:
        if s.id in linked or "background" in s.tags:
            continue
        yield Finding(
            check="unconnected",
            severity="info",
            node_ids=(s.id,),
            message="This statement is connected to nothing in the map.",
            cue="no links",
            question="What does this support or attack? If nothing, does it belong in the argument?",
        )


def supports_and_attacks(amap: ArgumentMap) -> Iterator[Finding]:
    """A statement that both supports and attacks the same claim: the map contradicts itself."""
    supports = {(p, i.conclusion) for i in amap.inferences for p in i.premises}
    for a in amap.attacks:
        if (a.source, a.target) in supports:
            yield Finding(
                check="supports_and_attacks",
                severity="error",
                node_ids=(a.source, a.target),
                message=f"{a.source} both supports and attacks {a.target}.",
                cue="a support and an attack between the same two statements",
                question="Which is it: does this speak for the claim or against it? Remove one of the links.",
            )
