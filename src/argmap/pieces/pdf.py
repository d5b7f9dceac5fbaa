"""PDF files, read with pypdf: the text layer of each page, its lines joined back into paragraphs.

A PDF holds lines, not paragraphs: ``reflow`` joins a page's lines, ending a paragraph after a line well
short of the page's usual line length (a paragraph's last line, or a heading), after a sentence-final
line a little short of it, and at a blank line; words hyphenated across lines are mended. A PDF with no text
layer (a scan) has nothing to read: Argmap does not OCR.
"""

from __future__ import annotations

import io
import logging
import re

from argmap.errors import InputError
from argmap.pieces.piece import Piece

KIND = "PDF"
MAX_PAGES = 2_000  # more than any opinion piece or report a class reads; bounds a crafted file's cost
_SHORT_LINE = 0.7  # a line under this share of the usual line length ends a paragraph
_SHORT_SENTENCE = 0.85  # a sentence-final line under this share does too
_ENDS_SENTENCE = re.compile(r"[.!?:…][\"'”’)\]]*$")
_HYPHENATED = re.compile(r"[a-z]-$")


def read(data: bytes, name: str = "input") -> Piece:
    """The text of a PDF's pages, reflowed into paragraphs, and its title (the document property)."""
    if not data.startswith(b"%PDF-"):
        raise InputError(f"{name}: not a PDF (it does not start with %PDF-)")
    # its warnings and errors on a damaged file (it reads on regardless) are not ours to print
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        from pypdf import PdfReader
        from pypdf.errors import FileNotDecryptedError

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):  # "" opens files locked for editing only
            raise InputError(f"{name}: the PDF is password-protected; save a copy without a password")
        if len(reader.pages) > MAX_PAGES:
            raise InputError(f"{name}: {len(reader.pages):,} pages; Argmap reads at most {MAX_PAGES:,}")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
        title = (meta.title or "").strip() if meta is not None else ""
    except InputError:
        raise
    except FileNotDecryptedError:
        raise InputError(f"{name}: the PDF is password-protected; save a copy without a password") from None
    except Exception as err:  # pypdf raises many kinds on a damaged file
        raise InputError(f"{name}: not a readable {KIND} ({type(err).__name__}: {err})") from None
    text = "\n\n".join(p for p in (reflow(page) for page in pages) if p)
    if not text.strip():
        raise InputError(
            f"{name}: the PDF has no text to read (a scanned page is a picture of text); "
            "run it through OCR, or copy the text from where it was written"
        )
    return Piece(text=text, title=title or None, kind=KIND)


def reflow(page: str) -> str:
    """A page's lines joined into paragraphs separated by blank lines."""
    lines = [" ".join(line.split()) for line in page.splitlines()]
    widths = sorted(len(line) for line in lines if line)
    if not widths:
        return ""
    usual = widths[int(len(widths) * 0.75)]  # the longer lines are full ones
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current and _HYPHENATED.search(current) and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}" if current else line
        if len(line) < _SHORT_LINE * usual or (
            _ENDS_SENTENCE.search(line) and len(line) < _SHORT_SENTENCE * usual
        ):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)
