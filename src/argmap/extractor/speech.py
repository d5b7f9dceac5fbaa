"""Who says what: reported speech read from language, for :mod:`argmap.extractor.evidence`.

``X says that P``, ``X told a newspaper that P``, ``X said P``, ``P, as X pointed out``: where the source's
name stands (the noun phrase before the verb: a determiner, modifiers, a head, an affiliation such as "of
TargetSmart Communications"; an appositive in "Dr. X, an economist, says" is read past), the verb, and where
the reported claim starts. Groups ("critics", "some people"), pronouns and anaphora ("this shows that") are
no source: they are the other side's voice or the author's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.extractor import cues as C
from argmap.model import EvidenceKind


def _alt(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


VERBS = _alt(tuple(v for v in C.REPORTING if v != "according to"))

# Reporters who are the opponent's voice or the author, not a source of evidence.
NOT_SOURCES = frozenset(
    (
        "i", "we", "you", "he", "she", "it", "they", "people", "some", "many", "most", "critics",
        "opponents", "others", "everyone", "nobody", "this", "that"
    )
)  # fmt: skip
_GROUPS = frozenset(C.GROUP_SPEAKERS)

# A reporting verb, perhaps with a short object ("told a local newspaper"), then "that" and the claim.
_AUX = r"(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|must|may|might|that|which|who)"
_VERB_THAT = re.compile(
    rf"\b(?P<verb>{VERBS})(?:\s+(?!(?:{_AUX}|{VERBS})\b)[A-Za-z][\w'.-]*(?<!ly)){{0,4}}?\s+that\s+(?P<claim>\S)",
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
    (
        "the", "a", "an", "another", "one", "our", "my", "their", "his", "her", "its", "your", "this",
        "these", "every", "each",
    )
)  # fmt: skip
_NP_STOP = frozenset(
    (
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "can",
        "could", "should", "must", "may", "might", "do", "does", "did", "that", "which", "who", "whom",
        "whose", "why", "when", "where", "because", "since", "so", "but", "yet", "however", "or", "if",
        "while", "as", "than", "to", "not", "also", "i", "we", "you", "he", "she", "it", "they", "me", "us",
        "them", "there", "here", "what", "how", "yesterday", "today", "now", "then", "recently", "earlier",
        "later", "week", "month", "year", "ago", "after", "before", "said", "says", "with", "without",
        "into", "on",
    )
)  # fmt: skip
_NP_LINKS = frozenset(("of", "at", "from", "for", "by", "in", "and", "&"))
_RELATIVE = re.compile(r"(?P<np>.*?\S)\s+(?:that|which|who)\s+[^,]{1,60}$")  # a subject with its clause
_GLUED = re.compile(r"^[a-z]{3,}(?=[A-Z])")  # "yesterdayProPublica": a missing space
_CLAUSE_BREAK = re.compile(r"[,;:(\"]| - ")
# "P, as AFP pointed out yesterday": an attribution closing the sentence (or what is left of it).
_AS_REPORTED = re.compile(
    rf",\s+as\s+(?P<who>[\w.'&-]+(?:\s+[\w.'&-]+){{0,6}}?)\s+(?:has\s+|have\s+|had\s+)?"
    rf"(?P<verb>{VERBS})(?:\s+(?:out|yesterday|today|recently|earlier|before|last\s+\w+|in\s+\d{{4}}))*"
    r"\W*$",
    re.I,
)

EXPERT = re.compile(rf"(?<!\w)(?:{_alt(C.EXPERT_WORDS)})(?!\w)", re.I)
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
CONNECTIVE = re.compile(
    r"^\W*(?:(?:and|but|so|also|yet|now|then|still|indeed|moreover|besides|meanwhile|honestly|well)\b[\s,]*)*",
    re.I,
)


def _opening(text: str) -> int:
    """Where ``text`` starts after its opening connectives (``CONNECTIVE`` matches every string)."""
    lead = CONNECTIVE.match(text)
    return lead.end() if lead else 0


@dataclass(frozen=True)
class Report:
    """A reported-speech reading of a sentence: where the source's name stands, its verb and claim."""

    who_start: int
    who_end: int
    verb: str
    claim: int  # where the reported claim starts
    aside: str  # an appositive between name and verb ("an environmental economist")


_TIME_LEADS = frozenset(("last", "this", "next", "earlier"))
_TIME_UNITS = frozenset(
    ("year", "month", "week", "spring", "summer", "autumn", "winter", "fall", "term", "decade", "century")
)


def _noun_phrase(segment: str) -> tuple[int, int] | None:
    """The noun phrase that ends ``segment`` (a determiner, modifiers, a head, an "of ..." affiliation)."""
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", segment)]
    # A time phrase between the reporter and its verb ("A survey by the council last year found") dates
    # the report; it is not part of the reporter's name.
    if len(tokens) > 2 and tokens[-2][2].lower() in _TIME_LEADS and tokens[-1][2].lower() in _TIME_UNITS:
        tokens = tokens[:-2]
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
    names = [t[2] for t in tokens[begin:]]
    folded = [w.lower().strip(".,'") for w in names]
    if len(names) > 9 or not any(ch.isalpha() for ch in names[-1]):
        return None
    if folded[0] in _DETERMINERS and len(names) == 1:
        return None
    if folded[0] in _GROUPS or folded[-1] in _GROUPS or (len(names) == 1 and folded[0] in NOT_SOURCES):
        return None
    named = any(w[:1].isupper() for w in names) or folded[0] in _DETERMINERS
    if not (named or set(folded) & _STUDY or EXPERT.search(" ".join(names))):
        return None
    return tokens[begin][0], tokens[-1][1]


def read_report(words: str) -> Report | None:
    """Read ``words`` (one sentence, quotations blanked) as "X verb (that) P", or None."""
    m = _VERB_THAT.search(words)
    bare = m is None
    if m is None:
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
    if bare and _opening(pre) < start:  # "X said P" only with X opening the sentence
        return None
    return Report(start, end, verb, m.start("claim"), aside)


def _is_reporter(who: str) -> bool:
    """A study, an expert or a named source: one whose "shows that" reports a finding."""
    words = who.split()
    low = {w.lower().strip(".,'") for w in words}
    named = any(w[:1].isupper() for w in words[1:]) or (
        words[0][:1].isupper() and words[0].lower() not in _DETERMINERS
    )
    return bool(low & _STUDY) or EXPERT.search(who) is not None or named


def _head(who: str) -> str:
    """The head noun of a source's name: its last word before an "of/at/by" affiliation."""
    words = re.findall(r"[\w.'&-]+", who)
    for i, w in enumerate(words):
        if i and w.lower() in _NP_LINKS:
            words = words[:i]
            break
    return words[-1].lower().strip(".'") if words else ""


def evidence_kind(who: str, verb: str, aside: str = "") -> EvidenceKind:
    low = set(re.findall(r"[\w.]+", who.lower()))
    if _head(who) in _DOCUMENT:
        return "document"
    if low & _STUDY or verb in _FINDING_VERBS or verb in _REPORT_VERBS:
        return "study"
    if EXPERT.search(who) or EXPERT.search(aside):
        return "expert"
    return "testimony"


def resolve_name(who: str, known: list[str]) -> str:
    """A bare surname ("Brighton") stands for the fuller name met before ("Drew Brighton of ...")."""
    if " " in who:
        return who
    for name in reversed(known):
        if who != name and who in name.split():
            return name
    return who


def read_closing_attribution(words: str) -> tuple[int, str, str] | None:
    """A closing attribution ("..., as AFP pointed out yesterday"): where it starts, who, and the verb."""
    m = _AS_REPORTED.search(words)
    if m is None:
        return None
    np = _noun_phrase(m.group("who"))
    if np is None or np[0] != 0:
        return None
    return m.start(), m.group("who").strip(), m.group("verb").lower()
