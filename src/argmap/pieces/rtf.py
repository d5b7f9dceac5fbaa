"""Rich Text Format (.rtf: WordPad, TextEdit, older Word), read with striprtf."""

from __future__ import annotations

from argmap.errors import InputError
from argmap.pieces.piece import Piece

KIND = "RTF document"
# striprtf reads about 4 MB a second: a larger RTF file is pictures (written out as hex), not words,
# and would hold the server for seconds.
MAX_BYTES = 5_000_000


def read(data: bytes, name: str = "input") -> Piece:
    """The text of an .rtf file (its escapes decoded), paragraphs separated by blank lines."""
    if not data.lstrip().startswith(b"{\\rtf"):
        raise InputError(f"{name}: not an {KIND} (it does not start with {{\\rtf)")
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{name}: {len(data):,} bytes; Argmap reads RTF files of at most {MAX_BYTES:,} bytes (one this "
            "large is mostly pictures: save it as a Word document or as plain text)"
        )
    # RTF is 7-bit ASCII; bytes above 127 (written raw by careless writers) are read as Windows-1252,
    # RTF's own default code page.
    raw = data.decode("cp1252", errors="replace")
    try:
        from striprtf.striprtf import rtf_to_text

        text: str = rtf_to_text(raw, errors="replace")  # type: ignore[no-untyped-call]
    except Exception as err:  # striprtf's parser on a damaged file
        raise InputError(f"{name}: not a readable {KIND} ({type(err).__name__}: {err})") from None
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return Piece(text="\n\n".join(line for line in lines if line), title=None, kind=KIND)
