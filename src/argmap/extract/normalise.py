"""Normalise quotes, dashes and whitespace, keeping a map back to the original character offsets.

Later steps match cue words on the normalised text (one kind of quote, one kind of dash, single spaces);
every span they find is mapped back through :meth:`Normalised.original` so statements quote the
original text exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

# One character of the original -> its replacement ("" drops it). Written out so a reader sees them all.
_REPLACE = {
    "\u2018": "'",  # left single quotation mark
    "\u2019": "'",  # right single quotation mark / apostrophe
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",  # prime
    "\u00b4": "'",
    "`": "'",
    "\u201c": '"',  # left double quotation mark
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',  # guillemets
    "\u00bb": '"',
    "\u2010": "-",  # hyphen
    "\u2011": "-",
    "\u2012": "-",  # figure dash
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2015": "-",
    "\u2212": "-",  # minus sign
    "\u2026": "...",  # ellipsis
    "\u200b": "",  # zero-width space
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",  # byte-order mark
    "\u00ad": "",  # soft hyphen
}


@dataclass(frozen=True)
class Normalised:
    """Normalised text plus, for each of its characters, the offset of the original character."""

    text: str
    origin: tuple[int, ...]  # len(text) + 1 entries; the last is len(original)

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original ``(start, end)`` of the normalised span ``[start, end)``."""
        if end <= start:
            at = self.origin[start]
            return at, at
        return self.origin[start], self.origin[end - 1] + 1


def normalise(text: str) -> Normalised:
    """Straight quotes, ASCII dashes, no control characters, single spaces, blank lines between paragraphs."""
    out: list[str] = []
    origin: list[int] = []
    pending_space = -1  # offset of the first whitespace character of a run not yet written
    newlines = 0
    for i, ch in enumerate(text):
        rep = _REPLACE.get(ch)
        if rep is None:
            if ch.isspace() or (ord(ch) < 32) or (0x7F <= ord(ch) < 0xA0):
                if pending_space < 0:
                    pending_space = i
                newlines += ch == "\n"
                continue
            rep = ch
        elif rep == "":
            continue
        if pending_space >= 0:
            if out:  # no leading whitespace
                sep = "\n\n" if newlines >= 2 else " "
                out.append(sep)
                origin.extend([pending_space] * len(sep))
            pending_space, newlines = -1, 0
        out.append(rep)
        origin.extend([i] * len(rep))
    origin.append(len(text))
    return Normalised(text="".join(out), origin=tuple(origin))
