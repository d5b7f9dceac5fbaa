"""Reasoning checks: cues of weak points in a map, each worded as a question to the reader.

A check is a function ``name(amap) -> Iterator[Finding]``; ``CHECKS`` is the one written-out
registry, and ``check`` runs them all. Adding a check is a function, one line in ``CHECKS`` and a
test. Findings are cues, not verdicts: a weak argument is data, never an exception.

    structure.py   the shape of the map (unsupported premises, circles, duplicates...)
    language.py    words that suggest a weak move (rhetorical questions, hypocrisy...)
    editorial.py   what an op-ed editor looks for (causal leaps, vague sources, unsourced figures...)
    lexicons.py    the word lists behind language.py and editorial.py
"""

from __future__ import annotations

from argmap.analysis.checks.editorial import (
    causal_chain_without_evidence,
    figure_without_source,
    single_source,
    strawman_cue,
    success_without_measure,
    vague_source,
)
from argmap.analysis.checks.finding import SEVERITIES, Finding, Severity, at_least
from argmap.analysis.checks.language import (
    absolute_claim,
    appeal_to_popularity,
    attack_on_arguer,
    causal_claim_without_evidence,
    false_dilemma,
    hasty_generalisation,
    hedged_premise,
    loaded_language,
    prediction_as_fact,
    rhetorical_question,
    slippery_slope,
)
from argmap.analysis.checks.structure import (
    circular_support,
    evidence_without_source,
    near_duplicate,
    supports_and_attacks,
    thin_support,
    unanswered_objection,
    unconnected,
    unsupported_premise,
)
from argmap.model import ArgumentMap

CHECKS = (
    # structure
    circular_support,
    unsupported_premise,
    unanswered_objection,
    thin_support,
    evidence_without_source,
    near_duplicate,
    unconnected,
    supports_and_attacks,
    # language and fallacy cues
    rhetorical_question,
    attack_on_arguer,
    prediction_as_fact,
    hedged_premise,
    slippery_slope,
    appeal_to_popularity,
    false_dilemma,
    hasty_generalisation,
    causal_claim_without_evidence,
    loaded_language,
    absolute_claim,
    # what an editor looks for
    causal_chain_without_evidence,
    vague_source,
    figure_without_source,
    single_source,
    success_without_measure,
    strawman_cue,
)

__all__ = ["CHECKS", "SEVERITIES", "Finding", "Severity", "at_least", "by_node", "check"]


def check(amap: ArgumentMap, *, min_severity: Severity = "info") -> list[Finding]:
    """Every finding of every check at or above ``min_severity``, most severe first."""
    found = [f for c in CHECKS for f in c(amap) if at_least(f.severity, min_severity)]
    return sorted(found, key=lambda f: -SEVERITIES.index(f.severity))


def by_node(amap: ArgumentMap, findings: list[Finding]) -> dict[str, list[Finding]]:
    """Findings grouped under the first node each names, in map order (statements first)."""
    order = [e.id for g in (amap.statements, amap.inferences, amap.attacks, amap.evidence) for e in g]
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.node_ids[0] if f.node_ids else "", []).append(f)
    rank = {eid: n for n, eid in enumerate(order)}
    return dict(sorted(groups.items(), key=lambda kv: rank.get(kv[0], len(rank))))
