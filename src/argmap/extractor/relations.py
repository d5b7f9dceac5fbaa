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
from dataclasses import dataclass

from argmap.extractor.cues import ANAPHORIC_GRANT, CONDITIONAL, HEDGES, SUMMARY
from argmap.extractor.reading import (
    Reading,
    content_words,
    counter_cue,
    may_be_main,
    opponent_cue,
    read_unit,
    tag_units,
)
from argmap.extractor.units import Unit

# Narrative: a past-tense verb and no present, future or modal one ("would have stayed" still narrates).
_PAST = re.compile(
    r"\b(?:was|were|had|did|[a-z]{3,}ed|lost|went|came|made|took|gave|said|told|rose|fell|grew|began|became|"
    r"left|found|thought|brought|built|bought|paid|sold|won|saw|knew|got|kept|ran|spent|met|led|felt|held|stood|"
    r"wrote|broke|chose|drove|ate|drank|fought|hit|put|set|cut|shut|let|sent|lent|meant)\b"
)
_PRESENT = re.compile(
    r"\b(?:is|are|am|do|does|will|shall|should|must|can|may|might|(?:would|could)(?!\s+have\b)|ought|need|needs|"
    r"i|we|you|it's|isn't|aren't|won't|don't|doesn't)\b"
)

# Weights of the main-conclusion score, fitted on the arg-microtexts corpus by bench/fit_weights.py.
W_FIRST = 0.5  # first unit of the text
W_FIRST_LONG = 0.5  # first unit of a text of several paragraphs (op-eds often open with a story)
W_LAST = 1.2  # last unit of the text
W_PARA_LAST = 1.0  # any unit of the last paragraph of a text of several paragraphs
W_CONCLUSION = 1.5  # a conclusion indicator ("therefore", "in short", "I think")
W_STANCE = 2.0  # a deontic or evaluative stance ("should", "must", "it is time")
W_EVALUATIVE = 2.0  # an evaluative word ("fair", "irresponsible", "we need")
W_CONCLUSION_INNER = 1.0  # a conclusion indicator inside a sentence ("..., so ...", "X hence Y")
W_TITLE = 1.0  # shares content words with the title (microtexts have no title: set by judgement)
W_PREMISE = -1.0  # opens with a premise indicator ("because", "since")
W_ADDITION = -2.0  # opens with "besides", "moreover"
W_EXAMPLE = -2.5  # opens with "for example"
W_COUNTER = 0.0  # the author's answer to an objection: usually a reason, sometimes the claim
W_QUESTION = -2.5  # a question is rarely the claim itself
W_LATER = -1.0  # times the unit's relative position (0 first .. 1 last): earlier units are likelier claims
LONG_UNITS = 12  # a text with this many units and several paragraphs is read as an op-ed
MIN_MAIN_SCORE = -1.0  # below this, the main conclusion is taken to be unstated
_CONDITION = re.compile(rf"[\"'(\s]*(?:{'|'.join(re.escape(c) for c in CONDITIONAL)})\b")
_SURPRISE = frozenset(("yet", "and yet"))  # in a sentence, contrast that need not grant the clause before
_HEDGED = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in HEDGES) + r")\b")
_ANAPHORIC = re.compile(
    r"^(?:" + "|".join(re.escape(g) for g in ANAPHORIC_GRANT) + r")\b"
    # "That sum is real", "This figure may be correct": a noun that points back, granted
    r"|^(?:that|this|the)\s+[a-z]+\s+(?:is|are|was|may\s+be|might\s+be)\s+(?:quite\s+)?"
    r"(?:true|real|right|correct|accurate|fair|understandable|genuine)\b"
)
_PURPOSE = frozenset(("so that",))  # "X, so that Y": Y is X's aim, not its consequence
_INSIDE_ONLY = frozenset(("then",))  # forward cues that make a chain only inside a sentence ("If A, then B")


@dataclass
class Plan:
    """The reading of a whole text: one entry per unit, and the main conclusion's index (None: unstated)."""

    readings: list[Reading]
    main: int | None
    main_reason: str = ""


def _provisional_main(rs: list[Reading]) -> int:
    authors = [i for i, r in enumerate(rs) if r.voice == "author" and may_be_main(r)]
    return max(authors, key=lambda i: (rs[i].score, -i)) if authors else -1


def _mark_voices(rs: list[Reading]) -> None:
    """Give each unit its voice: the opponent's stretch runs from a concession to the author's answer.

    Explicit cues first ("admittedly", "some say", "although"); then an answer ("but", "however")
    marks the unit before it as granted to the other side, unless that unit is the author's claim, in
    which case the answer itself is the objection, or an unhedged clause before an in-sentence "yet" (a
    contrast the author draws: "It is the shortest route, yet cycling it is dangerous"); units joined by
    "and" to an objection share its voice.
    """
    n = len(rs)
    for r in rs:
        cue = opponent_cue(r)
        if cue:
            r.voice = "opponent"
            r.cues.append(cue)
    claim = _provisional_main(rs)
    for i, r in enumerate(rs):
        cue = counter_cue(r)
        if cue is None or i == 0 or rs[i - 1].unit.paragraph != r.unit.paragraph or r.voice == "opponent":
            continue
        prev = rs[i - 1]
        if prev.voice == "opponent" or ("premise" in r.starts and "counter" not in r.starts):
            continue  # "Since, however, X": a reason that answers, not a turn
        if i - 1 == claim or "counter" not in r.starts:  # against the claim, or a marker inside: a turn
            r.voice = "opponent"
            r.turn = cue
            r.cues.append(cue)
            continue
        if cue in _SURPRISE and prev.unit.sentence == r.unit.sentence and not _HEDGED.search(prev.low):
            continue  # "X, yet Y" with X unhedged: a striking contrast, both the author's, not a concession
        prev.voice = "opponent"
        prev.granted = cue
        k = i - 1
        while k > 0 and rs[k].low.startswith("and ") and rs[k - 1].unit.sentence == rs[k].unit.sentence:
            rs[k - 1].voice = "opponent"
            rs[k - 1].granted = cue
            k -= 1
    # "X. That may be true, but ...": the grant points back, so X is the other side's view.
    for i in range(1, n):
        r, prev = rs[i], rs[i - 1]
        grant = _ANAPHORIC.match(r.low)
        if (
            grant
            and r.voice == "opponent"
            and prev.voice == "author"
            and prev.unit.paragraph == r.unit.paragraph
            and prev.unit.sentence != r.unit.sentence
            and i - 1 != claim
        ):
            prev.voice = "opponent"
            prev.cues.append(grant.group(0))
    # Coordinated units ("..., and ...") share the voice of the objection they join.
    for i in range(1, n):
        r, prev = rs[i], rs[i - 1]
        if (
            prev.voice == "opponent"
            and r.voice == "author"
            and r.low.startswith("and ")
            and counter_cue(r) is None
            and prev.unit.sentence == r.unit.sentence
        ):
            r.voice = "opponent"
            r.granted = prev.granted or "and"
    # An opponent's stretch continues (its supporting units) until an answer, if an answer comes.
    i = 0
    while i < n:
        if rs[i].voice != "opponent":
            i += 1
            continue
        j = i + 1
        while j < n and counter_cue(rs[j]) is None and rs[j].unit.paragraph == rs[i].unit.paragraph:
            if "conclusion" in rs[j].starts or "conclusion" in rs[j].inner or "stance" in rs[j].inner:
                break
            if "addition" in rs[j].starts:  # "Also, ...", "Besides, ...": the author's next reason
                break
            j += 1
        if j < n and counter_cue(rs[j]) is not None and rs[j].unit.paragraph == rs[i].unit.paragraph:
            for k in range(i + 1, j):
                if rs[k].voice == "author":
                    rs[k].voice = "opponent"
                    rs[k].granted = rs[k].granted or counter_cue(rs[j])
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
            sentence_start = i == 0 or rs[i - 1].unit.sentence != r.unit.sentence
            s += W_CONCLUSION if ("conclusion" in r.starts and sentence_start) else W_CONCLUSION_INNER
        if "stance" in r.inner:
            s += W_STANCE
        if "evaluative" in r.inner:
            s += W_EVALUATIVE
        if title_words and len(title_words & content_words(r.low)) >= min(2, len(title_words)):
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
    if "rhetorical question" in r.tags:
        parts.append("the piece takes no stance of its own and closes on this rhetorical question")
    if i == 0:
        parts.append("it opens the text")
    elif i == n - 1:
        parts.append("it closes the text")
    if not parts:
        parts.append("it scores best among the author's statements")
    return "main conclusion: " + ", ".join(parts), cues


def plan(
    units: list[Unit],
    text: str,
    title: str | None = None,
    reported: frozenset[int] = frozenset(),
    attributed: frozenset[int] = frozenset(),
) -> Plan:
    """Read every unit and decide the main conclusion and every link (see the module docstring).

    ``reported``: the units that carry evidence (a figure, a finding, a quotation); a paragraph holding one
    reports what backs the argument, so it is never set aside as narration. ``attributed``: the units
    holding a claim someone else made ("X argued that P"): a stance in P is X's, not the author's."""
    rs = [read_unit(u, text, n == 0 or units[n - 1].sentence != u.sentence) for n, u in enumerate(units)]
    for n in attributed:
        if n < len(rs):
            rs[n].inner.pop("stance", None)
            rs[n].inner.pop("evaluative", None)
    if not rs:
        return Plan(readings=[], main=None)
    tag_units(rs)
    if len(rs) > 1 and not any(r.starts or r.inner for r in rs):
        # Not one cue in the whole text (a recipe, a story, a list): no argument to map.
        for r in rs:
            r.tags.append("background")
            r.reason = "background: the text has no argumentative cue (no reason, claim or objection marker)"
        return Plan(readings=rs, main=None)
    _score_main(rs, content_words(title or ""))
    _mark_voices(rs)
    quoted = _mark_quoted_opponent(rs, text)
    candidates = [i for i, r in enumerate(rs) if r.voice == "author" and may_be_main(r)]
    if not candidates:  # every unit granted to the other side by position only: the best of them speaks
        candidates = [i for i, r in enumerate(rs) if opponent_cue(r) is None and may_be_main(r)]
        for i in candidates:
            rs[i].voice, rs[i].granted = "author", None
    main: int | None = max(candidates, key=lambda i: (rs[i].score, -i)) if candidates else None
    if main is not None and rs[main].score < MIN_MAIN_SCORE:
        main = None
    if main is not None:
        main = _first_of_pair(rs, main, set(candidates))
        main = _chain_end(rs, main)
    main = _closing_question(rs, main)
    out = Plan(readings=rs, main=main)
    _mark_narrative(rs, main, reported)
    if main is not None:
        out.main_reason, cues = _main_reason(rs[main], main, len(rs))
        rs[main].cues.extend(c for c in cues if c not in rs[main].cues)
    _link(rs, main)
    _gather_quote(rs, quoted)
    _answer_point_by_point(rs)
    return out


def _mark_narrative(rs: list[Reading], main: int | None, reported: frozenset[int] = frozenset()) -> None:
    """In a long piece, a paragraph that only tells what happened (past tense throughout, not one cue) is
    background: it stays out of the argument line."""
    if len(rs) < LONG_UNITS or rs[-1].unit.paragraph == 0:
        return
    paragraphs: dict[int, list[Reading]] = {}
    for r in rs:
        paragraphs.setdefault(r.unit.paragraph, []).append(r)
    main_para = rs[main].unit.paragraph if main is not None else -1
    reported_paras = {rs[n].unit.paragraph for n in reported if n < len(rs)}
    for p, group in paragraphs.items():
        if (
            p == main_para
            or p in reported_paras
            or any(r.starts or r.inner or r.tags or r.voice != "author" for r in group)
        ):
            continue
        sentences: dict[int, str] = {}
        for r in group:
            sentences[r.unit.sentence] = sentences.get(r.unit.sentence, "") + " " + r.low
        if all(_PAST.search(words) and not _PRESENT.search(words) for words in sentences.values()):
            for r in group:
                r.tags.append("background")
                r.reason = "background: a paragraph that narrates (past tense, no argumentative cue)"


def _paragraph_heads(rs: list[Reading], main: int | None) -> dict[int, int]:
    """Each paragraph's head: the main conclusion in its paragraph; else a sentence opening with a conclusion
    indicator ("So ...", "That is why ..."); else the topic sentence, its first claim-like unit."""
    heads: dict[int, int] = {}
    concluded: set[int] = set()
    for i, r in enumerate(rs):
        p = r.unit.paragraph
        if r.voice != "author" or "background" in r.tags or "question" in r.tags or "premise" in r.starts:
            continue
        if not may_be_main(r) or (i > 0 and rs[i - 1].unit.sentence == r.unit.sentence):
            continue
        if "conclusion" in r.starts and p not in concluded:
            heads[p] = i
            concluded.add(p)
        elif p not in heads:
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
        nxt = i + 1 if i + 1 < len(rs) else None
        same_sentence = prev is not None and rs[prev].unit.sentence == r.unit.sentence
        next_same = nxt is not None and rs[nxt].unit.sentence == r.unit.sentence
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
            _link_opponent(rs, i, main, head, last_opponent)
            if r.link is None or r.link[0] == "attack":
                last_opponent = i
            continue
        cue = counter_cue(r)
        if cue and last_opponent is not None and prev is not None and rs[prev].voice == "opponent":
            r.link = ("attack", last_opponent)
            if cue not in r.cues:
                r.cues.append(cue)
            r.reason = f"rebuttal: it answers the objection after '{cue}'"
            last_counter = i
            last_opponent = None
            continue
        premise = r.starts.get("premise")
        if (
            next_same
            and nxt is not None
            and (rs[nxt].low.startswith(("and ", "or ")) or "addition" in rs[nxt].starts)
        ):
            next_same = False  # "Because X, and also Y": Y is a second reason, not X's conclusion
        if (
            premise
            and not same_sentence
            and next_same
            and nxt is not None
            and rs[nxt].voice == "author"
            and nxt != main
        ):
            # "Since X, Y": the opening clause is Y's reason.
            r.link = ("support", nxt)
            r.cues.append(premise)
            r.reason = f"premise: it opens with '{premise}' and supports the clause after it"
        elif premise and not same_sentence and next_same and nxt == main:
            r.link = ("support", nxt)
            r.cues.append(premise)
            r.reason = f"premise: it opens with '{premise}' and supports the main conclusion after it"
        elif premise and same_sentence and prev is not None and rs[prev].voice == "author":
            r.link = ("support", prev)
            r.cues.append(premise)
            r.reason = f"premise: it follows '{premise}' and supports the clause before it"
        elif "example" in r.starts and prev is not None and rs[prev].voice == "author":
            r.link = ("support", prev)
            r.cues.append(r.starts["example"])
            r.reason = f"example: it follows '{r.starts['example']}' and illustrates the statement before it"
        elif (
            last_counter is not None
            and prev == last_counter
            and (
                main is None or rs[main].unit.paragraph != r.unit.paragraph
            )  # main's paragraph: reasons for it
            and rs[last_counter].unit.paragraph == r.unit.paragraph  # a new paragraph opens a new point
            and not (set(r.starts) & {"addition", "conclusion", "counter"})
        ):
            r.link = ("support", last_counter)
            r.reason = "premise: it backs the answer to the objection just before it"
            continue
        elif head != i:  # head None: the unstated main conclusion
            add = premise or r.starts.get("addition")
            if add:
                r.cues.append(add)
            r.link = ("support", head)
            kind = "main conclusion" if head == main else "paragraph's claim"
            r.reason = (
                f"premise: it follows '{add}' and supports the {kind}"
                if add
                else f"premise: it supports the {kind}"
            )
        _chain_forward(rs, i, main)
        last_counter = None


def _link_opponent(rs: list[Reading], i: int, main: int | None, head: int | None, last: int | None) -> None:
    """An objection attacks the main conclusion; the opponent's further units back it or join it."""
    r = rs[i]
    prev = rs[i - 1] if i > 0 else None
    cue = r.turn or (r.cues[0] if r.cues else r.granted or "")
    if prev is not None and prev.voice == "opponent" and last is not None and prev.link is not None:
        if r.low.startswith("and ") and prev.unit.sentence == r.unit.sentence:
            r.link = prev.link  # "A, and B": both grant the same point against the same target
            r.reason = "objection: joined by 'and' to the objection before it"
            return
        same = prev.unit.sentence == r.unit.sentence
        r.link = ("support", i - 1 if same and "premise" in r.starts else last)
        r.reason = f"opponent's reason: it backs the objection '{_short(rs[last])}'"
        return
    target = main if main is not None else head
    if r.turn and i > 0:
        target = main if main is not None else i - 1
    if target != i:  # target None: the unstated main conclusion
        r.link = ("attack", target)
        if r.turn:
            r.reason = f"objection: it turns against the claim with '{r.turn}'"
        elif r.granted and not r.cues:
            r.reason = f"objection: granted to the other side, then answered with '{r.granted}'"
        else:
            r.reason = f"objection: the opponent's voice ('{cue}')"


def _closing_question(rs: list[Reading], main: int | None) -> int | None:
    """A piece of several paragraphs that takes no stance of its own ("should", "must", "it is time") and
    ends on a rhetorical question leaves its verdict to that question ("Is this really the best use of
    the money?"): the question, read as the claim it implies, is the main conclusion."""
    stated = [i for i, r in enumerate(rs) if "background" not in r.tags]
    if not stated or rs[-1].unit.paragraph == 0:
        return main
    last = stated[-1]
    if "rhetorical question" not in rs[last].tags or rs[last].voice != "author":
        return main
    if any("stance" in r.inner for r in rs if r.voice == "author"):
        return main
    return last


def _leads_on(rs: list[Reading], i: int) -> bool:
    """True when unit ``i + 1`` is the next link of a causal chain in ``i``'s sentence ("A leads to B",
    "A, which kills B", "If A, then B")."""
    if i + 1 >= len(rs):
        return False
    nxt = rs[i + 1]
    cue = nxt.starts.get("forward")
    return (
        cue is not None
        and cue not in _PURPOSE
        and nxt.unit.sentence == rs[i].unit.sentence
        and nxt.voice == "author"
        and "background" not in nxt.tags
    )


_DENIAL = re.compile(r"\b(?:not|n't|no|never|exaggeration|wrong|false|myth)\b")


def _quoted(rs: list[Reading], text: str) -> list[int]:
    """The units on Markdown block-quote lines ("> ..."): another writer's words, quoted whole."""
    out = []
    for i, r in enumerate(rs):
        line_start = text.rfind("\n", 0, r.unit.start) + 1
        if text[line_start : r.unit.start].lstrip().startswith(">"):
            out.append(i)
    return out


def _mark_quoted_opponent(rs: list[Reading], text: str) -> list[int]:
    """A block quote the author answers straight after ("I think he is wrong", "But ...") is the other
    side's case: its units take the opponent's voice. A block quote left unanswered (a report quoted as
    evidence) keeps its reading."""
    quoted = _quoted(rs, text)
    if not quoted:
        return []
    after = quoted[-1] + 1
    if after >= len(rs) or after in quoted:
        return []
    cue = counter_cue(rs[after])
    if cue is None:
        return []
    for k in quoted:
        rs[k].voice = "opponent"
        rs[k].granted = rs[k].granted or cue
        rs[k].turn = None
        rs[k].inner.pop("stance", None)  # the quoted writer's demand is not the author's
    return quoted


def _gather_quote(rs: list[Reading], quoted: list[int]) -> None:
    """A quoted case is one objection: its first unit attacks, every other unit that would attack the same
    claim backs it instead, and the answer right after the quote meets the case as a whole."""
    first = rs[quoted[0]].link if quoted else None
    if first is None or first[0] != "attack":
        return
    head, target = quoted[0], first
    for k in quoted[1:]:
        if rs[k].link == target:
            rs[k].link = ("support", head)
            rs[k].reason = f"opponent's reason: it backs the quoted case '{_short(rs[head])}'"
    answer = quoted[-1] + 1
    link = rs[answer].link if answer < len(rs) else None
    if link is not None and link[0] == "attack" and link[1] in quoted:
        rs[answer].link = ("attack", head)


def _answer_point_by_point(rs: list[Reading]) -> None:
    """A paragraph that opens by denying one of the other side's points in its own words ("Productivity has
    fallen" ... "First, productivity has not fallen") attacks that point."""
    opponents = [k for k, r in enumerate(rs) if r.voice == "opponent"]
    if len(opponents) < 2:
        return
    for i, r in enumerate(rs):
        first = i == 0 or rs[i - 1].unit.paragraph != r.unit.paragraph
        if not first or r.voice != "author" or not _DENIAL.search(r.low):
            continue
        words = content_words(r.low)
        best = max(
            (k for k in opponents if k < i), key=lambda k: len(words & content_words(rs[k].low)), default=None
        )
        if best is None or len(words & content_words(rs[best].low)) < 2:
            continue
        r.link = ("attack", best)
        r.reason = f"answer: it denies the other side's point '{_short(rs[best])}' in its own words"


def _first_of_pair(rs: list[Reading], main: int, candidates: set[int]) -> int:
    """Two demands joined in one sentence ("X should A, and it should B") are read from the first: the
    "and" clause adds to the claim, and the first one names it (it would win alone but for coming last)."""
    while (
        main - 1 in candidates
        and rs[main - 1].unit.sentence == rs[main].unit.sentence
        and rs[main].low.startswith("and ")
        and "stance" in rs[main].inner
        and "stance" in rs[main - 1].inner
    ):
        main -= 1
    return main


def _chain_end(rs: list[Reading], main: int) -> int:
    """A causal chain's claim is its last link: "A leads to B, which kills C" argues for C. A unit that
    takes a stance ("We should X, which will Y") or puts a case ("If there were X, there would be Y,
    which ...") stays the claim: what follows is its reason, the good (or harm) the proposal brings."""
    if "stance" in rs[main].inner or _CONDITION.match(rs[main].low):
        return main
    while _leads_on(rs, main):
        main += 1
    return main


def _chain_forward(rs: list[Reading], i: int, main: int | None) -> None:
    """A causal chain: "A leads to B", "A, which means B", "A. So B." -> A supports B, and B takes over what
    A supported (A -> B -> C). A sentence-initial marker takes the whole sentence before it as A."""
    r = rs[i]
    cue = r.starts.get("forward") or r.starts.get("conclusion")
    if i == 0 or cue is None or r.voice != "author":
        return
    sentence_start = rs[i - 1].unit.sentence != r.unit.sentence
    if sentence_start and cue in _INSIDE_ONLY:
        return  # "Then we went home.": a sequence in time, not a consequence
    if cue in SUMMARY and rs[i - 1].unit.paragraph != r.unit.paragraph:
        return  # "In conclusion, ..." opening a paragraph sums up the piece, not the sentence before
    k = _sentence_root(rs, i - 1) if sentence_start else i - 1
    a = rs[k]
    if a.voice != "author" or k == main or a.link is None or a.link[0] != "support" or a.link[1] == i:
        return
    if i != main and (r.link is None or r.link[0] == "support"):
        r.link = a.link
        r.reason = f"intermediate conclusion: it follows from the statement before it ('{cue}')"
    a.link = ("support", i)
    a.reason = f"premise: the next statement follows from it ('{cue}')"
    if cue not in r.cues:
        r.cues.append(cue)


def _sentence_root(rs: list[Reading], k: int) -> int:
    """The clause a sentence's other clauses hang on: follow support links back inside the sentence."""
    seen = {k}
    while (link := rs[k].link) is not None and link[0] == "support":
        t = link[1]
        if t is None or t in seen or rs[t].unit.sentence != rs[k].unit.sentence:
            break
        seen.add(t)
        k = t
    return k


def _short(r: Reading, n: int = 50) -> str:
    text = r.low
    return text if len(text) <= n else text[: n - 3] + "..."
