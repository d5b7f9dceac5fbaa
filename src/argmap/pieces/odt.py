"""OpenDocument text (.odt: LibreOffice, Google Docs' download), read with odfpy: paragraphs and
headings in document order, the first heading (else the document's title property) as the title."""

from __future__ import annotations

import io
from typing import Any

from argmap.errors import InputError
from argmap.pieces.container import check_package
from argmap.pieces.piece import Piece

KIND = "OpenDocument text"


def read(data: bytes, name: str = "input") -> Piece:
    """The text of an .odt file, one paragraph per paragraph, and its title."""
    check_package(data, name, KIND, "content.xml")
    try:
        from odf import teletype
        from odf.namespaces import DCNS, TEXTNS
        from odf.opendocument import load

        doc = load(io.BytesIO(data))
        blocks: list[tuple[str, str]] = []
        _walk(doc.text, (TEXTNS, "p"), (TEXTNS, "h"), teletype.extractText, blocks)
        meta_title = " ".join(
            teletype.extractText(n) for n in doc.meta.childNodes if n.qname == (DCNS, "title")
        ).strip()
    except Exception as err:  # odfpy and its XML parser raise many kinds on a damaged file
        raise InputError(f"{name}: not a readable {KIND} ({type(err).__name__}: {err})") from None
    heading = next((text for kind, text in blocks if kind == "h" and text), None)
    return Piece(text="\n\n".join(t for _, t in blocks if t), title=heading or meta_title or None, kind=KIND)


def _walk(
    node: Any, p: tuple[str, str], h: tuple[str, str], extract: Any, out: list[tuple[str, str]]
) -> None:
    """Paragraphs and headings under ``node`` in document order (lists and sections nest them); an
    explicit stack, not recursion, so a deeply nested file cannot exhaust Python's stack."""
    stack = list(reversed(node.childNodes))
    while stack:
        child = stack.pop()
        if child.qname in (p, h):
            out.append(("h" if child.qname == h else "p", " ".join(extract(child).split())))
        else:
            stack.extend(reversed(getattr(child, "childNodes", [])))
