"""Word documents (.docx), read with python-docx: the body's paragraphs in order, tables' cells as
paragraphs, and the title (a paragraph in the Title style, else the document's title property)."""

from __future__ import annotations

import io

from argmap.errors import InputError
from argmap.pieces.container import check_package
from argmap.pieces.piece import Piece

KIND = "Word document"


def read(data: bytes, name: str = "input") -> Piece:
    """The text of a .docx file, one paragraph per paragraph, and its title."""
    check_package(data, name, KIND, "word/document.xml")
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        doc = docx.Document(io.BytesIO(data))
        paragraphs: list[str] = []
        title = None
        for block in doc.iter_inner_content():
            if isinstance(block, Paragraph):
                text = block.text.strip()
                if text and title is None and block.style is not None and block.style.name == "Title":
                    title = text
                paragraphs.append(text)
            elif isinstance(block, Table):
                for row in block.rows:
                    paragraphs.extend(cell.text.strip() for cell in row.cells)
        title = title or (doc.core_properties.title or "").strip() or None
    except InputError:
        raise
    except Exception as err:  # python-docx and lxml raise many kinds on a damaged package
        raise InputError(f"{name}: not a readable {KIND} ({type(err).__name__}: {err})") from None
    return Piece(text="\n\n".join(p for p in paragraphs if p), title=title, kind=KIND)
