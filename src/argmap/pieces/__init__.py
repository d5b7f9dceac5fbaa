"""Pieces of writing as people have them, read into the text the extractor maps and a title.

One door for every piece, used by the CLI (``argmap extract``, ``check`` on a text…) and the app's
Analyze page alike: ``read(data, name)`` for a file's bytes, ``read_url(url)`` for an article on the web.
``READERS`` is the one table of piece formats: plain text in any common encoding, Markdown, HTML (the
article found among the page's clutter), Word (.docx), OpenDocument (.odt), RTF and PDF. The format is
chosen by content where the content is certain (a PDF, RTF or zip signature, an HTML document), else by
the file's suffix; anything else is read as text. Bad input is one ``InputError`` sentence naming the file.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

from argmap.errors import InputError
from argmap.pieces import docx, html, odt, pdf, rtf, text, web
from argmap.pieces.piece import Piece
from argmap.pieces.web import MAX_BYTES, is_url

__all__ = [
    "MAX_BYTES", "READERS", "SUFFIXES", "Piece", "Reader",
    "is_piece", "is_url", "read", "read_url", "reader_for",
]  # fmt: skip


@dataclass(frozen=True)
class Reader:
    """One piece format: its name, suffixes, the media types a web server names it by, and its reader
    (bytes and a name for messages → ``Piece``)."""

    name: str
    suffixes: tuple[str, ...]
    media_types: tuple[str, ...]
    read: Callable[[bytes, str], Piece]


READERS: dict[str, Reader] = {
    r.name: r
    for r in (
        Reader("text", (".txt", ".text", ".md", ".markdown"), ("text/plain", "text/markdown"), text.read),
        Reader("html", (".html", ".htm", ".xhtml"), ("text/html", "application/xhtml+xml"), html.read),
        Reader(
            "docx",
            (".docx",),
            ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
            docx.read,
        ),
        Reader("odt", (".odt",), ("application/vnd.oasis.opendocument.text",), odt.read),
        Reader("rtf", (".rtf",), ("application/rtf", "text/rtf"), rtf.read),
        Reader("pdf", (".pdf",), ("application/pdf",), pdf.read),
    )
}

SUFFIXES = tuple(s for r in READERS.values() for s in r.suffixes)


def reader_for(data: bytes, name: str = "input", media_type: str | None = None) -> Reader:
    """The reader for a piece: by its signature where that is certain (PDF, RTF, a zip package, a whole
    HTML document), else the media type a server named, else the suffix of ``name``; text when nothing
    says otherwise."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return READERS["pdf"]
    if head.startswith(b"{\\rtf"):
        return READERS["rtf"]
    if data.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/vnd.oasis.opendocument.text" in data[:200]:
            return READERS["odt"]
        return READERS["docx"]  # the other zip package people write pieces in; its reader says if not
    if _looks_html(head):  # a whole HTML document, whatever it is called
        return READERS["html"]
    if media_type:
        for r in READERS.values():
            if media_type in r.media_types:
                return r
    suffix = _suffix(name)
    for r in READERS.values():
        if suffix in r.suffixes:
            return r
    return READERS["text"]


def is_piece(data: bytes, name: str) -> bool:
    """Whether a file is a piece of writing by its suffix or signature (a .txt, .docx, .pdf…); a file
    of unknown kind is not, though ``read`` would try it as text."""
    return _suffix(name) in SUFFIXES or reader_for(data, name).name != "text"


def read(data: bytes, name: str = "input", media_type: str | None = None) -> Piece:
    """The text and title of a piece from a file's bytes; ``name`` (a file name or address) picks the
    format with the content, and names the file in every error."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: {len(data):,} bytes; the limit is {MAX_BYTES:,} bytes")
    piece = reader_for(data, name, media_type).read(data, name)
    if not piece.text.strip():
        raise InputError(f"{name}: nothing to map (there is no text in it)")
    return piece


def read_url(url: str, *, timeout: float = web.TIMEOUT, public_only: bool = False) -> Piece:
    """The text and title of the piece at a web address (fetched within ``timeout`` seconds and
    ``MAX_BYTES``; with ``public_only``, never from a private network), with the address it was read
    from."""
    download = web.fetch(url, timeout=timeout, public_only=public_only)
    data = _as_utf8(download) if download.charset else download.data
    piece = read(data, download.url, download.media_type or None)
    return Piece(text=piece.text, title=piece.title, kind=piece.kind, url=download.url)


def _as_utf8(download: web.Download) -> bytes:
    """A text or HTML body in the character set its server named, as UTF-8 (the readers then need not
    guess); anything else, a body that is UTF-8 already, or an unknown charset is left as it came."""
    reader = reader_for(download.data, download.url, download.media_type or None)
    if reader.name not in ("text", "html") or not download.charset:
        return download.data
    try:
        download.data.decode("utf-8")
        return download.data
    except UnicodeDecodeError:
        pass
    try:
        return download.data.decode(download.charset, errors="replace").encode("utf-8")
    except LookupError:
        return download.data


def _suffix(name: str) -> str:
    path = urllib.parse.urlsplit(name).path if is_url(name) else name
    tail = path.rsplit("/", 1)[-1]
    return "." + tail.rsplit(".", 1)[1].lower() if "." in tail else ""


def _looks_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:100].lower()
    return start.startswith((b"<!doctype html", b"<html"))
