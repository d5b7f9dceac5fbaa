"""How fast pieces are read (``argmap.pieces.read``): the files people have, at the sizes they come in.

Each piece is made here (tests/pieces/samples.py's piece, repeated): a text in Windows-1252 and in UTF-16,
a Word document, an OpenDocument file, a PDF and a cluttered web page, at about 1,000 and 20,000 words,
then the largest a reader should meet (a 200,000-word text, a 300-page PDF). Prints the median and best of
several reads and the characters read; asserts nothing. Run: ``.venv/bin/python bench/bench_pieces.py``.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from argmap import pieces  # noqa: E402
from tests.pieces import samples  # noqa: E402

RUNS = 5
WORDS_PER_COPY = len(samples.TEXT.split())


def docx_of(copies: int) -> bytes:
    import docx

    doc = docx.Document()
    doc.add_paragraph(samples.TITLE, style="Title")
    for _ in range(copies):
        for p in samples.PARAGRAPHS:
            doc.add_paragraph(p)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def odt_of(copies: int) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    doc = OpenDocumentText()
    doc.text.addElement(H(outlinelevel=1, text=samples.TITLE))
    for _ in range(copies):
        for p in samples.PARAGRAPHS:
            doc.text.addElement(P(text=p))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def pdf_of(copies: int) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for _ in range(copies):
        for p in samples.PARAGRAPHS:
            pdf.multi_cell(0, 6, p.replace("\u2019", "'"))
            pdf.ln(3)
    return bytes(pdf.output())


def html_of(copies: int) -> bytes:
    page = samples.html_bytes().decode("utf-8")
    article = "".join(f"<p>{p}</p>" for p in samples.PARAGRAPHS) * copies
    return page.replace("</h1>", "</h1>" + article, 1).encode("utf-8")


def text_of(copies: int, codec: str) -> bytes:
    return ("\r\n\r\n".join(samples.PARAGRAPHS * copies)).encode(codec)


def timed(read: Callable[[], pieces.Piece]) -> tuple[list[float], int]:
    piece = read()
    out = []
    for _ in range(RUNS):
        started = time.perf_counter()
        read()
        out.append(time.perf_counter() - started)
    return out, len(piece.text)


def main() -> None:
    print(f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    print(f"{'piece':44} {'bytes':>11} {'chars':>10} {'median':>8} {'best':>8}   (seconds, {RUNS} reads)")
    makers: dict[str, tuple[str, Callable[[int], bytes]]] = {
        "Windows-1252 text": ("x.txt", lambda n: text_of(n, "cp1252")),
        "UTF-16 text (Notepad)": ("x.txt", lambda n: text_of(n, "utf-16")),
        "Word (.docx)": ("x.docx", docx_of),
        "OpenDocument (.odt)": ("x.odt", odt_of),
        "PDF": ("x.pdf", pdf_of),
        "web page (article + clutter)": ("x.html", html_of),
    }
    sizes = [("1,000 words", 1_000 // WORDS_PER_COPY), ("20,000 words", 20_000 // WORDS_PER_COPY)]
    for size, copies in sizes:
        for label, (name, make) in makers.items():
            data = make(copies)
            times, chars = timed(lambda data=data, name=name: pieces.read(data, name))
            print(
                f"{label + ', ' + size:44} {len(data):>11,} {chars:>10,} "
                f"{statistics.median(times):>8.3f} {min(times):>8.3f}"
            )
    big = text_of(200_000 // WORDS_PER_COPY, "cp1252")
    times, chars = timed(lambda: pieces.read(big, "big.txt"))
    print(f"{'Windows-1252 text, 200,000 words':44} {len(big):>11,} {chars:>10,} "
          f"{statistics.median(times):>8.3f} {min(times):>8.3f}")  # fmt: skip
    long_pdf = pdf_of(300 * 500 // WORDS_PER_COPY)  # ~300 pages of ~500 words
    times, chars = timed(lambda: pieces.read(long_pdf, "long.pdf"))
    print(f"{'PDF, ~300 pages':44} {len(long_pdf):>11,} {chars:>10,} "
          f"{statistics.median(times):>8.3f} {min(times):>8.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
