"""An HTML page: its article found among the page's clutter, then reduced to readable text.

``read`` finds the article with readability-lxml (the algorithm of Firefox's Reader View: menus, headers,
footers, "most read" boxes and comments dropped), then ``read_html`` (stdlib ``html.parser``) reduces
that to text: scripts, styles and markup dropped, block elements (paragraphs, headings, list items,
quotes) turned into paragraph breaks, so the extractor sees the article's paragraphs. A fragment (no
``<body>``), or a page where no article stands out, is reduced whole.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from argmap.errors import InputError
from argmap.pieces.piece import Piece
from argmap.pieces.text import decode

_SKIP = frozenset(("script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas"))
_BLOCK = frozenset(
    (
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote", "pre",
        "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "figure",
        "figcaption", "hr", "form", "address", "details", "summary",
    )
)  # fmt: skip


@dataclass(frozen=True)
class Page:
    """The text of an HTML page and its title (None if it has none)."""

    text: str
    title: str | None


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self.h1: list[str] | None = None
        self.first_h1: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.title_parts = []
        elif tag in _SKIP:
            self.skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")
        if tag == "h1" and self.first_h1 is None:
            self.h1 = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title_parts is not None:
            self.title = " ".join("".join(self.title_parts).split()) or None
            self.title_parts = None
        elif tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")
        if tag == "h1" and self.h1 is not None:
            self.first_h1 = " ".join("".join(self.h1).split()) or None
            self.h1 = None

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
            return
        if self.skip:
            return
        if self.h1 is not None:
            self.h1.append(data)
        self.parts.append(data)


def read_html(markup: str) -> Page:
    """The readable text of ``markup`` with paragraph breaks, and its title."""
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    paragraphs = []
    for block in "".join(reader.parts).split("\n\n"):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        joined = "\n".join(line for line in lines if line)
        if joined:
            paragraphs.append(joined)
    return Page(text="\n\n".join(paragraphs), title=reader.title or reader.first_h1)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_MIN_ARTICLE = 0.2  # an "article" under this share of the page's text is a wrong guess: keep the page
_FULL_PAGE = re.compile(r"<(body|html|!doctype)\b", re.IGNORECASE)


def decode_html(data: bytes, name: str = "input") -> str:
    """An HTML file's text: its ``<meta charset>`` where it names one and UTF-8 fails, else any common
    encoding (``pieces.text.decode``)."""
    import codecs

    found = _META_CHARSET.search(data[:4096])
    if found and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        try:
            return data.decode(found.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass  # an unknown charset name: guess
    return decode(data, name)


def read_article(markup: str) -> Page:
    """The article of an HTML page as text with paragraph breaks, and its title (the article's
    ``<h1>``, else the page's ``<title>``)."""
    whole = read_html(markup)
    if not _FULL_PAGE.search(markup[:10_000]):
        return whole  # a fragment (a paragraph or two someone saved) has no clutter to drop
    try:
        from readability import Document

        # readability logs a traceback when it gives up (an empty document): not ours to print
        logging.getLogger("readability").setLevel(logging.CRITICAL)
        doc = Document(markup)
        summary = doc.summary(html_partial=True)
        page_title = doc.short_title() or None
    except Exception:  # readability (lxml) gives up on some broken markup: the whole page is still text
        return whole
    article = read_html(summary)
    if len(article.text) < _MIN_ARTICLE * len(whole.text):
        return whole
    return Page(text=article.text, title=article.title or page_title or whole.title)


KIND = "web page"
# Tags a page may have: reading costs about 10 µs a tag (two passes and readability's scoring), so this
# bounds a crafted page to about a second; a long news article has a few thousand, a long Wikipedia
# article some 50,000.
MAX_TAGS = 100_000


def read(data: bytes, name: str = "input") -> Piece:
    """The article of an HTML file as text, and its title."""
    markup = decode_html(data, name)
    tags = markup.count("<")
    if tags > MAX_TAGS:
        raise InputError(
            f"{name}: the page has {tags:,} tags; Argmap reads pages of at most {MAX_TAGS:,} "
            "(save the article's text, or its print view, and map that)"
        )
    page = read_article(markup)
    return Piece(text=page.text, title=page.title, kind=KIND)
