"""Three-way merge of argument maps: two people's edits of one revision become one map.

``merge(base, mine, theirs)`` compares each side with the revision both started from, element by
element (statements, inferences, attacks, evidence, comments, and the map's title, source and pin):

- an element only one side changed (added, edited, deleted) takes that side's version;
- an element both sides changed is merged field by field: different fields both land; premises and
  tags are sets, so reasons and tags added on both sides all land;
- the same field changed two ways, or an element edited on one side and deleted on the other, is a
  ``MergeConflict``; so is a merge that would break the map (a link to something the other side
  deleted) or make circular support neither side had.

The merged map is always valid and loses nothing: where there is a conflict it holds the version
that keeps most (the edited element rather than the deletion; the other side's words where both
edited them), and ``resolve`` switches a conflict to either side in one step. Additions never clash:
ids carry a random tag (``argmap.edit.operations.next_id``), and an addition whose id the other side
used for something else is renamed (``Merged.renamed``); the same link added on both sides is kept once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from argmap.errors import EditError
from argmap.model import ArgumentMap, InvariantsBroken

Side = Literal["mine", "theirs"]
Reason = Literal["both changed", "changed and deleted", "deleted but used", "circular"]

GROUPS = ("statements", "inferences", "attacks", "evidence", "comments")
KIND = {
    "statements": "statement",
    "inferences": "inference",
    "attacks": "attack",
    "evidence": "evidence",
    "comments": "comment",
}
MAP_FIELDS = ("title", "source", "main")  # what users decide about the map as a whole
_SET_FIELDS = frozenset({"premises", "tags"})  # merged as sets: both sides' additions land
# Written by the program, not by a person (why an element is there, the cue words): where both sides
# rewrote it, the other side's words stand and nobody is asked.
_QUIET_FIELDS = frozenset({"reason", "history", "cues"})  # history: the reasons a move replaced


@dataclass(frozen=True)
class MergeConflict:
    """One element (or map field) the two sides changed in ways that cannot both stand.

    ``mine`` and ``theirs`` are that element's two versions (``None``: deleted on that side, or not
    there); for a map field (``kind`` "map", ``key`` the field name) they are the field's values.
    ``chosen`` says which one the merged map holds now; ``fields`` which fields differ.
    """

    key: str
    kind: str
    reason: Reason
    base: Any
    mine: Any
    theirs: Any
    chosen: Side
    fields: tuple[str, ...] = ()
    detail: str = ""  # e.g. the circle of a circular support

    def version(self, side: Side) -> Any:
        """The element (or value) as ``side`` has it."""
        return self.mine if side == "mine" else self.theirs


@dataclass(frozen=True)
class Merged:
    """A merge's outcome: a valid map, and what needs a person's choice (``conflicts``)."""

    map: ArgumentMap
    conflicts: tuple[MergeConflict, ...] = ()
    renamed: dict[str, str] = field(default_factory=dict)  # mine's additions given a fresh id

    @property
    def clean(self) -> bool:
        """Whether nothing needs a choice."""
        return not self.conflicts


# --- the merge ------------------------------------------------------------------------------


def merge(base: ArgumentMap, mine: ArgumentMap, theirs: ArgumentMap) -> Merged:
    """Merge ``mine`` and ``theirs``, two edits of ``base``. Deterministic; never drops an addition.

    The result keeps ``theirs``' id, revision and save stamps (it is to be saved over theirs) and
    ``mine``'s order, with ``theirs``' additions after it. ``merge(base, x, base) == x`` (up to the
    revision stamps) and ``merge(base, base, y) == y``.
    """
    if _same_content(mine, theirs) or _same_content(theirs, base):
        return Merged(_stamped(mine, theirs))
    if _same_content(mine, base):
        return Merged(theirs)
    b, m, t = _elements(base), _elements(mine), _elements(theirs)
    renamed = _rename_clashes(b, m, t)
    _unify_same_links(b, m, t, renamed)
    conflicts: list[MergeConflict] = []
    out: dict[str, dict[str, Any]] = {}
    for group in GROUPS:
        out[group] = {}
        for key in _order(m[group], t[group]):
            value = _merge_element(
                group, key, b[group].get(key), m[group].get(key), t[group].get(key), conflicts
            )
            if value is not None:
                out[group][key] = value
    fields: dict[str, Any] = {}
    for name in MAP_FIELDS:
        bv, mv, tv = getattr(base, name), _mine_field(mine, name, renamed), getattr(theirs, name)
        fields[name] = _three_way(bv, mv, tv)
        if fields[name] is _CLASH:
            fields[name] = tv
            conflicts.append(MergeConflict(name, "map", "both changed", bv, mv, tv, "theirs", (name,)))
    # Whatever else the model holds (added later, like the editor's reviews) merges as a whole value; a
    # list of entries merges as a set, so entries added on both sides land.
    handled = {*GROUPS, *MAP_FIELDS, *_STAMPS, "id"}
    for name in type(base).model_fields:
        if name in handled:
            continue
        bv, mv, tv = getattr(base, name), getattr(mine, name), getattr(theirs, name)
        whole: Any = _three_way(bv, mv, tv)
        if whole is _CLASH and isinstance(tv, tuple):
            whole = _merge_set(bv, mv, tv)
        if whole is _CLASH:
            whole = tv
            conflicts.append(MergeConflict(name, "map", "both changed", bv, mv, tv, "theirs", (name,)))
        fields[name] = whole
    _restore_what_is_used(out, fields, b, m, t, conflicts)
    result = _build(theirs, out, fields, b, m, t, conflicts)
    conflicts.extend(_new_circles(result, mine, theirs, b, m))
    return Merged(result, tuple(conflicts), renamed)


_CLASH = object()  # a field both sides set to different values


def _three_way(b: Any, m: Any, t: Any) -> Any:
    if m == t:
        return m
    if m == b:
        return t
    if t == b:
        return m
    return _CLASH


def _merge_set(b: tuple[str, ...], m: tuple[str, ...], t: tuple[str, ...]) -> tuple[str, ...]:
    """Base order minus what either side removed, then mine's additions, then theirs'."""
    gone = (set(b) - set(m)) | (set(b) - set(t))
    kept = [x for x in b if x not in gone]
    for x in (*m, *t):
        if x not in b and x not in kept:
            kept.append(x)
    return tuple(kept)


def _merge_element(
    group: str, key: str, b: Any, m: Any, t: Any, conflicts: list[MergeConflict]
) -> BaseModel | None:
    """One element's merged version (``None``: deleted), recording a conflict where there is one."""
    value = _three_way(b, m, t)
    if value is not _CLASH:
        return value  # type: ignore[no-any-return]
    kind = KIND[group]
    if m is None or t is None:  # edited on one side, deleted on the other: keep the edit
        kept: Side = "mine" if t is None else "theirs"
        conflicts.append(
            MergeConflict(key, kind, "changed and deleted", b, m, t, kept, _changed_fields(b, m or t))
        )
        return m if t is None else t  # type: ignore[no-any-return]
    merged_fields: dict[str, Any] = {}
    mine_fields: dict[str, Any] = {}
    clashing: list[str] = []
    for name in type(m).model_fields:
        bv, mv, tv = getattr(b, name), getattr(m, name), getattr(t, name)
        if name in _SET_FIELDS:
            merged_fields[name] = mine_fields[name] = _merge_set(bv, mv, tv)
            continue
        value = _three_way(bv, mv, tv)
        if value is _CLASH and name in _QUIET_FIELDS:
            value = tv
        if value is _CLASH:
            clashing.append(name)
            merged_fields[name], mine_fields[name] = tv, mv
        else:
            merged_fields[name] = mine_fields[name] = value
    theirs_v, mine_v = m.model_copy(update=merged_fields), m.model_copy(update=mine_fields)
    if clashing:
        conflicts.append(
            MergeConflict(key, kind, "both changed", b, mine_v, theirs_v, "theirs", tuple(clashing))
        )
    return theirs_v  # type: ignore[no-any-return]


def _changed_fields(b: Any, x: Any) -> tuple[str, ...]:
    if b is None or x is None:
        return ()
    return tuple(n for n in type(b).model_fields if getattr(b, n) != getattr(x, n))


# --- elements by id, renames, same links ----------------------------------------------------


def _elements(amap: ArgumentMap) -> dict[str, dict[str, Any]]:
    return {g: {e.id: e for e in getattr(amap, g)} for g in GROUPS}


def _all_ids(els: dict[str, dict[str, Any]]) -> set[str]:
    return {k for g in GROUPS for k in els[g]}


def _order(mine: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    return [*mine, *(k for k in theirs if k not in mine)]


def _rename_clashes(
    b: dict[str, dict[str, Any]], m: dict[str, dict[str, Any]], t: dict[str, dict[str, Any]]
) -> dict[str, str]:
    """Give mine's additions a fresh id where theirs added something else under the same id."""
    base_ids, theirs_ids = _all_ids(b), _all_ids(t)
    used = base_ids | theirs_ids | _all_ids(m)
    renamed: dict[str, str] = {}
    for group in GROUPS:
        for key, el in m[group].items():
            if key in base_ids or key not in theirs_ids or t[group].get(key) == el:
                continue
            n = 2
            while (fresh := f"{key[:58]}-m{n}") in used:
                n += 1
            used.add(fresh)
            renamed[key] = fresh
    if renamed:
        _rewrite(m, renamed, drop=set())
    return renamed


def _unify_same_links(
    b: dict[str, dict[str, Any]],
    m: dict[str, dict[str, Any]],
    t: dict[str, dict[str, Any]],
    renamed: dict[str, str],
) -> None:
    """The same support or attack added on both sides (under two ids) is one link: mine's takes theirs' id."""

    def link_key(group: str, el: Any) -> tuple[Any, ...]:
        if group == "inferences":
            return (el.conclusion, frozenset(el.premises))
        return (el.source, el.target)

    alias: dict[str, str] = {}
    for group in ("inferences", "attacks"):
        theirs_new = {link_key(group, el): k for k, el in t[group].items() if k not in b[group]}
        for k, el in m[group].items():
            if k in b[group] or k in t[group]:
                continue
            other = theirs_new.get(link_key(group, el))
            if other is not None:
                alias[k] = other
    if alias:
        _rewrite(m, alias, drop=set(alias))
        renamed.update(alias)


def _rewrite(els: dict[str, dict[str, Any]], ids: dict[str, str], *, drop: set[str]) -> None:
    """Rename ids (and every reference to them) in ``els`` in place; ``drop`` elements go (aliases)."""

    def sub(x: str | None) -> str | None:
        return ids.get(x, x) if x is not None else None

    for group in GROUPS:
        new: dict[str, Any] = {}
        for key, el in els[group].items():
            if key in drop:
                continue
            upd: dict[str, Any] = {"id": sub(key)}
            if group == "inferences":
                upd.update(
                    premises=tuple(dict.fromkeys(sub(p) for p in el.premises)), conclusion=sub(el.conclusion)
                )
            elif group == "attacks":
                upd.update(source=sub(el.source), target=sub(el.target))
            elif group == "evidence":
                upd.update(target=sub(el.target))
            elif group == "comments":
                upd.update(target=sub(el.target), reply_to=sub(el.reply_to))
            changed = el.model_copy(update=upd)
            new[changed.id] = changed
        els[group] = new


def _mine_field(mine: ArgumentMap, name: str, renamed: dict[str, str]) -> Any:
    value = getattr(mine, name)
    return renamed.get(value, value) if name == "main" and value is not None else value


# --- keeping the map whole ------------------------------------------------------------------


def _references(group: str, el: Any) -> Iterable[str]:
    if group == "inferences":
        yield from el.premises
        yield el.conclusion
    elif group in ("attacks",):
        yield el.source
        yield el.target
    elif group == "evidence":
        yield el.target
    elif group == "comments":
        yield el.target
        if el.reply_to is not None:
            yield el.reply_to


def _restore_what_is_used(
    out: dict[str, dict[str, Any]],
    fields: dict[str, Any],
    b: dict[str, dict[str, Any]],
    m: dict[str, dict[str, Any]],
    t: dict[str, dict[str, Any]],
    conflicts: list[MergeConflict],
) -> None:
    """An element one side deleted while the other linked to it comes back (nothing is left dangling).

    That holds for both versions of an element in conflict too, so settling it either way leaves a valid
    map: both sides dropped one co-premise of a linked pair, say, and each version still names the other's.
    """
    where = {k: g for side in (b, m, t) for g in GROUPS for k in side[g]}
    group_of = {k: g for g, k in KIND.items()}
    while True:
        present = _all_ids(out)
        missing: set[str] = set()
        for group in GROUPS:
            for el in out[group].values():
                missing.update(r for r in _references(group, el) if r not in present)
        for c in conflicts:
            if c.kind in group_of:
                for version in (c.mine, c.theirs):
                    if version is not None:
                        missing.update(r for r in _references(group_of[c.kind], version) if r not in present)
        if fields["main"] is not None and fields["main"] not in present:
            missing.add(fields["main"])
        missing = {k for k in missing if k in where}
        if not missing:
            return
        for key in sorted(missing):
            group = where[key]
            kept_side: Side = "mine" if key in m[group] else "theirs"
            el = next(side[group][key] for side in (m, t, b) if key in side[group])
            out[group][key] = el
            conflicts[:] = [c for c in conflicts if c.key != key]
            conflicts.append(
                MergeConflict(
                    key,
                    KIND[group],
                    "deleted but used",
                    b[group].get(key),
                    m[group].get(key),
                    t[group].get(key),
                    kept_side,
                )
            )


def _build(
    theirs: ArgumentMap,
    out: dict[str, dict[str, Any]],
    fields: dict[str, Any],
    b: dict[str, dict[str, Any]],
    m: dict[str, dict[str, Any]],
    t: dict[str, dict[str, Any]],
    conflicts: list[MergeConflict],
) -> ArgumentMap:
    """The merged map, validated; an element that still breaks it falls back to theirs' version."""
    for _ in range(50):
        data = {name: getattr(theirs, name) for name in type(theirs).model_fields}
        data.update(fields)
        data.update({g: tuple(out[g].values()) for g in GROUPS})
        try:
            return ArgumentMap(**data)
        except ValidationError as err:
            broken = [
                p
                for e in err.errors()
                if isinstance(x := e.get("ctx", {}).get("error"), InvariantsBroken)
                for p in x.problems
            ]
            keys = {_key_of(p.where) for p in broken} - {None}
            if not keys:
                raise EditError(f"the two versions cannot be merged: {err}") from None
            for key in sorted(k for k in keys if k is not None):
                if key == "main":
                    fields["main"] = theirs.main
                    continue
                group = next((g for g in GROUPS if key in out[g]), None)
                if group is None:
                    continue
                mine_v, theirs_v = m[group].get(key), t[group].get(key)
                if theirs_v is None or out[group][key] == theirs_v:
                    del out[group][key]
                else:
                    out[group][key] = theirs_v
                conflicts[:] = [c for c in conflicts if c.key != key]
                conflicts.append(
                    MergeConflict(
                        key, KIND[group], "both changed", b[group].get(key), mine_v, theirs_v, "theirs"
                    )
                )
            # Whichever version settles the conflict later must find what it names.
            _restore_what_is_used(out, fields, b, m, t, conflicts)
    raise EditError("the two versions cannot be merged")  # pragma: no cover - each pass removes a break


def _key_of(where: str) -> str | None:
    """The id in a problem's ``where`` ("statement 's4'" → "s4"; "main" → "main")."""
    if where == "main":
        return "main"
    if "'" in where:
        return where.split("'")[1]
    return None


def _support_cycles(amap: ArgumentMap) -> set[str]:
    """Statements on a circle of support (premise → conclusion → ... → premise)."""
    succ: dict[str, set[str]] = {}
    for inf in amap.inferences:
        for p in inf.premises:
            succ.setdefault(p, set()).add(inf.conclusion)
    # Iterative Tarjan: strongly connected components of more than one statement.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on, stack, found = set(), [], set()
    counter = 0
    for root in sorted(succ):
        if root in index:
            continue
        work = [(root, iter(sorted(succ.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on.add(root)
        while work:
            node, it = work[-1]
            nxt = next(it, None)
            if nxt is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    comp = []
                    while True:
                        x = stack.pop()
                        on.discard(x)
                        comp.append(x)
                        if x == node:
                            break
                    if len(comp) > 1:
                        found.update(comp)
            elif nxt not in index:
                index[nxt] = low[nxt] = counter
                counter += 1
                stack.append(nxt)
                on.add(nxt)
                work.append((nxt, iter(sorted(succ.get(nxt, ())))))
            elif nxt in on:
                low[node] = min(low[node], index[nxt])
    return found


def _new_circles(
    result: ArgumentMap,
    mine: ArgumentMap,
    theirs: ArgumentMap,
    b: dict[str, dict[str, Any]],
    m: dict[str, dict[str, Any]],
) -> list[MergeConflict]:
    """Mine's links that close a circle of support neither side had on its own."""
    if not result.inferences:
        return []
    new = _support_cycles(result) - _support_cycles(mine) - _support_cycles(theirs)
    if not new:
        return []
    out = []
    for inf in result.inferences:
        on_circle = inf.conclusion in new and any(p in new for p in inf.premises)
        if on_circle and inf.id in m["inferences"] and m["inferences"][inf.id] != b["inferences"].get(inf.id):
            theirs_v = next((i for i in theirs.inferences if i.id == inf.id), None)
            out.append(
                MergeConflict(
                    inf.id,
                    "inference",
                    "circular",
                    b["inferences"].get(inf.id),
                    inf,
                    theirs_v,
                    "mine",
                    detail=" → ".join(sorted(new)),
                )
            )
    return out


# --- resolving ------------------------------------------------------------------------------


def resolve(merged: Merged, key: str, side: Side) -> Merged:
    """Settle the conflict on ``key`` with ``side``'s version; the other conflicts stay open.

    ``EditError`` if that version cannot stand in the map as it is now (say, it links to something
    since removed); the merge is then unchanged.
    """
    from argmap.edit.operations import rebuild, remove

    conflict = next((c for c in merged.conflicts if c.key == key), None)
    if conflict is None:
        raise EditError(f"no conflict on '{key}' in this merge", element=key)
    rest = tuple(c for c in merged.conflicts if c.key != key)
    amap = merged.map
    if conflict.chosen != side:
        version = conflict.version(side)
        if conflict.kind == "map":
            amap = rebuild(amap, **{key: version})
        elif version is None:
            if key in amap.ids():
                amap = remove(amap, key)
            elif conflict.kind == "comment":
                amap = _drop_comment(amap, key)
        else:
            group = next(g for g, k in KIND.items() if k == conflict.kind)
            items = getattr(amap, group)
            if any(x.id == key for x in items):
                amap = rebuild(amap, **{group: tuple(version if x.id == key else x for x in items)})
            else:
                amap = rebuild(amap, **{group: (*items, version)})
    return replace(merged, map=amap, conflicts=rest)


def _drop_comment(amap: ArgumentMap, cid: str) -> ArgumentMap:
    from argmap.edit.operations import rebuild

    return rebuild(amap, comments=tuple(c for c in amap.comments if cid not in (c.id, c.reply_to)))


def resolve_all(merged: Merged, choose: Callable[[MergeConflict], Side]) -> ArgumentMap:
    """Settle every conflict with ``choose(conflict)``; returns the finished map."""
    while merged.conflicts:
        conflict = merged.conflicts[0]
        merged = resolve(merged, conflict.key, choose(conflict))
    return merged.map


# --- helpers --------------------------------------------------------------------------------

_STAMPS = frozenset({"revision", "updated", "saved_by", "created", "schema_version"})


def _same_content(a: ArgumentMap, b: ArgumentMap) -> bool:
    return all(getattr(a, n) == getattr(b, n) for n in type(a).model_fields if n not in _STAMPS)


def _stamped(mine: ArgumentMap, theirs: ArgumentMap) -> ArgumentMap:
    """``mine``'s content with ``theirs``' revision stamps (what the store holds now)."""
    if all(getattr(mine, n) == getattr(theirs, n) for n in _STAMPS):
        return mine
    data = {n: getattr(mine, n) for n in type(mine).model_fields}
    data.update({n: getattr(theirs, n) for n in _STAMPS | {"id"}})
    return ArgumentMap(**data)
