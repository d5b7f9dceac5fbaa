"""Roles and links of units from weighted cues: the main conclusion, supports, objections, rebuttals.

Input: the units of a text (normalised offsets) and the text. Output: a :class:`Plan` saying, for each
unit, whether it supports or attacks which other unit, its tags, the cue words that decided it and a
plain-language reason. The rules read connectives, modals, position and the opponent's voice, the
way a careful reader does:

1. each unit's *voice*: the author, or the opponent the author grants or reports ("admittedly", "some
   say", "although"); the opponent's stretch runs until the author answers ("but", "however");
2. the *main conclusion*: the author's unit with the best score (conclusion indicators, "should"/"must",
   first or last position, words shared with the title; premise and example openers count against);
3. the *links*: "because X" supports the clause it hangs on, "therefore Y" is supported by the unit
   before it, an example supports the unit before it, an objection attacks the main conclusion (or
   supports the objection before it), the author's answer attacks the objection, and any other unit
   supports its paragraph's head (the main conclusion in its own paragraph).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.extract import cues as C
from argmap.extract.units import Unit

# Weights of the main-conclusion score (fitted by hand on the arg-microtexts corpus, see bench/).
W_FIRST = 2.0  # first unit of the text
W_FIRST_LONG = 0.5  # first unit of a text of several paragraphs (op-eds often open with a story)
W_LAST = 1.2  # last unit of the text
W_PARA_LAST = 0.6  # any unit of the last paragraph of a text of several paragraphs
W_CONCLUSION = 2.5  # a conclusion indicator ("therefore", "in short", "I think")
W_STANCE = 1.5  # a deontic or evaluative stance ("should", "must", "it is time")
W_TITLE = 2.0  # shares content words with the title (microtexts have no title: set by judgement)
W_PREMISE = -2.5  # opens with a premise indicator ("because", "since")
W_ADDITION = -2.0  # opens with "besides", "moreover"
W_EXAMPLE = -2.5  # opens with "for example"
W_COUNTER = -0.5  # the author's answer to an objection: usually a reason, sometimes the claim
W_QUESTION = -1.0  # a question is rarely the claim itself
W_LATER = -1.0  # times the unit's relative position (0 first .. 1 last): earlier units are likelier claims
LONG_UNITS = 12  # a text with this many units and several paragraphs is read as an op-ed
MIN_MAIN_SCORE = -1.0  # below this, the main conclusion is taken to be unstated

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
    "opponent": _rx(C.OPPONENT, anchored=False),
    "example": _rx(C.EXAMPLE, anchored=False),
}
_WORD = re.compile(r"[a-z][a-z']+")
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
# Premise openers that make a unit a reason by grammar ("as" and "for" have other senses).
_REASON_ONLY = frozenset(
    ("because", "since", "given that", "after all", "considering that", "due to", "once")
)
_PARENTHESIS = re.compile(r"^\(.*\)[.!?]?$")
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
    link: tuple[str, int] | None = None  # ("support" | "attack", index of the target unit)
    tags: list[str] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)
    reason: str = ""
    score: float = 0.0


@dataclass
class Plan:
    """The reading of a whole text: one entry per unit, and the main conclusion's index (None: unstated)."""

    readings: list[Reading]
    main: int | None
    main_reason: str = ""


def read_unit(unit: Unit, text: str) -> Reading:
    """The cues one unit carries: what it opens with, what it contains, whether it asks."""
    low = text[unit.start : unit.end].lower()
    starts = {}
    for name, rx in _START.items():
        m = rx.match(low)
        if m:
            starts[name] = m.group(1)
    inner = {}
    for name, rx in _ANYWHERE.items():
        m = rx.search(low)
        if m:
            inner[name] = m.group(1)
    if "conclusion" in inner and inner["conclusion"] not in _INNER_CONCLUSION and "conclusion" not in starts:
        del inner["conclusion"]
    if "opponent" in inner and (m := _ANYWHERE["opponent"].search(low)) and m.start() > _INNER_OPPONENT_CHARS:
        del inner["opponent"]
    return Reading(unit=unit, low=low, starts=starts, inner=inner, question=low.rstrip("\"') ").endswith("?"))


def _content_words(text: str) -> set[str]:
    """Content-word stems (first five letters), so "pupil" meets "pupils"."""
    return {w[:5] for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}


def _is_opponent(r: Reading) -> str | None:
    """The opponent cue a unit opens with (or carries early), if any."""
    if "opponent" in r.starts:
        return r.starts["opponent"]
    if "opponent" in r.inner and "counter" not in r.starts:
        return r.inner["opponent"]
    return None


def _mark_voices(rs: list[Reading]) -> None:
    """Give each unit its voice: the opponent's stretch runs from a concession to the author's answer."""
    n = len(rs)
    for r in rs:
        cue = _is_opponent(r)
        if cue:
            r.voice = "opponent"
            r.cues.append(cue)
    for i, r in enumerate(rs):
        # "X, but Y" inside one sentence: X is granted to the other side when Y answers it.
        if "counter" in r.starts and i > 0:
            prev = rs[i - 1]
            if (
                prev.voice == "author"
                and prev.unit.sentence == r.unit.sentence
                and "soft_opponent" in prev.starts
            ):
                prev.voice = "opponent"
                prev.cues.append(prev.starts["soft_opponent"])
    # An opponent's stretch continues (its supporting units) until a counter, if a counter comes.
    i = 0
    while i < n:
        if rs[i].voice != "opponent":
            i += 1
            continue
        j = i + 1
        while j < n and "counter" not in rs[j].starts and rs[j].unit.paragraph == rs[i].unit.paragraph:
            if "conclusion" in rs[j].starts or "conclusion" in rs[j].inner or "stance" in rs[j].inner:
                break
            j += 1
        if j < n and "counter" in rs[j].starts and rs[j].unit.paragraph == rs[i].unit.paragraph:
            for k in range(i + 1, j):
                rs[k].voice = "opponent"
        i = j if j > i else i + 1


def _score_main(rs: list[Reading], title_words: set[str]) -> None:
    last_para = rs[-1].unit.paragraph if rs else 0
    if len(rs) < LONG_UNITS:  # a short text reads as one block, however it is broken into paragraphs
        last_para = 0
    for i, r in enumerate(rs):
        s = 0.0
        if i == 0:
            s += W_FIRST if last_para == 0 else W_FIRST_LONG
        if i == len(rs) - 1:
            s += W_LAST
        if last_para > 0 and r.unit.paragraph == last_para:
            s += W_PARA_LAST
        if "conclusion" in r.starts or "conclusion" in r.inner:
            s += W_CONCLUSION
        if "stance" in r.inner:
            s += W_STANCE
        if title_words and len(title_words & _content_words(r.low)) >= min(2, len(title_words)):
            s += W_TITLE
        if "premise" in r.starts:
            s += W_PREMISE
        if "addition" in r.starts:
            s += W_ADDITION
        if "example" in r.starts:
            s += W_EXAMPLE
        if "counter" in r.starts:
            s += W_COUNTER
        if r.question:
            s += W_QUESTION
        s += W_LATER * i / max(len(rs) - 1, 1)
        r.score = s


def _main_reason(r: Reading, i: int, n: int) -> tuple[str, list[str]]:
    parts, cues = [], []
    for key in ("conclusion",):
        cue = r.starts.get(key) or r.inner.get(key)
        if cue:
            parts.append(f"it carries the conclusion indicator '{cue}'")
            cues.append(cue)
    if "stance" in r.inner:
        parts.append(f"it takes a stance ('{r.inner['stance']}')")
        cues.append(r.inner["stance"])
    if i == 0:
        parts.append("it opens the text")
    elif i == n - 1:
        parts.append("it closes the text")
    if not parts:
        parts.append("it scores best among the author's statements")
    return "main conclusion: " + ", ".join(parts), cues


def plan(units: list[Unit], text: str, title: str | None = None) -> Plan:
    """Read every unit and decide the main conclusion and every link (see the module docstring)."""
    rs = [read_unit(u, text) for u in units]
    if not rs:
        return Plan(readings=[], main=None)
    long_text = rs[-1].unit.paragraph > 0
    for r in rs:
        if r.question:
            m = _START["rhetorical"].match(r.low) or _RHETORICAL_LATE.search(r.low)
            if m:
                r.tags.append("rhetorical question")
                r.cues.append(m.group(1))
            elif long_text:  # an open question frames the piece; it is not a reason
                r.tags.append("question")
        if _PARENTHESIS.match(r.low):
            r.tags.append("background")
    _mark_voices(rs)
    _score_main(rs, _content_words(title or ""))
    candidates = [
        i
        for i, r in enumerate(rs)
        if r.voice == "author" and r.starts.get("premise") not in _REASON_ONLY and "example" not in r.starts
    ]
    main: int | None = max(candidates, key=lambda i: (rs[i].score, -i)) if candidates else None
    if main is not None and rs[main].score < MIN_MAIN_SCORE:
        main = None
    out = Plan(readings=rs, main=main)
    if main is not None:
        out.main_reason, cues = _main_reason(rs[main], main, len(rs))
        rs[main].cues.extend(c for c in cues if c not in rs[main].cues)
    _link(rs, main)
    return out


def _paragraph_heads(rs: list[Reading], main: int | None) -> dict[int, int]:
    """Each paragraph's head: the main conclusion in its paragraph, else the paragraph's best author unit."""
    heads: dict[int, int] = {}
    for i, r in enumerate(rs):
        p = r.unit.paragraph
        if r.voice != "author" or "background" in r.tags:
            continue
        if p not in heads or rs[i].score > rs[heads[p]].score:
            heads[p] = i
    if main is not None:
        heads[rs[main].unit.paragraph] = main
    return heads


def _link(rs: list[Reading], main: int | None) -> None:
    heads = _paragraph_heads(rs, main)
    last_opponent: int | None = None  # head of the current opponent stretch
    last_counter: int | None = None
    for i, r in enumerate(rs):
        prev = i - 1 if i > 0 else None
        same_sentence = prev is not None and rs[prev].unit.sentence == r.unit.sentence
        head = heads.get(r.unit.paragraph, main)
        if head == i:
            head = main
        if i == main:
            last_counter = None
            continue
        if "background" in r.tags or "question" in r.tags:
            r.reason = "background: " + (
                "an open question that frames the piece" if "question" in r.tags else "an aside"
            )
            continue
        if r.voice == "opponent":
            if last_opponent is not None and prev is not None and rs[prev].voice == "opponent":
                r.link = ("support", prev if same_sentence and "premise" in r.starts else last_opponent)
                r.reason = f"opponent's reason: it backs the objection '{_short(rs[last_opponent])}'"
            else:
                last_opponent = i
                target = main if main is not None else head
                if target is not None and target != i:
                    r.link = ("attack", target)
                    r.reason = f"objection: the opponent's voice ('{r.cues[0] if r.cues else ''}')"
            continue
        if (
            "counter" in r.starts
            and last_opponent is not None
            and (prev is not None and rs[prev].voice == "opponent")
        ):
            r.link = ("attack", last_opponent)
            r.cues.append(r.starts["counter"])
            r.reason = f"rebuttal: it answers the objection after '{r.starts['counter']}'"
            last_counter = i
            last_opponent = None
            continue
        if "premise" in r.starts and same_sentence and prev is not None and rs[prev].voice == "author":
            r.link = ("support", prev)
            r.cues.append(r.starts["premise"])
            r.reason = f"premise: it follows '{r.starts['premise']}' and supports the clause before it"
        elif "example" in r.starts and prev is not None and rs[prev].voice == "author":
            r.link = ("support", prev)
            r.cues.append(r.starts["example"])
            r.reason = f"example: it follows '{r.starts['example']}' and illustrates the statement before it"
        elif (
            last_counter is not None
            and prev == last_counter
            and not (set(r.starts) & {"addition", "conclusion", "counter"})
        ):
            r.link = ("support", last_counter)
            r.reason = "premise: it backs the answer to the objection just before it"
            continue
        elif head is not None and head != i:
            cue = r.starts.get("premise") or r.starts.get("addition")
            if cue:
                r.cues.append(cue)
            r.link = ("support", head)
            kind = "main conclusion" if head == main else "paragraph's claim"
            r.reason = (
                f"premise: it follows '{cue}' and supports the {kind}"
                if cue
                else f"premise: it supports the {kind}"
            )
        # "therefore Y": the unit before Y supports Y instead of Y's own target.
        if (
            ("forward" in r.starts or "conclusion" in r.starts)
            and prev is not None
            and rs[prev].voice == "author"
        ):
            cue = r.starts.get("forward") or r.starts.get("conclusion") or ""
            root = _sentence_root(rs, prev)
            if (
                root != main
                and rs[root].link is not None
                and rs[root].link[0] == "support"
                and r.link
                != (
                    "support",
                    root,
                )
            ):
                rs[root].link = ("support", i)
                rs[root].reason = f"premise: the next statement follows from it ('{cue}')"
            if cue and cue not in r.cues:
                r.cues.append(cue)
        last_counter = None


def _sentence_root(rs: list[Reading], k: int) -> int:
    """The clause a sentence's other clauses hang on: follow support links back inside the sentence."""
    seen = {k}
    while rs[k].link is not None and rs[k].link[0] == "support":
        t = rs[k].link[1]
        if t in seen or rs[t].unit.sentence != rs[k].unit.sentence:
            break
        seen.add(t)
        k = t
    return k


def _short(r: Reading, n: int = 50) -> str:
    text = r.low
    return text if len(text) <= n else text[: n - 3] + "..."
