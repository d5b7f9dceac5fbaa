"""Split normalised text into paragraphs and sentences with pysbd (a maintained rule-based splitter).

Offsets are into the normalised text; :class:`argmap.extractor.normalise.Normalised` maps them back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# pysbd slows down on one enormous unpunctuated run; such a run is cut into pieces of this many words first.
_MAX_WORDS = 120
_MAX_CHARS = 3000
_WORD = re.compile(r"\S+")
_PROGRESS_STEPS = 10  # progress reports at most once per tenth of the text
# pysbd's abbreviation pass rescans the whole input at every match, so its cost grows with the square of a
# paragraph's length: a long paragraph (or a whole book on one line) is handed to it in chunks of about this
# many characters, cut where a sentence surely ends (see ``_chunks``).
_CHUNK_CHARS = 2000
# A sure sentence end: a full stop, "!" or "?" after a lowercase word of three letters or more (no "Dr.",
# "e.g.", "U.S."), closing quotes or brackets, spaces, then a capital or an opening quote.
_SURE_END = re.compile(r"(?<=[a-z]{3}[.!?])[\"')\]]*\s+(?=[\"'(]?[A-Z])")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its offsets in the normalised text and its paragraph number."""

    start: int
    end: int
    paragraph: int


@lru_cache(maxsize=1)
def _segmenter() -> Any:  # pysbd.Segmenter; built once (it compiles many patterns)
    import pysbd  # type: ignore[import-untyped]  # pysbd ships no type hints

    return pysbd.Segmenter(language="en", clean=False)


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` every ``_MAX_WORDS`` words, and any piece still over ``_MAX_CHARS`` characters
    (one enormous "word") every ``_MAX_CHARS`` characters."""
    words = [m.span() for m in _WORD.finditer(text, start, end)]
    spans = [
        (words[i][0], words[min(i + _MAX_WORDS, len(words)) - 1][1]) for i in range(0, len(words), _MAX_WORDS)
    ]
    out: list[tuple[int, int]] = []
    for a, b in spans:
        out.extend((c, min(c + _MAX_CHARS, b)) for c in range(a, b, _MAX_CHARS))
    return out


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into spans of at most about ``_CHUNK_CHARS`` characters, each ending at a sure
    sentence end (else at a space, else anywhere), so pysbd's cost stays linear in the length of the text."""
    out = []
    while end - start > _CHUNK_CHARS:
        limit = start + _CHUNK_CHARS
        cut = None
        for m in _SURE_END.finditer(text, start + _CHUNK_CHARS // 2, limit):
            cut = m.end()
        if cut is None:
            space = text.rfind(" ", start + _CHUNK_CHARS // 2, limit)
            cut = space + 1 if space > start else limit
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, para: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not any(ch.isalnum() for ch in text[start:end]) and not text[start:end].strip():
        return
    if end - start > _MAX_CHARS:
        out.extend(Sentence(a, b, para) for a, b in _pieces(text, start, end))
    else:
        out.append(Sentence(start, end, para))


def split_sentences(text: str, progress: Callable[[float], None] | None = None) -> list[Sentence]:
    """Every sentence of the normalised ``text`` (stripped of surrounding spaces), in order.

    pysbd's processor finds the boundaries; the sentences are then located in the text in order
    (pysbd's own offset search is quadratic), and any words it dropped are kept as a sentence.
    ``progress``, if given, hears the share of the text done after each tenth of it (at most ten calls).
    """
    out: list[Sentence] = []
    seg = _segmenter()
    step = max(len(text) // _PROGRESS_STEPS, 1)
    next_report = step
    for para, m in enumerate(re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text)):
        cursor, p_end = m.start(), m.end()
        if progress is not None and cursor >= next_report:
            progress(cursor / len(text))
            next_report = (cursor // step + 1) * step
        for c_start, c_end in _chunks(text, cursor, p_end):
            for piece in seg.processor(text[c_start:c_end]).process():
                words = piece.strip()
                at = text.find(words, cursor, c_end) if words else -1
                if at < 0:
                    continue
                if text[cursor:at].strip():  # words pysbd did not return
                    _add(out, text, cursor, at, para)
                _add(out, text, at, at + len(words), para)
                cursor = at + len(words)
            if text[cursor:c_end].strip():
                _add(out, text, cursor, c_end, para)
            cursor = max(cursor, c_end)
    return out
