"""The argument-map model: the one vocabulary every part of Argmap speaks.

An ``ArgumentMap`` holds statements (claims), first-class inferences (premises → conclusion),
attacks (on a statement: rebut; on an inference: undercut), evidence attached to statements,
and the source piece it came from. Every model is frozen: an edit builds a new map through the
constructor, so the invariants below always run (``model_copy(update=...)`` would skip them).

Roles (main conclusion, premise, objection, ...) are not stored: ``argmap.roles`` derives them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from argmap.errors import Problem

# 2 added comments and saved_by, 3 the elements' ``rules``; an older file is a version-3 map without what
# came later, so it loads as one.
SCHEMA_VERSION: Final = 3

# Documented size limits (README, "The file format").
MAX_STATEMENTS = 20_000  # a large online debate (the Argdown CLI maps 20,000 statements in ~11 s)
MAX_ELEMENTS = 60_000  # statements + inferences + attacks + evidence
MAX_STATEMENT_CHARS = 20_000
MAX_SOURCE_CHARS = 2_000_000

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:-]{1,64}$")]
StatementRating = Literal["accepted", "doubtful", "rejected"]
InferenceRating = Literal["strong", "weak", "none"]
Reliability = Literal["high", "medium", "low"]
EvidenceKind = Literal["statistic", "study", "expert", "testimony", "example", "document", "other"]
EVIDENCE_KINDS: tuple[str, ...] = EvidenceKind.__args__  # type: ignore[attr-defined]
EVIDENCE_KIND_LABELS = {
    "statistic": "statistic",
    "study": "study / report",
    "expert": "expert opinion",
    "testimony": "testimony / quote",
    "example": "example / anecdote",
    "document": "document",
    "other": "other",
}


class InvariantsBroken(ValueError):
    """Raised inside validation; keeps each problem apart so callers can list them one by one.

    pydantic wraps it in a ``ValidationError`` whose error ``ctx["error"]`` is this exception.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """Where an element's words stand in the source text: ``text == source.text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Answer(_Frozen):
    """A user's answer to one critical question of an argumentation scheme."""

    question: str
    answer: Literal["yes", "no", "open"] = "open"
    note: str | None = None


class _Element(_Frozen):
    """Metadata every element of a map carries: who added it and when, and why it is there."""

    id: Id
    author: str | None = None
    created: datetime | None = None
    note: str | None = None
    # Why the extractor (or a user) put it here: the cue words and the rule that fired.
    cues: tuple[str, ...] = ()
    reason: str | None = None
    # The names of what made the extractor's decision, which ``reason`` words: rule ids (``stage.name``, the
    # table of argmap.extractor.rules) and the learned features that weighed most (``model:feature``).
    rules: tuple[str, ...] = ()
    # Earlier reasons, oldest first: an edit that changes an element's place writes a new ``reason``
    # ("moved under s4 by Sam") and keeps the one it replaces (often the extractor's) readable here.
    history: tuple[str, ...] = ()


class Statement(_Element):
    """A claim: text, optionally anchored to its words in the source."""

    text: str
    span: Span | None = None
    implicit: bool = False  # an unstated premise or assumption the reader supplies
    tags: tuple[str, ...] = ()
    rating: StatementRating | None = None


class _Relation(_Element):
    scheme: str | None = None  # argumentation scheme name (see argmap.analysis.schemes)
    answers: tuple[Answer, ...] = ()
    rating: InferenceRating | None = None


class Inference(_Relation):
    """Premises that together support a conclusion (several premises = linked co-premises)."""

    premises: tuple[Id, ...]
    conclusion: Id


class Attack(_Relation):
    """A statement attacking a statement (rebut) or an inference (undercut)."""

    source: Id
    target: Id


class EvidenceSource(_Frozen):
    """Where a piece of evidence comes from."""

    title: str | None = None
    author: str | None = None  # author or outlet
    url: str | None = None
    date: str | None = None

    def label(self) -> str:
        """A one-line human label: author, title, date."""
        parts = [p for p in (self.author, self.title, self.date) if p]
        return ", ".join(parts) if parts else (self.url or "")


class Evidence(_Element):
    """Evidence backing a statement: a figure, a report, a quote, an example."""

    target: Id
    kind: EvidenceKind = "other"
    text: str
    span: Span | None = None
    source: EvidenceSource | None = None
    reliability: Reliability | None = None


class Comment(_Frozen):
    """One message in the discussion of an element: a thread opens with a comment, replies follow it.

    ``reply_to`` is the comment opening the thread (one level: a reply to a reply joins the same
    thread); ``resolved`` is kept on that opening comment and closes the whole thread.
    """

    id: Id
    target: Id  # the statement, inference, attack or evidence discussed
    text: str
    author: str | None = None
    created: datetime | None = None
    reply_to: Id | None = None
    resolved: bool = False


class Source(_Frozen):
    """The piece a map was drawn from."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    text: str = ""


class Review(_Frozen):
    """A user's decision on one audit finding (``argmap.analysis.audit``): the question put to the
    writer, and whether it was answered or the point dismissed. ``key`` names the finding (its check
    and nodes); a review whose finding no longer fires is kept, harmlessly, until the user clears it."""

    key: str = Field(min_length=1, max_length=400)
    status: Literal["asked", "answered", "dismissed"]
    question: str | None = None
    note: str | None = None
    author: str | None = None
    created: datetime | None = None


class ArgumentMap(_Frozen):
    """A whole argument map. Construct it (or ``model_validate`` it) and the invariants run."""

    schema_version: Literal[3] = SCHEMA_VERSION
    id: Id
    title: str = "Untitled map"
    created: datetime | None = None
    updated: datetime | None = None
    revision: int = Field(default=0, ge=0)
    saved_by: str | None = None  # who saved this revision (the store sets it with the revision)
    source: Source | None = None
    main: Id | None = None  # a main conclusion the user pinned; otherwise derived
    statements: tuple[Statement, ...] = ()
    inferences: tuple[Inference, ...] = ()
    attacks: tuple[Attack, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    comments: tuple[Comment, ...] = ()
    reviews: tuple[Review, ...] = ()  # the editor's audit decisions (what users decide is stored)

    @field_validator("schema_version", mode="before")
    @classmethod
    def _upgrade(cls, value: object) -> object:
        return SCHEMA_VERSION if value in (1, 2) else value  # they lack only what later versions added

    @model_validator(mode="after")
    def _check_invariants(self) -> ArgumentMap:
        found = problems(self)
        if found:
            raise InvariantsBroken(found)
        return self

    # Look-ups used everywhere (a page names hundreds of elements a rerun): through an index by id, built
    # once per map and kept while it lives (a frozen map never goes stale); a scan made labelling every
    # element of a 500-node map quadratic.
    def statement(self, sid: str) -> Statement:
        """The statement with id ``sid`` (KeyError if none)."""
        found = self._index().get(sid)
        if not isinstance(found, Statement):
            raise KeyError(sid)
        return found

    def element(self, eid: str) -> Statement | Inference | Attack | Evidence:
        """Any element by id (KeyError if none)."""
        return self._index()[eid]

    def ids(self) -> set[str]:
        """Every id in the map (a new set: the caller may change it)."""
        return set(self._index())

    def _index(self) -> dict[str, Statement | Inference | Attack | Evidence]:
        from argmap import graph  # graph reads the model: imported when first used, not at load

        return graph.memo(self, "model.index", _index_by_id)


def _index_by_id(amap: ArgumentMap) -> dict[str, Statement | Inference | Attack | Evidence]:
    """Every element by id; where an id repeats (an invalid map being reported), the first one, in the
    order statements, inferences, attacks, evidence."""
    every: tuple[Statement | Inference | Attack | Evidence, ...] = (
        *amap.statements, *amap.inferences, *amap.attacks, *amap.evidence,
    )  # fmt: skip
    return {e.id: e for e in reversed(every)}


_GROUPS = ("statements", "inferences", "attacks", "evidence")


def size_problems(data: object) -> list[Problem]:
    """The size limits, checked on a map's plain data (parsed JSON) before any element is validated.

    Validating first let a file of 60,000 empty statements cost seconds and gigabytes, and list
    every one of them, before the limit refused it.
    """
    if not isinstance(data, dict):
        return []
    out: list[Problem] = []
    crowded = _crowded(data)
    if crowded:  # each unknown key is a problem for pydantic: a million of them took 1.6 GB to list
        return [crowded]
    groups = {g: data.get(g) for g in _GROUPS}
    sizes = {g: len(v) if isinstance(v, list | tuple) else 0 for g, v in groups.items()}
    if sizes["statements"] > MAX_STATEMENTS:
        out.append(Problem("statements", f"{sizes['statements']} statements; the limit is {MAX_STATEMENTS}"))
    if sum(sizes.values()) > MAX_ELEMENTS:
        out.append(Problem("map", f"{sum(sizes.values())} elements; the limit is {MAX_ELEMENTS}"))
    source = data.get("source")
    text = source.get("text") if isinstance(source, dict) else None
    if isinstance(text, str) and len(text) > MAX_SOURCE_CHARS:
        out.append(Problem("source.text", f"{len(text)} characters; the limit is {MAX_SOURCE_CHARS}"))
    return out


MAX_FIELDS = 64  # keys in one object of a map file: no part of a map has a third as many fields


def _crowded(data: dict[str, object]) -> Problem | None:
    """The first object of the map's data (the map, its source, an element, a span...) with more than
    ``MAX_FIELDS`` keys, as a problem: a walk of the plain data's containers, without recursion; where
    it is is spelled out only when there is one (a second walk), so a good map costs one quick pass."""
    stack: list[object] = [data]
    pop, extend = stack.pop, stack.extend
    while stack:
        node = pop()
        if type(node) is dict:
            if len(node) > MAX_FIELDS:
                return Problem(_place(data, node), f"{len(node):,} fields; no part of a map has {MAX_FIELDS}")
            extend(v for v in node.values() if type(v) is dict or type(v) is list)
        else:
            extend(v for v in node if type(v) is dict or type(v) is list)  # type: ignore[attr-defined]
    return None


def _place(data: object, target: object) -> str:
    """Where ``target`` is in ``data``: ``statements[3].span``."""
    stack: list[tuple[object, str]] = [(data, "")]
    while stack:
        node, where = stack.pop()
        if node is target:
            return where.lstrip(".") or "map"
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for k, v in items:
            if isinstance(v, dict | list):
                stack.append((v, f"{where}[{k}]" if isinstance(k, int) else f"{where}.{k}"))
    return "map"


def problems(amap: ArgumentMap) -> list[Problem]:
    """Every invariant ``amap`` breaks, each naming the element at fault (empty when valid)."""
    out: list[Problem] = []
    add = out.append
    if len(amap.statements) > MAX_STATEMENTS:
        add(Problem("statements", f"{len(amap.statements)} statements; the limit is {MAX_STATEMENTS}"))
    total = len(amap.statements) + len(amap.inferences) + len(amap.attacks) + len(amap.evidence)
    if total > MAX_ELEMENTS:
        add(Problem("map", f"{total} elements; the limit is {MAX_ELEMENTS}"))
    if len(amap.reviews) > MAX_ELEMENTS:
        add(Problem("reviews", f"{len(amap.reviews)} reviews; the limit is {MAX_ELEMENTS}"))
    source_text = amap.source.text if amap.source else ""
    if len(source_text) > MAX_SOURCE_CHARS:
        add(Problem("source.text", f"{len(source_text)} characters; the limit is {MAX_SOURCE_CHARS}"))

    # Set comprehensions first (cheap); the element-by-element walk only when there is a duplicate.
    sids = {s.id for s in amap.statements}
    iids = {i.id for i in amap.inferences}
    others = [e.id for group in (amap.attacks, amap.evidence) for e in group]
    if len(sids) + len(iids) + len(others) != total or len(sids | iids | set(others)) != total:
        seen: set[str] = set()
        for group, kind in (
            (amap.statements, "statement"),
            (amap.inferences, "inference"),
            (amap.attacks, "attack"),
            (amap.evidence, "evidence"),
        ):
            for e in group:
                if e.id in seen:
                    add(Problem(f"{kind} '{e.id}'", "duplicate id"))
                seen.add(e.id)

    def span_ok(where: str, span: Span | None) -> None:
        if span is None:
            return
        if amap.source is None:
            add(Problem(where, "has a span but the map has no source text"))
        elif span.end < span.start or span.end > len(source_text):
            add(
                Problem(
                    where,
                    f"span {span.start}-{span.end} lies outside the source text "
                    f"({len(source_text)} characters)",
                )
            )
        # Lengths first: slicing a long stretch of the source for each of thousands of spans made a
        # 4 KB share link cost half a minute; a slice is taken only as long as the span's own words.
        elif span.end - span.start != len(span.text) or source_text[span.start : span.end] != span.text:
            add(
                Problem(
                    where, f"span {span.start}-{span.end} does not match its quoted words {span.text[:40]!r}"
                )
            )

    # Each loop tests the usual case (nothing wrong) in one line and names problems only past it.
    for s in amap.statements:
        text = s.text
        if text and not text.isspace() and len(text) <= MAX_STATEMENT_CHARS and s.span is None:
            continue
        where = f"statement '{s.id}'"
        if not text.strip():
            add(Problem(where, "text is empty"))
        if len(text) > MAX_STATEMENT_CHARS:
            add(Problem(where, f"text has {len(text)} characters; the limit is {MAX_STATEMENT_CHARS}"))
        span_ok(where, s.span)
    for i in amap.inferences:
        premises, conclusion = i.premises, i.conclusion
        if len(premises) == 1 and premises[0] in sids and conclusion in sids and conclusion != premises[0]:
            continue
        where = f"inference '{i.id}'"
        if not premises:
            add(Problem(where, "has no premise"))
        if len(set(premises)) != len(premises):
            add(Problem(where, "lists a premise twice"))
        for p in premises:
            if p not in sids:
                add(Problem(where, f"premise '{p}' is not a statement in this map"))
        if conclusion not in sids:
            add(Problem(where, f"conclusion '{conclusion}' is not a statement in this map"))
        if conclusion in premises:
            add(Problem(where, f"concludes its own premise '{conclusion}' (self-support)"))
    for a in amap.attacks:
        if a.source in sids and (a.target in sids or a.target in iids) and a.source != a.target:
            continue
        where = f"attack '{a.id}'"
        if a.source not in sids:
            add(Problem(where, f"source '{a.source}' is not a statement in this map"))
        if a.target not in sids and a.target not in iids:
            add(Problem(where, f"target '{a.target}' is not a statement or inference in this map"))
        if a.source == a.target:
            add(Problem(where, "a statement cannot attack itself"))
    for e in amap.evidence:
        where = f"evidence '{e.id}'"
        if not e.text.strip():
            add(Problem(where, "text is empty"))
        if e.target not in sids:
            add(Problem(where, f"target '{e.target}' is not a statement in this map"))
        span_ok(where, e.span)
    if amap.main is not None and amap.main not in sids:
        add(Problem("main", f"pinned main conclusion '{amap.main}' is not a statement in this map"))
    if amap.comments:
        out.extend(comment_problems(amap, sids | iids | set(others)))
    return out


def comment_problems(amap: ArgumentMap, element_ids: set[str]) -> list[Problem]:
    """What is wrong with the comments of ``amap``: each is on an element, replies open no threads."""
    out: list[Problem] = []
    openers = {c.id: c for c in amap.comments if c.reply_to is None}
    seen: set[str] = set()
    for c in amap.comments:
        where = f"comment '{c.id}'"
        if c.id in seen or c.id in element_ids:
            out.append(Problem(where, "duplicate id"))
        seen.add(c.id)
        if not c.text.strip():
            out.append(Problem(where, "text is empty"))
        if len(c.text) > MAX_STATEMENT_CHARS:
            out.append(
                Problem(where, f"text has {len(c.text)} characters; the limit is {MAX_STATEMENT_CHARS}")
            )
        if c.target not in element_ids:
            out.append(Problem(where, f"target '{c.target}' is not an element of this map"))
        if c.reply_to is not None:
            opener = openers.get(c.reply_to)
            if opener is None:
                out.append(Problem(where, f"replies to '{c.reply_to}', which opens no thread in this map"))
            elif opener.target != c.target:
                out.append(Problem(where, f"replies on '{c.target}' to a thread on '{opener.target}'"))
    return out
