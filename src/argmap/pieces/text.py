"""Plain text in any common encoding: UTF-8, UTF-16/32 (with a byte-order mark, as Windows Notepad saves
it, or without one), and the legacy code pages (Windows-1252 and its neighbours, Shift JIS, GB18030…).

Byte-order marks and strict UTF-8 decide first: they are certain. Only then is the encoding guessed
(charset-normalizer), among the encodings people's files are actually in. Short Western texts decode the
same, or nearly so, in several Windows code pages and charset-normalizer picks among them by language
statistics that a paragraph cannot settle; Windows-1252 is by far the most common of them, so it wins
whenever it reads the bytes as cleanly as the best guess does.
"""

from __future__ import annotations

import codecs

from argmap.errors import InputError
from argmap.pieces.piece import Piece

KIND = "text file"

# (byte-order mark, codec); UTF-32's marks first, since UTF-16 LE's mark is a prefix of UTF-32 LE's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# The encodings a guess may land on: Windows code pages, Mac Roman, KOI8 and the CJK encodings. DOS code
# pages and rarer ISO sets are left out: charset-normalizer rates them as likely as cp1252 on short texts,
# and nobody's piece is in cp775.
COMMON_ENCODINGS = (
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "mac_roman", "koi8_r", "koi8_u", "shift_jis", "euc_jp", "gb18030", "big5", "euc_kr", "iso8859_15",
)  # fmt: skip

_SAMPLE = 200_000  # bytes charset-normalizer looks at: plenty for a guess, bounded on an 8 MB file
_CP1252_MARGIN = 0.1  # coherence cp1252 may lose to the best guess and still win (see the docstring)


def decode(data: bytes, name: str = "input") -> str:
    """The text in ``data``, whatever common encoding it is in, or an ``InputError`` naming ``name``."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], codec, name)
    if b"\x00" in data[:_SAMPLE]:  # before UTF-8, which NULs pass: no text has them, UTF-16 does
        wide = _utf16_without_bom(data[:_SAMPLE])
        if wide is None:
            raise InputError(f"{name}: this looks like binary data (it contains NUL bytes), not text")
        return _strict(data, wide, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    guessed = guess_encoding(data[:_SAMPLE])
    if guessed is None:
        raise InputError(
            f"{name}: not text in any encoding Argmap recognises; save it as UTF-8 text and try again"
        )
    # The sample decoded cleanly; a stray byte further on is shown as �, not a reason to refuse the file.
    return data.decode(guessed, errors="replace")


def guess_encoding(sample: bytes) -> str | None:
    """The encoding of non-UTF-8 ``sample`` among ``COMMON_ENCODINGS`` (cp1252 when it reads as well as
    the best guess), or None when nothing reads it as text."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(sample, cp_isolation=list(COMMON_ENCODINGS)))
    if not matches:
        return None
    best = min(matches, key=lambda m: (m.chaos, -m.coherence))
    for m in matches:
        if (
            m.encoding == "cp1252"
            and m.chaos <= best.chaos + 0.01
            and m.coherence >= best.coherence - _CP1252_MARGIN
        ):
            return "cp1252"
    return str(best.encoding)


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 LE or BE when NULs sit on one side of the byte pairs, as in mostly-Latin UTF-16 text."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = sample[0 : pairs * 2 : 2].count(0), sample[1 : pairs * 2 : 2].count(0)
    if odd > 0.3 * pairs and even < 0.05 * pairs:
        return "utf-16-le"
    if even > 0.3 * pairs and odd < 0.05 * pairs:
        return "utf-16-be"
    return None


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        label = codec.upper().replace("-LE", "").replace("-BE", "")
        raise InputError(
            f"{name}: not valid {label} text (byte {err.start} cannot be decoded); "
            "save it as UTF-8 and try again"
        ) from None


def read(data: bytes, name: str = "input") -> Piece:
    """A plain-text (or Markdown) file's text; the extractor finds a title on its first line."""
    return Piece(text=decode(data, name), title=None, kind=KIND)
