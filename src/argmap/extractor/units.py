"""Split sentences into argumentative units (clauses) at discourse connectives and punctuation.

"We should act now, because the costs rise; critics disagree." -> three units. A split is made only
when both sides keep at least ``MIN_WORDS`` words, so short phrases ("but why not?") stay whole
where they would leave a fragment behind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.extractor.cues import (
    BUT_SUBJECTS,
    CONDITIONAL,
    CONSEQUENCE_ADVERBS,
    CONSEQUENCE_MODALS,
    CONSEQUENCE_VERBS,
    NO_SPLIT,
    PARENTHETICAL,
    SPLIT_AFTER_COMMA,
    SPLIT_BARE,
    SPLIT_INITIAL,
    SUBJECTS,
)
from argmap.extractor.rules import on
from argmap.extractor.sentences import Sentence

MIN_WORDS = 3
INITIAL_WORDS = 5  # "Although X, Y": X needs this many words (with the subordinator)


@dataclass(frozen=True)
class Unit:
    """One argumentative unit: offsets in the normalised text, its sentence and paragraph numbers."""

    start: int
    end: int
    sentence: int
    paragraph: int
    cut: str | None = field(
        default=None, compare=False
    )  # the segment rule that cut it from the clause before


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


_AFTER_COMMA = re.compile(
    rf",\s+(?!(?:{_alternation(NO_SPLIT)})\b)(?!(?:{_alternation(PARENTHETICAL)}),)"
    rf"(?=(?:{_alternation(SPLIT_AFTER_COMMA)})\b)"
)
_SUBJECT = re.compile(
    rf"(?<=[a-z0-9)\"'])\s+(?=(?:and\s+(?:{_alternation(SUBJECTS)})|but\s+(?:{_alternation(BUT_SUBJECTS)}))\b)"
)
# A denied main verb before a bare "because" denies the reason with it ("It is not cheap because it is good").
_DENIED = re.compile(
    r"\b(?:is|are|was|were|do|does|did)\s+not\b|\b(?:isn|aren|wasn|weren|don|doesn|didn)'t\b"
)
_BARE = re.compile(rf"(?<=[a-z0-9)\"'])\s+(?=(?:{_alternation(SPLIT_BARE)})\b)")
# ", for" is causal before a clause ("..., for it ...", "..., for, as ..."), a preposition before a noun.
_FOR = re.compile(rf",\s+(?=for(?:,|\s+(?:{_alternation(SUBJECTS)})\b))")
# A modal before a copula ("..., which would be unfair") judges the clause before it; before another verb
# ("..., which will drive ...") it tells a consequence.
_CONSEQUENCE = (
    rf"(?:{_alternation(CONSEQUENCE_VERBS)}|(?:{_alternation(CONSEQUENCE_MODALS)})\s+(?!be\b|have\b)[a-z]+)"
)
# ", which" + a verb of consequence: the next link of a causal chain. It splits when the relative clause runs
# to the end of the sentence ("Fees rise, which drives students away."), or after another causal marker in
# the sentence ("A leads to B, which, in the end, kills C"); a describing clause between commas stays whole.
_WHICH = re.compile(rf",\s+(?=which\s+(?:(?:{_alternation(CONSEQUENCE_ADVERBS)}),?\s+)?{_CONSEQUENCE}\b)")
_CAUSAL_BEFORE = re.compile(rf"\b(?:{_CONSEQUENCE}|so|therefore|thus|hence|then)\b")
# "If X, then Y" (or "If X then Y"): the consequent opens a unit of its own.
_IF = re.compile(rf"[\"'(\s]*(?:(?:and|but|so)\s+)?(?:{_alternation(CONDITIONAL)})\b")
_THEN = re.compile(r"(?:,\s*|\s+)(?=then\b)")
_SEMICOLON = re.compile(r"(?<=;)\s+")
_COLON = re.compile(r"(?<=:)\s+")
COLON_WORDS = 6  # a colon splits only between two clause-sized parts
_INITIAL = re.compile(rf"(?:{_alternation(SPLIT_INITIAL)})\b")
_WORD = re.compile(r"[\w']+")
_MARKUP = re.compile(r"(?:[#>*+-]+|\d{1,3}[.)])\s+")
_RELATIVE = re.compile(r"(?:which|who|whom|whose|where)\b")
_COORDINATE = re.compile(r"(?:and|or)\b")


# The cuts made by one pattern each, with their rule ids (argmap.extractor.rules).
_CUTS = (
    ("segment.comma_connective", _AFTER_COMMA),
    ("segment.bare_connective", _BARE),
    ("segment.new_subject", _SUBJECT),
    ("segment.causal_for", _FOR),
    ("segment.semicolon", _SEMICOLON),
)


def _words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


def _in_quote(low: str, start: int, at: int) -> bool:
    """True when ``at`` lies inside an open double quotation that began in this sentence."""
    return low.count('"', start, at) % 2 == 1


def split_units(text: str, sentences: list[Sentence]) -> list[Unit]:
    """Every unit of every sentence, in text order (offsets into the normalised ``text``)."""
    low = text.lower()
    out: list[Unit] = []
    for n, sent in enumerate(sentences):
        s, e = sent.start, sent.end
        cuts: dict[int, str] = {}  # where a sentence is cut -> the rule that cuts it (the first to)
        for rule, rx in _CUTS:
            if not on(rule):
                continue
            for m in rx.finditer(low, s, e):
                if rx is _BARE and low.startswith("because", m.end()) and _DENIED.search(low, s, m.start()):
                    continue  # "X is not unused because people do not want it": the reason itself is denied
                if not _in_quote(low, s, m.start()):
                    cuts.setdefault(m.end(), rule)
        for m in _WHICH.finditer(low, s, e) if on("segment.which_consequence") else ():
            if _in_quote(low, s, m.start()):
                continue
            if "," not in low[m.end() : e] or _CAUSAL_BEFORE.search(low, s, m.start()):
                cuts.setdefault(m.end(), "segment.which_consequence")
        if on("segment.if_then") and _IF.match(low, s):
            then = _THEN.search(low, s, e)
            if then and not _in_quote(low, s, then.start()):
                cuts.setdefault(then.end(), "segment.if_then")
        for m in _COLON.finditer(low, s, e) if on("segment.colon") else ():
            if _words(text, s, m.start()) >= COLON_WORDS and _words(text, m.end(), e) >= COLON_WORDS:
                cuts.setdefault(m.end(), "segment.colon")
        initial = _INITIAL.match(low, s) if on("segment.initial_subordinate") else None
        if initial:  # "Although X, Y." -> cut after the first comma that leaves a clause on each side
            coordinated, last_cut = False, s
            for m in re.finditer(r",\s+", low[s:e]):
                after = low[s + m.end() : s + m.end() + 12]
                if _RELATIVE.match(after):  # "Despite X, which ..., Y": the relative clause belongs to X
                    continue
                if coordinated:  # "Although X, and Y, Z": Y is a second subordinate clause if clause-sized
                    if _words(text, last_cut, s + m.start()) >= INITIAL_WORDS:
                        cuts.setdefault(s + m.end(), "segment.initial_subordinate")
                    break
                if _words(text, s, s + m.start()) >= INITIAL_WORDS:
                    cuts.setdefault(s + m.end(), "segment.initial_subordinate")
                    if not _COORDINATE.match(after):
                        break
                    coordinated, last_cut = True, s + m.end()
        bounds = [s]
        for c in sorted(cuts):
            if _words(text, bounds[-1], c) >= MIN_WORDS and _words(text, c, e) >= MIN_WORDS:
                bounds.append(c)
        bounds.append(e)
        for a, b in zip(bounds, bounds[1:], strict=False):
            if a == s and (
                mark := _MARKUP.match(text, a, b)
            ):  # Markdown "# ", "- ", "> ", "1. " before a line
                a = mark.end()
            b2 = b
            while b2 > a and text[b2 - 1].isspace():
                b2 -= 1
            if b2 > a:
                out.append(Unit(a, b2, n, sent.paragraph, cuts.get(a)))
    return out
