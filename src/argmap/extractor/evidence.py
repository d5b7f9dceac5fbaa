"""Find evidence in normalised text: quotations, reported speech, block quotes, figures and examples.

One evidence item per quotation or report, with its full words and a source named by its noun phrase
(:mod:`argmap.extractor.speech` reads who says what):

- a sentence that quotes someone (``"...," said X`` or ``X said: "..."``) is testimony (expert when the
  speaker is titled); it leaves the argument line and backs the statement before it; a quotation that goes
  on in the next sentence without a new attribution is the same item;
- reported speech (``X reports that P``, ``X told a newspaper that P``, ``X said P``) splits: P stays a
  statement, the whole report becomes evidence backing P; its kind follows the source: a figure in P makes a
  statistic, a document ("the law states") a document, a study or finding a study, a titled expert an
  expert, anyone else testimony; a bare surname or "he" takes the full name met before;
- a closing attribution (``P, as AFP pointed out``) is evidence for its clause;
- a paragraph that a reporting sentence introduces with a colon is a block quote: evidence for what
  that sentence reported;
- a sentence with a figure (``%``, ``million``, ``$``, "one in five", "1,200", "twice as likely") gets
  statistic evidence; one opening with an example ("for example", "take the case of") or telling an
  anecdote ("my neighbour skipped ...", "last winter we ...") gets example evidence, backing itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from argmap.extractor import cues as C
from argmap.extractor.rules import on
from argmap.extractor.sentences import Sentence
from argmap.extractor.speech import (
    CONNECTIVE,
    EXPERT,
    NOT_SOURCES,
    VERBS,
    evidence_kind,
    read_closing_attribution,
    read_report,
    resolve_name,
)
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
    attributed: bool = False  # the claim it backs is someone else's words ("X argued that P")
    rule: str = ""  # the id of the evidence rule that found it (argmap.extractor.rules)


@dataclass
class Found:
    """The evidence of a text, the sentences it took out, and the sentences left for the argument."""

    items: list[Item] = field(default_factory=list)
    taken: set[Sentence] = field(default_factory=set)
    sentences: list[Sentence] = field(default_factory=list)


def _alt(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


_NAME = r"[A-Z][\w.'&-]*(?:\s+(?:of\s+|the\s+|de\s+|van\s+)?[A-Z][\w.'&-]*){0,5}"
_INTRO_WORDS = 6  # a comma-closed opening this short ("Last week in these pages,") is a phrase, not a clause
# "according to X, P" / "P, according to X."
_ACCORDING = re.compile(r"according\s+to\s+(?P<who>[^,.;:!?\"]{2,80}?)(?=[,.;:!?\"]|$)", re.IGNORECASE)
# A quotation of at least two words.
_QUOTE = re.compile(r'"[^"]*?\w+\W+\w+[^"]*"')
_SPEAKER_AFTER = re.compile(rf"(?:{VERBS})\s+(?P<who>{_NAME})")
_SPEAKER_BEFORE = re.compile(rf"(?P<who>{_NAME})\s+(?:{VERBS})\b")
_PRONOUN_SPEAKER = re.compile(
    rf"\b(?:he|she|they|it)\s+(?:{VERBS})\b|\b(?:{VERBS})\s+(?:he|she|they)\b", re.I
)
_FIGURE_UNITS = tuple(w for w in C.FIGURE_WORDS if w not in "$€£%")
_NUMBER = rf"(?:\d[\d,.]*|{_alt(C.NUMBER_WORDS)})"
_FIGURE = re.compile(
    rf"(?:[$€£]\s?\d[\d,.]*|\d[\d,.]*\s?(?:{_alt(_FIGURE_UNITS)})\b|\d+(?:\.\d+)?%"
    rf"|\b{_NUMBER}\s+(?:in|out\s+of)\s+(?:every\s+)?{_NUMBER}\b"  # a ratio: "one in five", "2 out of 3"
    r"|\b\d{1,3}(?:,\d{3})+\b"  # a count with thousands separators ("1,200"), which a year never has
    r"|\b(?:twice|half|(?:three|four|five|ten|\d+)\s+times)\s+as\s+(?:many|much|likely|high|large|long)\b"
    r"|\bfewer\s+than\s+\d"  # a count
    r"|\b(?:more|fewer|less)\s+than\s+(?:half|a\s+(?:third|quarter|fifth|tenth|hundredth)))",  # a share
    re.IGNORECASE,
)
_EXAMPLE_OPEN = re.compile(rf"(?P<cue>{_alt(C.EXAMPLE_OPENERS)})(?!\w)", re.I)
_PAST = r"(?:was|were|had|did|went|came|made|took|gave|lost|got|put|found|[a-z]{3,}ed)"
# An anecdote: someone close to the writer did something ("my neighbour skipped ..."), or the writer did
# something at a past moment ("last winter we put ...").
_ACQUAINTANCE = re.compile(
    rf"\b(?:my|our)\s+(?:[a-z]+\s+)?(?:{_alt(C.ACQUAINTANCES)})s?\s+(?:\w+\s+)?{_PAST}\b", re.I
)
_FIRST_PERSON_PAST = re.compile(rf"\b(?:i|we)\s+(?:\w+\s+)?{_PAST}\b", re.I)
_PAST_TIME = re.compile(rf"\b(?:{_alt(C.PAST_TIMES)})\b", re.I)


def _outside_quotes(sentence: str) -> str:
    return _QUOTE.sub(lambda q: " " * len(q.group()), sentence)


def _example(words: str) -> str | None:
    """The cue when ``words`` open with a worked example or case, or tell an anecdote, else None."""
    lead = CONNECTIVE.match(words)
    opener = _EXAMPLE_OPEN.match(words, lead.end() if lead else 0)
    if opener:
        return opener.group("cue")
    told = _ACQUAINTANCE.search(words)
    if told is None and _PAST_TIME.search(words):
        told = _FIRST_PERSON_PAST.search(words)
    return told.group().strip() if told else None


def find_evidence(text: str, sentences: list[Sentence]) -> Found:
    """Every piece of evidence in ``text`` (normalised), and the sentences left for the argument line."""
    found = Found()
    speaker: str | None = None  # the last person quoted or reported, for "he said"
    speaker_at = -10
    known: list[str] = []  # every name met, so a bare surname finds its full name
    last: tuple[int, str] | None = None  # (sentence number, source) of the last quotation or report
    block_for: tuple[tuple[int, int], str, str] | None = None  # (claim, who, verb) of a "...:" introduction
    block_para = -1

    def _keep(text: str, s: Sentence) -> Sentence:
        """The sentence for the argument line, less a closing attribution, which becomes evidence for it."""
        words = text[s.start : s.end]
        tail = read_closing_attribution(words) if on("evidence.closing_attribution") else None
        if tail is None:
            return s
        at, who, verb = tail
        end = s.start + len(words[:at].rstrip(" ,;:-"))
        found.items.append(
            Item(
                s.start + at + len(words[at:]) - len(words[at:].lstrip(" ,;:-")),
                s.end,
                evidence_kind(who, verb),
                EvidenceSource(author=who),
                (s.start, end),
                (f"as ... {verb}",),
                f"evidence: '{words[at:].strip(' ,;:-.')}' names who said what the clause says",
                attributed=False,
                rule="evidence.closing_attribution",
            )
        )
        return Sentence(s.start, end, s.paragraph)

    def extend(n: int, s: Sentence, who: str) -> bool:
        """Join a quotation to the previous item when the same speaker goes on in the same paragraph."""
        if not found.items:
            return False
        if last is None or last[0] != n - 1 or last[1] != who or sentences[n - 1].paragraph != s.paragraph:
            return False
        prev = found.items[-1]
        found.items[-1] = replace(prev, end=s.end, attributed=False)
        return True

    for n, s in enumerate(sentences):
        words = text[s.start : s.end]
        if block_for is not None and s.paragraph == block_para and on("evidence.block_quote"):
            claim, who, verb = block_for
            found.taken.add(s)
            prev = found.items[-1] if found.items else None
            if (
                prev is not None
                and prev.cues == (verb,)
                and prev.claim == claim
                and prev.start != claim[0]
                and prev.source == EvidenceSource(author=who)
                and text.count("\n\n", prev.end, s.start) == 0
            ):
                found.items[-1] = replace(prev, end=s.end, claim=claim, attributed=False)
                continue
            if not any(ch.isalnum() for ch in words):
                continue
            found.items.append(
                Item(
                    s.start,
                    s.end,
                    evidence_kind(who, verb),
                    EvidenceSource(author=who),
                    claim,
                    (verb,),
                    f"evidence: quoted from {who}, introduced by '{verb} ...:'",
                    rule="evidence.block_quote",
                )
            )
            continue
        block_for = None
        outside = _outside_quotes(words)
        quoted = outside != words
        if quoted and on("evidence.quotation"):
            m = _SPEAKER_AFTER.search(outside) or _SPEAKER_BEFORE.search(outside)
            if m and m.group("who").strip().lower() in NOT_SOURCES:
                m = None
            pron = _PRONOUN_SPEAKER.search(outside)
            only_quote = len(outside.strip(" .,;:-")) <= 2
            if (
                m
                or (pron and speaker is not None and n - speaker_at <= 4)
                or (only_quote and speaker is not None and n > 0 and sentences[n - 1] in found.taken)
            ):
                if m:
                    speaker = resolve_name(m.group("who").strip().rstrip(".,;:"), known)
                    known.append(speaker)
                who = speaker or "unnamed speaker"
                speaker_at = n
                found.taken.add(s)
                if not (only_quote and extend(n, s, who)):  # a quotation going on is one item
                    found.items.append(
                        Item(
                            s.start,
                            s.end,
                            "expert" if EXPERT.search(outside) else "testimony",
                            EvidenceSource(author=who),
                            None,
                            ("quotation",),
                            f"evidence: a quotation of {who}",
                            rule="evidence.quotation",
                        )
                    )
                last = (n, who)
                continue
        rep = read_report(outside) if on("evidence.reported_speech") else None
        if rep is not None:
            who = words[rep.who_start : rep.who_end].strip().rstrip(".,;:")
            if who.lower() in ("he", "she"):
                who = speaker if speaker is not None and n - speaker_at <= 4 else ""
            if who:
                who = resolve_name(who, known)
                known.append(who)
                if not EXPERT.search(who) and who[:1].isupper() or rep.aside:
                    speaker, speaker_at = who, n
                cstart = s.start + rep.claim
                claim = (cstart, s.end)
                head = text[s.start : s.start + rep.who_start].rstrip(" -")
                # An opening phrase ("Last week in these pages,") belongs to the report, not the argument.
                intro = head.endswith(",") and len(head.split()) <= _INTRO_WORDS and "," not in head[:-1]
                head = "" if intro else head.rstrip(" ,;:")
                fig = _FIGURE.search(words, rep.claim)
                kind = "statistic" if fig else evidence_kind(who, rep.verb, rep.aside)
                cues = (rep.verb, fig.group()) if fig else (rep.verb,)
                found.items.append(
                    Item(
                        s.start if intro else s.start + rep.who_start,
                        s.end,
                        kind,
                        EvidenceSource(author=who),
                        claim,
                        cues,
                        f"evidence: reported speech ('{who} {rep.verb} ...') backs what it reports",
                        attributed=True,
                        rule="evidence.reported_speech",
                    )
                )
                last = (n, who)
                # The sentence splits into what comes before the attribution and the reported claim; a
                # short head ("But studies show that ...") keeps the sentence whole, connective and all.
                if 0 < len(head.split()) < 3:
                    found.sentences.append(s)
                else:
                    if head:
                        found.sentences.append(
                            _keep(text, Sentence(s.start, s.start + len(head), s.paragraph))
                        )
                    found.sentences.append(Sentence(cstart, s.end, s.paragraph))
                if words.rstrip().endswith(":") and n + 1 < len(sentences):
                    block_for, block_para = (claim, who, rep.verb), sentences[n + 1].paragraph
                    if block_para == s.paragraph:
                        block_for = None
                continue
        acc = _ACCORDING.search(words) if on("evidence.according_to") else None
        fig = _FIGURE.search(words) if on("evidence.figure") else None
        example = _example(words) if not acc and on("evidence.example") else None
        if example and fig and not _EXAMPLE_OPEN.search(example):
            example = None  # an anecdote with a figure reads as the figure
        if acc or fig or example:  # one piece of evidence per sentence, with its source if it names one
            according = acc.group("who").strip() if acc else None
            if example:
                tags: tuple[str, ...] = (example,)
                reason = f"evidence: an example ('{example}') backs the statement it illustrates"
                start, end, kind, rule = s.start, s.end, "example", "evidence.example"
            elif fig:
                tags = tuple(c for c in ("according to" if acc else None, fig.group()) if c)
                reason = f"evidence: a figure ('{fig.group()}') backs the statement it is in"
                if according:
                    reason += f", according to {according}"
                start, end, kind, rule = s.start, s.end, "statistic", "evidence.figure"
            else:
                assert acc is not None  # neither an example nor a figure: the attribution is the cue
                tags = ("according to",)
                reason = f"evidence: 'according to {according}' backs the statement it qualifies"
                start, end, kind, rule = (
                    s.start + acc.start(),
                    s.start + acc.end(),
                    evidence_kind(according or "", "according to"),
                    "evidence.according_to",
                )
            found.items.append(
                Item(
                    start,
                    end,
                    kind,
                    EvidenceSource(author=according) if according else None,
                    (s.start, s.end),
                    tags,
                    reason,
                    rule=rule,
                )
            )
        last = None
        found.sentences.append(_keep(text, s))
    found.items.sort(key=lambda item: item.start)  # a closing attribution is found after what follows it
    return found
