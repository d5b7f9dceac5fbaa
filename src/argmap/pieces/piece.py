"""A piece of writing as read from a file or a web page: the text the extractor maps, and what else the
file said about it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    """The text of a piece (paragraphs separated by blank lines), its title if the file names one, what
    kind of file it came from ("Word document") and, for a web page, its address."""

    text: str
    title: str | None
    kind: str
    url: str | None = None
