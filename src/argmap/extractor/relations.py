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

import math
import re
from dataclasses import dataclass, field

from argmap.extractor import tree
from argmap.extractor.cues import (
    ANAPHORIC_GRANT,
    CONCESSION_FRAME,
    CONDITIONAL,
    HEDGES,
    INNER_CONCESSIVE,
    OPPONENT,
    SUMMARY,
    WEAK_OPPONENT,
)
from argmap.extractor.features import (
    RESTATED_SHARE,
    PairContext,
    Row,
    link_rows,
    pair_context,
    pair_row,
    unit_rows,
)
from argmap.extractor.learned import PAIR_CLASSES, Linear, Models, softmax, weighed
from argmap.extractor.learned import models as shipped_models
from argmap.extractor.reading import (
    Reading,
    content_words,
    contrast_report,
    counter_cue,
    group_view,
    may_be_main,
    opponent_cue,
    read_unit,
    tag_units,
)
from argmap.extractor.rules import BY_ID, on
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

LONG_UNITS = 12  # a text with this many units and several paragraphs is read as an op-ed
UNSEEN_RULE_GAIN = 100.0  # the same, for a rule no training text showed: the tree keeps its link
RULE_GAIN = 4.0  # a prior on the rules where the data are thin (measured: see README, "One global decision")
LINK_PRIOR = 1.0  # added to every unit's log-odds of linking at all (see bench/eval_cross.py)
WINDOW = 5  # a unit may link to the units this many places either side, its rule's target and the main claim
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
    rows: list[Row] = field(
        default_factory=list
    )  # each unit's features, as the main-conclusion model read them
    side_rows: dict[int, Row] = field(
        default_factory=dict
    )  # the rules' opponent units, as the side model read them


@dataclass
class Links:
    """The link stage's decisions, by unit index: a link (kind, target; target None: the unstated claim), the
    rule that made it, its reason and the cue words it adds. Kept apart from the readings while the link
    rules run (each reads what the ones before decided here) and written to them once (:meth:`apply`)."""

    link: dict[int, tuple[str, int | None]] = field(default_factory=dict)
    rule: dict[int, str] = field(default_factory=dict)
    reason: dict[int, str] = field(default_factory=dict)
    cues: dict[int, list[str]] = field(default_factory=dict)

    def set(self, i: int, link: tuple[str, int | None], rule: str, reason: str | None = None) -> None:
        """Unit ``i`` links by ``rule`` (a reason of None keeps the one decided before)."""
        self.link[i], self.rule[i] = link, rule
        if reason is not None:
            self.reason[i] = reason

    def cue(self, i: int, cue: str, rs: list[Reading], once: bool = False) -> None:
        """Unit ``i`` shows ``cue`` (``once``: unless it shows it already)."""
        added = self.cues.setdefault(i, [])
        if not once or (cue not in rs[i].cues and cue not in added):
            added.append(cue)

    def apply(self, rs: list[Reading]) -> None:
        """Write the decisions to the readings."""
        for i, link in self.link.items():
            rs[i].link, rs[i].rule = link, self.rule[i]
        for i, reason in self.reason.items():
            rs[i].reason = reason
        for i, cues in self.cues.items():
            rs[i].cues.extend(cues)


def _provisional_main(rs: list[Reading]) -> int:
    authors = [i for i, r in enumerate(rs) if r.voice == "author" and may_be_main(r)]
    return max(authors, key=lambda i: (rs[i].score, -i)) if authors else -1


def _mark_voices(rs: list[Reading], attributed: frozenset[int] = frozenset()) -> None:
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
        if cue and on("voice.opponent_cue"):
            r.voice = "opponent"
            r.cues.append(cue)
            r.fired.append("voice.opponent_cue")
        elif cue is None and on("voice.contrast_report") and (cue := contrast_report(r)):
            r.voice = "opponent"
            r.cues.append(cue)
            r.fired.append("voice.contrast_report")
    _answer_needed(rs)
    claim = _provisional_main(rs)
    for i, r in enumerate(rs):
        cue = counter_cue(r)
        if cue is None or i == 0 or rs[i - 1].unit.paragraph != r.unit.paragraph or r.voice == "opponent":
            continue
        prev = rs[i - 1]
        if prev.voice == "opponent" or ("premise" in r.starts and "counter" not in r.starts):
            continue  # "Since, however, X": a reason that answers, not a turn
        if i - 1 == claim or "counter" not in r.starts:  # against the claim, or a marker inside: a turn
            if on("voice.turn"):
                r.voice = "opponent"
                r.turn = cue
                r.cues.append(cue)
                r.fired.append("voice.turn")
            continue
        if not on("voice.granted"):
            continue
        if cue in _SURPRISE and prev.unit.sentence == r.unit.sentence and not _HEDGED.search(prev.low):
            continue  # "X, yet Y" with X unhedged: a striking contrast, both the author's, not a concession
        prev.voice = "opponent"
        prev.granted = cue
        prev.fired.append("voice.granted")
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
            and on("voice.anaphoric_grant")
            and r.voice == "opponent"
            and prev.voice == "author"
            and prev.unit.paragraph == r.unit.paragraph
            and prev.unit.sentence != r.unit.sentence
            and i - 1 != claim
        ):
            prev.voice = "opponent"
            prev.cues.append(grant.group(0))
            prev.fired.append("voice.anaphoric_grant")
    # Coordinated units ("..., and ...") share the voice of the objection they join.
    for i in range(1, n):
        r, prev = rs[i], rs[i - 1]
        if (
            prev.voice == "opponent"
            and on("voice.and_joined")
            and r.voice == "author"
            and r.low.startswith("and ")
            and counter_cue(r) is None
            and prev.unit.sentence == r.unit.sentence
        ):
            r.voice = "opponent"
            r.granted = prev.granted or "and"
            r.fired.append("voice.and_joined")
    # An opponent's stretch continues (its supporting units) until an answer, if an answer comes.
    i = 0
    while i < n and on("voice.stretch"):
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
                    rs[k].fired.append("voice.stretch")
        i = j if j > i else i + 1
    _signal_needed(rs, attributed)


_EXPLICIT = frozenset(
    ("voice.opponent_cue", "voice.block_quote", "voice.anaphoric_grant", "voice.contrast_report")
)


_DOUBT = re.compile(r"\b(?:ask|asks|wonder|wonders|question|questions)\s+(?:why|whether|if)\b")


def _weak(r: Reading, cue: str) -> bool:
    """A weak sign of the other side (cues.WEAK_OPPONENT): a group's view, supporters, a concessive inside."""
    if cue in WEAK_OPPONENT:
        return True
    if cue in INNER_CONCESSIVE:
        return "opponent" not in r.starts  # "Although X, Y" concedes; "..., even if X" qualifies
    # "Some of my classmates ask why they should ...": a group that asks why doubts; that is no weak sign.
    return group_view(r) and cue not in OPPONENT and _DOUBT.search(r.low) is None


def _answered(rs: list[Reading], i: int) -> bool:
    """Does the author answer unit ``i``: an answer marker later in its paragraph, or opening the next one?"""
    p = rs[i].unit.paragraph
    for j in range(i + 1, len(rs)):
        if counter_cue(rs[j]) is not None:
            return True
        if rs[j].unit.paragraph != p:
            return False
    return False


def _answer_needed(rs: list[Reading]) -> None:
    """A weak sign of the other side voices it only when the author answers it: "Many drivers say they would
    take the bus" left unanswered reports the author's own support, not an objection."""
    if not on("voice.answer_needed"):
        return
    for i, r in enumerate(rs):
        if r.voice != "opponent" or "voice.opponent_cue" not in r.fired:
            continue
        cue = opponent_cue(r)
        if cue is None or not _weak(r, cue) or _answered(rs, i):
            continue
        r.voice = "author"
        r.fired.remove("voice.opponent_cue")
        r.fired.append("voice.answer_needed")
        if cue in r.cues:
            r.cues.remove(cue)


_FRAME = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in CONCESSION_FRAME) + r")\b")


def _signal_needed(rs: list[Reading], attributed: frozenset[int] = frozenset()) -> None:
    """An objection needs a sign of the other side's voice: a unit given to it only by the answer after it
    ("Painted lines are cheap, but they do little") keeps the author's voice unless it, or the objection it
    continues in its paragraph, concedes or reports ("may", "of course", "some say", "X claims that"), or the
    sentence before it frames it as the other side's case ("Not everyone is convinced.")."""
    if not on("voice.signal_needed") or not _essay_shaped(rs):
        return

    def signalled(k: int) -> bool:
        r = rs[k]
        return bool(_EXPLICIT & set(r.fired)) or k in attributed or _HEDGED.search(r.low) is not None

    for i, r in enumerate(rs):
        if r.voice != "opponent" or not r.granted or r.turn:
            continue
        denied = r.low.startswith("not ") or (i > 0 and rs[i - 1].low.rstrip(" ,").endswith(" not"))
        if signalled(i) and not denied:  # "not because X, but because Y" corrects; it concedes nothing
            continue
        k = i - 1
        found = False
        while not denied and k >= 0 and rs[k].unit.paragraph == r.unit.paragraph:
            if rs[k].voice == "opponent" and signalled(k):
                found = True
                break
            if rs[k].unit.sentence != r.unit.sentence and rs[k].voice == "author":
                # the sentence before, if it is the author's: does it frame what follows as conceded?
                sentence = [x.low for x in rs if x.unit.sentence == rs[k].unit.sentence]
                found = _FRAME.search(" ".join(sentence)) is not None
                break
            k -= 1
        if not found:
            r.voice, r.granted = "author", None
            r.fired.append("voice.signal_needed")


def _essay_shaped(rs: list[Reading]) -> bool:
    """Three paragraphs or more: an essay's introduction, body and conclusion."""
    return len({r.unit.paragraph for r in rs}) >= ESSAY_PARAGRAPHS


# Measured: the rule everywhere cost the microtexts (one paragraph, the other side often granted by "but"
# alone) role_f1 .853 -> .759; in essays it took invented objections from 7 to 0 on the 30 train essays.
ESSAY_PARAGRAPHS = 3


def _main_reason(r: Reading, main: Linear | None, row: Row, cues: dict[str, str]) -> str:
    """The main conclusion's reason, worded from the main rules that chose it and the features that weighed
    most (recorded on the reading: ``fired`` and ``learned``)."""
    parts = [BY_ID[f].says for f in r.fired if f.startswith("main.") and BY_ID[f].says]
    if main is not None:
        top = weighed(main, row, cues, "unit")
        r.learned.extend(f"main:{name}" for name, _ in top)
        parts += [words for _, words in top]
    return "main conclusion: " + (
        ", ".join(dict.fromkeys(parts)) or "it scores best among the author's statements"
    )


def plan(
    units: list[Unit],
    text: str,
    title: str | None = None,
    reported: frozenset[int] = frozenset(),
    attributed: frozenset[int] = frozenset(),
    models: Models | None = None,
) -> Plan:
    """Read every unit and decide the main conclusion and every link (see the module docstring).

    ``reported``: the units that carry evidence (a figure, a finding, a quotation); a paragraph holding one
    reports what backs the argument, so it is never set aside as narration. ``attributed``: the units
    holding a claim someone else made ("X argued that P"): a stance in P is X's, not the author's.
    ``models``: the learned scores (default: the shipped ``weights.json``); a model left out (``None``, while
    training) leaves its decision to the rules."""
    m = models if models is not None else shipped_models()
    rs = [read_unit(u, text, n == 0 or units[n - 1].sentence != u.sentence) for n, u in enumerate(units)]
    for n in attributed:
        if n < len(rs):
            rs[n].inner.pop("stance", None)
            rs[n].inner.pop("evaluative", None)
    if not rs:
        return Plan(readings=[], main=None)
    tag_units(rs)
    rows, cues = unit_rows(rs, title)
    if len(rs) > 1 and not any(r.starts or r.inner for r in rs):
        # Not one cue in the whole text (a recipe, a story, a list): no argument to map.
        for r in rs:
            r.tags.append("background")
            r.reason = "background: the text has no argumentative cue (no reason, claim or objection marker)"
        return Plan(readings=rs, main=None, rows=rows)
    for r, row in zip(rs, rows, strict=True):
        r.score = m.main.score(row) if m.main is not None else 0.0
    _mark_voices(rs, attributed)
    quoted, answer = _quoted_opponent(rs, text)
    for k in quoted:  # the other side's case: its voice, granted by the answer
        rs[k].fired.append("voice.block_quote")
        rs[k].voice, rs[k].granted, rs[k].turn = "opponent", rs[k].granted or answer, None
        rs[k].inner.pop("stance", None)  # the quoted writer's demand is not the author's
    side_rows = _side_rows(rs, title)
    if m.side is not None and on("decide.side"):
        for i in _taken_back(m.side, side_rows):
            rs[i].voice, rs[i].granted, rs[i].turn = "author", None, None
            rs[i].fired.append("decide.side")
    candidates = [i for i, r in enumerate(rs) if is_candidate(r)]
    if not candidates:  # every unit granted to the other side by position only: the best of them speaks
        candidates = [i for i, r in enumerate(rs) if opponent_cue(r) is None and may_be_main(r)]
        for i in candidates:
            rs[i].voice, rs[i].granted = "author", None
    main: int | None = max(candidates, key=lambda i: (rs[i].score, -i)) if candidates else None
    restated: int | None = None
    main_rules: list[str] = []  # the main rule that moved the choice last (what the chosen unit owes it to)
    if main is not None:
        end = _chain_end(rs, main)
        main_rules = ["main.chain_end"] if end != main else []
        main, restated = _thesis(rs, end, set(candidates))
        main_rules = ["main.thesis_restated"] if restated is not None and restated != main else main_rules
    verdict = _closing_question(rs, main)
    main_rules = ["main.closing_question"] if verdict != main else main_rules
    main = verdict
    out = Plan(readings=rs, main=main, rows=rows, side_rows=side_rows)
    for k in _narrative(rs, main, reported):
        rs[k].tags.append("background")
        rs[k].reason = "background: a paragraph that narrates (past tense, no argumentative cue)"
        rs[k].fired.append("background.narrative")
    if main is not None:
        rs[main].fired.extend(main_rules)
    if main is not None:
        out.main_reason = _main_reason(rs[main], m.main, rows[main], cues[main])
    if main is not None and m.main is not None:
        rs[main].cues.extend(c for c in cues[main].values() if c and c not in rs[main].cues)
    links = _link(rs, main)
    _gather_quote(rs, quoted, links)
    _answer_point_by_point(rs, links)
    if main is not None and restated is not None and restated != main:
        reason = "restatement: it restates the main conclusion the introduction states"
        links.set(restated, ("support", main), "main.thesis_restated", reason)
        rs[restated].tags.append("restatement")
    elif main is not None:
        _restatement(rs, main, links)
    links.apply(rs)
    if main is not None and m.pair is not None and on("decide.tree"):
        _decide_tree(rs, main, m.pair, m.link, rows, cues)
    return out


def is_candidate(r: Reading) -> bool:
    """May this unit be the main conclusion? The author's, not a reason or an example by grammar, no label."""
    return r.voice == "author" and may_be_main(r) and "background" not in r.tags


def _side_rows(rs: list[Reading], title: str | None) -> dict[int, Row]:
    """The features of each unit the voice rules gave the other side on position alone."""
    if not any(r.voice == "opponent" for r in rs):
        return {}
    rows, _ = unit_rows(rs, title)
    return {i: {**row, "voice_rule": 1.0} for i, row in enumerate(rows) if _by_position(rs[i])}


def _by_position(r: Reading) -> bool:
    """A voice the rules gave the other side on position alone: granted because an answer follows, or turned
    against the claim by an answer marker; no concession or report cue, no block quote of its own."""
    explicit = {"voice.opponent_cue", "voice.block_quote", "voice.anaphoric_grant"} & set(r.fired)
    return r.voice == "opponent" and bool(r.granted or r.turn) and not explicit


def _taken_back(side: Linear, rows: dict[int, Row]) -> list[int]:
    """The units the learned side model takes back from the other side: the rules gave them its voice on
    position alone (a unit before "but"), and an objection needs a signal of the other side's voice, which
    the model weighs."""
    return [i for i, row in rows.items() if side.score(row) < 0]


def candidates_of(rs: list[Reading], i: int, main: int) -> list[int]:
    """The targets unit ``i`` may link to: the units ``WINDOW`` places either side, its rule's target and the
    main conclusion."""
    n = len(rs)
    out = set(range(max(0, i - WINDOW), min(n, i + WINDOW + 1)))
    out.add(main)
    link = rs[i].link
    if link is not None and link[1] is not None:
        out.add(link[1])
    out.discard(i)
    return sorted(out)


def _ends(rows: list[Row], ctx: PairContext) -> tuple[list[Row], list[Row]]:
    """The units' own features (and kinds) as a link's source and as its target (``source.``, ``target.``)."""
    source = [
        {f"source.{k}": v for k, v in row.items() if k != "position"} | {f"source.{k}": 1.0 for k in kinds}
        for row, kinds in zip(rows, ctx.kinds, strict=True)
    ]
    target = [
        {f"target.{k}": v for k, v in row.items() if k != "position"} | {f"target.{k}": 1.0 for k in kinds}
        for row, kinds in zip(rows, ctx.kinds, strict=True)
    ]
    return source, target


def pair_rows(rs: list[Reading], main: int, rows: list[Row]) -> dict[tuple[int, int], Row]:
    """The features of every candidate link (source, target) of a text: what joins them, and what each says
    (``rows``: the units' own features, prefixed ``source.`` and ``target.``)."""
    ctx = pair_context(rs, rows)
    source, target = _ends(rows, ctx)
    return {
        (i, j): {**pair_row(rs, i, j, main, ctx), **source[i], **target[j]}
        for i in range(len(rs))
        if i != main
        for j in candidates_of(rs, i, main)
    }


def _decide_tree(
    rs: list[Reading],
    main: int,
    pair: Linear,
    link: Linear | None,
    unit: list[Row],
    cues: list[dict[str, str]],
) -> None:
    """Replace the rules' links by the maximum spanning arborescence over the learned pair scores: each link's
    kind follows the sides (support within a side, attack across), its gain is the log-odds of that kind over
    no link; a unit the tree leaves out is not linked. A rule's proposal is one feature of its pair (``rule``,
    ``rule:<id>``), weighed like the others."""
    for r in rs:
        r.proposed = r.link
    # The model is linear: each unit's share as a source and as a target is scored once, not once a pair.
    ctx = pair_context(rs, unit)
    as_src, as_trg = _ends(unit, ctx)
    as_source = [[a - b for a, b in zip(pair.scores(f), pair.bias, strict=True)] for f in as_src]
    as_target = [[a - b for a, b in zip(pair.scores(f), pair.bias, strict=True)] for f in as_trg]
    rows: dict[tuple[int, int], Row] = {}
    p_link: dict[tuple[int, int], float] = {}
    for i in range(len(rs)):
        if i == main or "background" in rs[i].tags or "question" in rs[i].tags:
            continue
        for j in candidates_of(rs, i, main):
            rows[(i, j)] = row = pair_row(rs, i, j, main, ctx)
            parts = zip(pair.scores(row), as_source[i], as_target[j], strict=True)
            probs = softmax([a + b + c for a, b, c in parts])
            p_link[(i, j)] = probs[PAIR_CLASSES.index("attack" if rs[i].voice != rs[j].voice else "support")]
    gains: dict[tuple[int, int], float] = {}
    if link is None:  # the pair model alone: the log-odds of the link over none
        gains = {ij: math.log(max(p, 1e-9) / max(1 - p, 1e-9)) for ij, p in p_link.items()}
    else:  # P(i links) x P(target j | i links): against leaving i out, logit(P(i links)) + log P(j | i links)
        linked = [link.score(f) for f in link_rows(rs, unit)]
        total: dict[int, float] = {}
        for (i, _), p in p_link.items():
            total[i] = total.get(i, 0.0) + p
        gains = {
            (i, j): linked[i] + LINK_PRIOR + math.log(max(p, 1e-9) / total[i]) for (i, j), p in p_link.items()
        }
    for i, r in enumerate(rs):
        target = r.link[1] if r.link is not None else None
        if target is not None and (i, target) in gains:
            # A rule the training texts never showed (a block quote, a point-by-point answer) has no weight
            # to judge it by: where the data are silent, the rule stands.
            unseen = r.rule is not None and f"rule:{r.rule}" not in pair.weights
            gains[(i, target)] += UNSEEN_RULE_GAIN if unseen else RULE_GAIN
    chosen = tree.decide(len(rs), main, gains)
    for i, r in enumerate(rs):
        if i == main or "background" in r.tags or "question" in r.tags:
            continue
        if i not in chosen:
            if r.link is not None:
                r.link, r.rule = None, None
                r.reason = "not linked: no link gains more than leaving it out"
                r.fired.append("decide.tree")
            continue
        j = chosen[i]
        kind = "attack" if r.voice != rs[j].voice else "support"
        k = PAIR_CLASSES.index(kind)
        row = {**rows[(i, j)], **as_src[i], **as_trg[j]}
        top = weighed(pair, row, cues[i], "pair", k)
        r.learned.extend(f"pair:{name}" for name, _ in top)
        why = ", ".join(words for _, words in top) or "the likeliest link of the tree"
        if r.link == (kind, j):
            r.fired.append(
                "decide.tree"
            )  # the rule's link, kept by the tree: worded by the rule, and weighed
            r.reason = f"{r.reason}; weighed: {why}"
            continue
        role = "premise" if kind == "support" else ("objection" if r.voice == "opponent" else "rebuttal")
        verb = "supports" if kind == "support" else "attacks"
        where = (
            "the main conclusion"
            if j == main
            else "the statement before it"
            if j == i - 1
            else "the statement after it"
            if j == i + 1
            else "an earlier statement"
            if j < i
            else "a later statement"
        )
        r.link, r.rule = (kind, j), "decide.tree"
        r.reason = f"{role}: it {verb} {where}; weighed: {why}"


def _narrative(rs: list[Reading], main: int | None, reported: frozenset[int] = frozenset()) -> list[int]:
    """In a long piece, a paragraph that only tells what happened (past tense throughout, not one cue) is
    background: it stays out of the argument line. Returns the units of such paragraphs."""
    if len(rs) < LONG_UNITS or rs[-1].unit.paragraph == 0 or not on("background.narrative"):
        return []
    paragraphs: dict[int, list[int]] = {}
    for k, r in enumerate(rs):
        paragraphs.setdefault(r.unit.paragraph, []).append(k)
    main_para = rs[main].unit.paragraph if main is not None else -1
    reported_paras = {rs[n].unit.paragraph for n in reported if n < len(rs)}
    out: list[int] = []
    for p, group in paragraphs.items():
        if (
            p == main_para
            or p in reported_paras
            or any(rs[k].starts or rs[k].inner or rs[k].tags or rs[k].voice != "author" for k in group)
        ):
            continue
        sentences: dict[int, str] = {}
        for k in group:
            sentences[rs[k].unit.sentence] = sentences.get(rs[k].unit.sentence, "") + " " + rs[k].low
        if all(_PAST.search(words) and not _PRESENT.search(words) for words in sentences.values()):
            out += group
    return out


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


def _link(rs: list[Reading], main: int | None) -> Links:
    """The link rules, unit by unit in text order: each unit's link, rule, reason and cues (see the module
    docstring); later rules (a chain) may redirect a link an earlier unit took."""
    d = Links()
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
            d.reason[i] = r.reason or "background: " + (
                "an open question that frames the piece" if "question" in r.tags else "an aside"
            )
            continue
        if r.voice == "opponent":
            _link_opponent(rs, i, main, head, last_opponent, d)
            if i not in d.link or d.link[i][0] == "attack":
                last_opponent = i
            continue
        cue = counter_cue(r)
        if (
            cue
            and on("link.rebuttal")
            and last_opponent is not None
            and prev is not None
            and rs[prev].voice == "opponent"
        ):
            d.set(
                i,
                ("attack", last_opponent),
                "link.rebuttal",
                f"rebuttal: it answers the objection after '{cue}'",
            )
            d.cue(i, cue, rs, once=True)
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
        opening = premise is not None and not same_sentence and next_same and on("link.opening_reason")
        if premise and opening and nxt is not None and rs[nxt].voice == "author" and nxt != main:
            # "Since X, Y": the opening clause is Y's reason.
            why = f"premise: it opens with '{premise}' and supports the clause after it"
            d.set(i, ("support", nxt), "link.opening_reason", why)
            d.cue(i, premise, rs)
        elif premise and opening and nxt == main:
            why = f"premise: it opens with '{premise}' and supports the main conclusion after it"
            d.set(i, ("support", nxt), "link.opening_reason", why)
            d.cue(i, premise, rs)
        elif (
            on("link.reason_after")
            and premise
            and same_sentence
            and prev is not None
            and rs[prev].voice == "author"
        ):
            why = f"premise: it follows '{premise}' and supports the clause before it"
            d.set(i, ("support", prev), "link.reason_after", why)
            d.cue(i, premise, rs)
        elif on("link.example") and "example" in r.starts and prev is not None and rs[prev].voice == "author":
            why = f"example: it follows '{r.starts['example']}' and illustrates the statement before it"
            d.set(i, ("support", prev), "link.example", why)
            d.cue(i, r.starts["example"], rs)
        elif (
            on("link.backs_answer")
            and last_counter is not None
            and prev == last_counter
            and (
                main is None or rs[main].unit.paragraph != r.unit.paragraph
            )  # main's paragraph: reasons for it
            and rs[last_counter].unit.paragraph == r.unit.paragraph  # a new paragraph opens a new point
            and not (set(r.starts) & {"addition", "conclusion", "counter"})
        ):
            why = "premise: it backs the answer to the objection just before it"
            d.set(i, ("support", last_counter), "link.backs_answer", why)
            continue
        elif head != i and on("link.paragraph_claim"):  # head None: the unstated main conclusion
            add = premise or r.starts.get("addition")
            if add:
                d.cue(i, add, rs)
            kind = "main conclusion" if head == main else "paragraph's claim"
            why = (
                f"premise: it follows '{add}' and supports the {kind}"
                if add
                else f"premise: it supports the {kind}"
            )
            d.set(i, ("support", head), "link.paragraph_claim", why)
        _chain_forward(rs, i, main, d)
        last_counter = None
    return d


def _link_opponent(
    rs: list[Reading], i: int, main: int | None, head: int | None, last: int | None, d: Links
) -> None:
    """An objection attacks the main conclusion; the opponent's further units back it or join it."""
    r = rs[i]
    prev = rs[i - 1] if i > 0 else None
    cue = r.turn or (r.cues[0] if r.cues else r.granted or "")
    if (
        on("link.objection_reason")
        and prev is not None
        and prev.voice == "opponent"
        and last is not None
        and i - 1 in d.link
    ):
        if r.low.startswith("and ") and prev.unit.sentence == r.unit.sentence:
            # "A, and B": both grant the same point against the same target
            d.set(
                i,
                d.link[i - 1],
                "link.objection_reason",
                "objection: joined by 'and' to the objection before it",
            )
            return
        same = prev.unit.sentence == r.unit.sentence
        why = f"opponent's reason: it backs the objection '{_short(rs[last])}'"
        d.set(i, ("support", i - 1 if same and "premise" in r.starts else last), "link.objection_reason", why)
        return
    target = main if main is not None else head
    if r.turn and i > 0:
        target = main if main is not None else i - 1
    if target != i and on("link.objection"):  # target None: the unstated main conclusion
        if r.turn:
            why = f"objection: it turns against the claim with '{r.turn}'"
        elif r.granted and not r.cues:
            why = f"objection: granted to the other side, then answered with '{r.granted}'"
        else:
            why = f"objection: the opponent's voice ('{cue}')"
        d.set(i, ("attack", target), "link.objection", why)


def _closing_question(rs: list[Reading], main: int | None) -> int | None:
    """A piece of several paragraphs that takes no stance of its own ("should", "must", "it is time") and
    ends on a rhetorical question leaves its verdict to that question ("Is this really the best use of
    the money?"): the question, read as the claim it implies, is the main conclusion."""
    stated = [i for i, r in enumerate(rs) if "background" not in r.tags]
    if not on("main.closing_question") or not stated or rs[-1].unit.paragraph == 0:
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


def _quoted_opponent(rs: list[Reading], text: str) -> tuple[list[int], str | None]:
    """A block quote the author answers straight after ("I think he is wrong", "But ...") is the other
    side's case: its units, and the answer's cue (none, and no units, for a block quote left unanswered: a
    report quoted as evidence keeps its reading)."""
    quoted = _quoted(rs, text)
    if not quoted or not on("voice.block_quote"):
        return [], None
    after = quoted[-1] + 1
    if after >= len(rs) or after in quoted:
        return [], None
    cue = counter_cue(rs[after])
    return (quoted, cue) if cue is not None else ([], None)


def _gather_quote(rs: list[Reading], quoted: list[int], d: Links) -> None:
    """A quoted case is one objection: its first unit attacks, every other unit that would attack the same
    claim backs it instead, and the answer right after the quote meets the case as a whole."""
    first = d.link.get(quoted[0]) if quoted else None
    if first is None or first[0] != "attack":
        return
    if not on("link.quote_case"):
        return
    head, target = quoted[0], first
    for k in quoted[1:]:
        if d.link.get(k) == target:
            why = f"opponent's reason: it backs the quoted case '{_short(rs[head])}'"
            d.set(k, ("support", head), "link.quote_case", why)
    answer = quoted[-1] + 1
    link = d.link.get(answer)
    if link is not None and link[0] == "attack" and link[1] in quoted and on("link.quote_answer"):
        d.set(answer, ("attack", head), "link.quote_answer")


def _answer_point_by_point(rs: list[Reading], d: Links) -> None:
    """A paragraph that opens by denying one of the other side's points in its own words ("Productivity has
    fallen" ... "First, productivity has not fallen") attacks that point."""
    opponents = [k for k, r in enumerate(rs) if r.voice == "opponent"]
    if len(opponents) < 2 or not on("link.point_by_point"):
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
        why = f"answer: it denies the other side's point '{_short(rs[best])}' in its own words"
        d.set(i, ("attack", best), "link.point_by_point", why)


def _thesis(rs: list[Reading], main: int, candidates: set[int]) -> tuple[int, int | None]:
    """An essay states its thesis in the introduction and restates it in the conclusion: when the chosen claim
    sits in the last paragraph and either sums up ("In conclusion, ...") or shares half of its content words
    with a claim of the first paragraph (one that takes a stance or draws a conclusion), that earlier claim is
    the main conclusion and the later one its restatement (one claim, not two rivals)."""
    paragraphs = sorted({r.unit.paragraph for r in rs})
    if not on("main.thesis_restated") or len(paragraphs) < 3 or rs[main].unit.paragraph != paragraphs[-1]:
        return main, None
    words = content_words(rs[main].low)
    sums_up = rs[main].starts.get("conclusion") in SUMMARY
    best = None
    for k in sorted(candidates):
        if rs[k].unit.paragraph != paragraphs[0]:
            continue
        if not ({"stance", "evaluative", "conclusion"} & (set(rs[k].inner) | set(rs[k].starts))):
            continue  # a thesis takes a stance; a story's opening line that shares the topic is no thesis
        other = content_words(rs[k].low)
        shared = len(words & other)
        same = (
            bool(other and words) and shared >= 2 and shared / min(len(words), len(other)) >= RESTATED_SHARE
        )
        if sums_up or same:
            best = k if best is None or rs[k].score > rs[best].score else best
    return (best, main) if best is not None else (main, None)


def _restatement(rs: list[Reading], main: int, links: Links) -> None:
    """In an essay the conclusion restates the thesis: the last paragraph's first claim that sums up ("In
    conclusion, ...") or shares half of its content words with the main conclusion is the same claim in other
    words, linked to it as its restatement (never a rival main conclusion)."""
    last = rs[-1].unit.paragraph
    if not on("main.restatement") or not _essay_shaped(rs) or rs[main].unit.paragraph == last:
        return
    thesis = content_words(rs[main].low)
    for i, r in enumerate(rs):
        if r.unit.paragraph != last or not is_candidate(r) or "question" in r.tags:
            continue
        if i > 0 and rs[i - 1].unit.sentence == r.unit.sentence and rs[i - 1].unit.paragraph == last:
            continue  # a sentence's first clause speaks for it
        words = content_words(r.low)
        shared = len(words & thesis)
        same = (
            bool(words and thesis) and shared >= 2 and shared / min(len(words), len(thesis)) >= RESTATED_SHARE
        )
        sums_up = r.starts.get("conclusion") in SUMMARY
        if same or sums_up:
            reason = "restatement: it restates the main conclusion"
            links.set(i, ("support", main), "main.restatement", reason)
            r.tags.append("restatement")
            return


def _chain_end(rs: list[Reading], main: int) -> int:
    """A causal chain's claim is its last link: "A leads to B, which kills C" argues for C. A unit that
    takes a stance ("We should X, which will Y") or puts a case ("If there were X, there would be Y,
    which ...") stays the claim: what follows is its reason, the good (or harm) the proposal brings."""
    if not on("main.chain_end") or "stance" in rs[main].inner or _CONDITION.match(rs[main].low):
        return main
    while _leads_on(rs, main):
        main += 1
    return main


def _chain_forward(rs: list[Reading], i: int, main: int | None, d: Links) -> None:
    """A causal chain: "A leads to B", "A, which means B", "A. So B." -> A supports B, and B takes over what
    A supported (A -> B -> C). A sentence-initial marker takes the whole sentence before it as A."""
    r = rs[i]
    cue = r.starts.get("forward") or r.starts.get("conclusion")
    if i == 0 or cue is None or r.voice != "author" or not on("link.chain"):
        return
    sentence_start = rs[i - 1].unit.sentence != r.unit.sentence
    if sentence_start and cue in _INSIDE_ONLY:
        return  # "Then we went home.": a sequence in time, not a consequence
    if cue in SUMMARY and rs[i - 1].unit.paragraph != r.unit.paragraph:
        return  # "In conclusion, ..." opening a paragraph sums up the piece, not the sentence before
    k = _sentence_root(rs, i - 1, d) if sentence_start else i - 1
    a, a_link, r_link = rs[k], d.link.get(k), d.link.get(i)
    if a.voice != "author" or k == main or a_link is None or a_link[0] != "support" or a_link[1] == i:
        return
    if i != main and (r_link is None or r_link[0] == "support"):
        why = f"intermediate conclusion: it follows from the statement before it ('{cue}')"
        d.set(i, a_link, "link.chain", why)
    d.set(k, ("support", i), "link.chain", f"premise: the next statement follows from it ('{cue}')")
    d.cue(i, cue, rs, once=True)


def _sentence_root(rs: list[Reading], k: int, d: Links) -> int:
    """The clause a sentence's other clauses hang on: follow support links back inside the sentence."""
    seen = {k}
    while (link := d.link.get(k)) is not None and link[0] == "support":
        t = link[1]
        if t is None or t in seen or rs[t].unit.sentence != rs[k].unit.sentence:
            break
        seen.add(t)
        k = t
    return k


def _short(r: Reading, n: int = 50) -> str:
    text = r.low
    return text if len(text) <= n else text[: n - 3] + "..."
