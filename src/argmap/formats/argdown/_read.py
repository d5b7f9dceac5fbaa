"""Reading Argdown, step one: the lines of a file → the statements, arguments and relations it names.

One pass over the lines with a stack of the elements relations hang from (indentation nests them);
``argmap.formats.argdown._build`` then turns what was collected into a map.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from argmap.errors import FormatError
from argmap.formats.argdown import _yaml
from argmap.formats.argdown._escape import NEWLINES

NAME = "argdown"
_DATA = r"\{(?:(?!\}\s[^,}])[\s\S])*\}(?!\s*(?:,|\}))"  # Argdown's own pattern for inline data
_COMMENT_OPENERS = ("<!--", "/*", "//")
_BOUNDARY = re.compile(r"\}\s[^,}]")  # no data block runs past one of these ...
_CLOSING = re.compile(r"\}(?!\s*(?:,|\}))")  # ... and each ends on one of these
_OPENER = re.compile(r"\\.|\{|<!--|/\*|//")  # an escape, a data block or a comment starts so
_RELATION = re.compile(r"^(<\+|<-|<_|\+>|->|_>|><|\+|-|_(?=\s))\s*(.*)$")
_RELATION_FIRST = "<+-_>"  # a relation line starts with one of these (checked before the pattern)
_NUMBER = re.compile(r"^\((\d+)\)\s*(.*)$")
_LIST = re.compile(r"^(?:\*|\d+\.)\s+(.*)$")
_HEADING = re.compile(r"^#+ ")
_TAG = re.compile(r"#(?:\(([^)]+)\)|([a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))[ \t]?")
_TEXT_SPECIAL = re.compile(r"[\\#{]")
_RULE_SPECIAL = re.compile(r"[\\{]")
_INFERENCE_END = re.compile(r"(?<!\\)-{2,}")
_RULE_COMMA = re.compile(r"(?<!\\),")
_FRONT_MATTER = re.compile(r"===+([\s\S]*?)===+")
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
class Node:
    """A statement or argument as the file names it, with the raw texts it was given."""

    kind: str  # "s" statement, "a" argument
    title: str
    line: int
    texts: list[list[str]] = field(default_factory=list)  # each occurrence's raw lines
    steps: list[dict[str, Any]] | None = None  # an argument's premise–conclusion structure

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.title)


@dataclass
class Relation:
    """A relation as written: its kind (support, attack, undercut) and the keys of its two ends."""

    kind: str
    source: tuple[str, str]
    target: tuple[str, str]
    line: int


class Reader:
    """One pass over the lines, collecting nodes, relations and front matter."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.nodes: dict[tuple[str, str], Node] = {}
        self.relations: list[Relation] = []
        self.untitled = 0
        self.front: dict[str, Any] = {}

    def fail(self, message: str, line: int | None) -> FormatError:
        return FormatError(message, fmt=NAME, path=self.path, line=line)

    def node(self, kind: str, title: str, line: int) -> Node:
        key = (kind, title)
        found = self.nodes.get(key)
        if found is None:
            found = self.nodes[key] = Node(kind, title, line)
        return found

    def element(self, content: str, line: int) -> tuple[Node, list[str] | None]:
        """Parse ``[T]: text``, ``[T]``, ``<T>: text``, ``<T>`` or plain text; return the node and the
        list its text continues in (None for a bare reference)."""
        opening = content[:1]
        if opening == "[" or opening == "<":
            end = content.find("]" if opening == "[" else ">")
            if end > 1:
                key = ("s" if opening == "[" else "a", content[1:end].strip())
                node = self.nodes.get(key)  # self.node(...), inlined: the reader's hottest call
                if node is None:
                    node = self.nodes[key] = Node(key[0], key[1], line)
                rest = content[end + 1 :]
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
        if "\r" in text:
            text = NEWLINES.sub("\n", text)
        text = self.front_matter(text.lstrip("\ufeff"))
        if any(opener in text for opener in _COMMENT_OPENERS):  # else there is no comment to blank
            text = blank_comments(text)
        lines = text.split("\n")
        stack: list[tuple[int, Node]] = []  # (indent, node) of the elements relations hang from
        text_of: list[str] | None = None  # where a continuation line's text goes
        argument: Node | None = None  # the argument a following premise–conclusion structure belongs to
        pcs: dict[str, Any] | None = None
        k = 0
        while k < len(lines):
            raw = lines[k]
            number = k + 1
            k += 1
            body = raw.strip()
            if not body:
                text_of = None
                continue
            first = body[0]
            if first == "-" and body.startswith("--"):
                if pcs is None:
                    raise self.fail("an inference line ('--') outside a premise-conclusion structure", number)
                if not pcs["pending"] or pcs["rule"] is not None:
                    raise self.fail("an inference line needs premises above it", number)
                rule, k = self.inference(body[2:], lines, k, number)
                pcs["rule"], pcs["rule_line"] = rule, number
                text_of, stack = None, []
                continue
            match = _NUMBER.match(body) if first == "(" else None
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
                stack = [(_indent(raw), node)]
                continue
            relation = _RELATION.match(body) if first in _RELATION_FIRST else None
            if relation and (stack or _indent(raw) > 0):
                indent = _indent(raw)
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
                    self.relations.append(Relation("attack", parent.key, child.key, number))
                    self.relations.append(Relation("attack", child.key, parent.key, number))
                elif arrow in _INCOMING:
                    self.relations.append(Relation(_INCOMING[arrow], child.key, parent.key, number))
                else:
                    self.relations.append(Relation(_OUTGOING[arrow], parent.key, child.key, number))
                stack.append((indent, child))
                continue
            if text_of is not None:
                text_of.append(body)  # a paragraph runs on over its lines
                continue
            if first == "#" and _HEADING.match(body):
                continue  # sections group the map in Argdown's views; they carry no argument
            if pcs is not None:
                self.close(pcs)
                pcs = None
            listed = _LIST.match(body) if first == "*" or first.isdigit() else None
            node, text_of = self.element(listed[1] if listed else body, number)
            argument = node if node.kind == "a" else None
            stack = [(_indent(raw), node)]
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
        joined = " ".join(collected)
        if not joined.strip():
            return {"scheme": None, "data": {}}, k  # a bare '----': no scheme, no data
        body, _, data = inline(joined, rule=True)
        rule = ", ".join(r for r in (part.strip() for part in _split_rules(body)) if r)
        return {"scheme": rule or None, "data": data}, k

    def front_matter(self, text: str) -> str:
        """Take the ``===`` YAML block off the top (kept as blank lines, so line numbers hold)."""
        head = text.lstrip()
        if not head.startswith("==="):
            return text
        start = len(text) - len(head)
        match = _FRONT_MATTER.match(text, start)
        if not match:
            raise self.fail("front matter opened with '===' is never closed", text[:start].count("\n") + 1)
        for line in match[1].split("\n"):
            key, sep, value = line.partition(":")
            if sep and key.strip() and not key.startswith((" ", "\t")):
                self.front[key.strip()] = _yaml.parse(value.strip()) if value.strip() else None
        return text[: match.start()] + "\n" * match[0].count("\n") + text[match.end() :]


class DataBlocks:
    """Where Argdown's inline data blocks (``_DATA``) end in one text, found with two linear passes.

    Matching ``_DATA`` at each ``{`` scans to the end of the text when the block does not close, so a
    line of 40,000 ``{`` took 12 s. A block opening at ``k`` runs to the last ``}`` not followed by
    ``,`` or ``}`` (``_CLOSING``) that comes no later than the first ``} x`` (``_BOUNDARY``) after
    ``k``: exactly what the pattern matches, found by bisection in the two lists of positions.
    """

    def __init__(self, text: str) -> None:
        self.size = len(text)
        self.boundaries = [m.start() for m in _BOUNDARY.finditer(text)]
        self.closings = [m.start() for m in _CLOSING.finditer(text)]

    def end(self, start: int) -> int | None:
        """The end (exclusive) of the data block whose ``{`` is at ``start``; None if none opens there."""
        i = bisect_left(self.boundaries, start + 1)
        limit = self.boundaries[i] if i < len(self.boundaries) else self.size
        j = bisect_right(self.closings, limit) - 1
        if j < 0 or self.closings[j] <= start:
            return None
        return self.closings[j] + 1


def blank_comments(text: str) -> str:
    """``text`` with its comments (``<!-- -->``, ``/* */``, ``//``) blanked, their newlines kept so line
    numbers hold; an escape or a data block is skipped whole (a ``//`` in it is no comment). As a regex
    substitution does, in linear time: a comment that never closes is known at once."""
    blocks = DataBlocks(text)
    last_html, last_block = text.rfind("-->"), text.rfind("*/")
    out: list[str] = []
    k = 0
    while True:
        found = _OPENER.search(text, k)
        if found is None:
            break
        at, token = found.start(), found[0]
        end = found.end()
        if token == "{":
            end = blocks.end(at) or at + 1
        elif token in ("<!--", "/*"):
            closer = "-->" if token == "<!--" else "*/"
            last = last_html if token == "<!--" else last_block
            close = text.find(closer, at + len(token)) if last >= at + len(token) else -1
            if close >= 0:
                out.append(text[k:at] + "\n" * text.count("\n", at, close))
                k = close + len(closer)
                continue
            end = at + 1
        elif token == "//":
            stop = text.find("\n", at)
            stop = len(text) if stop < 0 else stop
            out.append(text[k:at])
            k = stop
            continue
        out.append(text[k:end])
        k = end
    out.append(text[k:])
    return "".join(out)


def inline(raw: str, rule: bool = False) -> tuple[str, tuple[str, ...], dict[str, Any]]:
    """Split a raw text into plain text (escapes undone), tags and data. In an inference rule, an
    escaped comma stays escaped so that rules can be split on the bare ones afterwards."""
    out: list[str] = []
    tags: list[str] = []
    data: dict[str, Any] = {}
    special = _RULE_SPECIAL if rule else _TEXT_SPECIAL  # an inference rule has no tags
    blocks: DataBlocks | None = None  # made at the first {
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
            blocks = blocks or DataBlocks(raw)
            block_end = blocks.end(start)
            if block_end is not None:
                parsed = _yaml.parse(raw[start:block_end])
                if isinstance(parsed, dict):
                    data.update(parsed)
                k = block_end
                continue
        out.append(ch)
        k = start + 1
    return "".join(out).strip(), tuple(tags), data


def _split_rules(text: str) -> Iterable[str]:
    return (part.replace("\\,", ",") for part in _RULE_COMMA.split(text))


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip(" \t"))
