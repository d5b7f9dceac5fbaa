"""What each unit says: the cues it opens with and carries, read once and kept in a :class:`Reading`.

The lexicons are in :mod:`argmap.extractor.cues`; this module turns them into patterns and answers small
questions about one unit (is it a concession? an answer? a reason by grammar? a label?).
:mod:`argmap.extractor.relations` then decides roles and links from these readings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from argmap.extractor import cues as C
from argmap.extractor.rules import on
from argmap.extractor.units import Unit

_LABEL_WORDS = 6  # a paragraph this short with no sentence end is a label ("To the editor:")
_STOP = frozenset(
    (
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "for", "with", "is", "are",
        "be", "been", "was", "were", "it", "this", "that", "these", "those", "we", "you", "they",
        "i", "he", "she", "his", "her", "its", "our", "their", "my", "your", "at", "by", "as",
        "from", "not", "no", "do", "does", "did", "should", "must", "can", "could", "would", "will",
        "more", "most", "less", "very", "so", "than", "then", "there", "here", "have", "has", "had"
    )
)  # fmt: skip


def _rx(phrases: tuple[str, ...], anchored: bool) -> re.Pattern[str]:
    alt = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    if anchored:  # at the start, after an optional "and"/"but"/"so" and opening punctuation
        return re.compile(rf"^[\"'(\s]*(?:(?:and|but|so|or|then)\s+)?({alt})(?=\W|$)")
    return re.compile(rf"(?<![\w'])({alt})(?=\W|$)")


_START = {
    name: _rx(table, anchored=True)
    for name, table in (
        ("counter", C.COUNTER),
        ("opponent", C.OPPONENT),
        ("premise", C.PREMISE),
        ("conclusion", C.CONCLUSION),
        ("addition", C.ADDITION),
        ("example", C.EXAMPLE),
        ("forward", C.CAUSAL_FORWARD),
        ("rhetorical", C.RHETORICAL),
        ("soft_opponent", C.SOFT_OPPONENT),
    )
}
_ANYWHERE = {
    "conclusion": _rx(C.CONCLUSION, anchored=False),
    "stance": _rx(C.STANCE, anchored=False),
    # Inside a unit only the unambiguous phrases count ("vote yes," is no concession).
    "opponent": _rx(tuple(p for p in C.OPPONENT if not p.endswith(",")), anchored=False),
    "example": _rx(C.EXAMPLE, anchored=False),
    "evaluative": _rx(C.EVALUATIVE, anchored=False),
}
_WORD = re.compile(r"[a-z][a-z']+")
_GROUP_VIEW = re.compile(
    r"^[\"'(\s]*(?:(?:and|but)\s+)?((?:"
    + "|".join(re.escape(q) for q in C.GROUP_QUANTIFIERS)
    + r")\s+(?:[a-z'-]+\s+){0,3}?(?:"
    + "|".join(re.escape(v) for v in C.VIEW_VERBS)
    + r"))\b"
)
# Conclusion indicators that count anywhere in a unit ("Higher fines are therefore the right measure").
_INNER_CONCLUSION = frozenset(
    (
        "therefore",
        "thus",
        "hence",
        "consequently",
        "clearly",
        "i think",
        "i believe",
        "in my opinion",
        "in my view",
    )
)
_RHETORICAL_LATE = re.compile(
    r"[,;:]\s+(?:(?:and|but|so|then)\s+)?(" + "|".join(re.escape(p) for p in C.RHETORICAL) + r")(?=\W|$)"
)
# A yes/no question that says "really" doubts its own premise ("Is a fee really the thing that ...?"), and
# "..., if not ...?" supplies its answer ("What is X for, if not for Y?"): both imply their answer.
_RHETORICAL_INNER = re.compile(
    r"^[\"'(\s]*(?:(?:and|but|so)\s+)?(?:is|are|was|were|do|does|did|can|could|should|will|would|must)\b"
    r"[^?]*?\b(really)\b|,\s+(if not)\b"
)
# "For" opening a length of time ("For sixty years it was.") tells how long; it gives no reason.
_FOR_DURATION = re.compile(
    r"^[\"'(\s]*(?:(?:and|but|so)\s+)?for\s+(?:(?:a|an|the|many|several|some|\d+|[a-z]+ty|[a-z]+teen|two|three"
    r"|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|a\s+hundred|hundreds\s+of)\s+)?(?:more\s+)?"
    r"(?:years?|decades?|months?|weeks?|days?|hours?|centuries|century|generations?|ages|now|ever|a\s+while)\b"
)
# "fair" as a noun after a determiner ("its fair on the green", "the fair cannot be held"): no judgement.
_FAIR_NOUN = re.compile(
    r"\b(?:the|a|its|their|our|his|her|this|that|annual)\s+fair"
    r"(?=\s+(?:on|in|at|by|was|is|were|will|would|cannot|can|could|has|had)\b|\s*[.,;!?]|$)"
)
# Concessive only at the start of a sentence.
_CONTRAST_ONLY_INSIDE = frozenset(("while", "whereas"))
# Premise openers that make a unit a reason by grammar ("as" and "for" have other senses).
_REASON_ONLY = frozenset(("because", "since", "given that", "after all", "considering that", "once"))
# An answer marker inside the clause ("X, however, is ...", "X however is ...", "X is still ..."): after the
# author's own line it turns against it (an objection), after a concession it answers it.
_INNER_COUNTER = re.compile(r"^(?:[\w'-]+,?\s+){1,5}?(however|though|nevertheless|nonetheless)\b")
_WHO_NEEDS = re.compile(r"\b(?:who|that|which)\s+(?:\w+ly\s+|most\s+)?needs?\b")
_QUESTION_END = re.compile(r"\?[!?\"')\s]*$")  # "?", "?!", "?\""
_PARENTHESIS = re.compile(r"^\(.*\)[.!?]?$")
_INNER_ALSO = re.compile(r"^(?:[a-z][\w'-]*\s+){1,4}(also)\s+[a-z]+s\b")  # subject, "also", a verb
_BARE = re.compile(r"\b(?:" + "|".join(C.BARE_CONTRACTIONS) + r")\b")
# A dismissal that answers what came before: "He is wrong", "That objection mistakes it", "It does not.".
_DISMISSAL = re.compile(
    r"^[\"'(\s]*(?:(?:and|but)\s+)?((?:i\s+(?:think|believe)\s+(?:that\s+)?)?(?:he|she|they)\s+(?:is|are|was|were)"
    r"\s+(?:wrong|mistaken)"
    r"|(?:he|she|they)'(?:s|re)\s+(?:wrong|mistaken)"
    r"|(?:that|this|the|such\s+an?)\s+(?:objection|argument|claim|view|point|reasoning|complaint|criticism)"
    r"\s+(?:mistakes|misses|ignores|overlooks|misreads|confuses|forgets|misunderstands|fails|rests\s+on"
    r"|is\s+wrong|is\s+mistaken|is\s+misguided|does\s+not\s+hold|falls\s+apart)"
    # a bare denial, the whole sentence: "It does not." (the claim before is denied as it stands)
    r"|(?:it|they|that|this)\s+(?:does|do|did|will|would|is|are|was|were|can|could)(?:\s+not|n't)"
    r"(?=\s*[.!]?$)|(?:it|they|that|this)\s+(?:won't|can't|cannot)(?=\s*[.!]?$))"
    r"(?=\W|$)"
)
# "The claim that X is an exaggeration": the author names the other side's claim to dismiss it (an answer).
_CLAIM_DISMISSED = re.compile(
    r"\b(?:the|this|that)\s+(?:claim|idea|notion|view|belief|suggestion)\s+that\b[^.;:]*?\b(?:is|are|was)\s+"
    r"(?:simply\s+|just\s+|plainly\s+)?(?:an?\s+)?"
    r"(exaggeration|wrong|false|myth|mistaken|overstated|nonsense|misleading|untrue)\b"
)
# "Experience suggests the opposite", "Neither point is convincing": the author denies what came before.
_OPPOSITE = re.compile(
    r"^[\"'(\s]*(?:(?:and|but)\s+)?(?:[\w'-]+\s+){0,5}?((?:suggests?|shows?|proves?|says?)\s+(?:quite\s+)?(?:the\s+)?"
    r"(?:opposite|reverse|otherwise))\b"
    r"|^[\"'(\s]*(the\s+(?:opposite|reverse)\s+is\s+true)\b"
    r"|^[\"'(\s]*((?:neither|none)\s+(?:of\s+(?:these|those|the|their)\s+)?(?:points?|arguments?|claims?|objections?"
    r"|worries|fears|concerns?)\s+(?:is|are|holds?|stands?)(?:\s+up)?(?:\s+(?:convincing|true|right|correct))?)\b"
)
# Opponent phrases that count anywhere in a unit's first words ("It is of course true that ...").
_INNER_OPPONENT_CHARS = 40


@dataclass
class Reading:
    """What the rules made of one unit."""

    unit: Unit
    low: str  # the unit's normalised text, lowercase
    starts: dict[str, str]  # category -> cue phrase the unit opens with
    inner: dict[str, str]  # category -> cue phrase found inside
    question: bool = False
    voice: str = "author"  # "author" | "opponent"
    link: tuple[str, int | None] | None = None  # ("support" | "attack", target unit; None = unstated claim)
    tags: list[str] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)
    reason: str = ""
    score: float = 0.0
    granted: str | None = None  # the answer ("but") that shows this unit is granted to the other side
    turn: str | None = None  # the marker with which this unit turns against the author's claim
    rule: str | None = None  # the id of the link rule that set ``link`` (see argmap.extractor.rules)
    fired: list[str] = field(default_factory=list)  # ids of the other rules that fired on this unit
    proposed: tuple[str, int | None] | None = None  # the rules' link, before the tree decided
    learned: list[str] = field(default_factory=list)  # the learned features behind its decisions (model:name)


def read_unit(unit: Unit, text: str, sentence_start: bool = True) -> Reading:
    """The cues one unit carries: what it opens with, what it contains, whether it asks."""
    low = text[unit.start : unit.end].lower()
    if _BARE.search(low):  # "id say", "dont": the cues are written with their apostrophes
        low = _BARE.sub(lambda m: C.BARE_CONTRACTIONS[m.group()], low)
    starts = {}
    for name, rx in _START.items():
        m = rx.match(low)
        if m:
            starts[name] = m.group(1)
    if "counter" not in starts and (m := _CLAIM_DISMISSED.search(low)):
        starts["counter"] = m.group(1)
    if starts.get("premise") == "for" and _FOR_DURATION.match(low):
        del starts["premise"]
    if "counter" not in starts and (m := _DISMISSAL.match(low)):
        starts["counter"] = m.group(1)
    if "counter" not in starts and (m := _OPPOSITE.search(low)):
        starts["counter"] = next(g for g in m.groups() if g)
    if not starts and sentence_start and (m := _INNER_ALSO.match(low)):
        starts["addition"] = m.group(1)  # "A clear deadline also helps ...": the author's next reason
    if "opponent" not in starts and (m := _GROUP_VIEW.match(low)):
        starts["opponent"] = m.group(1)  # "Many parents assume ...": a view the author reports to answer
    if not sentence_start and starts.get("opponent") in _CONTRAST_ONLY_INSIDE:
        del starts["opponent"]  # "..., while others ..." contrasts; "While X, Y" concedes
    inner = {}
    for name, rx in _ANYWHERE.items():
        m = rx.search(low)
        if m:
            inner[name] = m.group(1)
    if inner.get("evaluative") in ("need", "needs") and (
        inner.get("stance") in ("need to", "needs to") or _WHO_NEEDS.search(low)
    ):
        del inner["evaluative"]  # one "need to", counted once; "those who need X" describes, not judges
    if inner.get("evaluative") == "fair" and _FAIR_NOUN.search(low):
        del inner["evaluative"]
    if _DISMISSAL.match(low):  # "He is wrong" answers a claim; it is no stance of the author's own
        for name in ("stance", "evaluative"):
            if name in inner and inner[name] in starts["counter"]:
                del inner[name]
    if "conclusion" in inner and inner["conclusion"] not in _INNER_CONCLUSION and "conclusion" not in starts:
        del inner["conclusion"]
    m = _ANYWHERE["opponent"].search(low)
    if m and (m.start() > _INNER_OPPONENT_CHARS or m.group(1) in _CONTRAST_ONLY_INSIDE):
        del inner["opponent"]
    return Reading(
        unit=unit, low=low, starts=starts, inner=inner, question=_QUESTION_END.search(low) is not None
    )


def is_label(r: Reading, per_paragraph: Counter[int]) -> bool:
    """A salutation, signature or heading: a short paragraph alone, no sentence end ("To the editor:")."""
    return (
        per_paragraph[r.unit.paragraph] == 1
        and len(r.low.split()) <= _LABEL_WORDS
        and not r.low.rstrip("\"')").endswith((".", "!", "?"))
    )


def may_be_main(r: Reading) -> bool:
    """A reason or an example by grammar ("because ...", "for example ...") is never the main claim."""
    return r.starts.get("premise") not in _REASON_ONLY and "example" not in r.starts


def content_words(text: str) -> frozenset[str]:
    """Content-word stems (first five letters), so "pupil" meets "pupils" (cached: asked often per unit)."""
    return _content_words(text)


@lru_cache(maxsize=8192)
def _content_words(text: str) -> frozenset[str]:
    return frozenset(w[:5] for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2)


def opponent_cue(r: Reading) -> str | None:
    """The opponent cue a unit opens with (or carries early), if any."""
    if "opponent" in r.starts:
        return r.starts["opponent"]
    if "opponent" in r.inner and "counter" not in r.starts:
        return r.inner["opponent"]
    return None


def contrast_report(r: Reading) -> str | None:
    """The other side's voice behind an opening contrast ("On the other hand, critics argue ...", "However,
    some people say ..."): the unit reports the other side, it does not answer it."""
    cue = r.starts.get("counter")
    if cue is None:
        return None
    rest = r.low.lstrip("\"'( ")
    rest = re.sub(r"^(?:(?:and|but|so|or|then)\s+)?", "", rest)
    if not rest.startswith(cue):
        return None
    rest = rest[len(cue) :].lstrip(" ,")
    m = _START["opponent"].match(rest) or _GROUP_VIEW.match(rest)
    if m is None or m.group(1) in _CONTRAST_ONLY_INSIDE or m.group(1) in C.INNER_CONCESSIVE:
        return None
    return m.group(1)


def group_view(r: Reading) -> bool:
    """Does the unit open with a group's reported view ("Many parents assume ...")?"""
    return _GROUP_VIEW.match(r.low) is not None


def counter_cue(r: Reading) -> str | None:
    """The answer marker a unit opens with, or an early parenthetical one ("It is true, however, ...")."""
    if "counter" in r.starts:
        return r.starts["counter"]
    m = _INNER_COUNTER.match(r.low)
    return m.group(1) if m else None


def tag_units(rs: list[Reading]) -> None:
    """Tag rhetorical questions, open questions that frame the piece, asides and labels (background)."""
    long_text = bool(rs) and rs[-1].unit.paragraph > 0
    per_paragraph = Counter(r.unit.paragraph for r in rs)
    rhetorical, open_question, aside = (
        on("tag.rhetorical_question"),
        on("background.open_question"),
        on("background.aside"),
    )
    for r in rs:
        if r.question:
            m = _START["rhetorical"].match(r.low) or _RHETORICAL_LATE.search(r.low)
            m = m or _RHETORICAL_INNER.search(r.low)
            if m and rhetorical:
                r.tags.append("rhetorical question")
                r.cues.append(m.group(1) or m.group(2))
                r.fired.append("tag.rhetorical_question")
            elif not m and open_question and (long_text or r is rs[0]):
                # An open question frames the piece (the issue); it is not a reason.
                r.tags.append("question")
                r.fired.append("background.open_question")
        if aside and (_PARENTHESIS.match(r.low) or is_label(r, per_paragraph)):
            r.tags.append("background")
            r.fired.append("background.aside")
