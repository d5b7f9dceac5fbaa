"""Edits that change the shape of a whole map: pinning a new main conclusion.

Pinning alone would leave the map saying something nobody meant: the old main conclusion, with all
its reasons, would hang unconnected, and the rebuttals beneath it would turn into objections. So
``promote`` restructures in one step, as the user chooses: the new main conclusion stops arguing
for anything (a main conclusion is argued for, it argues for nothing), and the old main
conclusion, keeping its reasons and objections, becomes a reason for the new one, an objection to
it, a reason under another statement, or stands apart.
"""

from __future__ import annotations

from typing import Literal

from argmap.describe import name
from argmap.edit.cycles import refuse_cycle
from argmap.edit.operations import link_attack, link_premise, rebuild, restate
from argmap.edit.wording import by
from argmap.errors import EditError
from argmap.model import ArgumentMap
from argmap.roles import derive

Placement = Literal["reason", "objection", "under", "apart"]
PLACEMENTS: dict[str, str] = {
    "reason": "becomes a reason for the new main conclusion",
    "objection": "becomes an objection to the new main conclusion",
    "under": "becomes a reason for another statement",
    "apart": "stands apart (unconnected)",
}


def promote(
    amap: ArgumentMap,
    sid: str,
    *,
    old_main: Placement = "reason",
    under: str | None = None,
    author: str | None = None,
) -> ArgumentMap:
    """Pin ``sid`` as the main conclusion and restructure the map around it (see the module doc).

    ``old_main`` says where the previous main conclusion goes; ``under`` is the statement it
    supports when ``old_main`` is "under". Raises ``EditError`` (map unchanged) on an unknown id or
    a placement that would make circular argument.
    """
    try:
        new = amap.statement(sid)
    except KeyError:
        raise EditError(f"no statement '{sid}' in this map", element=sid) from None
    if old_main not in PLACEMENTS:
        raise EditError(
            f"'{old_main}' is not a place for the old main conclusion; choose one of " + ", ".join(PLACEMENTS)
        )
    old = derive(amap).main
    if old == sid:
        return rebuild(amap, main=sid) if amap.main != sid else amap
    if old_main == "under":
        if under is None:
            raise EditError("choose the statement the old main conclusion should support")
        if under in (old, sid) or under not in {s.id for s in amap.statements}:
            raise EditError(f"'{under}' cannot take the old main conclusion", element=under)

    # The new main conclusion argues for nothing: its own support and attacks are let go.
    gone = {i.id for i in amap.inferences if i.premises == (sid,)}
    inferences = tuple(
        i
        if sid not in i.premises
        else i.model_copy(update={"premises": tuple(p for p in i.premises if p != sid)})
        for i in amap.inferences
        if i.id not in gone
    )
    places = [i.conclusion for i in amap.inferences if sid in i.premises]
    places += [a.target for a in amap.attacks if a.source == sid]
    attacks = tuple(a for a in amap.attacks if a.source != sid and a.target not in gone)
    pinned = restate(new, f"pinned as the main conclusion{by(author)}")
    if places:
        before = f"argued for {', '.join(dict.fromkeys(places))} before it was pinned"
        pinned = pinned.model_copy(update={"history": (*pinned.history, before)})
    statements = tuple(pinned if s.id == sid else s for s in amap.statements)
    out = rebuild(amap, statements=statements, inferences=inferences, attacks=attacks, main=sid)

    if old is None or old_main == "apart":
        if old is not None:
            out = _swap_statement(
                out, old, f"stands apart: {name(amap, sid)} was pinned as the main conclusion{by(author)}"
            )
        return out
    head = under if old_main == "under" else sid
    assert head is not None
    refuse_cycle(out, old, head)
    if old_main == "objection":
        out, _ = link_attack(out, old, sid, author=author)
        what = f"an objection to {name(amap, sid)}"
    else:
        out, _ = link_premise(out, old, head, author=author)
        what = f"a reason for {name(amap, head)}"
    return _swap_statement(
        out, old, f"re-linked as {what}{by(author)}, when {sid} was pinned as the main conclusion"
    )


def _swap_statement(amap: ArgumentMap, sid: str, reason: str) -> ArgumentMap:
    s = restate(amap.statement(sid), reason)
    return rebuild(amap, statements=tuple(s if x.id == sid else x for x in amap.statements))
