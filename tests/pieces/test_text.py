"""Plain text in the encodings people's files are in: UTF-8, Notepad's UTF-16, Windows-1252 and others."""

from __future__ import annotations

import codecs
import random

import pytest

from argmap.errors import InputError
from argmap.pieces.text import decode, guess_encoding
from tests.pieces.samples import TEXT, cp1252_bytes, utf16_bytes

CRLF = TEXT.replace("\n", "\r\n")


def test_utf8_with_and_without_a_byte_order_mark() -> None:
    assert decode(TEXT.encode("utf-8")) == TEXT
    assert decode(codecs.BOM_UTF8 + TEXT.encode("utf-8")) == TEXT


def test_windows_notepad_utf16_with_a_byte_order_mark() -> None:
    assert decode(utf16_bytes()) == CRLF  # was: "binary data (it contains NUL bytes)"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_without_a_mark_and_utf32(codec: str) -> None:
    assert decode(TEXT.encode(codec)) == TEXT


def test_windows_1252_keeps_pounds_quotes_and_accents() -> None:
    # was: refused as "not UTF-8"; charset-normalizer alone reads it as cp1250 (£ → Ł)
    assert decode(cp1252_bytes()) == CRLF


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Teenagers need sleep; na\u00efve policies ignore it.", "cp1252"),
        ("L\u2019\u00e9cole doit ouvrir plus tard, parce que les \u00e9l\u00e8ves dorment mal.", "cp1252"),
        (
            "Zażółć gęślą jaźń. Polityka powinna się zmienić.",
            "cp1250",
        ),
        ("Город должен построить велодорожки, потому что это безопасно.", "cp1251"),
        ("学校は遅く始めるべきだ。なぜなら生徒は眠いからだ。", "shift_jis"),
    ],
)
def test_other_legacy_encodings_are_read_in_their_own_code_page(text: str, codec: str) -> None:
    assert decode(text.encode(codec)) == text


def test_windows_1252_wins_only_where_it_reads_as_well() -> None:
    assert guess_encoding("caf\u00e9 \u00a35 \u201cfair\u201d".encode("cp1252")) == "cp1252"
    assert guess_encoding("Zażółć gęślą jaźń, ponieważ ludzie chcą żyć lepiej.".encode("cp1250")) == "cp1250"


def test_binary_and_noise_are_refused_in_a_sentence() -> None:
    with pytest.raises(InputError, match=r"x\.bin: this looks like binary data"):
        decode(bytes(range(256)) * 4, "x.bin")
    noise = bytes(b for b in random.Random(0).randbytes(3000) if b)
    with pytest.raises(InputError, match=r"x\.txt: not text in any encoding Argmap recognises"):
        decode(noise, "x.txt")


def test_a_broken_utf16_file_names_the_byte() -> None:
    with pytest.raises(InputError, match=r"n\.txt: not valid UTF-16 text \(byte 0"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", "n.txt")
