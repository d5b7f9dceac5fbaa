"""The extractor's rules as a table: one row per rule, with its id, stage and what it does.

Every rule the pipeline applies is named here and checked by name where it is applied (``on(id)``), so each
can be switched off to measure what it moves (``bench/ablate.py``, ``with switched_off({...}):``). A unit's
reading records the ids of the rules that fired on it (``Reading.fired``), the link rule that proposed its
link (``Reading.rule``), and the map's reasons are worded from them. The learned scores
(:mod:`argmap.extractor.learned`) have their own tables of features in :mod:`argmap.extractor.features`.

Stages, in order: ``evidence`` (what is quoted, reported or counted), ``segment`` (units: where a sentence
is cut), ``tag`` (what a unit is: a rhetorical question), ``voice`` (whose view a unit is), ``main``
(which unit is the main conclusion), ``background`` (what stays off the argument line), ``link`` (which
unit a unit supports or attacks, proposed to the tree), ``decide`` (the learned global decisions).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """One rule: its id (``stage.name``), one line saying what it does, and the words a reason gives it (for
    a rule whose decision has no cue of its own to quote: the main conclusion's)."""

    id: str
    doc: str
    says: str = ""

    @property
    def stage(self) -> str:
        """The stage the rule belongs to (the part of its id before the dot)."""
        return self.id.split(".", 1)[0]


RULES: tuple[Rule, ...] = (
    # evidence: evidence.find_evidence
    Rule("evidence.quotation", "a sentence quoting a named speaker ('\"...,\" said X') is their testimony"),
    Rule("evidence.reported_speech", "'X reports that P': the report backs P, which stays in the argument"),
    Rule("evidence.block_quote", "a paragraph a report introduces with a colon is quoted evidence for it"),
    Rule("evidence.closing_attribution", "'P, as X pointed out': the attribution backs its clause"),
    Rule("evidence.figure", "a sentence with a figure ('%', 'one in five', '1,200') carries a statistic"),
    Rule("evidence.example", "an example or an anecdote ('for example', 'my neighbour lost') backs itself"),
    Rule("evidence.according_to", "'according to X' backs the statement it qualifies"),
    # segment: units.split_units
    Rule("segment.comma_connective", "a comma before a connective ('but', 'because', 'so') opens a unit"),
    Rule("segment.bare_connective", "'because', 'although', 'leads to' open a unit even without a comma"),
    Rule("segment.new_subject", "'and'/'but' before a new subject ('and they') opens a unit"),
    Rule("segment.causal_for", "', for' before a clause ('..., for it is') opens a reason"),
    Rule("segment.semicolon", "a semicolon ends a unit"),
    Rule("segment.which_consequence", "', which' + a verb of consequence is the next link of a chain"),
    Rule("segment.if_then", "'If X, then Y': the consequent is a unit of its own"),
    Rule("segment.colon", "a colon between two clause-sized parts ends a unit"),
    Rule("segment.initial_subordinate", "'Although X, Y': the opening subordinate clause is a unit"),
    # voice: relations._mark_voices, _quoted_opponent
    Rule("voice.opponent_cue", "a concession or report ('admittedly', 'some say') voices the other side"),
    Rule("voice.turn", "an answer marker right after the author's claim turns against it (an objection)"),
    Rule("voice.granted", "an answer marker ('but', 'however') grants the unit before to the other side"),
    Rule("voice.anaphoric_grant", "'X. That may be true, but ...': X is the other side's view"),
    Rule("voice.and_joined", "a unit joined by 'and' to an objection shares its voice"),
    Rule("voice.stretch", "the other side's stretch runs on to the author's answer"),
    Rule("voice.block_quote", "a Markdown block quote the author answers straight after is the other side's"),
    Rule(
        "voice.contrast_report",
        "a contrast opening a report ('On the other hand, critics argue') voices the other side, no answer",
    ),
    Rule(
        "voice.answer_needed",
        "a weak sign of the other side ('many drivers say', 'supporters') voices it only if answered",
    ),
    Rule(
        "voice.signal_needed",
        "in an essay, 'X, but Y' gives X to the other side only with a sign of it ('may', 'of course')",
    ),
    # main: relations.plan
    Rule(
        "main.chain_end",
        "a causal chain's claim is its last link ('A leads to B, which kills C')",
        "the last link of a causal chain",
    ),
    Rule(
        "main.thesis_restated",
        "a claim restated or summed up in the conclusion is the introduction's",
        "the introduction's claim, restated in the conclusion",
    ),
    Rule(
        "main.restatement",
        "in an essay, the conclusion's first claim that sums up or restates the main one is its restatement",
    ),
    Rule(
        "main.closing_question",
        "a piece with no stance that ends on a rhetorical question leaves it the verdict",
        "the closing question of a piece that takes no stance",
    ),
    Rule(
        "main.implicit",
        "where no unit may be the main conclusion but units give reasons, the claim is implicit",
    ),
    # tag and background: reading.tag_units, relations._narrative
    Rule(
        "tag.rhetorical_question",
        "a question that implies its answer ('Why would X?', 'Is X really ...?') reads as its claim",
    ),
    Rule("background.open_question", "an open question that frames the piece (the issue) is no reason"),
    Rule("background.aside", "a parenthesis or a label ('To the editor:') stays off the argument line"),
    Rule(
        "background.narrative",
        "in a long piece, a paragraph that only narrates (past tense, no cue) is background",
    ),
    # link: relations._link and after
    Rule("link.rebuttal", "the author's answer after an objection attacks it"),
    Rule("link.opening_reason", "'Since X, Y': the opening reason supports the clause after it"),
    Rule("link.reason_after", "'Y, because X': the reason supports the clause before it"),
    Rule("link.example", "'For example, ...' supports the statement before it"),
    Rule("link.backs_answer", "a unit after an answer, in its paragraph, backs the answer"),
    Rule("link.paragraph_claim", "any other unit supports its paragraph's claim (else the main conclusion)"),
    Rule("link.objection", "an objection attacks the main conclusion"),
    Rule("link.objection_reason", "the other side's further units back its objection"),
    Rule("link.quote_case", "a quoted case is one objection: its other units back its first"),
    Rule("link.quote_answer", "the answer right after a quoted case meets the case as a whole"),
    Rule(
        "link.point_by_point",
        "a paragraph opening with a denial of the other side's point attacks that point",
    ),
    Rule("link.chain", "'A leads to B', 'A, which means B', 'A. So B.': A supports B, B takes A's place"),
    # decide: the learned global decisions (relations._taken_back, _decide_tree)
    Rule("decide.side", "the learned side model takes back a voice the rules gave the other side"),
    Rule("decide.tree", "the maximum spanning arborescence over the learned pair scores picks the links"),
)
BY_ID = {r.id: r for r in RULES}
_off: ContextVar[frozenset[str]] = ContextVar("argmap_rules_off", default=frozenset())


def on(rule_id: str) -> bool:
    """True unless the rule is switched off (see :func:`switched_off`)."""
    assert rule_id in BY_ID, f"unknown rule {rule_id!r}: add it to rules.RULES"
    return rule_id not in _off.get()


@contextmanager
def switched_off(ids: Iterable[str]) -> Iterator[None]:
    """Run the pipeline with these rules off (for measuring each rule's effect)."""
    ids = frozenset(ids)
    unknown = ids - set(BY_ID)
    if unknown:
        raise KeyError(f"unknown rules: {sorted(unknown)}")
    token = _off.set(_off.get() | ids)
    try:
        yield
    finally:
        _off.reset(token)


def table() -> str:
    """The rule table as Markdown (README's "The rules" section is this)."""
    lines = ["| rule | stage | what it does |", "| --- | --- | --- |"]
    lines += [f"| `{r.id}` | {r.stage} | {r.doc} |" for r in RULES]
    return "\n".join(lines)
