"""The cues of a text's units as named features, for the learned scores (:mod:`argmap.extractor.learned`).

Two tables, one row per feature: :data:`UNIT_FEATURES` (what a unit says and where it stands: read for the
main conclusion and for the other side's voice) and :data:`PAIR_FEATURES` (what joins a unit to another:
read for support, attack or nothing). Each row is a name, the words that explain it in a reason ("opens with
'{cue}'"), and one line saying what it fires on. The functions compute every feature of a text at once;
a feature that does not fire is absent (0).

Features read language and position only (connectives, modals, quotation, paragraphs), never a topic.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from argmap.extractor.cues import HEDGES, SUMMARY
from argmap.extractor.reading import Reading, content_words

# Past tense with no present, future or modal verb: the writer tells what happened (testimony, a story).
_PAST = re.compile(
    r"\b(?:was|were|had|did|[a-z]{3,}ed|lost|went|came|made|took|gave|said|told|got|paid|sent|called|saw)\b"
)
_PRESENT = re.compile(
    r"\b(?:is|are|am|do|does|will|shall|should|must|can|may|might|would|could|ought|need|needs|isn't|aren't"
    r"|won't|don't|doesn't)\b"
)
_FIRST_PERSON = re.compile(r"\b(?:i|my|me|we|our|us)\b")
_OPINION = ("i think", "i believe", "in my opinion", "in my view", "i am convinced", "i'm convinced")
_SUMMING = re.compile(
    r"^[\"'(\s]*(?:(?:and|so)\s+)?("
    + "|".join(re.escape(s) for s in sorted(SUMMARY, key=len, reverse=True))
    + r")\b"
)
_CONCEDES = re.compile(r"\b(" + "|".join(re.escape(h) for h in HEDGES) + r"|understandable|partly)\b")
ESSAY_PARAGRAPHS = 3  # an introduction, a body and a conclusion
SHORT_WORDS = 6  # a unit under this many words is a fragment rather than a claim
RESTATED_SHARE = 0.5  # a unit whose content words are this share of another's restates it
RESTATE_UNITS = 40  # the units of the introduction (and of the conclusion) compared for a restatement


@dataclass(frozen=True)
class Feature:
    """One named feature: ``words`` explain it in a reason (``{cue}`` is the cue phrase that fired)."""

    name: str
    words: str
    fires: str


UNIT_FEATURES: tuple[Feature, ...] = (
    Feature("first", "it opens the text", "the first unit of the text"),
    Feature("last", "it closes the text", "the last unit of the text"),
    Feature("position", "its place in the text", "relative position, 0 (first) .. 1 (last)"),
    Feature(
        "intro_end",
        "it closes the introduction",
        "the last of two or more sentences of the first paragraph, taking a stance (3 paragraphs or more)",
    ),
    Feature("last_paragraph", "it is in the last paragraph", "a unit of the last of several paragraphs"),
    Feature(
        "intro_first",
        "it opens the introduction",
        "the first sentence of the first paragraph, in a text of three paragraphs or more",
    ),
    Feature(
        "body_paragraph",
        "it is in a body paragraph",
        "neither in the first nor in the last paragraph, in a text of three paragraphs or more",
    ),
    Feature(
        "summary_opening",
        "it sums up ('{cue}')",
        "its sentence opens with a summary marker: 'in conclusion', 'to sum up', 'for these reasons'",
    ),
    Feature("concession", "it concedes ('{cue}')", "a hedge or concession word: 'may', 'of course', 'true'"),
    Feature(
        "paragraph_opening", "it opens its paragraph", "the first unit of a paragraph (several paragraphs)"
    ),
    Feature(
        "restated",
        "it is restated in the last paragraph",
        "in the first paragraph, taking a stance, it shares half its content words with a unit of the last",
    ),
    Feature(
        "restates",
        "it restates a claim made earlier",
        "in the last paragraph, it shares half of its content words with a stance taken in the first",
    ),
    Feature("conclusion_opening", "it opens with '{cue}'", "a conclusion indicator opens its sentence"),
    Feature("conclusion_inside", "it carries '{cue}'", "a conclusion indicator inside the sentence"),
    Feature("opinion", "it says '{cue}'", "the writer's opinion marker: 'I think', 'in my view'"),
    Feature("stance", "it takes a stance ('{cue}')", "a deontic or evaluative stance: 'should', 'must'"),
    Feature("evaluative", "it judges ('{cue}')", "an evaluative word: 'fair', 'unacceptable'"),
    Feature("premise_opening", "it opens with '{cue}'", "a premise indicator opens it: 'because', 'since'"),
    Feature("addition_opening", "it opens with '{cue}'", "an additional reason's marker: 'also', 'moreover'"),
    Feature("example_opening", "it opens with '{cue}'", "an example marker: 'for example'"),
    Feature("counter_opening", "it answers with '{cue}'", "an answer marker: 'but', 'however'"),
    Feature("opponent_cue", "it voices the other side ('{cue}')", "a concession or report: 'admittedly'"),
    Feature("question", "it is a question", "it ends with a question mark"),
    Feature("rhetorical", "it is a rhetorical question", "a question that implies its answer"),
    Feature("title", "it shares words with the title", "two content words (or all) of the title"),
    Feature("testimony", "it tells the writer's own experience", "first person and past tense only"),
    Feature("narrative", "it tells what happened", "past tense only, no present or modal verb"),
    Feature("short", "it is a fragment", f"fewer than {SHORT_WORDS} words"),
    Feature("background", "it is an aside or a label", "tagged background (a label, a parenthesis)"),
    Feature("inside_sentence", "it continues a sentence", "it does not open its sentence"),
    Feature("granted", "the next unit answers it ('{cue}')", "an answer marker follows it in its paragraph"),
    Feature("turn", "it turns against the claim ('{cue}')", "an answer marker after the author's own claim"),
    Feature(
        "voice_rule", "the rules read the other side's voice", "the voice rules gave it to the other side"
    ),
)

PAIR_FEATURES: tuple[Feature, ...] = (
    Feature("rule", "a link rule proposes it", "a link rule (see argmap.extractor.rules) proposes this link"),
    Feature("rule_elsewhere", "a rule links it elsewhere", "a link rule proposes another target for it"),
    Feature("to_main", "the target is the main conclusion", "the target is the chosen main conclusion"),
    Feature("before", "the target comes just before it", "the target is the unit before"),
    Feature("after", "the target comes just after it", "the target is the unit after"),
    Feature("distance", "how far apart they are", "log(1 + units between them)"),
    Feature("same_sentence", "they share a sentence", "both units in one sentence"),
    Feature(
        "previous_sentence", "the target is in the sentence before", "the target's sentence is the one before"
    ),
    Feature("next_sentence", "the target is in the next sentence", "the target's sentence is the one after"),
    Feature("sentence_gap", "how many sentences apart they are", "log(1 + sentences between them)"),
    Feature("same_paragraph", "they share a paragraph", "both units in one paragraph"),
    Feature(
        "next_paragraph", "the target is in the next paragraph", "the target's paragraph follows the source's"
    ),
    Feature("previous_paragraph", "the target is in the paragraph before", "the target's paragraph precedes"),
    Feature("paragraph_head", "the target opens its paragraph", "the target opens the source's paragraph"),
    Feature("overlap", "they share words", "two content words or more in common"),
    Feature("overlap_share", "they share words", "Jaccard share of their content words, 0 .. 1"),
    Feature("sides_differ", "they speak for different sides", "one voices the other side, one the author"),
    Feature("target_off_line", "the target is a question or aside", "the target is tagged background"),
    Feature("source_off_line", "it is a question or aside", "the source is tagged background"),
    Feature("target_later", "the target comes later", "the target follows the source"),
)

# What kind of proposition a unit states, read from language (the comment corpus's types: testimony, policy,
# value, fact, reference): the kinds link differently (testimony and references back a claim, a policy is
# what is backed). They join the unit's own cues below, as a link's source and as its target.
KINDS: tuple[Feature, ...] = (
    Feature("kind.i", "it speaks in the first person", "'I', 'my', 'we', 'our'"),
    Feature("kind.you", "it addresses the reader", "'you', 'your'"),
    Feature("kind.policy", "it says what should be done", "a deontic stance: 'should', 'must', 'I urge'"),
    Feature("kind.value", "it judges", "an evaluative word or the writer's opinion marker"),
    Feature("kind.fact", "it states a fact", "no stance, judgement, opinion or story of the writer's"),
    Feature("kind.reference", "it cites a source", "a URL, 'according to', 'see', a section"),
    Feature("kind.number", "it gives a figure", "a digit"),
)

# A link's direction and reach: each cue of the source (and of the target) also fires joined to one of these,
# so a linear model can learn that "because X" backs the clause just before and "So Y" what came before it.
DIRECTIONS: tuple[Feature, ...] = (
    Feature("before", "the target comes just before", "the target is the unit before"),
    Feature("after", "the target comes just after", "the target is the unit after"),
    Feature("back", "the target comes earlier", "the target is two or more units before"),
    Feature("ahead", "the target comes later", "the target is two or more units after"),
)
# The unit features joined to a direction (as the link's source, and as its target).
SOURCE_DIRECTED = (
    "premise_opening", "conclusion_opening", "conclusion_inside", "example_opening", "addition_opening",
    "counter_opening", "inside_sentence", "stance", "evaluative", "opinion", "testimony", "narrative",
    "question", "short", "first", "last", "paragraph_opening",
)  # fmt: skip
TARGET_DIRECTED = (
    "stance", "evaluative", "opinion", "conclusion_opening", "premise_opening", "example_opening",
    "testimony", "question", "first", "inside_sentence", "short", "paragraph_opening",
)  # fmt: skip

TEXT_FEATURES: tuple[Feature, ...] = (
    Feature("text_first_person", "the writer speaks of themself", "share of units in the first person"),
    Feature("text_testimony", "the writer tells their own experience", "share of units of testimony"),
    Feature("rule_linked", "a link rule links it", "a link rule proposes a target for it"),
    Feature("opponent", "it voices the other side", "its voice is the other side's"),
)

UNIT_NAMES = tuple(f.name for f in UNIT_FEATURES)
PAIR_NAMES = tuple(f.name for f in PAIR_FEATURES)
WORDS = {
    **{f"unit.{f.name}": f.words for f in UNIT_FEATURES},
    **{f"pair.{f.name}": f.words for f in PAIR_FEATURES},
    **{f"link.{f.name}": f.words for f in (*UNIT_FEATURES, *TEXT_FEATURES)},
    **{f"pair.source.{f.name}": f.words for f in UNIT_FEATURES},
    **{f"pair.target.{f.name}": "the target: " + f.words.replace("it ", "", 1) for f in UNIT_FEATURES},
    **{f"pair.source.{f.name}": f.words for f in KINDS},
    **{f"pair.target.{f.name}": "the target: " + f.words.replace("it ", "", 1) for f in KINDS},
}
_UNIT_WORDS = {f.name: f.words for f in (*UNIT_FEATURES, *KINDS)}
WORDS.update(
    {
        f"pair.{d.name}.source.{c}": f"{_UNIT_WORDS[c]}, and {d.words}"
        for d in DIRECTIONS
        for c in (*SOURCE_DIRECTED, *(k.name for k in KINDS))
    }
)
WORDS.update(
    {
        f"pair.{d.name}.target.{c}": f"{d.words}: " + _UNIT_WORDS[c].replace("it ", "", 1)
        for d in DIRECTIONS
        for c in (*TARGET_DIRECTED, *(k.name for k in KINDS))
    }
)

Row = dict[str, float]


def _restates(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = len(a & b)
    return bool(a and b) and shared >= 2 and shared / min(len(a), len(b)) >= RESTATED_SHARE


def _takes_stance(r: Reading) -> bool:
    """A thesis takes a stance: a demand, a judgement, an opinion or a conclusion drawn (an opening story's
    last line does not, nor does an open question: "What should a town offer?")."""
    if r.question and "rhetorical question" not in r.tags:
        return False
    return bool({"stance", "evaluative", "conclusion"} & (set(r.inner) | set(r.starts))) or any(
        o in r.low for o in _OPINION
    )


def _cue(r: Reading, key: str) -> str | None:
    return r.starts.get(key) or r.inner.get(key)


def unit_rows(rs: list[Reading], title: str | None = None) -> tuple[list[Row], list[dict[str, str]]]:
    """Every unit's features (name -> value) and the cue phrase behind each one that has one."""
    n = len(rs)
    paragraphs = sorted({r.unit.paragraph for r in rs})
    several = len(paragraphs) > 1
    last_para = paragraphs[-1] if paragraphs else 0
    first_para = paragraphs[0] if paragraphs else 0
    words = [content_words(r.low) for r in rs]
    title_words = content_words(title or "")
    intro_end = -1
    intro_first: set[int] = set()
    essay = len(paragraphs) >= ESSAY_PARAGRAPHS
    if essay:
        first = [i for i, r in enumerate(rs) if r.unit.paragraph == first_para]
        last_sentence = rs[first[-1]].unit.sentence
        if rs[first[0]].unit.sentence != last_sentence:  # an introduction of one line is no introduction
            intro_end = min(i for i in first if rs[i].unit.sentence == last_sentence)
            intro_first = {i for i in first if rs[i].unit.sentence == rs[first[0]].unit.sentence}
    opening = {i for i, r in enumerate(rs) if r.unit.paragraph == first_para}
    closing = {
        i for i, r in enumerate(rs) if r.unit.paragraph == last_para and r.unit.paragraph != first_para
    }
    opening = set(sorted(opening)[:RESTATE_UNITS])
    closing = set(sorted(closing)[-RESTATE_UNITS:])
    rows: list[Row] = []
    cues: list[dict[str, str]] = []
    for i, r in enumerate(rs):
        f: Row = {}
        c: dict[str, str] = {}
        sentence_start = i == 0 or rs[i - 1].unit.sentence != r.unit.sentence
        if i == 0:
            f["first"] = 1
        if i == n - 1 and n > 1:
            f["last"] = 1
        f["position"] = i / (n - 1) if n > 1 else 0.0
        if i == intro_end and _takes_stance(r):
            f["intro_end"] = 1
        if i in intro_first and sentence_start:
            f["intro_first"] = 1
        if essay and r.unit.paragraph not in (first_para, last_para):
            f["body_paragraph"] = 1
        if several and r.unit.paragraph == last_para:
            f["last_paragraph"] = 1
        if several and (i == 0 or rs[i - 1].unit.paragraph != r.unit.paragraph):
            f["paragraph_opening"] = 1
        if several and len(words[i]) >= 2 and (i in opening or i in closing):
            # The introduction and the conclusion only (at most RESTATE_UNITS units each): linear in length.
            # A thesis takes a stance: a story's opening line that shares the topic is not restated.
            for k in closing if i in opening else opening:
                if _restates(words[i], words[k]) and _takes_stance(r if i in opening else rs[k]):
                    f["restated" if i in opening else "restates"] = 1
                    break
        conclusion = r.starts.get("conclusion")
        if conclusion and sentence_start:
            f["conclusion_opening"], c["conclusion_opening"] = 1, conclusion
        elif _cue(r, "conclusion"):
            f["conclusion_inside"], c["conclusion_inside"] = 1, _cue(r, "conclusion") or ""
        summing = _SUMMING.match(r.low) if sentence_start else None
        if summing:
            f["summary_opening"], c["summary_opening"] = 1, summing.group(1)
        concedes = _CONCEDES.search(r.low)
        if concedes:
            f["concession"], c["concession"] = 1, concedes.group(1)
        opinion = next((o for o in _OPINION if o in r.low), None)
        if opinion:
            f["opinion"], c["opinion"] = 1, opinion
        for key in ("stance", "evaluative"):
            if key in r.inner:
                f[key], c[key] = 1, r.inner[key]
        for key in ("premise", "addition", "example", "counter"):
            if key in r.starts:
                f[f"{key}_opening"], c[f"{key}_opening"] = 1, r.starts[key]
        opponent = r.starts.get("opponent") or r.inner.get("opponent")
        if opponent:
            f["opponent_cue"], c["opponent_cue"] = 1, opponent
        if r.question:
            f["question"] = 1
        if "rhetorical question" in r.tags:
            f["rhetorical"] = 1
        if title_words and len(title_words & words[i]) >= min(2, len(title_words)):
            f["title"] = 1
        past = _PAST.search(r.low) is not None and _PRESENT.search(r.low) is None
        if past and _FIRST_PERSON.search(r.low):
            f["testimony"] = 1
        elif past:
            f["narrative"] = 1
        if len(r.low.split()) < SHORT_WORDS:
            f["short"] = 1
        if "background" in r.tags:
            f["background"] = 1
        if not sentence_start:
            f["inside_sentence"] = 1
        if r.granted:
            f["granted"], c["granted"] = 1, r.granted
        if r.turn:
            f["turn"], c["turn"] = 1, r.turn
        rows.append(f)
        cues.append(c)
    return rows, cues


_REFERENCE = re.compile(
    r"__url__|https?://|\bwww\.|\baccording to\b|\bsee\s+(?:the\s+)?(?:section|page|http|www|__url__)|§"
    r"|\b(?:section|page|p\.)\s*\d"
)
_NUMBER = re.compile(r"\d")
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours)\b")


def kinds_of(r: Reading, row: Row) -> frozenset[str]:
    """The kinds of proposition unit ``r`` states (:data:`KINDS`), from its words and its features ``row``."""
    out = set()
    if _FIRST_PERSON.search(r.low):
        out.add("kind.i")
    if _SECOND_PERSON.search(r.low):
        out.add("kind.you")
    if "stance" in row:
        out.add("kind.policy")
    if "evaluative" in row or "opinion" in row:
        out.add("kind.value")
    if not out & {"kind.policy", "kind.value"} and "testimony" not in row and "question" not in row:
        out.add("kind.fact")
    if _REFERENCE.search(r.low):
        out.add("kind.reference")
    if _NUMBER.search(r.low):
        out.add("kind.number")
    return frozenset(out)


@dataclass(frozen=True)
class PairContext:
    """What :func:`pair_row` reads of every unit, computed once a text: content words, and the cues joined
    to a link's direction as its source and as its target."""

    words: list[frozenset[str]]
    kinds: list[frozenset[str]]
    as_source: list[tuple[str, ...]]
    as_target: list[tuple[str, ...]]


def pair_context(rs: list[Reading], rows: list[Row]) -> PairContext:
    """The per-unit part of every pair's features (``rows``: the units' own features)."""
    words = [content_words(r.low) for r in rs]
    kinds = [kinds_of(r, row) for r, row in zip(rs, rows, strict=True)]
    source = [
        tuple(sorted({c for c in SOURCE_DIRECTED if c in row} | k))
        for row, k in zip(rows, kinds, strict=True)
    ]
    target = [
        tuple(sorted({c for c in TARGET_DIRECTED if c in row} | k))
        for row, k in zip(rows, kinds, strict=True)
    ]
    return PairContext(words=words, kinds=kinds, as_source=source, as_target=target)


def pair_row(rs: list[Reading], i: int, j: int, main: int | None, ctx: PairContext) -> Row:
    """The features of the link from unit ``i`` (source) to unit ``j`` (target)."""
    a, b = rs[i], rs[j]
    words = ctx.words
    f: Row = {}
    proposed = a.link[1] if a.link is not None else None
    if a.link is not None and proposed == j:
        f["rule"] = 1
        if a.rule:
            f[f"rule:{a.rule}"] = 1
    elif a.link is not None:
        f["rule_elsewhere"] = 1
    if j == main:
        f["to_main"] = 1
    direction = "before" if j == i - 1 else "after" if j == i + 1 else "back" if j < i else "ahead"
    if j == i - 1:
        f["before"] = 1
    if j == i + 1:
        f["after"] = 1
    f["distance"] = math.log1p(abs(i - j) - 1)
    gap = b.unit.sentence - a.unit.sentence
    if gap == 0:
        f["same_sentence"] = 1
    elif gap == -1:
        f["previous_sentence"] = 1
    elif gap == 1:
        f["next_sentence"] = 1
    f["sentence_gap"] = math.log1p(max(abs(gap) - 1, 0))
    if a.unit.paragraph == b.unit.paragraph:
        f["same_paragraph"] = 1
        if j == 0 or rs[j - 1].unit.paragraph != b.unit.paragraph:
            f["paragraph_head"] = 1
    elif b.unit.paragraph == a.unit.paragraph + 1:
        f["next_paragraph"] = 1
    elif b.unit.paragraph == a.unit.paragraph - 1:
        f["previous_paragraph"] = 1
    shared = len(words[i] & words[j])
    if shared >= 2:
        f["overlap"] = 1
    if shared:
        f["overlap_share"] = shared / len(words[i] | words[j])
    if a.voice != b.voice:
        f["sides_differ"] = 1
    if "background" in b.tags or "question" in b.tags:
        f["target_off_line"] = 1
    if "background" in a.tags or "question" in a.tags:
        f["source_off_line"] = 1
    if j > i:
        f["target_later"] = 1
    for c in ctx.as_source[i]:
        f[f"{direction}.source.{c}"] = 1
    for c in ctx.as_target[j]:
        f[f"{direction}.target.{c}"] = 1
    return f


def link_rows(rs: list[Reading], rows: list[Row]) -> list[Row]:
    """Each unit's features for "does it link to anything?": its own, and its text's (length, testimony)."""
    n = len(rs)
    first = sum(1 for r in rs if _FIRST_PERSON.search(r.low)) / n if n else 0.0
    told = sum(1 for row in rows if "testimony" in row) / n if n else 0.0
    # The text's length and paragraphs are left out on purpose: the corpora are short, so a weight on length
    # would extrapolate wildly to a long op-ed.
    text: Row = {
        "text_first_person": first,
        "text_testimony": told,
    }
    out = []
    for r, row in zip(rs, rows, strict=True):
        f = {**row, **text}
        if r.link is not None:
            f["rule_linked"] = 1
        if r.voice == "opponent":
            f["opponent"] = 1
        out.append(f)
    return out
