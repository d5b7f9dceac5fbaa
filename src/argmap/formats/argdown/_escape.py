"""Argdown escaping: the characters its lexer would read as markup, and what a text keeps on a round trip."""

from __future__ import annotations

import re

NEWLINES = re.compile(r"\r\n|\r|\n")
_CONTROL = set("@#*_[],.:;</>-(){}")  # Argdown's lexer reads each alone, with at most one space after it


def kept_text(text: str) -> str:
    """``text`` as an Argdown round trip gives it back: line breaks as spaces, outer spaces gone."""
    return NEWLINES.sub(" ", text).strip()


def escape(text: str, extra: str = "") -> str:
    """Backslash-escape every character Argdown's lexer would read as markup (see the package
    docstring), and keep whitespace it would skip: a tab, or spaces after a lone punctuation mark,
    which its lexer drops unless they follow an escaped character."""
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
