"""Word, OpenDocument, RTF and PDF files: their paragraphs and title, and bad files refused in a sentence."""

from __future__ import annotations

import io
import zipfile

import pytest

from argmap.errors import InputError
from argmap.pieces import container, docx, odt, pdf, rtf
from tests.pieces.samples import (
    PARAGRAPHS,
    TITLE,
    docx_bytes,
    odt_bytes,
    pdf_bytes,
    rtf_bytes,
)


def test_docx_paragraphs_and_title() -> None:
    piece = docx.read(docx_bytes(), "a.docx")
    assert piece.title == TITLE and piece.kind == "Word document"
    assert piece.text == "\n\n".join((TITLE, *PARAGRAPHS))


def test_docx_tables_are_read_as_paragraphs() -> None:
    import docx as python_docx

    doc = python_docx.Document()
    doc.add_paragraph("Before the table.")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cells are text too."
    table.cell(0, 1).text = "So are these."
    buf = io.BytesIO()
    doc.save(buf)
    text = docx.read(buf.getvalue(), "t.docx").text
    assert text == "Before the table.\n\nCells are text too.\n\nSo are these."


def test_odt_paragraphs_and_heading_as_title() -> None:
    piece = odt.read(odt_bytes(), "a.odt")
    assert piece.title == TITLE and piece.text == "\n\n".join((TITLE, *PARAGRAPHS))


def test_rtf_paragraphs_and_escapes() -> None:
    piece = rtf.read(rtf_bytes(), "a.rtf")
    assert piece.text == "\n\n".join((TITLE, *PARAGRAPHS))  # \u2019 and \u163 decoded


def test_pdf_lines_are_joined_into_paragraphs() -> None:
    piece = pdf.read(pdf_bytes(), "a.pdf")
    assert piece.title == TITLE
    expected = [TITLE, *(p.replace("\u2019", "'") for p in PARAGRAPHS)]
    assert piece.text.split("\n\n") == expected


def test_reflow_mends_hyphenation_and_keeps_short_last_lines() -> None:
    page = (
        "Cities that build protected lanes see more people cycling to work, and the\n"
        "shops along them do not lose trade; a study of twelve high streets found sur-\n"
        "prisingly little change.\n"
        "A second paragraph starts here and runs on to the end of the line like this\n"
        "one.\n"
    )
    assert pdf.reflow(page).split("\n\n") == [
        "Cities that build protected lanes see more people cycling to work, and the shops along them do "
        "not lose trade; a study of twelve high streets found surprisingly little change.",
        "A second paragraph starts here and runs on to the end of the line like this one.",
    ]


@pytest.mark.parametrize(
    ("read", "data", "message"),
    [
        (pdf.read, lambda: pdf_bytes(password="secret"), "the PDF is password-protected"),
        (pdf.read, lambda: pdf_bytes(text=False), "the PDF has no text to read .a scanned page"),
        (pdf.read, lambda: pdf_bytes()[:400], "not a readable PDF"),
        (pdf.read, lambda: b"hello", "not a PDF"),
        (docx.read, lambda: docx_bytes()[:2000], "not a readable Word document"),
        (docx.read, lambda: b"PK\x03\x04 not really a zip", "not a readable Word document"),
        (odt.read, lambda: odt_bytes()[:500], "not a readable OpenDocument text"),
        (rtf.read, lambda: b"plain words", "not an RTF document"),
    ],
)
def test_bad_files_are_one_sentence_naming_the_file(read, data, message) -> None:
    with pytest.raises(InputError, match=r"^bad\.file: " + message):
        read(data(), "bad.file")


def test_a_zip_bomb_is_refused_before_unpacking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(container, "MAX_UNPACKED_BYTES", 1_000)
    with pytest.raises(InputError, match=r"unpacks to [\d,]+ bytes; the limit is 1,000"):
        docx.read(docx_bytes(), "big.docx")


def test_a_docx_without_its_document_part() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match=r"it has no word/document.xml"):
        docx.read(buf.getvalue(), "odd.docx")


def test_an_rtf_file_past_5_mb_is_refused_before_it_is_parsed() -> None:
    # 9 MB of text in an RTF took 2.5 s of CPU in striprtf (found by bench/fuzz_readers.py)
    big = rtf_bytes()[:-2] + b"We act. " * 1_000_000 + b"}"
    message = r"^big\.rtf: 8,\d{3},\d{3} bytes; Argmap reads RTF files of at most 5,000,000 bytes"
    with pytest.raises(InputError, match=message):
        rtf.read(big, "big.rtf")
    assert "We act." in rtf.read(rtf_bytes()[:-2] + b"We act. " * 100_000 + b"}", "ok.rtf").text


def test_pypdfs_complaints_about_a_damaged_pdf_are_not_printed(tmp_path) -> None:
    import os
    import subprocess
    import sys

    # pypdf logged "Advanced encoding ... not implemented yet, using [256 characters] instead" on stderr
    # under `argmap extract` (found by bench/fuzz_readers.py); pytest's log capture would hide it
    damaged = pdf_bytes().replace(b"/WinAnsiEncoding", b"/WinAnsiEncodinX")  # same length: offsets hold
    (tmp_path / "d.pdf").write_bytes(damaged)
    run = subprocess.run(
        [sys.executable, "-m", "argmap", "extract", "d.pdf"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "ARGMAP_STORE": str(tmp_path / "store")},
    )  # fmt: skip
    assert run.returncode == 0 and '"statements"' in run.stdout
    assert run.stderr == ""


@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_a_package_that_needs_a_newer_zip_version_is_one_sentence(kind: str) -> None:
    from tests.formats.test_hostile_input import needs_a_newer_zip

    # zipfile raised NotImplementedError("zip file version 8.4") (found by bench/fuzz_readers.py)
    data = needs_a_newer_zip(docx_bytes() if kind == "docx" else odt_bytes())
    reader = docx if kind == "docx" else odt
    with pytest.raises(
        InputError, match=rf"^p\.{kind}: not a readable .* \(its package needs zip file version 8\.4\)"
    ):
        reader.read(data, f"p.{kind}")


def _docx_with_paragraphs_before(n: int) -> bytes:
    """The sample .docx with ``n`` short paragraphs (no style) before its Title paragraph."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    para = b"<w:p><w:r><w:t>We act.</w:t></w:r></w:p>"
    members["word/document.xml"] = members["word/document.xml"].replace(
        b"<w:body>", b"<w:body>" + para * n, 1
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return buf.getvalue()


def test_the_title_is_found_after_thousands_of_plain_paragraphs() -> None:
    # each paragraph's style was looked up through every style of the document: 20,000 took 18 s
    piece = docx.read(_docx_with_paragraphs_before(5_000), "long.docx")
    assert piece.title == TITLE and piece.text.count("We act.") == 5_000


def test_a_document_of_more_paragraphs_than_argmap_reads_is_refused_before_it_is_parsed() -> None:
    # a 60 KB file of 200,000 empty paragraphs took 7 s; 2.5 million over 10 minutes (bench_memory.py)
    with pytest.raises(
        InputError, match=r"^big\.docx: 20,00\d paragraphs; Argmap reads documents of at most 20,000"
    ):
        docx.read(_docx_with_paragraphs_before(docx.MAX_PARAGRAPHS), "big.docx")
