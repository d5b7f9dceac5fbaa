"""Edit operations: each takes a map and returns a new, valid map, or raises ``EditError``.

Adds return ``(new_map, new_id)``. Every result is built through the ``ArgumentMap`` constructor
so the invariants run; a failed edit leaves the caller's map untouched (maps are frozen).
Undo and redo over these immutable maps live in ``argmap.edit.history``.
"""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from argmap.describe import name
from argmap.edit.cycles import refuse_cycle
from argmap.edit.wording import by
from argmap.errors import EditError
from argmap.model import (
    Answer,
    ArgumentMap,
    Attack,
    Evidence,
    EvidenceSource,
    Inference,
    Review,
    Span,
    Statement,
)

# The field of ArgumentMap that holds each kind of element.
_GROUP: dict[type, str] = {
    Statement: "statements",
    Inference: "inferences",
    Attack: "attacks",
    Evidence: "evidence",
}


# Letters and digits that cannot be misread for one another (no 0/o, 1/l/i).
_TAG_CHARS = "abcdefghjkmnpqrstuvwxyz23456789"
TAG_LENGTH = 6  # 31**6 tags: two of 200 sessions share one about once in 45,000 tries


def new_tag() -> str:
    """A short random tag (``k3fq9x``): what keeps ids made in two sessions apart."""
    return "".join(secrets.choice(_TAG_CHARS) for _ in range(TAG_LENGTH))


def next_id(amap: ArgumentMap, prefix: str) -> str:
    """A fresh id such as ``s12-k3fq9x`` that no element of ``amap`` uses, nor one made elsewhere.

    The number keeps ids readable and in order (one past the highest ``<prefix><n>`` in the map,
    tagged or not); the random tag keeps two people who both add the twelfth statement of the same
    map from making the same id (``argmap.edit.merge`` still renames a clash, should one happen).
    Ids already in a map are never changed.
    """
    used = amap.ids() | {c.id for c in amap.comments}
    pattern = re.compile(re.escape(prefix) + r"(\d+)(?:-[a-z0-9]+)?")
    nums = [int(m.group(1)) for i in used if (m := pattern.fullmatch(i))]
    n = max(nums, default=0) + 1
    while True:
        candidate = f"{prefix}{n}-{new_tag()}"
        if candidate not in used:
            return candidate


def rebuild(amap: ArgumentMap, **changes: Any) -> ArgumentMap:
    """A copy of ``amap`` with ``changes``, validated; invariant breaks become ``EditError``."""
    data = {name: getattr(amap, name) for name in type(amap).model_fields}
    data.update(changes)
    if "comments" not in changes and amap.comments:
        # An element's thread goes with it (an edit that removes a link removes its discussion).
        alive = {x.id for g in ("statements", "inferences", "attacks", "evidence") for x in data[g]}
        data["comments"] = tuple(c for c in amap.comments if c.target in alive)
    try:
        return ArgumentMap(**data)
    except ValidationError as err:
        msgs = "; ".join(e["msg"].removeprefix("Value error, ") for e in err.errors())
        raise EditError(f"that edit would break the map: {msgs}") from None


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _need(amap: ArgumentMap, eid: str, *kinds: type) -> Any:
    try:
        el = amap.element(eid)
    except KeyError:
        raise EditError(f"no element '{eid}' in this map", element=eid) from None
    if kinds and not isinstance(el, kinds):
        names = " or ".join(k.__name__.lower() for k in kinds)
        raise EditError(f"'{eid}' is a {type(el).__name__.lower()}, not a {names}", element=eid)
    return el


def _swap(amap: ArgumentMap, new: Any) -> ArgumentMap:
    """``amap`` with the element of ``new``'s id replaced by ``new``, validated."""
    group = _GROUP[type(new)]
    return rebuild(amap, **{group: tuple(new if x.id == new.id else x for x in getattr(amap, group))})


def restate(s: Statement, reason: str) -> Statement:
    """``s`` with a new reason; the one it replaces moves to its history."""
    earlier = (*s.history, s.reason) if s.reason else s.history
    return s.model_copy(update={"reason": reason, "history": earlier})


def _new_statement(amap: ArgumentMap, text: str, author: str | None, **kw: Any) -> Statement:
    if not text or not text.strip():
        raise EditError("a statement needs some text")
    return Statement(id=next_id(amap, "s"), text=text.strip(), author=author, created=_now(), **kw)


def _with_statement(amap: ArgumentMap, text: str, author: str | None, **kw: Any) -> tuple[ArgumentMap, str]:
    """``amap`` with a new statement added, and the statement's id."""
    s = _new_statement(amap, text, author, **kw)
    return rebuild(amap, statements=(*amap.statements, s)), s.id


# --- statements -----------------------------------------------------------------------------


def add_statement(
    amap: ArgumentMap,
    text: str,
    *,
    span: Span | None = None,
    implicit: bool = False,
    author: str | None = None,
    tags: tuple[str, ...] = (),
    note: str | None = None,
) -> tuple[ArgumentMap, str]:
    """Add a free-standing statement."""
    return _with_statement(amap, text, author, span=span, implicit=implicit, tags=tags, note=note)


def edit_text(amap: ArgumentMap, eid: str, text: str) -> ArgumentMap:
    """Change the text of a statement or a piece of evidence."""
    el = _need(amap, eid, Statement, Evidence)
    if not text.strip():
        raise EditError("text cannot be empty", element=eid)
    return _swap(amap, el.model_copy(update={"text": text.strip()}))


def update(amap: ArgumentMap, eid: str, **fields: Any) -> ArgumentMap:
    """Set fields (tags, note, rating, scheme, answers, kind, source...) of one element, validated."""
    el = _need(amap, eid)
    if "id" in fields:
        raise EditError("ids cannot be changed", element=eid)
    try:
        new = type(el).model_validate({**el.model_dump(), **fields})
    except ValidationError as err:
        msgs = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors())
        raise EditError(f"cannot update '{eid}': {msgs}", element=eid) from None
    return _swap(amap, new)


def mark_implicit(amap: ArgumentMap, sid: str, implicit: bool = True) -> ArgumentMap:
    """Mark a statement as unstated (implicit) or stated."""
    _need(amap, sid, Statement)
    return update(amap, sid, implicit=implicit)


def pin_main(amap: ArgumentMap, sid: str | None) -> ArgumentMap:
    """Pin a statement as the main conclusion (``None`` unpins: the main is derived again)."""
    if sid is not None:
        _need(amap, sid, Statement)
    return rebuild(amap, main=sid)


def rate(amap: ArgumentMap, eid: str, rating: str | None) -> ArgumentMap:
    """Rate a statement (accepted/doubtful/rejected), an inference or attack (strong/weak/none),
    or evidence reliability (high/medium/low)."""
    el = _need(amap, eid)
    key = "reliability" if isinstance(el, Evidence) else "rating"
    return update(amap, eid, **{key: rating})


def set_scheme(
    amap: ArgumentMap, rid: str, scheme: str | None, answers: tuple[Answer, ...] = ()
) -> ArgumentMap:
    """Set the argumentation scheme of an inference or attack, with answers to its questions."""
    _need(amap, rid, Inference, Attack)
    return update(amap, rid, scheme=scheme, answers=[a.model_dump() for a in answers])


# --- support --------------------------------------------------------------------------------


def link_premise(
    amap: ArgumentMap,
    premise: str,
    conclusion: str,
    *,
    join: str | None = None,
    author: str | None = None,
    cues: tuple[str, ...] = (),
) -> tuple[ArgumentMap, str]:
    """Make an existing statement support ``conclusion``: a new reason, or a co-premise of ``join``."""
    _need(amap, premise, Statement)
    _need(amap, conclusion, Statement)
    if premise == conclusion:
        raise EditError("a statement cannot support itself", element=premise)
    if join is not None:
        inf = _need(amap, join, Inference)
        if inf.conclusion != conclusion:
            raise EditError(
                f"inference '{join}' concludes '{inf.conclusion}', not '{conclusion}'", element=join
            )
        if premise in inf.premises:
            raise EditError(f"'{premise}' is already a premise of '{join}'", element=join)
        return _swap(amap, inf.model_copy(update={"premises": (*inf.premises, premise)})), join
    for inf in amap.inferences:
        if inf.conclusion == conclusion and inf.premises == (premise,):
            raise EditError(f"'{premise}' already supports '{conclusion}' ({inf.id})", element=inf.id)
    inf = Inference(
        id=next_id(amap, "i"),
        premises=(premise,),
        conclusion=conclusion,
        author=author,
        created=_now(),
        cues=cues,
    )
    return rebuild(amap, inferences=(*amap.inferences, inf)), inf.id


def add_premise(
    amap: ArgumentMap,
    conclusion: str,
    text: str,
    *,
    join: str | None = None,
    implicit: bool = False,
    author: str | None = None,
) -> tuple[ArgumentMap, str]:
    """Add a new statement supporting ``conclusion``: a new reason, or a co-premise of ``join``.

    Returns the new map and the new statement's id.
    """
    _need(amap, conclusion, Statement)
    how = f"a co-premise in {name(amap, join)}" if join else "a reason"
    reason = f"added as {how} for {name(amap, conclusion)}{by(author)}"
    with_s, sid = _with_statement(amap, text, author, implicit=implicit, reason=reason)
    return link_premise(with_s, sid, conclusion, join=join, author=author)[0], sid


def relink(amap: ArgumentMap, sid: str, new_conclusion: str, *, author: str | None = None) -> ArgumentMap:
    """Move a statement under another conclusion: its support (or attack) now goes there.

    A move that would make circular argument is refused, naming the link that would close the
    circle. The moved statement's reason says where it went and who moved it; the reasons it
    replaces (its own and the old link's, often the extractor's) stay readable in its history.
    """
    s = _need(amap, sid, Statement)
    target = _need(amap, new_conclusion, Statement, Inference)
    if sid == new_conclusion:
        raise EditError("a statement cannot be moved under itself", element=sid)
    head = target.conclusion if isinstance(target, Inference) else new_conclusion
    if head == sid:
        raise EditError(f"{sid} cannot attack a step into itself", element=sid)
    refuse_cycle(amap, sid, head, moving=True)
    outgoing_attacks = [a for a in amap.attacks if a.source == sid]
    supports = [i for i in amap.inferences if sid in i.premises]
    old_links: list[Attack | Inference] = [*outgoing_attacks, *supports]
    old_places = [a.target for a in outgoing_attacks] + [i.conclusion for i in supports]
    if any(a.target == new_conclusion for a in outgoing_attacks) or any(
        i.premises == (sid,) and i.conclusion == new_conclusion for i in amap.inferences
    ):
        raise EditError(f"{sid} is already under {new_conclusion}", element=sid)
    verb = "attacks" if outgoing_attacks else "supports"
    reason = f"moved under {name(amap, new_conclusion)}{by(author)} (now {verb} it)"
    earlier = [*s.history, *([s.reason] if s.reason else [])]
    for link, place in zip(old_links, old_places, strict=True):
        if link.reason:
            earlier.append(f"drafted under {place}: {link.reason}")
    moved = s.model_copy(update={"reason": reason, "history": tuple(earlier)})
    amap = _swap(amap, moved)
    if outgoing_attacks:
        first = outgoing_attacks[0].model_copy(
            update={"target": new_conclusion, "author": author or outgoing_attacks[0].author}
        )
        return rebuild(
            amap,
            attacks=tuple(
                first if a.id == first.id else a for a in amap.attacks if a.source != sid or a.id == first.id
            ),
        )
    if isinstance(target, Inference):
        raise EditError("only an attacker can be moved onto an inference (as an undercut)", element=sid)
    kept: list[Inference] = []
    for inf in amap.inferences:
        if sid in inf.premises:
            rest = tuple(p for p in inf.premises if p != sid)
            if rest:
                kept.append(inf.model_copy(update={"premises": rest}))
        else:
            kept.append(inf)
    base = rebuild(
        amap,
        inferences=tuple(kept),
        attacks=tuple(
            a for a in amap.attacks if a.target in {i.id for i in kept} | {s.id for s in amap.statements}
        ),
    )
    out, _ = link_premise(base, sid, new_conclusion, author=author)
    return out


# --- attacks --------------------------------------------------------------------------------


def add_attack(
    amap: ArgumentMap,
    target: str,
    text: str,
    *,
    author: str | None = None,
    implicit: bool = False,
) -> tuple[ArgumentMap, str]:
    """Add a counterargument: an objection to a statement, or an undercut of an inference.

    Attacking an objection makes a rebuttal: roles follow from the graph. Returns the new
    statement's id.
    """
    _need(amap, target, Statement, Inference)
    reason = f"added as an attack on {name(amap, target)}{by(author)}"
    with_s, sid = _with_statement(amap, text, author, implicit=implicit, reason=reason)
    return link_attack(with_s, sid, target, author=author)[0], sid


def link_attack(
    amap: ArgumentMap, source: str, target: str, *, author: str | None = None, cues: tuple[str, ...] = ()
) -> tuple[ArgumentMap, str]:
    """Make an existing statement attack a statement or an inference."""
    _need(amap, source, Statement)
    _need(amap, target, Statement, Inference)
    if any(a.source == source and a.target == target for a in amap.attacks):
        raise EditError(f"'{source}' already attacks '{target}'", element=source)
    a = Attack(id=next_id(amap, "a"), source=source, target=target, author=author, created=_now(), cues=cues)
    return rebuild(amap, attacks=(*amap.attacks, a)), a.id


add_objection = add_attack


def add_rebuttal(
    amap: ArgumentMap, objection: str, text: str, *, author: str | None = None
) -> tuple[ArgumentMap, str]:
    """Answer an objection: a statement attacking the attacker."""
    _need(amap, objection, Statement)
    if not any(a.source == objection for a in amap.attacks):
        raise EditError(
            f"'{objection}' is not an objection (it attacks nothing) so cannot be rebutted", element=objection
        )
    return add_attack(amap, objection, text, author=author)


# --- evidence -------------------------------------------------------------------------------


def attach_evidence(
    amap: ArgumentMap,
    target: str,
    text: str,
    *,
    kind: str = "other",
    source: EvidenceSource | None = None,
    span: Span | None = None,
    reliability: str | None = None,
    author: str | None = None,
) -> tuple[ArgumentMap, str]:
    """Attach evidence (a quote, a figure, a report...) to a statement."""
    _need(amap, target, Statement)
    if not text.strip():
        raise EditError("evidence needs some text (the quote, figure or description)")
    try:
        e = Evidence(
            id=next_id(amap, "e"),
            target=target,
            kind=kind,  # type: ignore[arg-type]
            text=text.strip(),
            source=source,
            span=span,
            reliability=reliability,  # type: ignore[arg-type]
            author=author,
            created=_now(),
        )
    except ValidationError as err:
        raise EditError(f"evidence: {err.errors()[0]['loc'][0]}: {err.errors()[0]['msg']}") from None
    return rebuild(amap, evidence=(*amap.evidence, e)), e.id


def detach_evidence(amap: ArgumentMap, eid: str) -> ArgumentMap:
    """Remove a piece of evidence (and the comments on it)."""
    _need(amap, eid, Evidence)
    return rebuild(
        amap,
        evidence=tuple(e for e in amap.evidence if e.id != eid),
        comments=tuple(c for c in amap.comments if c.target != eid),
    )


# --- removal and merging --------------------------------------------------------------------


def remove(amap: ArgumentMap, eid: str, *, author: str | None = None) -> ArgumentMap:
    """Remove any element, with a defined cascade.

    Removing a statement drops it from every inference; an inference left without premises, or
    whose conclusion is gone, goes too; attacks from or on anything removed go; its evidence goes;
    a pin on it is lifted. Removing an inference removes the undercuts aimed at it.
    """
    el = _need(amap, eid)
    if isinstance(el, Evidence):
        return detach_evidence(amap, eid)
    gone_s = {eid} if isinstance(el, Statement) else set()
    gone_i = {eid} if isinstance(el, Inference) else set()
    gone_a = {eid} if isinstance(el, Attack) else set()
    infs: list[Inference] = []
    for inf in amap.inferences:
        if inf.id in gone_i or inf.conclusion in gone_s:
            gone_i.add(inf.id)
            continue
        rest = tuple(p for p in inf.premises if p not in gone_s)
        if not rest:
            gone_i.add(inf.id)
            continue
        infs.append(inf if rest == inf.premises else inf.model_copy(update={"premises": rest}))
    attacks = tuple(
        a
        for a in amap.attacks
        if a.id not in gone_a and a.source not in gone_s and a.target not in gone_s | gone_i
    )
    evidence = tuple(e for e in amap.evidence if e.target not in gone_s)
    kept = {x.id for group in (amap.statements, infs, attacks, evidence) for x in group} - gone_s
    # A statement that argued only for what went now stands apart: its reason says so.
    argued_before = {p for i in amap.inferences for p in i.premises} | {a.source for a in amap.attacks}
    argues_now = {p for i in infs for p in i.premises} | {a.source for a in attacks}
    orphans = (argued_before - argues_now) - gone_s
    what = name(amap, eid)
    statements = tuple(
        restate(s, f"stands apart: {what}, which it argued about, was deleted{by(author)}")
        if s.id in orphans
        else s
        for s in amap.statements
        if s.id not in gone_s
    )
    return rebuild(
        amap,
        statements=statements,
        inferences=tuple(infs),
        attacks=attacks,
        evidence=evidence,
        main=None if amap.main in gone_s else amap.main,
        comments=_comments_on(amap, kept),
    )


def _comments_on(amap: ArgumentMap, kept: set[str]) -> tuple[Any, ...]:
    """The comments of ``amap`` whose element is in ``kept`` (a thread goes with its element)."""
    return tuple(c for c in amap.comments if c.target in kept)


def merge(amap: ArgumentMap, keep: str, drop: str, *, author: str | None = None) -> ArgumentMap:
    """Merge two duplicate statements: every link to ``drop`` now goes to ``keep``; ``drop`` goes.

    Links that would become self-support or duplicates are dropped.
    """
    _need(amap, keep, Statement)
    _need(amap, drop, Statement)
    if keep == drop:
        raise EditError("cannot merge a statement with itself", element=keep)

    def sub(x: str) -> str:
        return keep if x == drop else x

    infs: list[Inference] = []
    seen_inf: dict[tuple[tuple[str, ...], str], str] = {}
    same_as: dict[str, str] = {}  # an inference that became a duplicate -> the one kept
    for inf in amap.inferences:
        prem = tuple(dict.fromkeys(sub(p) for p in inf.premises))
        concl = sub(inf.conclusion)
        prem = tuple(p for p in prem if p != concl)
        key = (tuple(sorted(prem)), concl)
        if not prem:
            continue
        if key in seen_inf:
            same_as[inf.id] = seen_inf[key]
            continue
        seen_inf[key] = inf.id
        infs.append(inf.model_copy(update={"premises": prem, "conclusion": concl}))
    inf_ids = {i.id for i in infs}
    attacks: list[Attack] = []
    seen_att: set[tuple[str, str]] = set()
    for a in amap.attacks:
        # An undercut of a duplicate inference now undercuts the one kept, rather than vanishing.
        src, tgt = sub(a.source), same_as.get(a.target, sub(a.target))
        if src == tgt or (src, tgt) in seen_att:
            continue
        if tgt not in inf_ids and tgt != keep and tgt not in {s.id for s in amap.statements}:
            continue
        seen_att.add((src, tgt))
        attacks.append(a.model_copy(update={"source": src, "target": tgt}))
    kept_s = amap.statement(keep)
    dropped = amap.statement(drop)
    tags = tuple(dict.fromkeys((*kept_s.tags, *dropped.tags)))
    merged = restate(kept_s, f"merged with {name(amap, drop)}{by(author)}").model_copy(update={"tags": tags})
    statements = tuple(merged if s.id == keep else s for s in amap.statements if s.id != drop)
    kept_attacks = tuple(a for a in attacks if a.target in inf_ids or a.target in {s.id for s in statements})
    evidence = tuple(e.model_copy(update={"target": sub(e.target)}) for e in amap.evidence)
    alive = {x.id for g in (statements, infs, kept_attacks, evidence) for x in g}
    # The dropped duplicate's threads move to the statement kept; a duplicate link's go with it.
    retargeted = (
        c.model_copy(update={"target": same_as.get(c.target, sub(c.target))}) for c in amap.comments
    )
    return rebuild(
        amap,
        statements=statements,
        inferences=tuple(infs),
        attacks=kept_attacks,
        evidence=evidence,
        main=sub(amap.main) if amap.main else None,
        comments=tuple(c for c in retargeted if c.target in alive),
    )


# --- the audit ------------------------------------------------------------------------------


def review(
    amap: ArgumentMap,
    key: str,
    status: str | None,
    *,
    question: str | None = None,
    note: str | None = None,
    author: str | None = None,
) -> ArgumentMap:
    """Record the user's decision on the audit finding ``key``: ``asked`` (with the question for the
    writer), ``answered`` or ``dismissed``; ``None`` clears it. The question and note are kept when
    the status changes and none is given."""
    old = next((r for r in amap.reviews if r.key == key), None)
    rest = tuple(r for r in amap.reviews if r.key != key)
    if status is None:
        return rebuild(amap, reviews=rest)
    if status not in ("asked", "answered", "dismissed"):
        raise EditError(f"unknown review status '{status}' (asked, answered or dismissed)", element=key)
    new = Review(
        key=key,
        status=status,  # type: ignore[arg-type]
        question=(question.strip() or None) if question is not None else (old.question if old else None),
        note=(note.strip() or None) if note is not None else (old.note if old else None),
        author=author or (old.author if old else None),
        created=_now(),
    )
    return rebuild(amap, reviews=(*rest, new))


def ask_writer(
    amap: ArgumentMap, key: str, question: str, *, node: str, author: str | None = None
) -> ArgumentMap:
    """Turn the audit finding ``key`` into a question for the writer: recorded as ``asked`` and opened
    as a comment thread on ``node`` (the finding's statement), where the writer's answer can follow."""
    from argmap.edit.comments import add_comment

    question = question.strip()
    if not question:
        raise EditError("a question for the writer needs words", element=key)
    asked = review(amap, key, "asked", question=question, author=author)
    return add_comment(asked, node, f"Question for the writer: {question}", author=author)[0]
