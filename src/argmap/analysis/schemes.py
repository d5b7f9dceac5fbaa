"""Walton's common argumentation schemes, their critical questions, and scheme suggestions.

A scheme names the pattern of an inference (or attack): "an expert says so, so it is true",
"this causes that". Each comes with the critical questions a reader should ask of that pattern
(after Walton, Reed & Macagno, *Argumentation Schemes*, 2008). ``suggest`` ranks schemes for an
inference from the words that link its premises to its conclusion; the user chooses, and answers
live in the map (``Inference.scheme`` and ``Inference.answers``, set with ``edit.set_scheme``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.model import Answer, ArgumentMap, Attack, Inference


@dataclass(frozen=True)
class Scheme:
    """One argumentation scheme: its name, its form in words, its critical questions and cue words."""

    name: str
    form: str
    questions: tuple[str, ...]
    cues: tuple[str, ...]  # regular expressions (case-insensitive, on word boundaries)
    evidence_kinds: tuple[str, ...] = ()  # evidence kinds on a premise that point to this scheme


@dataclass(frozen=True)
class Suggestion:
    """A scheme suggested for an inference, with the words that suggested it."""

    scheme: Scheme
    score: int
    cues: tuple[str, ...]


SCHEMES: tuple[Scheme, ...] = (
    Scheme(
        "expert opinion",
        "E is an expert in field F; E says that A; A is within F. So A (plausibly) holds.",
        (
            "How credible is E as an expert?",
            "Is E an expert in the field that A is in?",
            "What did E actually say, and does it imply A?",
            "Is E personally reliable (free of bias or a stake in the matter)?",
            "Is A consistent with what other experts say?",
            "Is E's assertion based on evidence?",
        ),
        (
            r"experts?",
            r"scientists?",
            r"professor",
            r"dr\.",
            r"according to",
            r"(?:study|studies|research|report) (?:shows?|finds?|found)",
            r"said",
            r"says",
            r"reports?",
        ),
        ("expert", "study", "testimony"),
    ),
    Scheme(
        "cause to effect",
        "Generally, if C occurs then E will (or might) occur; C occurs. So E will (or might) occur.",
        (
            "How strong is the causal link between C and E?",
            "Is the evidence strong enough that C will bring about E?",
            "Are there other factors that would stop C from producing E?",
        ),
        (
            r"caus\w*",
            r"leads? to",
            r"led to",
            r"results? in",
            r"because",
            r"due to",
            r"once",
            r"so that",
            r"(?:will|would) (?:make|become|bring)",
            r"allow\w*",
            r"therefore",
        ),
        ("statistic", "study"),
    ),
    Scheme(
        "consequences",
        "If A is brought about, good (or bad) consequences will plausibly follow. So A should (not) be done.",
        (
            "How likely are the consequences?",
            "What evidence supports the claim that these consequences will follow?",
            "Are there consequences of the opposite value that should be weighed?",
        ),
        (
            r"consequences?",
            r"(?:will|would) (?:harm|hurt|damage|benefit|help|cost|kill|ruin|destroy|save)",
            r"risk\w*",
            r"backfire\w*",
            r"at the (?:cost|expense) of",
        ),
    ),
    Scheme(
        "analogy",
        "Case C1 is similar to case C2; A holds in C1. So A holds in C2.",
        (
            "Are C1 and C2 similar in the respects that matter?",
            "Is A true in C1?",
            "Are there differences between C1 and C2 that would undermine the comparison?",
            "Is there another case, similar to C2, in which A does not hold?",
        ),
        (
            r"like",
            r"just as",
            r"similar(?:ly)?",
            r"the same (?:way|as)",
            r"likewise",
            r"compared? (?:to|with)",
            r"no different from",
            r"as with",
        ),
    ),
    Scheme(
        "sign",
        "B is true in this situation; B is generally a sign that A. So A is (plausibly) true.",
        (
            "How strong is the link between the sign B and A?",
            "Are there other events that would more reliably account for B?",
            "Is B really present in this situation?",
        ),
        (
            r"already",
            r"signs?",
            r"shows? that",
            r"indicat\w*",
            r"suggests?",
            r"evidently",
            r"clearly",
            r"a telling",
            r"symptom\w*",
        ),
    ),
    Scheme(
        "popular opinion",
        "Everybody (or most people, or a large group) accepts A. So A is (plausibly) true.",
        (
            "What evidence shows that A is generally accepted?",
            "Even if A is generally accepted, is there good reason to doubt it?",
            "Do the people who accept A have good reason to?",
        ),
        (
            r"every(?:one|body)",
            r"most people",
            r"(?:the )?majority",
            r"polls?",
            r"widely",
            r"popular",
            r"common (?:sense|knowledge)",
            r"people (?:want|think|believe|agree)",
        ),
    ),
    Scheme(
        "example",
        "In this particular case, a has property F and G. So, generally, if x has F it has G.",
        (
            "Is the example true?",
            "Does the example support the general claim?",
            "Is the example typical of the kind of case the claim is about?",
            "How strong is the generalisation, and are there counter-examples?",
        ),
        (
            r"for (?:example|instance)",
            r"e\.g\.",
            r"such as",
            r"take the (?:case|example) of",
            r"consider",
            r"look at",
            r"in one case",
        ),
        ("example",),
    ),
    Scheme(
        "ad hominem",
        "Person a is of bad character (or inconsistent, or biased); a argues A. So A should not be accepted.",
        (
            "Is the charge against a's character (or consistency) supported by evidence?",
            "Is the charge relevant to whether A is true?",
            "Is the conclusion that A is false, or only that a is less credible?",
        ),
        (
            r"hypocrit\w*",
            r"liars?",
            r"can(?:no|')t be trusted",
            r"double standards?",
            r"in the pocket of",
            r"funded by",
            r"bias(?:ed)?",
            r"self-serving",
            r"they would say that",
        ),
    ),
    Scheme(
        "practical reasoning",
        "I have goal G; doing A is a means to realise G. So I ought to do A.",
        (
            "Are there other goals that conflict with G?",
            "Are there alternative actions to A that would also realise G?",
            "Is A the most efficient (or most acceptable) way to realise G?",
            "Is it possible to do A?",
            "What side effects of A should be weighed?",
        ),
        (
            r"should",
            r"ought to",
            r"must",
            r"(?:we|they) need to",
            r"in order to",
            r"the (?:best|only) way to",
            r"goal",
            r"aim",
        ),
    ),
)

BY_NAME: dict[str, Scheme] = {s.name: s for s in SCHEMES}


def scheme(name: str) -> Scheme | None:
    """The catalogue entry called ``name`` (case-insensitive), or None for an unknown name."""
    return BY_NAME.get(name.strip().lower())


def _relation(amap: ArgumentMap, rid: str) -> Inference | Attack:
    el = amap.element(rid)
    if not isinstance(el, Inference | Attack):
        raise KeyError(f"'{rid}' is not an inference or attack")
    return el


def _words(amap: ArgumentMap, rel: Inference | Attack) -> str:
    sources = rel.premises if isinstance(rel, Inference) else (rel.source,)
    target = rel.conclusion if isinstance(rel, Inference) else rel.target
    parts = [*rel.cues, *(amap.statement(p).text for p in sources)]
    if target in {s.id for s in amap.statements}:
        parts.append(amap.statement(target).text)
    parts += [e.text for e in amap.evidence if e.target in sources]
    return "\n".join(parts).replace("’", "'")


def suggest(amap: ArgumentMap, rid: str) -> list[Suggestion]:
    """Schemes that fit inference (or attack) ``rid``, best first, each with the words that fit.

    The relation's own cues count double: the extractor or the user put them there as the words
    that link premise to conclusion. Evidence kinds on a premise count too (an expert quote
    suggests expert opinion). Raises KeyError for an unknown id.
    """
    rel = _relation(amap, rid)
    text = _words(amap, rel)
    own = "\n".join(rel.cues)
    sources = rel.premises if isinstance(rel, Inference) else (rel.source,)
    kinds = {e.kind for e in amap.evidence if e.target in sources}
    out = []
    for sc in SCHEMES:
        hits: list[str] = []
        score = 0
        for pat in sc.cues:
            rx = re.compile(rf"(?<!\w)(?:{pat})(?!\w)", re.IGNORECASE)
            found = rx.findall(text)
            if found:
                hits.append(found[0])
                score += 1 + (1 if rx.search(own) else 0)
        matched_kinds = sorted(kinds & set(sc.evidence_kinds))
        score += len(matched_kinds)
        hits += [f"{k} evidence" for k in matched_kinds]
        if score:
            out.append(Suggestion(sc, score, tuple(dict.fromkeys(hits))))
    order = {s.name: n for n, s in enumerate(SCHEMES)}
    return sorted(out, key=lambda s: (-s.score, order[s.scheme.name]))


def answers_for(amap: ArgumentMap, rid: str, name: str) -> tuple[Answer, ...]:
    """One answer per critical question of scheme ``name`` for ``rid``: the saved ones, the rest open."""
    rel = _relation(amap, rid)
    sc = scheme(name)
    if sc is None:
        return rel.answers
    saved = {a.question: a for a in rel.answers}
    return tuple(saved.get(q, Answer(question=q)) for q in sc.questions)
