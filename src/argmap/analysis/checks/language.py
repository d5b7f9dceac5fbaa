"""Language and fallacy cues: words in a statement (and around its span in the source) that
suggest a weak move. Each check returns findings worded as questions; none is a verdict.

The checks read the statement's own words, so they work on a hand-made map as well as on a
drafted one; tags are never needed. Attacks on the arguer and loaded words often sit just
outside the quoted span ("..., somewhat hypocritically, as AFP pointed out"), so those two
checks also read the rest of the span's sentence, minus the words other elements quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from argmap.analysis.checks import lexicons as lx
from argmap.analysis.checks.finding import Finding, Severity
from argmap.analysis.memo import per_map
from argmap.model import ArgumentMap, Evidence, Inference, Statement

_SENTENCE_END = re.compile(r"[.?!…](?=[\s\"'”’)]|$)|\n")


@dataclass(frozen=True)
class _Say:
    """What a check says when it fires: one row of the table below."""

    check: str
    severity: Severity
    message: str  # may name ``{fields}`` filled in by ``at``
    question: str

    def at(self, node_ids: tuple[str, ...], cue: str, **fields: str) -> Finding:
        """The finding on ``node_ids``, showing ``cue``."""
        return Finding(
            check=self.check,
            severity=self.severity,
            node_ids=node_ids,
            message=self.message.format(**fields),
            cue=cue,
            question=self.question,
        )


# Every check's wording, in one table: a check picks its row, the row makes the finding.
_RHETORICAL_PREMISE = _Say(
    "rhetorical_question",
    "warning",
    "A rhetorical question is used as a premise: it asks rather than states.",
    "What claim does this question stand for, and does the piece give a reason for it?",
)
_RHETORICAL = _Say(
    "rhetorical_question",
    "info",
    "A question stands in the map as a statement.",
    "Is this a real question, or a claim in disguise? If a claim, which one?",
)
_LOADED = _Say(
    "loaded_language",
    "info",
    "Loaded or emotive wording.",
    "Would the point still stand if it were put in neutral words?",
)
_ABSOLUTE = _Say(
    "absolute_claim",
    "info",
    "An absolute claim: it allows no exception.",
    "Is this true without exception, or would 'often' or 'most' be fairer?",
)
_HEDGED = _Say(
    "hedged_premise",
    "warning",
    "{cid} is stated outright, but the reasons for it are hedged ({premises}).",
    "If the premise is only possibly true, how sure can the conclusion be?",
)
_PREDICTION_WITH_EVIDENCE = _Say(
    "prediction_as_fact",
    "info",
    "A prediction stated as fact.",
    "How sure can anyone be that this will happen? What would make it not happen?",
)
_PREDICTION = _Say(
    "prediction_as_fact",
    "warning",
    "An unsupported prediction: a forecast stated as fact, with no evidence behind it.",
    "What evidence makes this likely to happen, and what would make it not happen?",
)
_AD_HOMINEM = _Say(
    "attack_on_arguer",
    "warning",
    "This criticises the arguer ({kinds}) rather than the argument.",
    "Even if the charge is true, does it show their claim is false?",
)
_SLOPE = _Say(
    "slippery_slope",
    "warning",
    "A slippery slope: one step is said to lead to the next, and on to the worst.",
    "Does each step really follow from the one before? What could stop the chain?",
)
_POPULARITY_PREMISE = _Say(
    "appeal_to_popularity",
    "warning",
    "An appeal to popularity: what many people think is offered as a reason.",
    "Does many people believing it make it true? Do they have good reason to?",
)
_POPULARITY = replace(_POPULARITY_PREMISE, severity="info")  # not a premise: only a cue
_DILEMMA = _Say(
    "false_dilemma",
    "warning",
    "Only two options are offered.",
    "Are these really the only options? Is there a middle way or a third choice?",
)
_HASTY = _Say(
    "hasty_generalisation",
    "warning",
    "A sweeping claim rests on a single example.",
    "Is one case enough to show this holds in general? Is it a typical case?",
)
_CAUSAL = _Say(
    "causal_claim_without_evidence",
    "info",
    "A causal claim with no evidence or reason given for it.",
    "What shows that this caused that, rather than merely coming with it or after it?",
)


@cache
def _compiled(lexicon: lx.Lexicon) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(rf"(?<!\w)(?:{pat})(?!\w)", re.IGNORECASE), label) for pat, label in lexicon)


def normalise(text: str) -> str:
    """Straight quotes for curly ones, so one pattern covers both spellings."""
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


def cues(lexicon: lx.Lexicon, text: str) -> list[tuple[str, str]]:
    """Every ``(words, label)`` of ``lexicon`` found in ``text``, in text order."""
    text = normalise(text)
    found = [(m.start(), m.group(0), label) for rx, label in _compiled(lexicon) for m in rx.finditer(text)]
    return [(words, label) for _, words, label in sorted(found)]


def is_question(text: str) -> bool:
    """Whether a statement is put as a question (a clause ending in '?')."""
    return "?" in text


@per_map
def contexts(amap: ArgumentMap) -> dict[str, str]:
    """Each statement's text plus the words around its span, up to the sentence's ends or the
    nearest words another element quotes (so a cue is credited to the nearest claim only)."""
    if amap.source is None:
        return {s.id: s.text for s in amap.statements}
    src = amap.source.text
    quoted = [x for g in (amap.statements, amap.evidence) for x in g if x.span is not None]
    ends = sorted((x.span.end, x.id) for x in quoted)  # type: ignore[union-attr]
    starts = sorted((x.span.start, x.id) for x in quoted)  # type: ignore[union-attr]
    end_keys = [e for e, _ in ends]
    start_keys = [st for st, _ in starts]
    out: dict[str, str] = {}
    for s in amap.statements:
        if s.span is None:
            out[s.id] = s.text
            continue
        sp = s.span
        stops = [m.end() for m in _SENTENCE_END.finditer(src, max(0, sp.start - 400), sp.start)]
        start = stops[-1] if stops else max(0, sp.start - 400)
        m = _SENTENCE_END.search(src, max(sp.start, sp.end - 1))
        end = min(m.end() if m else len(src), sp.end + 400)
        # The nearest other quoted words before and after the span (never this element's own).
        k = bisect_right(end_keys, sp.start) - 1
        while k >= 0 and ends[k][1] == s.id:
            k -= 1
        if k >= 0:
            start = max(start, ends[k][0])
        k = bisect_left(start_keys, sp.end)
        while k < len(starts) and starts[k][1] == s.id:
            k += 1
        if k < len(starts):
            end = min(end, starts[k][0])
        around = src[start : sp.start] + " … " + src[sp.end : max(end, sp.end)]
        out[s.id] = s.text + " " + re.sub(r"\s+", " ", around).strip()
    return out


def context(amap: ArgumentMap, s: Statement) -> str:
    """One statement's text with the words around its span (see ``contexts``)."""
    return contexts(amap)[s.id]


def _used_as_premise(amap: ArgumentMap) -> set[str]:
    return {p for i in amap.inferences for p in i.premises} | {a.source for a in amap.attacks}


def _backed(amap: ArgumentMap) -> tuple[set[str], set[str]]:
    """Statements with evidence attached, and statements some inference concludes."""
    return {e.target for e in amap.evidence}, {i.conclusion for i in amap.inferences}


def _show(found: list[tuple[str, str]]) -> str:
    seen: dict[str, None] = {}
    for words, _ in found:
        seen.setdefault(f"“{words}”", None)
    return ", ".join(seen)


def _hits(
    amap: ArgumentMap, lexicon: lx.Lexicon, *, around: bool = False, skip_questions: bool = False
) -> Iterator[tuple[Statement, list[tuple[str, str]]]]:
    """Each statement with the cues of ``lexicon`` in its words (with ``around``: in its words and
    the source around its span, see ``contexts``), and those cues; ``skip_questions`` passes over
    questions, which assert nothing."""
    texts = contexts(amap) if around else {s.id: s.text for s in amap.statements}
    for s in amap.statements:
        if skip_questions and is_question(s.text):
            continue
        found = cues(lexicon, texts[s.id])
        if found:
            yield s, found


def rhetorical_question(amap: ArgumentMap) -> Iterator[Finding]:
    """A question standing where a claim should be; worst when something rests on it."""
    used = _used_as_premise(amap)
    for s in amap.statements:
        if not is_question(s.text):
            continue
        clause = normalise(s.text).rsplit("?", 1)[0]
        clause = re.split(r"[.!;:,—]\s+(?=[^?]*$)", clause)[-1].strip() + "?"
        yield (_RHETORICAL_PREMISE if s.id in used else _RHETORICAL).at((s.id,), clause)


def loaded_language(amap: ArgumentMap) -> Iterator[Finding]:
    """Emotive or loaded words that judge while they describe."""
    for s, found in _hits(amap, lx.LOADED, around=True):
        yield _LOADED.at((s.id,), _show(found))


def absolute_claim(amap: ArgumentMap) -> Iterator[Finding]:
    """Absolutes ('always', 'never', 'everyone') that leave no room for an exception."""
    for s, found in _hits(amap, lx.ABSOLUTES, skip_questions=True):
        yield _ABSOLUTE.at((s.id,), _show(found))


def hedges(text: str) -> list[tuple[str, str]]:
    """Hedges the author makes: not those inside a reported or embedded clause ('how likely')."""
    plain = normalise(text)
    if cues(lx.REPORTED, plain):
        return []
    out = []
    for rx, label in _compiled(lx.HEDGES):
        for m in rx.finditer(plain):
            before = plain[: m.start()].split()[-3:]
            if not any(re.fullmatch(lx.NOT_ASSERTED_BEFORE, w.strip(",;:").lower()) for w in before):
                out.append((m.group(0), label))
    return out


def hedged_premise(amap: ArgumentMap) -> Iterator[Finding]:
    """A conclusion stated outright whose every reason rests on a hedged premise ('may', 'perhaps')."""
    by_id = {s.id: s for s in amap.statements}
    with_evidence, _ = _backed(amap)
    reasons: dict[str, list[tuple[str, ...]]] = {}
    for inf in amap.inferences:
        reasons.setdefault(inf.conclusion, []).append(inf.premises)
    for cid, groups in reasons.items():
        concl = by_id[cid]
        if cid in with_evidence or is_question(concl.text) or hedges(concl.text):
            continue
        hedged = [[(p, h) for p in group if (h := hedges(by_id[p].text))] for group in groups]
        if not all(hedged):
            continue  # some reason is stated without a hedge: the conclusion does not hang on a 'may'
        found = [h for group in hedged for _, hs in group for h in hs]
        premises = tuple(dict.fromkeys(p for group in hedged for p, _ in group))
        yield _HEDGED.at((*premises, cid), _show(found), cid=cid, premises=", ".join(premises))


def _is_prediction(text: str) -> list[tuple[str, str]]:
    plain = normalise(text)
    if is_question(plain) or hedges(plain) or cues(lx.REPORTED, plain) or cues(lx.NOT_A_FORECAST, plain):
        return []
    out = []
    for rx, label in _compiled(lx.PREDICTION):
        for m in rx.finditer(plain):
            before = plain[: m.start()].split()[-4:]
            if any(re.fullmatch(lx.NOT_ASSERTED_BEFORE, w.strip(",;:").lower()) for w in before):
                continue
            if re.match(r"will\s+(?:of|to|power)\b", m.group(0), re.IGNORECASE):
                continue  # the noun: "the will of the people"
            out.append((m.group(0), label))
    return out


def prediction_as_fact(amap: ArgumentMap) -> Iterator[Finding]:
    """A forecast stated as a fact; a warning when no evidence backs it."""
    with_evidence, _ = _backed(amap)
    for s in amap.statements:
        found = _is_prediction(s.text)
        if not found:
            continue
        yield (_PREDICTION_WITH_EVIDENCE if s.id in with_evidence else _PREDICTION).at((s.id,), _show(found))


def attack_on_arguer(amap: ArgumentMap) -> Iterator[Finding]:
    """Hypocrisy, tu quoque, motives, insults: criticism of the person, not the claim."""
    for s, found in _hits(amap, lx.AD_HOMINEM, around=True):
        kinds = sorted({label for _, label in found})
        yield _AD_HOMINEM.at((s.id,), _show(found), kinds=", ".join(kinds))


def slippery_slope(amap: ArgumentMap) -> Iterator[Finding]:
    """A chain of 'will lead to' steps ending somewhere dire, each step taken for granted."""
    for s in amap.statements:
        found = cues(lx.SLIPPERY_SLOPE, s.text)
        links = cues(lx.CHAIN_LINKS, s.text)
        if not found and sum(label != "then" for _, label in links) >= 2:
            found = links
        if found:
            yield _SLOPE.at((s.id,), _show(found))


def appeal_to_popularity(amap: ArgumentMap) -> Iterator[Finding]:
    """Many people believing or wanting something, offered as a reason it is true or right."""
    used = _used_as_premise(amap)
    for s, found in _hits(amap, lx.POPULARITY):
        yield (_POPULARITY_PREMISE if s.id in used else _POPULARITY).at((s.id,), _show(found))


def false_dilemma(amap: ArgumentMap) -> Iterator[Finding]:
    """Only two options offered ('either ... or', 'there is no alternative')."""
    for s, found in _hits(amap, lx.DILEMMA):
        yield _DILEMMA.at((s.id,), _show(found))


def hasty_generalisation(amap: ArgumentMap) -> Iterator[Finding]:
    """A claim about a whole class whose only support is one example."""
    by_id = {s.id: s for s in amap.statements}
    support_of: dict[str, list[Inference]] = defaultdict(list)  # built once: a scan per statement is n²
    evidence_of: dict[str, list[Evidence]] = defaultdict(list)
    for inf in amap.inferences:
        support_of[inf.conclusion].append(inf)
    for ev in amap.evidence:
        evidence_of[ev.target].append(ev)
    for s in amap.statements:
        general = cues(lx.GENERAL, s.text)
        if not general or is_question(s.text):
            continue
        support, evidence = support_of[s.id], evidence_of[s.id]
        if len(support) + len(evidence) != 1:
            continue
        if evidence:
            one = evidence[0]
            example = one.kind == "example" or bool(cues(lx.EXAMPLE, one.text))
            node = one.id
        else:
            inf = support[0]
            example = len(inf.premises) == 1 and bool(cues(lx.EXAMPLE, by_id[inf.premises[0]].text))
            node = inf.premises[0]
        if example:
            yield _HASTY.at((s.id, node), _show(general))


def causal_claim_without_evidence(amap: ArgumentMap) -> Iterator[Finding]:
    """A claim that one thing causes another, with no evidence and no reason given."""
    with_evidence, concluded = _backed(amap)
    for s in amap.statements:
        if s.id in with_evidence or s.id in concluded or s.implicit or is_question(s.text):
            continue
        found = cues(lx.CAUSAL, s.text)
        if found and not cues(lx.REPORTED, s.text):
            yield _CAUSAL.at((s.id,), _show(found))
