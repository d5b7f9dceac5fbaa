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
from collections.abc import Iterator
from functools import cache

from argmap.checks import lexicons as lx
from argmap.checks.finding import Finding
from argmap.model import ArgumentMap, Statement

_SENTENCE_END = re.compile(r"[.?!…](?=[\s\"'”’)]|$)|\n")


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


def rhetorical_question(amap: ArgumentMap) -> Iterator[Finding]:
    """A question standing where a claim should be; worst when something rests on it."""
    used = _used_as_premise(amap)
    for s in amap.statements:
        if not is_question(s.text):
            continue
        clause = normalise(s.text).rsplit("?", 1)[0]
        clause = re.split(r"[.!;:,—]\s+(?=[^?]*$)", clause)[-1].strip() + "?"
        if s.id in used:
            yield Finding(
                check="rhetorical_question",
                severity="warning",
                node_ids=(s.id,),
                message="A rhetorical question is used as a premise: it asks rather than states.",
                cue=clause,
                question="What claim does this question stand for, and does the piece give a reason for it?",
            )
        else:
            yield Finding(
                check="rhetorical_question",
                severity="info",
                node_ids=(s.id,),
                message="A question stands in the map as a statement.",
                cue=clause,
                question="Is this a real question, or a claim in disguise? If a claim, which one?",
            )


def loaded_language(amap: ArgumentMap) -> Iterator[Finding]:
    """Emotive or loaded words that judge while they describe."""
    around = contexts(amap)
    for s in amap.statements:
        found = cues(lx.LOADED, around[s.id])
        if found:
            yield Finding(
                check="loaded_language",
                severity="info",
                node_ids=(s.id,),
                message="Loaded or emotive wording.",
                cue=_show(found),
                question="Would the point still stand if it were put in neutral words?",
            )


def absolute_claim(amap: ArgumentMap) -> Iterator[Finding]:
    """Absolutes ('always', 'never', 'everyone') that leave no room for an exception."""
    for s in amap.statements:
        if is_question(s.text):
            continue
        found = cues(lx.ABSOLUTES, s.text)
        if found:
            yield Finding(
                check="absolute_claim",
                severity="info",
                node_ids=(s.id,),
                message="An absolute claim: it allows no exception.",
                cue=_show(found),
                question="Is this true without exception, or would 'often' or 'most' be fairer?",
            )


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
        yield Finding(
            check="hedged_premise",
            severity="warning",
            node_ids=(*premises, cid),
            message=f"{cid} is stated outright, but the reasons for it are hedged ({', '.join(premises)}).",
            cue=_show(found),
            question="If the premise is only possibly true, how sure can the conclusion be?",
        )


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
        if s.id in with_evidence:
            yield Finding(
                check="prediction_as_fact",
                severity="info",
                node_ids=(s.id,),
                message="A prediction stated as fact.",
                cue=_show(found),
                question="How sure can anyone be that this will happen? What would make it not happen?",
            )
        else:
            yield Finding(
                check="prediction_as_fact",
                severity="warning",
                node_ids=(s.id,),
                message="An unsupported prediction: a forecast stated as fact, with no evidence behind it.",
                cue=_show(found),
                question="What evidence makes this likely to happen, and what would make it not happen?",
            )


def attack_on_arguer(amap: ArgumentMap) -> Iterator[Finding]:
    """Hypocrisy, tu quoque, motives, insults: criticism of the person, not the claim."""
    around = contexts(amap)
    for s in amap.statements:
        found = cues(lx.AD_HOMINEM, around[s.id])
        if found:
            kinds = sorted({label for _, label in found})
            yield Finding(
                check="attack_on_arguer",
                severity="warning",
                node_ids=(s.id,),
                message=f"This criticises the arguer ({', '.join(kinds)}) rather than the argument.",
                cue=_show(found),
                question="Even if the charge is true, does it show their claim is false?",
            )


def slippery_slope(amap: ArgumentMap) -> Iterator[Finding]:
    """A chain of 'will lead to' steps ending somewhere dire, each step taken for granted."""
    for s in amap.statements:
        found = cues(lx.SLIPPERY_SLOPE, s.text)
        links = cues(lx.CHAIN_LINKS, s.text)
        if not found and sum(label != "then" for _, label in links) >= 2:
            found = links
        if found:
            yield Finding(
                check="slippery_slope",
                severity="warning",
                node_ids=(s.id,),
                message="A slippery slope: one step is said to lead to the next, and on to the worst.",
                cue=_show(found),
                question="Does each step really follow from the one before? What could stop the chain?",
            )


def appeal_to_popularity(amap: ArgumentMap) -> Iterator[Finding]:
    """Many people believing or wanting something, offered as a reason it is true or right."""
    used = _used_as_premise(amap)
    for s in amap.statements:
        found = cues(lx.POPULARITY, s.text)
        if found:
            yield Finding(
                check="appeal_to_popularity",
                severity="warning" if s.id in used else "info",
                node_ids=(s.id,),
                message="An appeal to popularity: what many people think is offered as a reason.",
                cue=_show(found),
                question="Does many people believing it make it true? Do they have good reason to?",
            )


def false_dilemma(amap: ArgumentMap) -> Iterator[Finding]:
    """Only two options offered ('either ... or', 'there is no alternative')."""
    for s in amap.statements:
        found = cues(lx.DILEMMA, s.text)
        if found:
            yield Finding(
                check="false_dilemma",
                severity="warning",
                node_ids=(s.id,),
                message="Only two options are offered.",
                cue=_show(found),
                question="Are these really the only options? Is there a middle way or a third choice?",
            )


def hasty_generalisation(amap: ArgumentMap) -> Iterator[Finding]:
    """A claim about a whole class whose only support is one example."""
    by_id = {s.id: s for s in amap.statements}
    for s in amap.statements:
        general = cues(lx.GENERAL, s.text)
        if not general or is_question(s.text):
            continue
        support = [i for i in amap.inferences if i.conclusion == s.id]
        evidence = [e for e in amap.evidence if e.target == s.id]
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
            yield Finding(
                check="hasty_generalisation",
                severity="warning",
                node_ids=(s.id, node),
                message="A sweeping claim rests on a single example.",
                cue=_show(general),
                question="Is one case enough to show this holds in general? Is it a typical case?",
            )


def causal_claim_without_evidence(amap: ArgumentMap) -> Iterator[Finding]:
    """A claim that one thing causes another, with no evidence and no reason given."""
    with_evidence, concluded = _backed(amap)
    for s in amap.statements:
        if s.id in with_evidence or s.id in concluded or s.implicit or is_question(s.text):
            continue
        found = cues(lx.CAUSAL, s.text)
        if found and not cues(lx.REPORTED, s.text):
            yield Finding(
                check="causal_claim_without_evidence",
                severity="info",
                node_ids=(s.id,),
                message="A causal claim with no evidence or reason given for it.",
                cue=_show(found),
                question="What shows that this caused that, rather than merely coming with it or after it?",
            )
