"""Editorial checks: the weak points an op-ed editor looks for before a piece runs.

Causal chains with no evidence, vague sources, figures with no source, claims of success with no
measure, a claim resting on one source, and objections put in their weakest form. Each is a cue
from the map's structure and the statement's words (the lists are in ``lexicons``), never from a
topic; ``argmap.analysis.audit`` weighs them by how much of the case runs through their nodes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from argmap.analysis.checks import lexicons as lx
from argmap.analysis.checks.finding import Finding, Severity
from argmap.analysis.checks.language import contexts, cues, is_question
from argmap.analysis.memo import per_map
from argmap.model import ArgumentMap
from argmap.roles import Roles
from argmap.roles import derive as _derive

derive = per_map(_derive)  # several checks read the same map's roles

# Where one clause of a sentence hands on to the next ("..., which means ...", "...; so ...").
_CLAUSE = re.compile(r",\s*(?:which|and so|so|and then|then)\b|;|\s+so\s+(?=\w)|\s+which\s+", re.IGNORECASE)
# Longest causal chain reported in full: past it the message says "at least".
_LONGEST_CHAIN = 8


def _named(ev_source: object) -> bool:
    return bool(ev_source is not None and ev_source.label())  # type: ignore[attr-defined]


def _carrying(amap: ArgumentMap, roles: Roles) -> set[str]:
    """Statements that carry the author's case: the main conclusion and every premise on its side."""
    premises = {p for i in amap.inferences for p in i.premises} | {e.target for e in amap.evidence}
    return {
        s.id
        for s in amap.statements
        if roles.side.get(s.id) == "proponent" and (s.id in premises or s.id == roles.main)
    }


def _show(found: list[tuple[str, str]]) -> str:
    return ", ".join(dict.fromkeys(f"“{w}”" for w, _ in found))


def causal_chain_without_evidence(amap: ArgumentMap) -> Iterator[Finding]:
    """A leap: two or more cause-and-effect steps in a row ('walking to school makes healthier
    adults, so the closures will pay for themselves') with no evidence for any step past the first.

    A step is a statement with a consequence cue (``lexicons.CONSEQUENCE``) and no evidence; the
    chain runs down the support links through such statements, and a statement whose own words
    chain two consequences counts both. Reported once, at the top of each chain.
    """
    with_evidence = {e.target for e in amap.evidence}
    links: dict[str, int] = {}
    for s in amap.statements:
        if s.id in with_evidence or s.implicit or is_question(s.text):
            continue
        clauses = sum(bool(cues(lx.CONSEQUENCE, c)) for c in _CLAUSE.split(s.text))
        if clauses:
            links[s.id] = min(2, clauses)
    if not links:
        return
    below: dict[str, list[str]] = defaultdict(list)
    for i in amap.inferences:
        if i.conclusion in links:
            below[i.conclusion].extend(p for p in i.premises if p != i.conclusion)
    # The longest chain beneath each step, memoised on an explicit stack (chains may be deep).
    best: dict[str, tuple[int, tuple[str, ...]]] = {}
    for start in links:
        todo, on_path = [start], {start}
        while todo:
            cur = todo[-1]
            waiting = [p for p in below[cur] if p in links and p not in best and p not in on_path]
            if waiting:
                todo.append(waiting[0])
                on_path.add(waiting[0])
                continue
            todo.pop()
            on_path.discard(cur)
            steps = [best[p] for p in below[cur] if p in best]
            deepest = max(steps, default=(0, ()))
            best[cur] = (links[cur] + deepest[0], (cur, *deepest[1]))
    inside = {p for _, chain in best.values() for p in chain[1:]}
    text = {s.id: s.text for s in amap.statements}
    for top, (count, chain) in best.items():
        if count < 2 or top in inside:
            continue
        # The ground the chain starts from: a premise under its last step, if the map gives one.
        ground = next((p for p in below[chain[-1]] if p not in links), None)
        nodes = (*chain, ground) if ground else chain
        shown = min(count, _LONGEST_CHAIN)
        yield Finding(
            check="causal_chain_without_evidence",
            severity="warning",
            node_ids=nodes,
            message=(
                f"A causal chain of {shown + 1} steps with no evidence for the last {shown}"
                + (f": {' → '.join(reversed(nodes))}." if len(nodes) > 1 else ".")
            ),
            cue=_show(cues(lx.CONSEQUENCE, text[top]) if len(nodes) < 3 else [])
            or "one step resting on the next",
            question="What shows each step leads to the next? Which step has evidence behind it?",
        )


def _severity(sid: str, carrying: set[str]) -> Severity:
    return "warning" if sid in carrying else "info"


def vague_source(amap: ArgumentMap) -> Iterator[Finding]:
    """An anonymous or vague attribution ('a review found', 'studies show', 'experts say', 'critics')
    where the piece names no source a reader could look up."""
    roles = derive(amap)
    carrying = _carrying(amap, roles)
    sourced = {e.target for e in amap.evidence if _named(e.source)}
    around = contexts(amap)
    for s in amap.statements:
        if s.id in sourced or s.implicit:
            continue
        found = cues(lx.VAGUE_SOURCE, around[s.id])
        if found and not cues(lx.SOURCE_NAMED, around[s.id]):
            yield _vague(s.id, found, _severity(s.id, carrying))
    for e in amap.evidence:
        if _named(e.source):
            continue
        found = cues(lx.VAGUE_SOURCE, e.text)
        if found and not cues(lx.SOURCE_NAMED, e.text):
            yield _vague(e.id, found, _severity(e.target, carrying), e.target)


def _vague(nid: str, found: list[tuple[str, str]], severity: Severity, *more: str) -> Finding:
    return Finding(
        check="vague_source",
        severity=severity,
        node_ids=(nid, *more),
        message="A vague source: it says someone found or says this, but not who.",
        cue=_show(found),
        question="Who exactly found or said this, and where can a reader check it?",
    )


_BASE_AFTER = re.compile(r"^\s*(?:of|among|from|than|since|in|on|for|between)\b", re.IGNORECASE)


def _figures(text: str) -> list[tuple[str, str]]:
    found = cues(lx.FIGURE, text)
    # A year ("in 2019") or an ordinal is a date, not a figure to check.
    found = [
        (w, label)
        for w, label in found
        if not (label == "a number" and re.fullmatch(r"(?:1[89]|20)\d\d", w.strip()))
    ]
    # "23" inside "23 percent" is one figure, shown once.
    return [(w, label) for w, label in found if not any(w != o and w in o for o, _ in found)]


def figure_without_source(amap: ArgumentMap) -> Iterator[Finding]:
    """A figure ('23 percent', 'fourteen collisions') in a claim with no source given for it; a
    percentage also needs a base ('23 percent of what?'). Evidence without a source is
    ``evidence_without_source``'s; this reads the statements' own words and their sentence."""
    roles = derive(amap)
    carrying = _carrying(amap, roles)
    sourced = {e.target for e in amap.evidence if _named(e.source)}
    around = contexts(amap)
    for s in amap.statements:
        if s.id in sourced or s.implicit or is_question(s.text):
            continue
        found = _figures(s.text)
        if not found or cues(lx.SOURCE_NAMED, around[s.id]):
            continue
        text = s.text
        no_base = [
            w
            for w, label in found
            if label == "a percentage" and not _BASE_AFTER.match(text[text.find(w) + len(w) :])
        ]
        yield Finding(
            check="figure_without_source",
            severity=_severity(s.id, carrying),
            node_ids=(s.id,),
            message="A figure with no source"
            + (" and no base (a percentage of what?)." if no_base else ": who counted it?"),
            cue=_show(found),
            question="Where does this figure come from, what is it a share of, and can a reader check it?",
        )


def success_without_measure(amap: ArgumentMap) -> Iterator[Finding]:
    """A claim that something works or worked ('it works', 'a huge success') with no measure: no
    figure, no comparison, no evidence saying by how much or against what."""
    roles = derive(amap)
    carrying = _carrying(amap, roles)
    with_evidence = {e.target for e in amap.evidence}
    for s in amap.statements:
        if s.id in with_evidence or is_question(s.text):
            continue
        found = cues(lx.SUCCESS, s.text)
        if found and not cues(lx.MEASURE, s.text):
            yield Finding(
                check="success_without_measure",
                severity=_severity(s.id, carrying),
                node_ids=(s.id,),
                message="A claim of success with no measure: it says it works, not by how much.",
                cue=_show(found),
                question="Works by what measure, compared with what, and who measured it?",
            )


def single_source(amap: ArgumentMap) -> Iterator[Finding]:
    """The main conclusion, or a reason given straight for it, that rests on one piece of evidence
    and nothing else: if that one source is wrong, the claim has nothing left."""
    main = derive(amap).main
    if main is None:
        return
    direct = {p for i in amap.inferences if i.conclusion == main for p in i.premises}
    concluded = {i.conclusion for i in amap.inferences}
    evidence: dict[str, list[str]] = defaultdict(list)
    label: dict[str, str] = {}
    for e in amap.evidence:
        evidence[e.target].append(e.id)
        label[e.id] = e.source.label() if e.source else ""
    for sid in (main, *sorted(direct)):
        if sid in concluded and sid != main or len(evidence.get(sid, ())) != 1:
            continue
        if sid == main and main in concluded:
            continue
        (eid,) = evidence[sid]
        yield Finding(
            check="single_source",
            severity="info",
            node_ids=(sid, eid),
            message="This claim rests on one source and nothing else.",
            cue=label[eid] or "one unnamed source",
            question="Does any independent source confirm this? What if that one source is wrong?",
        )


def strawman_cue(amap: ArgumentMap) -> Iterator[Finding]:
    """The other side's case put in its weakest form: caricatured ('would have us believe', 'they
    just want to ban') or stated in absolutes it may never have claimed ('some say we should never')."""
    roles = derive(amap)
    around = contexts(amap)
    for s in amap.statements:
        other_side = roles.side.get(s.id) == "opponent" or roles.role.get(s.id) == "objection"
        found = cues(lx.STRAWMAN, around[s.id] if other_side else s.text)
        if found:
            yield Finding(
                check="strawman_cue",
                severity="warning" if other_side else "info",
                node_ids=(s.id,),
                message="The other side's case may be put in its weakest form.",
                cue=_show(found),
                question="Is this what the other side actually says? How would its best advocate put it?",
            )
