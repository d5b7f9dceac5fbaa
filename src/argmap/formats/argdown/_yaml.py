"""The YAML that Argdown's inline data and front matter use in practice, read and written.

Flow mappings and sequences, quoted and plain scalars. (Block YAML in front matter is read one
``key: value`` a line by the reader.) Written strings are double-quoted with no character on which
Argdown's lexer could end a block.
"""

from __future__ import annotations

import json
import re
from typing import Any

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


def parse(text: str) -> Any:
    """The value ``text`` spells, or ``text`` itself when it is not one whole value."""
    parsed, end = _parse_at(text, 0)
    return parsed if text[end:].strip() == "" else text


def _parse_at(text: str, k: int) -> tuple[Any, int]:
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
                key, k = _parse_at(text, k)
                while k < len(text) and text[k] in " \t":
                    k += 1
                if k < len(text) and text[k] == ":":
                    item, k = _parse_at(text, k + 1)
                else:
                    item = None
                items[str(key)] = item
            else:
                item, k = _parse_at(text, k)
                items.append(item)
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
    try:
        return int(plain)
    except ValueError:
        pass
    try:
        return float(plain)
    except ValueError:
        return plain
