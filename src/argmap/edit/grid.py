"""The map as two editable tables (statements, relations) and back.

``statement_rows``/``relation_rows`` give plain rows (lists of dicts) for a grid; the
``apply_*_changes`` functions take the changes a grid reports, in Streamlit's data-editor shape
``{"edited_rows": {row: {column: value}}, "added_rows": [{column: value}], "deleted_rows": [row]}``
(row numbers index the rows given out), and return a new map built through the edit operations,
so every invariant runs. Changes apply all together or not at all: the first invalid one raises
``EditError`` naming the row, the column and why, and the caller's map is untouched.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from argmap.edit import operations as edit
from argmap.errors import EditError
from argmap.model import ArgumentMap, Attack, Inference
from argmap.roles import derive

STATEMENT_COLUMNS = ("id", "role", "text", "implicit", "rating", "tags", "note", "author")
STATEMENT_EDITABLE = ("text", "implicit", "rating", "tags", "note")
RELATION_COLUMNS = ("id", "kind", "from", "to", "scheme", "rating", "author")
RELATION_EDITABLE = ("from", "to", "scheme", "rating")
RELATION_KINDS = ("support", "attack")


def statement_rows(amap: ArgumentMap) -> list[dict[str, Any]]:
    """One row per statement, in map order, with its derived role; tags joined by commas."""
    roles = derive(amap).role
    return [
        {
            "id": s.id,
            "role": roles[s.id],
            "text": s.text,
            "implicit": s.implicit,
            "rating": s.rating,
            "tags": ", ".join(s.tags),
            "note": s.note,
            "author": s.author,
        }
        for s in amap.statements
    ]


def relation_rows(amap: ArgumentMap) -> list[dict[str, Any]]:
    """One row per inference (kind support: premises → conclusion) and attack (source → target)."""
    rows: list[Inference | Attack] = [*amap.inferences, *amap.attacks]
    return [
        {
            "id": r.id,
            "kind": "support" if isinstance(r, Inference) else "attack",
            "from": ", ".join(r.premises) if isinstance(r, Inference) else r.source,
            "to": r.conclusion if isinstance(r, Inference) else r.target,
            "scheme": r.scheme,
            "rating": r.rating,
            "author": r.author,
        }
        for r in rows
    ]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or str(value).strip() == ""


def _text(value: Any) -> str | None:
    return None if _blank(value) else str(value).strip()


def _ids(value: Any) -> tuple[str, ...]:
    return tuple(p.strip() for p in str(value or "").replace(";", ",").split(",") if p.strip())


def _rows(
    changes: Mapping[str, Any] | None,
) -> tuple[dict[int, dict[str, Any]], list[dict[str, Any]], list[int]]:
    changes = changes or {}
    edited = {int(k): dict(v) for k, v in (changes.get("edited_rows") or {}).items()}
    added = [dict(r) for r in (changes.get("added_rows") or [])]
    deleted = sorted(int(i) for i in (changes.get("deleted_rows") or []))
    return edited, added, deleted


def _row_id(ids: list[str], row: int, what: str) -> str:
    if not 0 <= row < len(ids):
        raise EditError(f"{what} row {row + 1} does not exist (the table changed meanwhile; reload the page)")
    return ids[row]


def _statement_fields(values: Mapping[str, Any], where: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for col, value in values.items():
        if col not in STATEMENT_EDITABLE:
            if col in STATEMENT_COLUMNS:
                raise EditError(f"{where}: column '{col}' cannot be edited")
            raise EditError(f"{where}: unknown column '{col}'")
        if col == "text":
            if _blank(value):
                raise EditError(f"{where}: text cannot be empty (delete the row to remove the statement)")
            out["text"] = str(value).strip()
        elif col == "implicit":
            out["implicit"] = bool(value) if not _blank(value) else False
        elif col == "tags":
            out["tags"] = _ids(value)
        else:
            out[col] = _text(value)
    return out


def _guard(
    where: str, amap: ArgumentMap, fn: Callable[..., ArgumentMap], *args: Any, **kwargs: Any
) -> ArgumentMap:
    try:
        return fn(amap, *args, **kwargs)
    except EditError as err:
        raise EditError(f"{where}: {err}") from None


def apply_statement_changes(
    amap: ArgumentMap, changes: Mapping[str, Any] | None, *, author: str | None = None
) -> ArgumentMap:
    """The map with the statement table's edits, additions and deletions applied (all or none)."""
    edited, added, deleted = _rows(changes)
    ids = [s.id for s in amap.statements]
    out = amap
    for row, values in sorted(edited.items()):
        sid = _row_id(ids, row, "statement")
        where = f"statement row {row + 1} ({sid})"
        fields = _statement_fields(values, where)
        if fields:
            out = _guard(where, out, edit.update, sid, **fields)
    for row in deleted:
        sid = _row_id(ids, row, "statement")
        out = _guard(f"deleting statement row {row + 1} ({sid})", out, edit.remove, sid)
    for n, values in enumerate(added, start=1):
        where = f"new statement row {n}"
        fields = _statement_fields({k: v for k, v in values.items() if k in STATEMENT_EDITABLE}, where)
        if "text" not in fields:
            raise EditError(f"{where}: a new statement needs some text")
        text = fields.pop("text")
        try:
            out, sid = edit.add_statement(out, text, author=author, implicit=fields.pop("implicit", False))
        except EditError as err:
            raise EditError(f"{where}: {err}") from None
        if fields:
            out = _guard(where, out, edit.update, sid, **fields)
    return out


def apply_relation_changes(
    amap: ArgumentMap, changes: Mapping[str, Any] | None, *, author: str | None = None
) -> ArgumentMap:
    """The map with the relation table's edits, additions and deletions applied (all or none)."""
    edited, added, deleted = _rows(changes)
    rels: list[Inference | Attack] = [*amap.inferences, *amap.attacks]
    ids = [r.id for r in rels]
    out = amap
    for row, values in sorted(edited.items()):
        rid = _row_id(ids, row, "relation")
        rel = rels[row]
        where = f"relation row {row + 1} ({rid})"
        fields: dict[str, Any] = {}
        for col, value in values.items():
            if col == "kind":
                raise EditError(f"{where}: the kind cannot change; delete the row and add a new one")
            if col not in RELATION_EDITABLE:
                raise EditError(f"{where}: column '{col}' cannot be edited")
            if col in ("scheme", "rating"):
                fields[col] = _text(value)
            elif col == "from":
                found = _ids(value)
                if not found:
                    raise EditError(f"{where}: 'from' needs at least one statement id")
                if isinstance(rel, Inference):
                    fields["premises"] = list(found)
                elif len(found) != 1:
                    raise EditError(f"{where}: an attack comes from exactly one statement")
                else:
                    fields["source"] = found[0]
            else:  # "to"
                target = _text(value)
                if target is None:
                    raise EditError(f"{where}: 'to' needs a statement id")
                fields["conclusion" if isinstance(rel, Inference) else "target"] = target
        if fields:
            out = _guard(where, out, edit.update, rid, **fields)
    for row in deleted:
        rid = _row_id(ids, row, "relation")
        if rid in out.ids():  # removing an inference may already have taken its undercuts
            out = _guard(f"deleting relation row {row + 1} ({rid})", out, edit.remove, rid)
    for n, values in enumerate(added, start=1):
        where = f"new relation row {n}"
        kind = _text(values.get("kind")) or "support"
        sources = _ids(values.get("from"))
        target = _text(values.get("to"))
        if kind not in RELATION_KINDS:
            raise EditError(f"{where}: kind must be 'support' or 'attack', not '{kind}'")
        if not sources or target is None:
            raise EditError(f"{where}: fill in 'from' (statement ids) and 'to' (a statement id)")
        try:
            if kind == "support":
                out, rid = edit.link_premise(out, sources[0], target, author=author)
                for p in sources[1:]:
                    out, _ = edit.link_premise(out, p, target, join=rid, author=author)
            else:
                if len(sources) != 1:
                    raise EditError("an attack comes from exactly one statement")
                out, rid = edit.link_attack(out, sources[0], target, author=author)
        except EditError as err:
            raise EditError(f"{where}: {err}") from None
        extra = {c: _text(values.get(c)) for c in ("scheme", "rating") if not _blank(values.get(c))}
        if extra:
            out = _guard(where, out, edit.update, rid, **extra)
    return out


def describe_changes(before: ArgumentMap, after: ArgumentMap) -> str:
    """What a set of table changes did, in one line: added, changed and deleted ids, and what a
    deletion took with it (links and evidence that hung on a deleted statement only)."""
    old, new = before.ids(), after.ids()
    added = [i for i in _order(after) if i not in old]
    removed = [i for i in _order(before) if i not in new]
    # An edit's own note on what it moved (reason, history) is no change the user made in the table.
    bookkeeping = {"reason", "history"}
    changed = [
        i
        for i in _order(after)
        if i in old
        and after.element(i).model_dump(exclude=bookkeeping)
        != before.element(i).model_dump(exclude=bookkeeping)
    ]
    gone_statements = [i for i in removed if i in {s.id for s in before.statements}]
    gone_others = [i for i in removed if i not in gone_statements]
    parts = []
    if added:
        parts.append("added " + ", ".join(added))
    if changed:
        parts.append("changed " + ", ".join(changed))
    if gone_statements:
        parts.append("deleted " + ", ".join(gone_statements))
        if gone_others:
            parts.append("and with it " + ", ".join(gone_others) + " (links and evidence that hung on it)")
    elif gone_others:
        parts.append("deleted " + ", ".join(gone_others))
    if not parts:
        return "Nothing changed."
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def _order(amap: ArgumentMap) -> list[str]:
    return [e.id for group in (amap.statements, amap.inferences, amap.attacks, amap.evidence) for e in group]
