"""Structure checks: what the shape of the map says about the argument's weak points."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from argmap import graph
from argmap.analysis.checks.finding import Finding
from argmap.model import ArgumentMap
from argmap.roles import derive

BACKGROUND_TAGS = frozenset({"background", "rhetorical question"})
# Two statements this alike (rapidfuzz token-sort ratio, 0-100) are likely the same claim.
DUPLICATE_RATIO = 88.0


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
    implicit = {s.id for s in amap.statements if s.implicit}
    reasons: dict[str, list[str]] = defaultdict(list)  # conclusion -> its premises, built once
    for i in amap.inferences:
        reasons[i.conclusion].extend(i.premises)
    stated = sorted({p for p in reasons[main] if p not in implicit})
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


def _sorted_tokens(text: str) -> str:
    """The words of ``text`` normalised and in sorted order: the Indel ratio of two such strings is
    rapidfuzz's token-sort ratio, computed once per statement instead of once per pair."""
    from rapidfuzz import utils

    return " ".join(sorted(utils.default_process(text).split()))


# Rows compared per rapidfuzz call: a block of rows against its length window, never an n x n matrix.
_BLOCK = 512
# Up to this many statements every pair in a length window is compared (exact); past it, only those
# sharing two of their rarest words (an index: near-linear, and a reworded copy keeps its rare words).
EXACT_UP_TO = 1_000
_RARE_WORDS = 3


def similar_pairs(texts: list[str], cutoff: float = DUPLICATE_RATIO) -> list[tuple[int, int, int]]:
    """Every pair ``(i, j, score)`` with ``i < j`` whose token-sort ratio is at least ``cutoff``.

    Blocking by length, exactly: an Indel ratio r needs the shorter string to be at least
    r / (200 - r) of the longer, so with the strings sorted by length each block of rows is compared
    only with the window of lengths it can match, in one ``process.cdist`` call (C, both cores).
    Past ``EXACT_UP_TO`` statements the pairs are first blocked by rare words (``_by_rare_words``).
    """
    keys = [_sorted_tokens(t) for t in texts]
    if len(keys) <= EXACT_UP_TO:
        return _window_pairs(keys, list(range(len(keys))), cutoff)
    found: dict[tuple[int, int], int] = {}
    for members in _by_rare_words(keys):
        for i, j, r in _window_pairs(keys, members, cutoff):
            found[(i, j)] = r
    return [(i, j, r) for (i, j), r in sorted(found.items())]


def _by_rare_words(keys: list[str]) -> list[list[int]]:
    """Groups of statements that share two of their ``_RARE_WORDS`` rarest words (words of three
    letters or more, rarity counted over the map): a copy with one word changed keeps two of them.
    A statement with fewer such words is grouped by the one it has, or by its length alone."""
    df: Counter[str] = Counter(w for k in keys for w in set(k.split()) if len(w) >= 3)
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for n, k in enumerate(keys):
        words = sorted({w for w in k.split() if len(w) >= 3}, key=lambda w: (df[w], w))[:_RARE_WORDS]
        pairs: list[tuple[str, ...]]
        if len(words) >= 2:
            pairs = [(x, y) for m, x in enumerate(words) for y in words[m + 1 :]]
        else:
            pairs = [(words[0],)] if words else [(f"#{len(k) // 8}",), (f"#{len(k) // 8 + 1}",)]
        for key in pairs:
            blocks[tuple(sorted(key))].append(n)
    return [m for m in blocks.values() if len(m) > 1]


def _window_pairs(keys: list[str], members: list[int], cutoff: float) -> list[tuple[int, int, int]]:
    """The pairs among ``members`` at or above ``cutoff``, compared block by block within length windows."""
    import numpy as np
    from rapidfuzz import fuzz, process

    order = sorted(members, key=lambda i: (len(keys[i]), i))
    ordered = [keys[i] for i in order]
    lengths = np.array([len(k) for k in ordered])
    reach = 200.0 / cutoff - 1.0 if cutoff > 0 else float("inf")  # longest partner / own length
    cut = int(np.ceil(cutoff))
    index = np.array(order)
    found: list[tuple[int, int, int]] = []
    for a in range(0, len(ordered), _BLOCK):
        b = min(a + _BLOCK, len(ordered))
        hi = int(np.searchsorted(lengths, lengths[b - 1] * reach, side="right"))
        scores = process.cdist(
            ordered[a:b],
            ordered[a:hi],
            scorer=fuzz.ratio,
            score_cutoff=cut,
            dtype=np.uint8,
            workers=-1 if b - a > 64 else 1,
        )
        rows, cols = np.nonzero(np.triu(scores, k=1) >= cut)  # column c is ordered[a + c]
        i, j = index[a + rows], index[a + cols]
        found += zip(
            np.minimum(i, j).tolist(), np.maximum(i, j).tolist(), scores[rows, cols].tolist(), strict=True
        )
    return found


def _groups(n: int, pairs: list[tuple[int, int, int]]) -> list[list[int]]:
    """Connected groups (two or more members, each in index order) of the pairs' graph: labels
    spread along the pairs with numpy, each node taking its smallest neighbour's label, until stable."""
    import numpy as np

    if not pairs:
        return []
    edges = np.array([(i, j) for i, j, _ in pairs])
    left, right = edges[:, 0], edges[:, 1]
    label = np.arange(n)
    while True:
        before = label.copy()
        np.minimum.at(label, left, label[right])
        np.minimum.at(label, right, label[left])
        label = label[label]  # pointer jumping: a chain of n links settles in about log n rounds
        if np.array_equal(label, before):
            break
    groups: dict[int, list[int]] = defaultdict(list)
    for node in np.unique(edges).tolist():
        groups[int(label[node])].append(node)
    return [sorted(g) for g in groups.values() if len(g) > 1]


def near_duplicate(amap: ArgumentMap) -> Iterator[Finding]:
    """Two statements that say (nearly) the same thing; a claim repeated five times is one finding."""
    if len(amap.statements) < 2:
        return
    texts = [s.text for s in amap.statements]
    pairs = similar_pairs(texts)
    score = {(i, j): r for i, j, r in pairs}
    for members in _groups(len(texts), pairs):
        ids = tuple(amap.statements[i].id for i in members)
        alike = score.get((members[0], members[1]), DUPLICATE_RATIO) if len(members) == 2 else DUPLICATE_RATIO
        head = f"{ids[0]} and {ids[1]}" if len(ids) == 2 else f"{', '.join(ids[:-1])} and {ids[-1]}"
        second = texts[members[1]]
        yield Finding(
            check="near_duplicate",
            severity="warning",
            node_ids=ids,
            message=f"{head} say nearly the same thing (at least {alike:.0f}% alike).",
            cue=f"“{second if len(second) <= 60 else second[:59].rstrip() + '…'}”",
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
