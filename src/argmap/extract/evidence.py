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
    attributed: bool = False  # the claim it backs is someone else's words ("X argued that P")


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
# Reporters who are the opponent's voice or the author, not a source of evidence.
_NOT_SOURCES = frozenset(
    (
        "i", "we", "you", "he", "she", "it", "they", "people", "some", "many", "most", "critics",
        "opponents", "others", "everyone", "nobody", "this", "that"
    )
)  # fmt: skip
_GROUPS = frozenset(C.GROUP_SPEAKERS)
_INTRO_WORDS = 6  # a comma-closed opening this short ("Last week in these pages,") is a phrase, not a clause
# A reporting verb, perhaps with a short object ("told a local newspaper"), then "that" and the claim.
_AUX = r"(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|must|may|might|that|which|who)"
_VERB_THAT = re.compile(
    rf"\b(?P<verb>{_VERBS})(?:\s+(?!(?:{_AUX}|{_VERBS})\b)[A-Za-z][\w'.-]*(?<!ly)){{0,4}}?\s+that\s+(?P<claim>\S)",
    re.I,
)
# "X said P" without "that": a speaker opening the sentence, a speech verb, a clause after it.
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
_SAID = re.compile(rf"\b(?P<verb>{_SPEECH})\s+(?!that\b)(?P<claim>[a-z][\w'-]*[\s,]+\w+\s+\w)")
# Words between a subject and its verb that belong to neither: adverbs and auxiliaries ("has also said").
_SUBJECT_TAIL = re.compile(
    r"(?:\s+(?:also|today|yesterday|now|recently|once|again|has|have|had|will|would|did|does|do|"
    r"repeatedly|rightly|wrongly|often|even|first|then|simply|openly|publicly|clearly|long))+\s*$",
    re.I,
)
# The subject noun phrase, read backwards from the verb: a determiner opens it; these words end it.
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "another",
        "one",
        "our",
        "my",
        "their",
        "his",
        "her",
        "its",
        "your",
        "this",
        "these",
        "every",
        "each",
    ]
)
_NP_STOP = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "must",
        "may",
        "might",
        "do",
        "does",
        "did",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "why",
        "when",
        "where",
        "because",
        "since",
        "so",
        "but",
        "yet",
        "however",
        "or",
        "if",
        "while",
        "as",
        "than",
        "to",
        "not",
        "also",
        "i",
        "we",
        "you",
        "he",
        "she",
        "it",
        "they",
        "me",
        "us",
        "them",
        "there",
        "here",
        "what",
        "how",
        "yesterday",
        "today",
        "now",
        "then",
        "recently",
        "earlier",
        "later",
        "week",
        "month",
        "year",
        "ago",
        "after",
        "before",
        "said",
        "says",
        "with",
        "without",
        "into",
        "on",
    ]
)
_NP_LINKS = frozenset(("of", "at", "from", "for", "by", "in", "and", "&"))
_RELATIVE = re.compile(r"(?P<np>.*?\S)\s+(?:that|which|who)\s+[^,]{1,60}$")  # a subject with its clause
_GLUED = re.compile(r"^[a-z]{3,}(?=[A-Z])")  # "yesterdayProPublica": a missing space
_CLAUSE_BREAK = re.compile(r"[,;:(\"]| - ")
# "P, as AFP pointed out yesterday": an attribution closing the sentence (or what is left of it).
_AS_REPORTED = re.compile(
    rf",\s+as\s+(?P<who>[\w.'&-]+(?:\s+[\w.'&-]+){{0,6}}?)\s+(?:has\s+|have\s+|had\s+)?"
    rf"(?P<verb>{_VERBS})(?:\s+(?:out|yesterday|today|recently|earlier|before|last\s+\w+|in\s+\d{{4}}))*"
    r"\W*$",
    re.I,
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
    rf"|\b{_NUMBER}\s+(?:in|out\s+of)\s+(?:every\s+)?{_NUMBER}\b"  # a ratio: "one in five", "2 out of 3"
    r"|\b\d{1,3}(?:,\d{3})+\b"  # a count with thousands separators ("1,200"), which a year never has
    r"|\b(?:twice|half|(?:three|four|five|ten|\d+)\s+times)\s+as\s+(?:many|much|likely|high|large|long)\b"
    r"|\bfewer\s+than\s+\d|\b(?:more|fewer|less)\s+than\s+(?:half|a\s+(?:third|quarter)))",  # a count
    re.IGNORECASE,
)
_EXPERT = re.compile(rf"(?<!\w)(?:{_alt(C.EXPERT_WORDS)})(?!\w)", re.I)
_DOCUMENT = frozenset(C.DOCUMENT_WORDS)
_STUDY = frozenset(C.STUDY_WORDS)
_FINDING_VERBS = frozenset(
    ("found", "finds", "shows", "showed", "show", "estimates", "estimated", "concluded", "concludes")
)
# Verbs by which one fact can argue for another: they report only from a study, an expert or a name.
_INFERENCE_VERBS = frozenset(
    ("shows", "showed", "show", "suggests", "suggested", "revealed", "confirmed", "proves", "proved")
)
_REPORT_VERBS = frozenset(("reports", "reported", "report", "revealed", "announced"))
_CONNECTIVE = re.compile(
    r"^\W*(?:(?:and|but|so|also|yet|now|then|still|indeed|moreover|besides|meanwhile|honestly|well)\b[\s,]*)*",
    re.I,
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


@dataclass(frozen=True)
class _Report:
    """A reported-speech reading of a sentence: where the source's name stands, its verb and claim."""

    who_start: int
    who_end: int
    verb: str
    claim: int  # where the reported claim starts
    aside: str  # an appositive between name and verb ("an environmental economist")


def _noun_phrase(segment: str) -> tuple[int, int] | None:
    """The noun phrase that ends ``segment`` (a determiner, modifiers, a head, an "of ..." affiliation)."""
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", segment)]
    if not tokens:
        return None
    begin = len(tokens)
    for i in range(len(tokens) - 1, -1, -1):
        a, b, word = tokens[i]
        glued = _GLUED.match(word)
        if glued:  # "yesterdayProPublica": the name starts after the missing space
            tokens[i] = (a + glued.end(), b, word[glued.end() :])
            begin = i
            break
        low = word.lower().strip(".,")
        if low in _DETERMINERS:
            begin = i
            if i > 1 and tokens[i - 1][2].lower() in _NP_LINKS - {"and", "&"}:
                continue  # "A spokesperson for the council": the affiliation has its own determiner
            break
        if low in _NP_STOP or not any(ch.isalnum() for ch in word):
            break
        if low == "and" and not (
            i > 0
            and tokens[i - 1][2][:1].isupper()
            and i + 1 < len(tokens)
            and tokens[i + 1][2][:1].isupper()
        ):
            break  # "and" joins names ("Smith and Jones"), else it ends the phrase
        begin = i
    while begin < len(tokens) and tokens[begin][2].lower() in _NP_LINKS:
        begin += 1
    if begin >= len(tokens):
        return None
    words = [t[2] for t in tokens[begin:]]
    low = [w.lower().strip(".,'") for w in words]
    if len(words) > 9 or not any(ch.isalpha() for ch in words[-1]):
        return None
    if low[0] in _DETERMINERS and len(words) == 1:
        return None
    if low[0] in _GROUPS or low[-1] in _GROUPS or (len(words) == 1 and low[0] in _NOT_SOURCES):
        return None
    named = any(w[:1].isupper() for w in words) or low[0] in _DETERMINERS
    if not (named or set(low) & _STUDY or _EXPERT.search(" ".join(words))):
        return None
    return tokens[begin][0], tokens[-1][1]


def _report(words: str) -> _Report | None:
    """Read ``words`` (one sentence, quotations blanked) as "X verb (that) P", or None."""
    m = _VERB_THAT.search(words)
    bare = m is None
    if bare:
        m = _SAID.search(words)
        if m is None:
            return None
    pre = words[: m.start("verb")]
    tail = _SUBJECT_TAIL.search(pre)
    if tail:
        pre = pre[: tail.start()]
    pre = pre.rstrip()
    aside = ""
    if pre.endswith(","):  # "Dr. Alison Grey, an economist who led the study, says that ..."
        inner = pre[:-1]
        cut = inner.rfind(",")
        if cut < 0:
            return None
        aside, pre = inner[cut + 1 :], inner[:cut]
    breaks = list(_CLAUSE_BREAK.finditer(pre))
    offset = breaks[-1].end() if breaks else 0
    np = _noun_phrase(pre[offset:])
    rel = _RELATIVE.match(pre[offset:]) if np is None else None
    if rel is not None:  # "The agreement that most agents use states that ...": the subject before "that"
        np = _noun_phrase(rel.group("np"))
    if np is None:
        pronoun = re.search(r"\b(?:he|she)$", pre[offset:], re.I)  # the caller knows who "he" is
        if pronoun is None:
            return None
        np = pronoun.span()
    start, end = offset + np[0], offset + np[1]
    verb = m.group("verb").lower()
    if verb in _INFERENCE_VERBS and not _is_reporter(pre[start:end]):
        return None  # "The rise in prices suggests that ...": one fact argues for another, nobody reports
    if bare and _CONNECTIVE.match(pre).end() < start:  # "X said P" only with X opening the sentence
        return None
    return _Report(start, end, verb, m.start("claim"), aside)


def _is_reporter(who: str) -> bool:
    """A study, an expert or a named source: one whose "shows that" reports a finding."""
    words = who.split()
    low = {w.lower().strip(".,'") for w in words}
    named = any(w[:1].isupper() for w in words[1:]) or (
        words[0][:1].isupper() and words[0].lower() not in _DETERMINERS
    )
    return bool(low & _STUDY) or _EXPERT.search(who) is not None or named


def _head(who: str) -> str:
    """The head noun of a source's name: its last word before an "of/at/by" affiliation."""
    words = re.findall(r"[\w.'&-]+", who)
    for i, w in enumerate(words):
        if i and w.lower() in _NP_LINKS:
            words = words[:i]
            break
    return words[-1].lower().strip(".'") if words else ""


def _kind(who: str, verb: str, aside: str = "") -> EvidenceKind:
    low = set(re.findall(r"[\w.]+", who.lower()))
    if _head(who) in _DOCUMENT:
        return "document"
    if low & _STUDY or verb in _FINDING_VERBS or verb in _REPORT_VERBS:
        return "study"
    if _EXPERT.search(who) or _EXPERT.search(aside):
        return "expert"
    return "testimony"


def _resolve(who: str, known: list[str]) -> str:
    """A bare surname ("Brighton") stands for the fuller name met before ("Drew Brighton of ...")."""
    if " " in who:
        return who
    for name in reversed(known):
        if who != name and who in name.split():
            return name
    return who


def _outside_quotes(sentence: str) -> str:
    return _QUOTE.sub(lambda q: " " * len(q.group()), sentence)


def _example(words: str) -> str | None:
    """The cue when ``words`` open with a worked example or case, or tell an anecdote, else None."""
    lead = _CONNECTIVE.match(words)
    opener = _EXAMPLE_OPEN.match(words, lead.end() if lead else 0)
    if opener:
        return opener.group("cue")
    told = _ACQUAINTANCE.search(words)
    if told is None and _PAST_TIME.search(words):
        told = _FIRST_PERSON_PAST.search(words)
    return told.group().strip() if told else None


def _as_reported(words: str) -> tuple[int, str, str] | None:
    """A closing attribution ("..., as AFP pointed out yesterday"): where it starts, who, and the verb."""
    m = _AS_REPORTED.search(words)
    if m is None:
        return None
    np = _noun_phrase(m.group("who"))
    if np is None or np[0] != 0:
        return None
    return m.start(), m.group("who").strip(), m.group("verb").lower()


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
        tail = _as_reported(words)
        if tail is None:
            return s
        at, who, verb = tail
        end = s.start + len(words[:at].rstrip(" ,;:-"))
        found.items.append(
            Item(
                s.start + at + len(words[at:]) - len(words[at:].lstrip(" ,;:-")),
                s.end,
                _kind(who, verb),
                EvidenceSource(author=who),
                (s.start, end),
                (f"as ... {verb}",),
                f"evidence: '{words[at:].strip(' ,;:-.')}' names who said what the clause says",
                attributed=False,
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
        found.items[-1] = Item(prev.start, s.end, prev.kind, prev.source, prev.claim, prev.cues, prev.reason)
        return True

    for n, s in enumerate(sentences):
        words = text[s.start : s.end]
        if block_for is not None and s.paragraph == block_para:
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
                found.items[-1] = Item(
                    prev.start, s.end, prev.kind, prev.source, claim, prev.cues, prev.reason
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
        outside = _outside_quotes(words)
        quoted = outside != words
        if quoted:
            m = _SPEAKER_AFTER.search(outside) or _SPEAKER_BEFORE.search(outside)
            if m and m.group("who").strip().lower() in _NOT_SOURCES:
                m = None
            pron = _PRONOUN_SPEAKER.search(outside)
            only_quote = len(outside.strip(" .,;:-")) <= 2
            if (
                m
                or (pron and speaker is not None and n - speaker_at <= 4)
                or (only_quote and speaker is not None and n > 0 and sentences[n - 1] in found.taken)
            ):
                if m:
                    speaker = _resolve(m.group("who").strip().rstrip(".,;:"), known)
                    known.append(speaker)
                who = speaker or "unnamed speaker"
                speaker_at = n
                found.taken.add(s)
                if not (only_quote and extend(n, s, who)):  # a quotation going on is one item
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
                last = (n, who)
                continue
        rep = _report(outside)
        if rep is not None:
            who = words[rep.who_start : rep.who_end].strip().rstrip(".,;:")
            if who.lower() in ("he", "she"):
                who = speaker if speaker is not None and n - speaker_at <= 4 else ""
            if who:
                who = _resolve(who, known)
                known.append(who)
                if not _EXPERT.search(who) and who[:1].isupper() or rep.aside:
                    speaker, speaker_at = who, n
                cstart = s.start + rep.claim
                claim = (cstart, s.end)
                head = text[s.start : s.start + rep.who_start].rstrip(" -")
                # An opening phrase ("Last week in these pages,") belongs to the report, not the argument.
                intro = head.endswith(",") and len(head.split()) <= _INTRO_WORDS and "," not in head[:-1]
                head = "" if intro else head.rstrip(" ,;:")
                fig = _FIGURE.search(words, rep.claim)
                kind = "statistic" if fig else _kind(who, rep.verb, rep.aside)
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
        acc = _ACCORDING.search(words)
        fig = _FIGURE.search(words)
        example = _example(words) if not acc else None
        if example and fig and not _EXAMPLE_OPEN.search(example):
            example = None  # an anecdote with a figure reads as the figure
        if acc or fig or example:  # one piece of evidence per sentence, with its source if it names one
            who = acc.group("who").strip() if acc else None
            if example:
                cues: tuple[str, ...] = (example,)
                reason = f"evidence: an example ('{example}') backs the statement it illustrates"
                start, end, kind = s.start, s.end, "example"
            elif fig:
                cues = tuple(c for c in ("according to" if acc else None, fig.group()) if c)
                reason = f"evidence: a figure ('{fig.group()}') backs the statement it is in"
                if who:
                    reason += f", according to {who}"
                start, end, kind = s.start, s.end, "statistic"
            else:
                cues = ("according to",)
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
        last = None
        found.sentences.append(_keep(text, s))
    found.items.sort(key=lambda item: item.start)  # a closing attribution is found after what follows it
    return found
