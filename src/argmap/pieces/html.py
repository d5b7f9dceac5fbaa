"""Reduce an HTML page to its readable text (stdlib ``html.parser``): scripts, styles and markup dropped.

Block elements (paragraphs, headings, list items, quotes) become paragraph breaks, so the extractor sees
the page's paragraphs; ``<title>`` (else the first ``<h1>``) becomes the title.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

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
