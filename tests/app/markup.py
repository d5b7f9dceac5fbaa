"""What Markdown the app hands Streamlit would turn into: links, images, HTML, maths, directives.

Streamlit renders GitHub Markdown with $…$ maths, :emoji:/:material/…: shortcodes and :colour[…]
directives, and turns bare URLs into links. markdown-it-py (CommonMark, with the same extensions)
parses each body here the way the browser would, so a test can say "this shows as text only".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin

_PARSER = (
    MarkdownIt("commonmark", {"html": True, "linkify": True})
    .enable(["linkify", "strikethrough", "table"])
    .use(dollarmath_plugin, allow_space=True, allow_digits=True)
)
_MARKUP = {"image", "html_inline", "html_block", "math_inline", "math_block", "math_inline_double"}
# Streamlit makes links of bare URLs, www. names and e-mail addresses in the text, escaped or not.
_BARE_LINK = re.compile(r"(?i)\b(?:https?|ftp)://|\bwww\.|[\w.+-]@[\w-]+\.\w")
# Streamlit's own extensions, which markdown-it does not know: an unescaped ':' opening them.
_DIRECTIVE = re.compile(r"(?<!\\):(?:[a-z-]+(?<!\\)\[|material/|[a-z0-9_+-]+(?<!\\):)")


def _tokens(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        yield from _tokens(token.children or [])


def blocks(body: str) -> set[str]:
    """The kinds of block ``body`` makes (a plain text makes paragraphs only)."""
    return {t.type for t in _PARSER.parse(body) if t.nesting >= 0}


def markup(body: str) -> list[str]:
    """The markup ``body`` would render: ['link https://…', 'image', 'html_inline <b>', …] (empty: text only).

    Links to a place on the page (``#selected``) are the app's own and allowed.
    """
    found = []
    for token in _tokens(_PARSER.parse(body)):
        if token.type == "link_open" and not str(token.attrs.get("href", "")).startswith("#"):
            found.append(f"link {token.attrs.get('href')}")
        elif token.type in _MARKUP:
            found.append(f"{token.type} {token.content[:40]}")
    found += [f"directive {m.group(0)}" for m in _DIRECTIVE.finditer(body)]
    found += [f"bare link {m.group(0)}" for m in _BARE_LINK.finditer(_plain(body))]
    return found


def _plain(body: str) -> str:
    words = [
        " " if t.type in ("softbreak", "hardbreak") else t.content
        for t in _tokens(_PARSER.parse(body))
        if t.type in ("text", "text_special", "softbreak", "hardbreak")
    ]
    return "".join(words)


def text_of(body: str) -> str:
    """The words ``body`` shows, without markup (paragraphs and line breaks as single spaces; the
    invisible word joiners that keep a URL from becoming a link left out)."""
    return " ".join(_plain(body).replace("\u2060", "").split())
