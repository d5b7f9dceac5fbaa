"""Word documents (.docx), read with python-docx: the body's paragraphs in order, tables' cells as
paragraphs, and the title (a paragraph in the Title style, else the document's title property)."""

from __future__ import annotations

import io
import re
import zipfile

from argmap.errors import InputError
from argmap.pieces.container import check_package
from argmap.pieces.piece import Piece

KIND = "Word document"
# Paragraphs a document may have: python-docx reads some 30,000 a second, and a 60 KB file can hold
# 200,000 empty ones (7 s); 20,000 is a book, and about the most text a map can be drafted from.
MAX_PARAGRAPHS = 20_000
_PARAGRAPH = re.compile(rb"<[A-Za-z_][\w.-]*:p[\s>/]")  # <w:p>, <w:p w:rsidR=...>, whatever the prefix


def read(data: bytes, name: str = "input") -> Piece:
    """The text of a .docx file, one paragraph per paragraph, and its title."""
    check_package(data, name, KIND, "word/document.xml")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:  # unpacks within check_package's limit
            paragraphs_in = sum(1 for _ in _PARAGRAPH.finditer(package.read("word/document.xml")))
        if paragraphs_in > MAX_PARAGRAPHS:
            raise InputError(
                f"{name}: {paragraphs_in:,} paragraphs; Argmap reads documents of at most "
                f"{MAX_PARAGRAPHS:,} (map the piece on its own: copy it into a document, or a text file)"
            )
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        doc = docx.Document(io.BytesIO(data))
        # The Title style's id, looked up once: ``Paragraph.style`` walks every style of the document for
        # each paragraph (a 20,000-paragraph document with no title took 18 s)
        title_ids = {s.style_id for s in doc.styles if s.name == "Title"}
        paragraphs: list[str] = []
        title = None
        for block in doc.iter_inner_content():
            if isinstance(block, Paragraph):
                text = block.text.strip()
                if text and title is None and block._p.style in title_ids:  # noqa: SLF001 - its style id
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
