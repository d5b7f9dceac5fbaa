"""Split normalised text into paragraphs and sentences with pysbd (a maintained rule-based splitter).

Offsets are into the normalised text; :class:`argmap.extract.normalise.Normalised` maps them back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# pysbd slows down on one enormous unpunctuated run; such a run is cut into pieces of this many words first.
_MAX_WORDS = 120
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its offsets in the normalised text and its paragraph number."""

    start: int
    end: int
    paragraph: int


@lru_cache(maxsize=1)
def _segmenter():  # pysbd.Segmenter; built once (it compiles many patterns)
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` every ``_MAX_WORDS`` words when it has no sentence punctuation to split on."""
    words = [m.span() for m in _WORD.finditer(text, start, end)]
    if len(words) <= _MAX_WORDS:
        return [(start, end)]
    return [
        (words[i][0] + 0, words[min(i + _MAX_WORDS, len(words)) - 1][1])
        for i in range(0, len(words), _MAX_WORDS)
    ]


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of the normalised ``text`` (stripped of surrounding spaces), in order."""
    out: list[Sentence] = []
    seg = _segmenter()
    for para, m in enumerate(re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text)):
        p_start = m.start()
        cursor = p_start
        for piece in seg.segment(m.group()):
            words = piece.strip()
            if not words:
                continue
            at = text.find(words, cursor, m.end())
            if at < 0:  # pysbd changed the text; fall back to the rest of the paragraph
                at, words = cursor, text[cursor : m.end()].strip()
                if not words:
                    break
                at = text.find(words, cursor)
            cursor = at + len(words)
            if len(words) > 3000 and len(_WORD.findall(words)) > _MAX_WORDS:
                out.extend(Sentence(s, e, para) for s, e in _pieces(text, at, cursor))
            else:
                out.append(Sentence(at, cursor, para))
    return out
