"""Reading Argdown, step two: the nodes and relations a ``Reader`` collected → an ``ArgumentMap``.

Titles become ids (made to fit our id pattern where they do not), each step of a premise–conclusion
structure an inference, a relation to an argument one to its conclusion (an undercut to its last
inference), a supporting statement marked as evidence and used nowhere else evidence again.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from argmap.formats import validated
from argmap.formats.argdown._read import Node, Reader, inline
from argmap.model import EVIDENCE_KINDS, ArgumentMap

_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
_ESCAPED = re.compile(r"\\(.)")
_NOT_ID = re.compile(r"[^A-Za-z0-9_.:-]+")


def build(reader: Reader) -> ArgumentMap:
    """The map the file describes, validated; a map that breaks the model's rules is a ``FormatError``."""
    ids = _Ids()
    used_as: dict[tuple[str, str], int] = {}
    for node in reader.nodes.values():
        for step in node.steps or ():
            for s in (*step["premises"], step["conclusion"]):
                used_as[s.key] = used_as.get(s.key, 0) + 1
    for rel in reader.relations:
        for end in (rel.source, rel.target):
            used_as[end] = used_as.get(end, 0) + 1

    parsed = {key: _first_text(node) for key, node in reader.nodes.items()}
    evidence_of: dict[tuple[str, str], tuple[str, str]] = {}
    for rel in reader.relations:
        _, _, data = parsed.get(rel.source, ("", (), {}))
        if (
            rel.kind == "support"
            and rel.source[0] == "s"
            and rel.target[0] == "s"
            and "evidence" in data
            and used_as.get(rel.source) == 1
        ):
            evidence_of[rel.source] = rel.target

    statements: list[dict[str, Any]] = []
    evidence: list[dict[str, Any]] = []
    inferences: list[dict[str, Any]] = []
    attacks: list[dict[str, Any]] = []
    comments: list[dict[str, Any]] = []
    node_id: dict[tuple[str, str], str] = {}
    for key, node in reader.nodes.items():
        if key[0] == "s" or not node.steps:
            node_id[key] = ids.claim(node.title)
    for key, node in reader.nodes.items():
        if key not in node_id:
            continue
        text, tags, data = parsed[key]
        if not text.strip():
            text = node.title  # a statement or argument referred to but never given a text
        if key in evidence_of:
            evidence.append(_evidence(node_id[key], node_id[evidence_of[key]], text, data))
            comments.extend(_comments(node_id[key], data))
            continue
        record: dict[str, Any] = {"id": node_id[key], "text": text, "tags": tags}
        if data:
            if data.get("implicit") is True:
                record["implicit"] = True
            if data.get("rating") in ("accepted", "doubtful", "rejected"):
                record["rating"] = data["rating"]
            if isinstance(data.get("note"), str):
                record["note"] = data["note"]
            comments.extend(_comments(node_id[key], data))
        statements.append(record)

    last_inference: dict[tuple[str, str], str] = {}
    for key, node in reader.nodes.items():
        if not node.steps:
            continue
        base = ids.claim(node.title)
        description, _, _ = parsed[key]
        for n, step in enumerate(node.steps, 1):
            iid = base if n == len(node.steps) else ids.fresh(f"{base}.{n}")
            record = {
                "id": iid,
                "premises": list(dict.fromkeys(node_id[p.key] for p in step["premises"])),
                "conclusion": node_id[step["conclusion"].key],
                "scheme": step["scheme"],
            }
            if step["data"].get("rating") in ("strong", "weak", "none"):
                record["rating"] = step["data"]["rating"]
            if n == len(node.steps) and description.strip():
                record["note"] = description
            inferences.append(record)
        last_inference[key] = base
        node_id[key] = node_id[node.steps[-1]["conclusion"].key]

    seen: set[tuple[str, str, str]] = set()
    for rel in reader.relations:
        if rel.source in evidence_of:
            continue
        source = node_id[rel.source]
        if rel.kind == "undercut" and rel.target in last_inference:
            target = last_inference[rel.target]
        elif rel.kind == "undercut" and rel.target[0] == "s":
            raise reader.fail(f"an undercut must point at an argument, not [{rel.target[1]}]", rel.line)
        else:
            target = node_id[rel.target]
        kind = "support" if rel.kind == "support" else "attack"
        if source == target or (kind, source, target) in seen:
            continue  # an argument relating to its own conclusion, or a relation said twice
        seen.add((kind, source, target))
        if kind == "support":
            inferences.append({"id": ids.fresh(f"r{len(seen)}"), "premises": [source], "conclusion": target})
        else:
            attacks.append({"id": ids.fresh(f"a{len(attacks) + 1}"), "source": source, "target": target})

    name = PurePath(reader.path).stem if reader.path else "argdown-import"
    title = reader.front.get("title")
    map_id = reader.front.get("id")
    main = reader.front.get("main")
    data = {
        "id": map_id if isinstance(map_id, str) and _ID.match(map_id) else _slug(name),
        "title": title if isinstance(title, str) and title.strip() else name,
        "main": main if isinstance(main, str) and main in {s["id"] for s in statements} else None,
        "statements": statements,
        "inferences": inferences,
        "attacks": attacks,
        "evidence": evidence,
        "comments": _whole_threads(comments),
    }
    return validated(
        data, lambda problems: reader.fail(f"the file does not make a valid map: {problems}", None)
    )


def _first_text(node: Node) -> tuple[str, tuple[str, ...], dict[str, Any]]:
    """The first non-empty text the node was given, with the tags and data written with any of them."""
    if len(node.texts) == 1:  # the usual case: one definition
        text, tags_found, data_found = inline(" ".join(node.texts[0]))
        return text, tuple(dict.fromkeys(tags_found)), data_found
    tags: list[str] = []
    data: dict[str, Any] = {}
    chosen = ""
    for lines in node.texts:
        text, found_tags, found_data = inline(" ".join(lines))
        tags.extend(t for t in found_tags if t not in tags)
        data = {**found_data, **data}
        if not chosen and text:
            chosen = text
    return chosen, tuple(tags), data


def _evidence(eid: str, target: str, text: str, data: dict[str, Any]) -> dict[str, Any]:
    kind = data.get("evidence")
    record: dict[str, Any] = {"id": eid, "target": target, "text": text}
    record["kind"] = kind if kind in EVIDENCE_KINDS else "other"
    if data.get("reliability") in ("high", "medium", "low"):
        record["reliability"] = data["reliability"]
    source = data.get("source")
    if isinstance(source, dict):
        fields = {k: str(v) for k, v in source.items() if k in ("title", "author", "url", "date") and v}
        record["source"] = fields or None
    if isinstance(data.get("note"), str):
        record["note"] = data["note"]
    return record


class _Ids:
    """Titles as map ids: kept where they fit our id pattern, made to fit (uniquely) where not."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, title: str) -> str:
        plain = _ESCAPED.sub(r"\1", title)  # "[\-s1]": the writer escapes a leading "-" (see _write.title)
        return self.fresh(plain if _ID.match(plain) else _slug(title))

    def fresh(self, base: str) -> str:
        new, n = base, 1
        while new in self.taken:
            n += 1
            new = f"{base}-{n}"
        self.taken.add(new)
        return new


def _slug(name: str) -> str:
    return _NOT_ID.sub("-", name).strip("-.")[:56] or "x"


_COMMENT_FIELDS = ("id", "text", "author", "created", "reply_to", "resolved")


def _comments(target: str, data: dict[str, Any]) -> list[dict[str, Any]]:
    """The comments an element's inline data carries (``comments: [{id, text, author, ...}]``)."""
    found = data.get("comments")
    if not isinstance(found, list):
        return []
    out = []
    for c in found:
        if isinstance(c, dict) and isinstance(c.get("id"), str) and isinstance(c.get("text"), str):
            record = {k: c[k] for k in _COMMENT_FIELDS if k in c and c[k] is not None}
            record["resolved"] = record.get("resolved") is True
            out.append({**record, "target": target})
    return out


def _whole_threads(comments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Comments whose thread is there (a reply to a comment the file lacks is no reply to anything)."""
    openers = {c["id"]: c["target"] for c in comments if not c.get("reply_to")}
    return [c for c in comments if not c.get("reply_to") or openers.get(c["reply_to"]) == c["target"]]
