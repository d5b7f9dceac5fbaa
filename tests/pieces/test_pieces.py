"""pieces.read: one door for every piece, the format chosen by content where it is certain, else by suffix."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import pieces
from argmap.errors import InputError
from tests.pieces import samples

FILES = {
    "docx": samples.docx_bytes,
    "pdf": samples.pdf_bytes,
    "odt": samples.odt_bytes,
    "rtf": samples.rtf_bytes,
    "html": samples.html_bytes,
    "text": samples.utf16_bytes,
}


@pytest.mark.parametrize("kind", FILES)
def test_every_kind_reads_to_the_same_piece(kind: str) -> None:
    piece = pieces.read(FILES[kind](), f"piece.{'txt' if kind == 'text' else kind}")
    assert samples.WORDS in piece.text
    assert (
        piece.text.replace("\r\n", "\n")
        .replace("'", "\u2019")
        .strip()
        .endswith("the caf\u00e9 next door agrees.")
    )


@pytest.mark.parametrize("kind", ["docx", "pdf", "odt", "rtf", "html"])
def test_content_decides_where_the_name_says_nothing_or_lies(kind: str) -> None:
    data = FILES[kind]()
    assert pieces.reader_for(data, "<stdin>").name == kind
    assert pieces.reader_for(data, "download.txt").name == kind


def test_suffix_and_media_type_decide_for_text_and_html() -> None:
    page = b"<p>Plain words.</p>"
    assert pieces.reader_for(page, "a.html").name == "html"
    assert pieces.reader_for(page, "a.txt").name == "text"
    assert pieces.reader_for(page, "https://x.org/a", "text/html").name == "html"
    assert pieces.reader_for(b"Words.", "notes.md").name == "text"


def test_empty_and_too_large_are_refused() -> None:
    with pytest.raises(InputError, match=r"^e\.txt: nothing to map"):
        pieces.read(b"  \n\t ", "e.txt")
    with pytest.raises(InputError, match=r"^big\.txt: [\d,]+ bytes; the limit is 16,000,000 bytes"):
        pieces.read(b"x" * (pieces.MAX_BYTES + 1), "big.txt")


def test_is_piece() -> None:
    assert pieces.is_piece(b"We should act.", "essay.txt")
    assert pieces.is_piece(samples.docx_bytes(), "upload")
    assert not pieces.is_piece(b"whatever", "data.xyz")


# Any bytes, under any name, end in a piece or one InputError (the 2 s bound is measured by
# bench/fuzz_readers.py, which feeds every reader 100,000 inputs between them, not timed here).
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.binary(max_size=3000),
    name=st.sampled_from(["x.txt", "x.docx", "x.pdf", "x.odt", "x.rtf", "x.html", "x", "<stdin>"]),
)
def test_any_bytes_give_a_piece_or_an_input_error(data: bytes, name: str) -> None:
    _piece_or_refusal(data, name)


# Per reader: its own file, damaged (bytes replaced, cut, repeated), under its own name or none.
@pytest.mark.parametrize("kind", sorted(FILES))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_damaged_file_of_each_kind_gives_a_piece_or_an_input_error(kind: str, data: st.DataObject) -> None:
    raw = FILES[kind]()
    at = data.draw(st.integers(0, len(raw)), label="at")
    how = data.draw(st.sampled_from(["replace", "cut", "repeat", "insert"]), label="how")
    chunk = data.draw(st.binary(min_size=1, max_size=64), label="chunk")
    if how == "replace":
        raw = raw[:at] + chunk + raw[at + len(chunk) :]
    elif how == "cut":
        raw = raw[:at]
    elif how == "repeat":
        raw = raw[:at] + raw[at : at + 200] * data.draw(st.integers(2, 50), label="times") + raw[at:]
    else:
        raw = raw[:at] + chunk + raw[at:]
    name = data.draw(st.sampled_from([f"piece.{'txt' if kind == 'text' else kind}", "upload"]), label="name")
    _piece_or_refusal(raw, name)


def _piece_or_refusal(data: bytes, name: str) -> None:
    try:
        piece = pieces.read(data, name)
    except InputError as err:
        assert str(err).startswith(f"{name}: ") and "\n" not in str(err)
    else:
        assert piece.text.strip()
        piece.text.encode("utf-8")  # what was read can be mapped and saved (no lone surrogate)
        (piece.title or "").encode("utf-8")
