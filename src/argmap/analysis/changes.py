"""What changed between two versions of a map: element by element, in words, with changed words marked.

``changes(old, new)`` lists what was added, removed and changed (by id); ``sentences`` says it as a
person would ("ann added an objection to 'Closing school streets …': '…'"); ``summary`` counts it
("ann added 2 statements and 1 attack"); ``word_diff`` marks the words that changed in a text. Used by
``argmap diff``, the app's revision comparison and its "merged" notices.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from argmap.model import ArgumentMap, Attack, Comment, Evidence, Inference, Statement
from argmap.roles import derive

Op = Literal["added", "removed", "changed"]
GROUPS = ("statements", "inferences", "attacks", "evidence", "comments")
KIND = {
    "statements": "statement",
    "inferences": "support link",
    "attacks": "attack",
    "evidence": "piece of evidence",
    "comments": "comment",
}
_PLURAL = {"piece of evidence": "pieces of evidence"}
_STAMPS = frozenset({"created"})  # set once; not a change anyone makes


@dataclass(frozen=True)
class Change:
    """One element added, removed or changed (``fields``: which of its fields differ)."""

    op: Op
    group: str  # "statements", ..., or "map" for the title, the pin, the source
    id: str
    old: Any = None
    new: Any = None
    fields: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        """The element's kind in words ("statement", "attack", ...)."""
        return KIND.get(self.group, "map")


@dataclass(frozen=True)
class Changes:
    """Everything that differs between two versions of a map, in the new version's order."""

    items: tuple[Change, ...]

    def __bool__(self) -> bool:
        return bool(self.items)

    def of(self, op: Op, group: str | None = None) -> list[Change]:
        """The changes of one kind (``op``), optionally in one group."""
        return [c for c in self.items if c.op == op and (group is None or c.group == group)]

    def ids(self, op: Op) -> set[str]:
        """The ids added, removed or changed."""
        return {c.id for c in self.items if c.op == op and c.group != "map"}


def changes(old: ArgumentMap, new: ArgumentMap) -> Changes:
    """What differs from ``old`` to ``new``, element by element (matched by id)."""
    items: list[Change] = []
    for group in GROUPS:
        before = {e.id: e for e in getattr(old, group)}
        after = {e.id: e for e in getattr(new, group)}
        for eid, el in after.items():
            was = before.get(eid)
            if was is None:
                items.append(Change("added", group, eid, None, el))
            elif was != el:
                fields = tuple(
                    n for n in type(el).model_fields if n not in _STAMPS and getattr(was, n) != getattr(el, n)
                )
                if fields:
                    items.append(Change("changed", group, eid, was, el, fields))
        items.extend(
            Change("removed", group, eid, el, None) for eid, el in before.items() if eid not in after
        )
    for name in ("title", "main", "source"):
        if getattr(old, name) != getattr(new, name):
            items.append(Change("changed", "map", name, getattr(old, name), getattr(new, name), (name,)))
    return Changes(tuple(items))


# --- in words -------------------------------------------------------------------------------


def quote(text: str, width: int = 48) -> str:
    """A statement's words, cut at a word near ``width`` characters, in single quotes."""
    text = " ".join(text.split())
    if len(text) > width:
        cut = text[:width].rsplit(" ", 1)[0] if " " in text[:width] else text[:width]
        text = cut.rstrip(",;:.") + " …"
    return f"'{text}'"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {_PLURAL.get(noun, noun + 's')}"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def summary(diff: Changes, who: Iterable[str] = ()) -> str:
    """A count of the changes in one line: "ann added 2 statements and 1 attack, changed 1 statement"."""
    names = list(dict.fromkeys(who)) or ["someone"]
    parts = []
    ops: tuple[Op, ...] = ("added", "changed", "removed")
    for op in ops:
        counted = [_count(n, KIND[g]) for g in GROUPS if (n := len(diff.of(op, g)))]
        if op == "changed" and diff.of("changed", "map"):
            counted.append("the map's " + _join([c.id for c in diff.of("changed", "map")]))
        if counted:
            parts.append(f"{op} {_join(counted)}")
    if not parts:
        return f"{_join(names)} changed nothing"
    return f"{_join(names)} {', '.join(parts)}"


def sentences(
    old: ArgumentMap, new: ArgumentMap, diff: Changes | None = None, *, who: str | None = None
) -> list[str]:
    """Each change as a sentence, additions first; ``who`` names whoever made a change no element names."""
    diff = diff if diff is not None else changes(old, new)
    text = {s.id: s.text for s in (*old.statements, *new.statements)}
    links = {i.id: i for i in (*old.inferences, *new.inferences)}
    roles = derive(new)
    out: list[str] = []
    done: set[str] = set()

    def name(el: Any = None) -> str:
        return (getattr(el, "author", None) or who or "someone") if el is not None else (who or "someone")

    def q(eid: str) -> str:
        if eid in text:
            return quote(text[eid])
        if eid in links:
            return f"the link from {_join([q(p) for p in links[eid].premises])} to {q(links[eid].conclusion)}"
        return f"'{eid}'"

    for c in diff.of("added", "statements"):
        s: Statement = c.new
        attack = next((a.new for a in diff.of("added", "attacks") if a.new.source == s.id), None)
        support = next((i.new for i in diff.of("added", "inferences") if s.id in i.new.premises), None)
        joined = next(
            (
                i.new
                for i in diff.of("changed", "inferences")
                if s.id in i.new.premises and s.id not in i.old.premises
            ),
            None,
        )
        if attack is not None:
            done.add(attack.id)
            if attack.target in links and attack.target not in text:
                what = f"added an undercut of {q(attack.target)}"
            elif roles.role.get(s.id) == "rebuttal":
                what = f"added a rebuttal of {q(attack.target)}"
            else:
                what = f"added an objection to {q(attack.target)}"
        elif support is not None:
            done.add(support.id)
            what = f"added a reason for {q(support.conclusion)}"
        elif joined is not None:
            done.add(joined.id)
            what = f"added a co-premise to the reason for {q(joined.conclusion)}"
        else:
            what = "added a statement"
        out.append(f"{name(s)} {what}: {quote(s.text)}")
    for c in diff.of("added", "inferences"):
        if c.id not in done:
            i: Inference = c.new
            out.append(
                f"{name(i)} linked {_join([q(p) for p in i.premises])} as a reason for {q(i.conclusion)}"
            )
    for c in diff.of("added", "attacks"):
        if c.id not in done:
            a: Attack = c.new
            out.append(f"{name(a)} linked {q(a.source)} as an objection to {q(a.target)}")
    for c in diff.of("added", "evidence"):
        e: Evidence = c.new
        out.append(f"{name(e)} added evidence ({e.kind}) for {q(e.target)}: {quote(e.text)}")
    for c in diff.of("added", "comments"):
        m: Comment = c.new
        verb = "replied on" if m.reply_to else "commented on"
        out.append(f"{name(m)} {verb} {q(m.target)}: {quote(m.text)}")
    for c in diff.items:
        if c.op == "changed" and c.id not in done:
            out.extend(_changed(c, q, name(None)))
    removed_statements = diff.ids("removed") & {s.id for s in old.statements}
    for c in diff.of("removed"):
        if c.group == "statements":
            out.append(f"{name(None)} removed {quote(c.old.text)}")
        elif c.group == "inferences" and not removed_statements & {*c.old.premises, c.old.conclusion}:
            out.append(f"{name(None)} removed {q(c.id)}")
        elif c.group == "attacks" and not removed_statements & {c.old.source, c.old.target}:
            out.append(f"{name(None)} removed the objection of {q(c.old.source)} to {q(c.old.target)}")
        elif c.group == "evidence" and c.old.target not in removed_statements:
            out.append(f"{name(None)} removed the evidence {quote(c.old.text)} from {q(c.old.target)}")
        elif c.group == "comments" and c.old.target in text and c.old.target not in removed_statements:
            out.append(f"{name(None)} deleted a comment on {q(c.old.target)}")
    return out


def _changed(c: Change, q: Any, who: str) -> list[str]:
    out = []
    for f in c.fields:
        old, new = (c.old, c.new) if c.group == "map" else (getattr(c.old, f), getattr(c.new, f))
        if c.group == "map":
            if f == "title":
                out.append(f"{who} renamed the map from {quote(old)} to {quote(new)}")
            elif f == "main":
                out.append(
                    f"{who} pinned {q(new)} as the main conclusion"
                    if new
                    else f"{who} unpinned the main conclusion"
                )
            else:
                out.append(f"{who} changed the map's source")
        elif f == "text":
            out.append(f"{who} reworded {quote(old)}: {excerpt(old, new)}")
        elif f in ("rating", "reliability"):
            target = q(c.id) if c.group != "comments" else f"'{c.id}'"
            out.append(f"{who} rated {target} {new}" if new else f"{who} cleared the rating of {target}")
        elif f == "resolved":
            out.append(f"{who} {'resolved' if new else 'reopened'} the thread on {q(c.new.target)}")
        elif f == "premises":
            if set(new) - set(old):  # premises only lost went with their statements: said there
                out.append(f"{who} changed the premises of the reason for {q(c.new.conclusion)}")
        elif f in ("author", "cues", "reason"):
            continue
        else:
            what = q(c.id) if c.group in ("statements", "inferences") else f"the {c.kind} '{c.id}'"
            out.append(f"{who} changed the {f.replace('_', ' ')} of {what}")
    return out


# --- changed words --------------------------------------------------------------------------

Piece = tuple[Literal["same", "added", "removed"], str]


def word_diff(old: str, new: str) -> list[Piece]:
    """``old`` → ``new`` as runs of words kept, removed and added (spaces kept with their words)."""
    a, b = re.findall(r"\S+\s*", old), re.findall(r"\S+\s*", new)
    out: list[Piece] = []
    matcher = difflib.SequenceMatcher(a=[w.strip() for w in a], b=[w.strip() for w in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(("same", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            out.append(("removed", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("added", "".join(b[j1:j2])))
    return out


def marked(old: str, new: str) -> str:
    """The changed words marked in plain text, as ``git diff --word-diff`` does: ``[-old-] {+new+}``."""
    return excerpt(old, new, context=len(old) + len(new))


def excerpt(old: str, new: str, context: int = 4) -> str:
    """``old`` → ``new`` with the changed words marked (``[-old-]{+new+}``), ``context`` words around each."""
    pieces = word_diff(old, new)
    out: list[str] = []
    for n, (kind, words) in enumerate(pieces):
        w = words.split()
        if kind == "removed":
            out.append(f"[-{' '.join(w)}-]")
        elif kind == "added":
            out.append(f"{{+{' '.join(w)}+}}")
        else:
            head = w[:context] if n > 0 else []
            tail = w[-context:] if n < len(pieces) - 1 else []
            if len(head) + len(tail) >= len(w):
                out.extend(w)
            else:
                out.extend([*head, "…", *tail])
    return " ".join(out)


# --- conflicts, in words ----------------------------------------------------------------------


def _thing(el: Any, fallback: str) -> str:
    text = getattr(el, "text", None)
    return quote(text) if isinstance(text, str) else fallback


def conflict_words(conflict: Any, them: str = "someone") -> str:
    """A ``MergeConflict`` as the question put to the person saving ("You and bob both changed …")."""
    c = conflict
    el = c.base if c.base is not None else (c.mine if c.mine is not None else c.theirs)
    what = _thing(el, f"the {c.kind} '{c.key}'")
    if c.kind == "map":
        field = {"title": "title", "main": "pinned main conclusion", "source": "source"}.get(c.key, c.key)
        return f"You and {them} both changed the map's {field}."
    if c.reason == "both changed":
        fields = ", ".join("words" if f == "text" else f for f in c.fields) or "it"
        return f"You and {them} both changed {what} ({fields})."
    if c.reason == "changed and deleted":
        if c.theirs is None:
            return f"{them} deleted {what}, which you changed."
        return f"You deleted {what}, which {them} changed."
    if c.reason == "deleted but used":
        if c.theirs is None:
            return f"{them} deleted {what}, which what you added is linked to."
        return f"You deleted {what}, which what {them} added is linked to."
    return f"Your link and {them}'s make circular support ({c.detail})."


def version_pieces(conflict: Any, side: str) -> list[tuple[str, list[Piece]]]:
    """One side of a conflict to show: each differing field, its words not in the other side marked."""
    c = conflict
    version, other = (c.mine, c.theirs) if side == "mine" else (c.theirs, c.mine)
    if version is None:
        return [("", [("removed", "(deleted)")])]
    if c.kind == "map":
        if isinstance(version, str) and isinstance(other, str):
            return [(c.key, _own_words(other, version))]
        return [(c.key, [("same", str(version))])]
    fields = c.fields or tuple(f for f in ("text",) if hasattr(version, f))
    out: list[tuple[str, list[Piece]]] = []
    for f in fields:
        value = getattr(version, f)
        against = getattr(other, f, None) if other is not None else None
        if isinstance(value, str) and isinstance(against, str):
            out.append((f, _own_words(against, value)))
        else:
            out.append((f, [("same", "—" if value is None else str(value))]))
    if not out:
        out.append(("", [("same", _thing(version, c.key))]))
    return out


def _own_words(other: str, mine: str) -> list[Piece]:
    """``mine`` with the words the other version lacks marked "added" (what differs, on this side)."""
    out: list[Piece] = []
    for kind, words in word_diff(other, mine):
        if kind == "removed":
            continue
        if out and out[-1][0] == kind:
            out[-1] = (kind, out[-1][1] + words)
        else:
            out.append((kind, words))
    return out


def choice_label(conflict: Any, side: str, them: str = "theirs") -> str:
    """The button that settles a conflict with ``side``'s version."""
    version = conflict.mine if side == "mine" else conflict.theirs
    whose = "yours" if side == "mine" else f"{them}'s"
    if version is None:
        return f"Delete it ({whose})"
    return f"Keep {whose}"
