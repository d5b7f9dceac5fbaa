r"""Argdown (https://argdown.org): write, and read what we write plus hand-written files.

Written layout (each block a paragraph; the reference toolchain is ``@argdown/cli`` 1.7.5)::

    ===
    title: "Democrats selling voter data to retailers?"
    id: "democrats-voter-data"
    ===

    [s1]: Selling voter data kills the goose ... #(a tag) {implicit: true, rating: "accepted"}

    <i1>: the inference's note

    (1) [s2]
    (2) [s5]
    --
    cause to effect {rating: "weak"}
    --
    (3) [s1]

    [s9]
      -> [s7]

    [s12]
      _> <i3>

    [e1]: “That’s one of our growth areas,” said ... {evidence: "testimony", source: {author: "..."}}
      +> [s3]

- a statement → a titled statement ``[id]: text``, its tags as ``#(tag)``, and in its inline data
  ``implicit``, ``rating`` and ``note``;
- an inference → an argument ``<id>`` (its note as the description) whose premise–conclusion structure
  lists the co-premises (1)..(n), an inference line carrying the scheme as its rule, and the conclusion;
- an attack on a statement → ``-> [target]`` under the attacker; on an inference → ``_> <inference>``;
- evidence → a statement whose data holds ``evidence`` (the kind), ``source`` and ``reliability``, with
  ``+> [target]``; read back, such a statement with one support and no other use is evidence again;
- front matter: ``title``, ``id`` and the pinned ``main`` conclusion.

Text is escaped wherever Argdown's lexer would see markup: ``\ * _ [ ] < > # { } @``, ``.`` and ``:``
before a non-space (``.name.`` and ``:name:`` are special characters), ``/`` before ``/`` or ``*``
(comments) and runs of ``=`` (front matter).

Reading also takes hand-written Argdown: untitled statements, statement and argument definitions and
references anywhere, relations nested by indentation (``+ - _ +> -> _> <+ <- <_ ><``), multi-step
premise–conclusion structures (each step an inference from the statements since the previous
conclusion), ``#tag``/``#(tag)``, inline ``{...}`` data, comments, headings and list markers. A relation to
or from an argument with a premise–conclusion structure attaches to its main conclusion (an undercut to
its last inference); an argument without one becomes a statement (its description, else its title).
A contradiction ``><`` becomes two attacks. Inline Markdown (``*bold*``) is kept as written.

Lost on the way out: an attack repeated between the same two elements (Argdown merges it into one);
line breaks inside texts (Argdown joins a paragraph's lines: they become spaces)
and spaces at either end of a text; attack ids (read back as a1, a2, ...), their schemes, notes and
ratings; critical-question answers; authors, dates, cue words and reasons; spans and the source text;
tags that contain ``)`` or a line break.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from pydantic import ValidationError

from argmap.errors import FormatError
from argmap.model import EVIDENCE_KINDS, ArgumentMap

NAME = "argdown"
_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
_NEWLINES = re.compile(r"\r\n|\r|\n")
_CONTROL = set("@#*_[],.:;</>-(){}")  # Argdown's lexer reads each alone, with at most one space after it

# ---------------------------------------------------------------------------------------------- writing


def losses(amap: ArgumentMap) -> list[str]:
    """What an Argdown export of ``amap`` drops or changes, one sentence each."""
    out: list[str] = []
    changed = [s.id for s in amap.statements if kept_text(s.text) != s.text]
    changed += [e.id for e in amap.evidence if kept_text(e.text) != e.text]
    if changed:
        out.append(f"line breaks and outer spaces in {len(changed)} text(s) ({', '.join(changed[:10])})")
    if any(not _tag_ok(t) for s in amap.statements for t in s.tags):
        out.append("tags containing ')' or a line break")
    if any(a.scheme or a.note or a.rating or a.answers for a in amap.attacks):
        out.append("attack schemes, notes and ratings")
    if amap.attacks:
        out.append("attack ids (read back as a1, a2, ...)")
    if len({(a.source, a.target) for a in amap.attacks}) < len(amap.attacks):
        out.append("repeated attacks between the same two elements (kept once)")
    if any(i.answers for i in amap.inferences):
        out.append("answers to critical questions")
    out.append("authors, dates, cue words, reasons, spans and the source text")
    return out


def kept_text(text: str) -> str:
    """``text`` as an Argdown round trip gives it back: line breaks as spaces, outer spaces gone."""
    return _NEWLINES.sub(" ", text).strip()


def dumps(amap: ArgumentMap) -> str:
    """The map as Argdown (see the module docstring for the layout)."""
    front = {"title": amap.title, "id": amap.id}
    if amap.main:
        front["main"] = amap.main
    blocks = ["===\n" + "".join(f"{k}: {_yaml_string(v)}\n" for k, v in front.items()) + "==="]
    for s in amap.statements:
        data = {"implicit": True if s.implicit else None, "rating": s.rating, "note": s.note}
        tags = "".join(f" #({t.strip()})" for t in s.tags if _tag_ok(t))
        blocks.append(f"[{s.id}]: {_escape(kept_text(s.text))}{tags}{_data(data)}")
    for i in amap.inferences:
        head = f"<{i.id}>: {_escape(kept_text(i.note))}" if i.note and i.note.strip() else f"<{i.id}>"
        lines = [f"({n}) [{p}]" for n, p in enumerate(i.premises, 1)]
        rule = _escape(kept_text(i.scheme), extra="-,") if i.scheme and i.scheme.strip() else ""
        rule += _data({"rating": i.rating})
        lines.append(f"--\n{rule.strip()}\n--" if rule else "----")
        lines.append(f"({len(i.premises) + 1}) [{i.conclusion}]")
        blocks.append(head + "\n\n" + "\n".join(lines))
    inference_ids = {i.id for i in amap.inferences}
    for a in amap.attacks:
        arrow = f"_> <{a.target}>" if a.target in inference_ids else f"-> [{a.target}]"
        blocks.append(f"[{a.source}]\n  {arrow}")
    for e in amap.evidence:
        source = e.source.model_dump(exclude_none=True) if e.source else None
        data = {"evidence": e.kind, "reliability": e.reliability, "source": source or None, "note": e.note}
        blocks.append(f"[{e.id}]: {_escape(kept_text(e.text))}{_data(data)}\n  +> [{e.target}]")
    return "\n\n".join(blocks) + "\n"


def _escape(text: str, extra: str = "") -> str:
    """Backslash-escape every character Argdown's lexer would read as markup (see the docstring), and
    keep whitespace it would skip: a tab, or spaces after a lone punctuation mark, which its lexer drops
    unless they follow an escaped character."""
    out: list[str] = []
    last = len(text) - 1
    for k, ch in enumerate(text):
        nxt = text[k + 1] if k < last else ""
        if (
            ch in "\\*_[]<>#{}@\t"
            or ch in extra
            or (ch in ".:" and nxt not in ("", " ", "\t"))
            or (ch == "/" and nxt in ("/", "*"))
            or (ch == "=" and (nxt == "=" or (k and text[k - 1] == "=")))
            or (ch in _CONTROL and text[k + 1 : k + 3] == "  ")
        ):
            out.append("\\")
        out.append(ch)
    return "".join(out)


def _data(values: dict[str, Any]) -> str:
    """Inline YAML data ``{key: value}`` (empty when every value is None), safe for Argdown's lexer."""
    items = {k: v for k, v in values.items() if v is not None}
    if not items:
        return ""
    return " {" + ", ".join(f"{k}: {_yaml_value(v)}" for k, v in items.items()) + "}"


def _yaml_value(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, str):
        return _yaml_string(value)
    return json.dumps(value)


def _yaml_string(text: str) -> str:
    """A double-quoted YAML string with no character Argdown's lexer could end a block on."""
    quoted = json.dumps(text, ensure_ascii=True)
    for ch in "{}/=#":
        quoted = quoted.replace(ch, f"\\u{ord(ch):04x}")
    return quoted


def _tag_ok(tag: str) -> bool:
    return bool(tag.strip()) and not any(ch in tag for ch in ")\r\n")


# ---------------------------------------------------------------------------------------------- reading

_DATA = r"\{(?:(?!\}\s[^,}])[\s\S])*\}(?!\s*(?:,|\}))"  # Argdown's own pattern for inline data
_SCAN = re.compile(r"\\.|(?P<data>" + _DATA + r")|(?P<comment><!--[\s\S]*?-->|/\*[\s\S]*?\*/|//[^\n]*)")
_RELATION = re.compile(r"^(<\+|<-|<_|\+>|->|_>|><|\+|-|_(?=\s))\s*(.*)$")
_NUMBER = re.compile(r"^\((\d+)\)\s*(.*)$")
_LIST = re.compile(r"^(?:\*|\d+\.)\s+(.*)$")
_HEADING = re.compile(r"^#+ ")
_TAG = re.compile(r"#(?:\(([^)]+)\)|([a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))[ \t]?")
_DATA_AT = re.compile(_DATA)
_TEXT_SPECIAL = re.compile(r"[\\#{]")
_RULE_SPECIAL = re.compile(r"[\\{]")
_INFERENCE_END = re.compile(r"(?<!\\)-{2,}")
_RULE_COMMA = re.compile(r"(?<!\\),")
_INCOMING = {
    "+": "support",
    "<+": "support",
    "-": "attack",
    "<-": "attack",
    "_": "undercut",
    "<_": "undercut",
}
_OUTGOING = {"+>": "support", "->": "attack", "_>": "undercut"}


@dataclass
class _Node:
    """A statement or argument as the file names it, with the raw texts it was given."""

    kind: str  # "s" statement, "a" argument
    title: str
    line: int
    texts: list[list[str]] = field(default_factory=list)  # each occurrence's raw lines
    steps: list[dict[str, Any]] | None = None  # an argument's premise–conclusion structure


@dataclass
class _Relation:
    kind: str  # support, attack, undercut
    source: tuple[str, str]
    target: tuple[str, str]
    line: int


class _Reader:
    """One pass over the lines, collecting nodes and relations; ``build`` turns them into a map."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.nodes: dict[tuple[str, str], _Node] = {}
        self.relations: list[_Relation] = []
        self.untitled = 0
        self.front: dict[str, Any] = {}

    def fail(self, message: str, line: int | None) -> FormatError:
        return FormatError(message, fmt=NAME, path=self.path, line=line)

    def node(self, kind: str, title: str, line: int) -> _Node:
        key = (kind, title)
        if key not in self.nodes:
            self.nodes[key] = _Node(kind, title, line)
        return self.nodes[key]

    def element(self, content: str, line: int) -> tuple[_Node, list[str] | None]:
        """Parse ``[T]: text``, ``[T]``, ``<T>: text``, ``<T>`` or plain text; return the node and the
        list its text continues in (None for a bare reference)."""
        for kind, opening, closing in (("s", "[", "]"), ("a", "<", ">")):
            if content.startswith(opening):
                end = content.find(closing)
                if end > 1:
                    title = content[1:end].strip()
                    rest = content[end + 1 :]
                    node = self.node(kind, title, line)
                    if rest.startswith(":"):
                        text = [rest[1:]]
                        node.texts.append(text)
                        return node, text
                    if rest.strip():
                        # Only tags or data may follow a bare reference; keep them with the node.
                        text = [rest]
                        node.texts.append(text)
                        return node, text
                    return node, None
        self.untitled += 1
        node = self.node("s", f"untitled-{self.untitled}", line)
        text = [content]
        node.texts.append(text)
        return node, text

    def read(self, text: str) -> None:
        text = _NEWLINES.sub("\n", text).lstrip("\ufeff")
        text = self.front_matter(text)
        text = _SCAN.sub(lambda m: "\n" * m[0].count("\n") if m["comment"] else m[0], text)
        lines = text.split("\n")
        stack: list[tuple[int, _Node]] = []  # (indent, node) of the elements relations hang from
        text_of: list[str] | None = None  # where a continuation line's text goes
        argument: _Node | None = None  # the argument a following premise–conclusion structure belongs to
        pcs: dict[str, Any] | None = None
        k = 0
        while k < len(lines):
            raw = lines[k]
            number = k + 1
            k += 1
            body = raw.strip()
            indent = len(raw) - len(raw.lstrip(" \t"))
            if not body:
                text_of = None
                continue
            if body.startswith("--"):
                if pcs is None:
                    raise self.fail("an inference line ('--') outside a premise-conclusion structure", number)
                if not pcs["pending"] or pcs["rule"] is not None:
                    raise self.fail("an inference line needs premises above it", number)
                rule, k = self.inference(body[2:], lines, k, number)
                pcs["rule"], pcs["rule_line"] = rule, number
                text_of, stack = None, []
                continue
            match = _NUMBER.match(body)
            if match:
                if pcs is None:
                    if argument is None:
                        self.untitled += 1
                        argument = self.node("a", f"argument-{self.untitled}", number)
                    if argument.steps is not None:
                        raise self.fail(
                            f"argument <{argument.title}> has two premise-conclusion structures", number
                        )
                    pcs = {"argument": argument, "pending": [], "rule": None, "steps": [], "line": number}
                node, text_of = self.element(match[2].strip(), number)
                if node.kind != "s":
                    raise self.fail("expected a statement after the number, not an argument", number)
                if pcs["rule"] is not None:
                    pcs["steps"].append({"premises": pcs["pending"], "conclusion": node, **pcs["rule"]})
                    pcs["pending"], pcs["rule"] = [node], None
                else:
                    pcs["pending"].append(node)
                stack = [(indent, node)]
                continue
            relation = _RELATION.match(body)
            if relation and (indent > 0 or stack):
                while stack and stack[-1][0] >= indent:
                    stack.pop()
                if not stack:
                    raise self.fail(f"relation '{relation[1]}' has no statement or argument above it", number)
                if not relation[2].strip():
                    raise self.fail(
                        f"relation '{relation[1]}' names nothing; expected [title], <title> or text", number
                    )
                parent = stack[-1][1]
                child, text_of = self.element(relation[2].strip(), number)
                arrow = relation[1]
                if arrow == "><":
                    self.relations.append(_Relation("attack", _key(parent), _key(child), number))
                    self.relations.append(_Relation("attack", _key(child), _key(parent), number))
                elif arrow in _INCOMING:
                    self.relations.append(_Relation(_INCOMING[arrow], _key(child), _key(parent), number))
                else:
                    self.relations.append(_Relation(_OUTGOING[arrow], _key(parent), _key(child), number))
                stack.append((indent, child))
                continue
            if text_of is not None:
                text_of.append(body)  # a paragraph runs on over its lines
                continue
            if _HEADING.match(body):
                continue  # sections group the map in Argdown's views; they carry no argument
            self.close(pcs)
            pcs = None
            listed = _LIST.match(body)
            node, text_of = self.element(listed[1] if listed else body, number)
            argument = node if node.kind == "a" else None
            stack = [(indent, node)]
        self.close(pcs)

    def close(self, pcs: dict[str, Any] | None) -> None:
        if pcs is None:
            return
        if pcs["rule"] is not None:
            raise self.fail("expected a conclusion '(n) ...' after the inference line", pcs["rule_line"])
        if not pcs["steps"]:
            raise self.fail(
                "a premise-conclusion structure needs a '----' line before its conclusion", pcs["line"]
            )
        pcs["argument"].steps = pcs["steps"]

    def inference(self, rest: str, lines: list[str], k: int, number: int) -> tuple[dict[str, Any], int]:
        """Read an inference from after its opening ``--`` to its closing ``--``; return its rule/data."""
        collected = []
        while True:
            close = _INFERENCE_END.search(rest)
            if close:
                collected.append(rest[: close.start()])
                break
            collected.append(rest)
            if k >= len(lines):
                raise self.fail("inference opened with '--' is never closed with '--'", number)
            rest = lines[k]
            k += 1
        body, _, data = _inline(" ".join(collected), rule=True)
        rule = ", ".join(r for r in (part.strip() for part in _split_rules(body)) if r)
        return {"scheme": rule or None, "data": data}, k

    def front_matter(self, text: str) -> str:
        """Take the ``===`` YAML block off the top (kept as blank lines, so line numbers hold)."""
        head = text.lstrip()
        if not head.startswith("==="):
            return text
        start = len(text) - len(head)
        match = re.compile(r"===+([\s\S]*?)===+").match(text, start)
        if not match:
            raise self.fail("front matter opened with '===' is never closed", text[:start].count("\n") + 1)
        for line in match[1].split("\n"):
            key, sep, value = line.partition(":")
            if sep and key.strip() and not key.startswith((" ", "\t")):
                self.front[key.strip()] = _yaml(value.strip()) if value.strip() else None
        return text[: match.start()] + "\n" * match[0].count("\n") + text[match.end() :]

    def build(self) -> ArgumentMap:
        ids = _Ids()
        used_as: dict[tuple[str, str], int] = {}
        for node in self.nodes.values():
            for step in node.steps or ():
                for s in (*step["premises"], step["conclusion"]):
                    used_as[_key(s)] = used_as.get(_key(s), 0) + 1
        for rel in self.relations:
            for end in (rel.source, rel.target):
                used_as[end] = used_as.get(end, 0) + 1

        parsed = {key: _first_text(node) for key, node in self.nodes.items()}
        evidence_of: dict[tuple[str, str], tuple[str, str]] = {}
        for rel in self.relations:
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
        node_id: dict[tuple[str, str], str] = {}
        for key, node in self.nodes.items():
            if key[0] == "s" or not node.steps:
                node_id[key] = ids.claim(node.title)
        for key, node in self.nodes.items():
            if key not in node_id:
                continue
            text, tags, data = parsed[key]
            if not text.strip():
                text = node.title  # a statement or argument referred to but never given a text
            if key in evidence_of:
                evidence.append(_evidence(node_id[key], node_id[evidence_of[key]], text, data))
                continue
            record: dict[str, Any] = {"id": node_id[key], "text": text, "tags": tags}
            if data.get("implicit") is True:
                record["implicit"] = True
            if data.get("rating") in ("accepted", "doubtful", "rejected"):
                record["rating"] = data["rating"]
            if isinstance(data.get("note"), str):
                record["note"] = data["note"]
            statements.append(record)

        last_inference: dict[tuple[str, str], str] = {}
        for key, node in self.nodes.items():
            if not node.steps:
                continue
            base = ids.claim(node.title)
            description, _, _ = parsed[key]
            for n, step in enumerate(node.steps, 1):
                iid = base if n == len(node.steps) else ids.fresh(f"{base}.{n}")
                record = {
                    "id": iid,
                    "premises": list(dict.fromkeys(node_id[_key(p)] for p in step["premises"])),
                    "conclusion": node_id[_key(step["conclusion"])],
                    "scheme": step["scheme"],
                }
                if step["data"].get("rating") in ("strong", "weak", "none"):
                    record["rating"] = step["data"]["rating"]
                if n == len(node.steps) and description.strip():
                    record["note"] = description
                inferences.append(record)
            last_inference[key] = base
            node_id[key] = node_id[_key(node.steps[-1]["conclusion"])]

        seen: set[tuple[str, str, str]] = set()
        for rel in self.relations:
            if rel.source in evidence_of:
                continue
            source = node_id[rel.source]
            if rel.kind == "undercut" and rel.target in last_inference:
                target = last_inference[rel.target]
            elif rel.kind == "undercut" and rel.target[0] == "s":
                raise self.fail(f"an undercut must point at an argument, not [{rel.target[1]}]", rel.line)
            else:
                target = node_id[rel.target]
            kind = "support" if rel.kind == "support" else "attack"
            if source == target or (kind, source, target) in seen:
                continue  # an argument relating to its own conclusion, or a relation said twice
            seen.add((kind, source, target))
            if kind == "support":
                inferences.append(
                    {"id": ids.fresh(f"r{len(seen)}"), "premises": [source], "conclusion": target}
                )
            else:
                attacks.append({"id": ids.fresh(f"a{len(attacks) + 1}"), "source": source, "target": target})

        name = PurePath(self.path).stem if self.path else "argdown-import"
        title = self.front.get("title")
        map_id = self.front.get("id")
        main = self.front.get("main")
        data = {
            "id": map_id if isinstance(map_id, str) and _ID.match(map_id) else _slug(name),
            "title": title if isinstance(title, str) and title.strip() else name,
            "main": main if isinstance(main, str) and main in {s["id"] for s in statements} else None,
            "statements": statements,
            "inferences": inferences,
            "attacks": attacks,
            "evidence": evidence,
        }
        try:
            return ArgumentMap.model_validate(data)
        except ValidationError as err:
            problems = "; ".join(e["msg"].removeprefix("Value error, ") for e in err.errors())
            raise self.fail(f"the file does not make a valid map: {problems}", None) from None


def loads(text: str, path: str | None = None) -> ArgumentMap:
    """Parse Argdown; a construct that does not fit raises ``FormatError`` with its line."""
    reader = _Reader(path)
    reader.read(text)
    return reader.build()


def _key(node: _Node) -> tuple[str, str]:
    return (node.kind, node.title)


def _first_text(node: _Node) -> tuple[str, tuple[str, ...], dict[str, Any]]:
    """The first non-empty text the node was given, with the tags and data written with any of them."""
    tags: list[str] = []
    data: dict[str, Any] = {}
    chosen = ""
    for lines in node.texts:
        text, found_tags, found_data = _inline(" ".join(lines))
        tags.extend(t for t in found_tags if t not in tags)
        data = {**found_data, **data}
        if not chosen and text:
            chosen = text
    return chosen, tuple(tags), data


def _inline(raw: str, rule: bool = False) -> tuple[str, tuple[str, ...], dict[str, Any]]:
    """Split a raw text into plain text (escapes undone), tags and data. In an inference rule, an
    escaped comma stays escaped so that rules can be split on the bare ones afterwards."""
    out: list[str] = []
    tags: list[str] = []
    data: dict[str, Any] = {}
    special = _RULE_SPECIAL if rule else _TEXT_SPECIAL  # an inference rule has no tags
    k = 0
    while True:
        found = special.search(raw, k)
        if found is None:
            out.append(raw[k:])
            break
        start = found.start()
        out.append(raw[k:start])
        ch = raw[start]
        if ch == "\\" and start + 1 < len(raw):
            escaped = raw[start + 1]
            out.append("\\," if rule and escaped == "," else escaped)
            k = start + 2
            continue
        if ch == "#":
            tag = _TAG.match(raw, start)
            if tag:
                tags.append((tag[1] or tag[2]).strip())
                k = tag.end()
                continue
        elif ch == "{":
            block = _DATA_AT.match(raw, start)
            if block:
                parsed = _yaml(block[0])
                if isinstance(parsed, dict):
                    data.update(parsed)
                k = block.end()
                continue
        out.append(ch)
        k = start + 1
    return "".join(out).strip(), tuple(tags), data


def _split_rules(text: str) -> Iterable[str]:
    return (part.replace("\\,", ",") for part in _RULE_COMMA.split(text))


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
        return self.fresh(title if _ID.match(title) else _slug(title))

    def fresh(self, base: str) -> str:
        new, n = base, 1
        while new in self.taken:
            n += 1
            new = f"{base}-{n}"
        self.taken.add(new)
        return new


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.:-]+", "-", name).strip("-.")[:56] or "x"


# A small reader for the YAML that Argdown data and front matter use in practice: flow mappings and
# sequences, quoted and plain scalars. (Block YAML in front matter is read one ``key: value`` a line.)


def _yaml(text: str) -> Any:
    value, end = _yaml_at(text, 0)
    return value if text[end:].strip() == "" else text


def _yaml_at(text: str, k: int) -> tuple[Any, int]:
    while k < len(text) and text[k] in " \t\n":
        k += 1
    if k >= len(text):
        return None, k
    ch = text[k]
    if ch in "{[":
        closing = "}" if ch == "{" else "]"
        items: Any = {} if ch == "{" else []
        k += 1
        while True:
            while k < len(text) and text[k] in " \t\n,":
                k += 1
            if k >= len(text):
                return items, k
            if text[k] == closing:
                return items, k + 1
            if ch == "{":
                key, k = _yaml_at(text, k)
                while k < len(text) and text[k] in " \t":
                    k += 1
                if k < len(text) and text[k] == ":":
                    value, k = _yaml_at(text, k + 1)
                else:
                    value = None
                items[str(key)] = value
            else:
                value, k = _yaml_at(text, k)
                items.append(value)
    if ch == '"':
        end = k + 1
        while end < len(text) and text[end] != '"':
            end += 2 if text[end] == "\\" else 1
        try:
            return json.loads(text[k : end + 1]), end + 1
        except json.JSONDecodeError:
            return text[k + 1 : end], end + 1
    if ch == "'":
        end = k + 1
        while end < len(text) and not (text[end] == "'" and text[end + 1 : end + 2] != "'"):
            end += 2 if text[end] == "'" else 1
        return text[k + 1 : end].replace("''", "'"), end + 1
    match = re.compile(r"[^,:{}\[\]\n]*(?::(?![ \t\n])[^,:{}\[\]\n]*)*").match(text, k)
    plain = match[0].strip() if match else ""
    end = match.end() if match else k
    return _scalar(plain), max(end, k + 1)  # always move on, even past a stray bracket or colon


def _scalar(plain: str) -> Any:
    if plain in ("true", "True"):
        return True
    if plain in ("false", "False"):
        return False
    if plain in ("null", "~", ""):
        return None
    try:
        return int(plain)
    except ValueError:
        pass
    try:
        return float(plain)
    except ValueError:
        return plain
