"""Find evidence in normalised text: quotations, reported speech, block quotes and figures.

- a sentence that quotes someone (``"...," said X`` or ``X said: "..."``) is testimony; it leaves the argument
  line and backs the statement before it;
- reported speech (``X reports that P``, ``according to X, P``) splits: P stays a statement, the
  attribution becomes evidence (a report or study when X is one, else testimony) backing P;
- a paragraph that a reporting sentence introduces with a colon is a block quote: evidence for what
  that sentence reported;
- a sentence with a figure (a number with ``%``, ``million``, ``$``...) gets statistic evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.extract import cues as C
from argmap.extract.sentences import Sentence
from argmap.model import EvidenceKind, EvidenceSource


@dataclass(frozen=True)
class Item:
    """One piece of evidence: its normalised span, kind, source and the span of the claim it backs."""

    start: int
    end: int
    kind: EvidenceKind
    source: EvidenceSource | None
    claim: tuple[int, int] | None
    cues: tuple[str, ...]
    reason: str


@dataclass
class Found:
    """The evidence of a text, the sentences it took out, and the sentences left for the argument."""

    items: list[Item] = field(default_factory=list)
    taken: set[Sentence] = field(default_factory=set)
    sentences: list[Sentence] = field(default_factory=list)


def _alt(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


_VERBS = _alt(tuple(v for v in C.REPORTING if v != "according to"))
_NAME = r"[A-Z][\w.'&-]*(?:\s+(?:of\s+|the\s+|de\s+|van\s+)?[A-Z][\w.'&-]*){0,5}"
# Capitalised sentence openers that are connectives, not names ("But studies show ...").
_OPENERS = r"(?!(?:But|And|So|Yet|However|Also|Now|Then|Thus|Therefore|Still|Indeed|In fact|Moreover)\b)"
_SUBJECT = (
    rf"{_OPENERS}(?:(?i:the|a|an|new|recent|one|another)\s+)?"
    rf"(?:(?i:[a-z]+\s+){{0,2}}(?i:{_alt(C.STUDY_WORDS)})|{_NAME})"
)
# Reporters who are the opponent's voice or the author, not a source of evidence.
_NOT_SOURCES = frozenset(
    (
        "i", "we", "you", "he", "she", "it", "they", "people", "some", "many", "most", "critics",
        "opponents", "others", "everyone", "nobody", "this", "that"
    )
)  # fmt: skip
# "X reports (today) that P"
_REPORTED = re.compile(
    rf"(?P<who>{_SUBJECT})(?:'s?\s+\w+)?\s+(?:\w+\s+)?(?P<verb>{_VERBS})\s+(?:\w+\s+)?that\s+(?P<claim>\S)",
)
# "X said P" without "that": only a named speaker opening the sentence, a speech verb, a clause after it.
_SPEECH = _alt(
    (
        "said",
        "says",
        "told us",
        "argued",
        "argues",
        "claimed",
        "claims",
        "stated",
        "wrote",
        "warned",
        "insisted",
    )
)
_SAID = re.compile(
    rf"^(?![A-Z][a-z]+ing\b)(?P<who>{_NAME})\s+(?P<verb>{_SPEECH})\s+(?!that,)(?P<claim>[a-z])"
)
# "according to X, P" / "P, according to X."
_ACCORDING = re.compile(r"according\s+to\s+(?P<who>[^,.;:!?\"]{2,80}?)(?=[,.;:!?\"]|$)", re.IGNORECASE)
# A quotation of at least two words.
_QUOTE = re.compile(r'"[^"]*?\w+\W+\w+[^"]*"')
_SPEAKER_AFTER = re.compile(rf"(?:{_VERBS})\s+(?P<who>{_NAME})")
_SPEAKER_BEFORE = re.compile(rf"(?P<who>{_NAME})\s+(?:{_VERBS})\b")
_PRONOUN_SPEAKER = re.compile(
    rf"\b(?:he|she|they|it)\s+(?:{_VERBS})\b|\b(?:{_VERBS})\s+(?:he|she|they)\b", re.I
)
_FIGURE_UNITS = tuple(w for w in C.FIGURE_WORDS if w not in "$€£%")
_NUMBER = rf"(?:\d[\d,.]*|{_alt(C.NUMBER_WORDS)})"
_FIGURE = re.compile(
    rf"(?:[$€£]\s?\d[\d,.]*|\d[\d,.]*\s?(?:{_alt(_FIGURE_UNITS)})\b|\d+(?:\.\d+)?%"
    rf"|\b{_NUMBER}\s+(?:in|out\s+of)\s+(?:every\s+)?{_NUMBER}\b)",  # a ratio: "one in five", "2 out of 3"
    re.IGNORECASE,
)
_EXPERT = re.compile(
    r"\b(?:professor|prof\.|dr\.|doctor|expert|scientist|economist|researcher|analyst|director)\b", re.I
)


def _kind(who: str, verb: str) -> EvidenceKind:
    low = who.lower()
    if any(re.search(rf"\b{re.escape(w)}\b", low) for w in C.STUDY_WORDS) or verb in (
        "found",
        "finds",
        "shows",
        "showed",
        "show",
        "estimates",
        "estimated",
        "concluded",
        "concludes",
    ):
        return "study"
    if verb in ("reports", "reported", "report"):
        return "document"
    if _EXPERT.search(who):
        return "expert"
    return "testimony"


def _outside_quotes(sentence: str) -> str:
    return _QUOTE.sub(" ", sentence)


def find_evidence(text: str, sentences: list[Sentence]) -> Found:
    """Every piece of evidence in ``text`` (normalised), and the sentences left for the argument line."""
    found = Found()
    speaker: str | None = None
    block_for: tuple[tuple[int, int], str, str] | None = None  # (claim, who, verb) of a "...:" introduction
    block_para = -1
    for n, s in enumerate(sentences):
        words = text[s.start : s.end]
        if block_for is not None and s.paragraph == block_para:
            claim, who, verb = block_for
            found.taken.add(s)
            last = found.items[-1] if found.items else None
            if (
                last is not None
                and last.cues == (verb,)
                and last.claim == claim
                and last.start != claim[0]
                and last.source == EvidenceSource(author=who)
                and text.count("\n\n", last.end, s.start) == 0
            ):
                found.items[-1] = Item(
                    last.start, s.end, last.kind, last.source, claim, last.cues, last.reason
                )
                continue
            if not any(ch.isalnum() for ch in words):
                continue
            found.items.append(
                Item(
                    s.start,
                    s.end,
                    _kind(who, verb),
                    EvidenceSource(author=who),
                    claim,
                    (verb,),
                    f"evidence: quoted from {who}, introduced by '{verb} ...:'",
                )
            )
            continue
        block_for = None
        quoted = _QUOTE.search(words)
        if quoted:
            outside = _outside_quotes(words)
            m = _SPEAKER_AFTER.search(outside) or _SPEAKER_BEFORE.search(outside)
            if m and m.group("who").strip().lower() in _NOT_SOURCES:
                m = None
            pron = _PRONOUN_SPEAKER.search(outside)
            only_quote = len(outside.strip(" .,;:-")) <= 2
            if (
                m
                or pron
                or (only_quote and speaker is not None and n > 0 and sentences[n - 1] in found.taken)
            ):
                if m:
                    speaker = m.group("who").strip().rstrip(".,;:")
                who = speaker or "unnamed speaker"
                found.items.append(
                    Item(
                        s.start,
                        s.end,
                        "expert" if _EXPERT.search(outside) else "testimony",
                        EvidenceSource(author=who),
                        None,
                        ("quotation",),
                        f"evidence: a quotation of {who}",
                    )
                )
                found.taken.add(s)
                continue
        rep = _REPORTED.search(words) or _SAID.search(words)
        if rep and rep.group("who").strip().lower() in _NOT_SOURCES:
            rep = None
        if rep:
            who, verb = rep.group("who").strip(), rep.group("verb")
            cstart = s.start + rep.start("claim")
            claim = (cstart, s.end)
            found.items.append(
                Item(
                    s.start + rep.start("who"),
                    cstart,
                    _kind(who, verb),
                    EvidenceSource(author=who),
                    claim,
                    (verb,),
                    f"evidence: reported speech ('{who} {verb} that ...') backs what it reports",
                )
            )
            # The sentence splits into what comes before the attribution and the reported claim; a
            # short head ("But studies show that ...") keeps the sentence whole, connective and all.
            head = text[s.start : s.start + rep.start("who")].rstrip(" ,;:-")
            if 0 < len(head.split()) < 3:
                found.sentences.append(s)
            else:
                if head:
                    found.sentences.append(Sentence(s.start, s.start + len(head), s.paragraph))
                found.sentences.append(Sentence(cstart, s.end, s.paragraph))
            if words.rstrip().endswith(":") and n + 1 < len(sentences):
                block_for, block_para = (claim, who, verb), sentences[n + 1].paragraph
                if block_para == s.paragraph:
                    block_for = None
            continue
        acc = _ACCORDING.search(words)
        fig = _FIGURE.search(words)
        if acc or fig:  # one piece of evidence per sentence: a figure, with its source if it names one
            who = acc.group("who").strip() if acc else None
            cues = tuple(c for c in ("according to" if acc else None, fig.group() if fig else None) if c)
            if fig:
                reason = f"evidence: a figure ('{fig.group()}') backs the statement it is in"
                if who:
                    reason += f", according to {who}"
                start, end, kind = s.start, s.end, "statistic"
            else:
                reason = f"evidence: 'according to {who}' backs the statement it qualifies"
                start, end, kind = (
                    s.start + acc.start(),
                    s.start + acc.end(),
                    _kind(who or "", "according to"),
                )
            found.items.append(
                Item(
                    start,
                    end,
                    kind,
                    EvidenceSource(author=who) if who else None,
                    (s.start, s.end),
                    cues,
                    reason,
                )
            )
        found.sentences.append(s)
    return found
