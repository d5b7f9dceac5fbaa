"""The YAML that Argdown's inline data and front matter use in practice, read and written.

Flow mappings and sequences, quoted and plain scalars. (Block YAML in front matter is read one
``key: value`` a line by the reader.) Written strings are double-quoted with no character on which
Argdown's lexer could end a block.
"""

from __future__ import annotations

import json
import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")
_PLAIN = re.compile(r"[^,:{}\[\]\n]*(?::(?![ \t\n])[^,:{}\[\]\n]*)*")


def data(values: dict[str, Any]) -> str:
    """Inline YAML data `` {key: value}`` (empty when every value is None), safe for Argdown's lexer."""
    items = {k: v for k, v in values.items() if v is not None}
    if not items:
        return ""
    return " {" + ", ".join(f"{k}: {value(v)}" for k, v in items.items()) + "}"


def value(v: Any) -> str:
    """One value as flow YAML: a mapping, a quoted string, or JSON's spelling of a scalar."""
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {value(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list | tuple):
        return "[" + ", ".join(value(x) for x in v) + "]"
    if isinstance(v, str):
        return string(v)
    return json.dumps(v)


def string(text: str) -> str:
    """A double-quoted YAML string with no character Argdown's lexer could end a block on."""
    quoted = json.dumps(text, ensure_ascii=True)
    for ch in "{}/=#":
        quoted = quoted.replace(ch, f"\\u{ord(ch):04x}")
    return quoted


MAX_DEPTH = 32  # flow collections nested deeper than this are no data Argdown writes: read as text


class _TooDeep(Exception):
    pass


def parse(text: str) -> Any:
    """The value ``text`` spells, or ``text`` itself when it is not one whole value."""
    try:
        parsed, end = _parse_at(text, 0)
    except _TooDeep:
        return text
    return parsed if text[end:].strip() == "" else text


def _parse_at(text: str, k: int, depth: int = 0) -> tuple[Any, int]:
    while k < len(text) and text[k] in " \t\n":
        k += 1
    if k >= len(text):
        return None, k
    ch = text[k]
    if ch in "{[":
        if depth >= MAX_DEPTH:
            raise _TooDeep
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
                key, k = _parse_at(text, k, depth + 1)
                if isinstance(key, dict | list):  # a collection as a key: no Argdown data; str() of a
                    raise _TooDeep  # nested one at every level would cost time and memory without bound
                while k < len(text) and text[k] in " \t":
                    k += 1
                if k < len(text) and text[k] == ":":
                    item, k = _parse_at(text, k + 1, depth + 1)
                else:
                    item = None
                items[str(key)] = item
            else:
                item, k = _parse_at(text, k, depth + 1)
                items.append(item)
    if ch == '"':
        end = k + 1
        while end < len(text) and text[end] != '"':
            end += 2 if text[end] == "\\" else 1
        try:
            quoted = json.loads(text[k : end + 1])
            # "\ud800" alone is no character (a later save could not write it): keep it as typed
            return (
                quoted if quoted.isascii() or not _SURROGATE.search(quoted) else text[k + 1 : end]
            ), end + 1
        except ValueError:  # bad JSON escapes
            return text[k + 1 : end], end + 1
    if ch == "'":
        end = k + 1
        while end < len(text) and not (text[end] == "'" and text[end + 1 : end + 2] != "'"):
            end += 2 if text[end] == "'" else 1
        return text[k + 1 : end].replace("''", "'"), end + 1
    match = _PLAIN.match(text, k)
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
    if len(plain) <= 100:  # Python refuses to read integers past 4,300 digits; no datum is that long
        try:
            return int(plain)
        except ValueError:
            pass
    try:
        return float(plain)
    except ValueError:
        return plain
