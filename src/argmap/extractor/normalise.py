"""Normalise quotes, dashes and whitespace, keeping a map back to the original character offsets.

Later steps match cue words on the normalised text (one kind of quote, one kind of dash, single spaces);
every span they find is mapped back through :meth:`Normalised.original` so statements quote the
original text exactly.
"""

from __future__ import annotations

import re
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


# Characters that need work: whitespace and control runs, and everything in ``_REPLACE``.
_SPACE = r"[\s\x00-\x1f\x7f-\x9f]"
# A single plain space between words is left alone (most of any text): only runs and odd spaces are work.
_SPECIAL = re.compile(rf"(?! (?!{_SPACE})){_SPACE}+|[{re.escape(''.join(_REPLACE))}]")


def _collapse(norm: str, origin: list[int]) -> tuple[str, list[int]]:
    """Merge whitespace runs that met across dropped characters (keeping a paragraph break if any)."""
    out: list[str] = []
    org: list[int] = []
    for m in re.finditer(r"\s+|\S+", norm):
        token = m.group()
        if token[0].isspace():
            if not out:
                continue
            token = "\n\n" if "\n" in token else " "
        out.append(token)
        org.extend(origin[m.start() : m.start() + len(token)])
    return "".join(out), org


def normalise(text: str) -> Normalised:
    """Straight quotes, ASCII dashes, no control characters, single spaces, blank lines between paragraphs."""
    out: list[str] = []
    origin: list[int] = []
    at = 0  # start of the run of ordinary characters not yet copied
    dropped = False
    for m in _SPECIAL.finditer(text):
        if m.start() > at:  # copy ordinary characters in one go
            out.append(text[at : m.start()])
            origin.extend(range(at, m.start()))
        at = m.end()
        token = m.group()
        rep = _REPLACE.get(token)
        if rep == "":  # a dropped character (zero-width space, soft hyphen, BOM)
            dropped = True
            continue
        if rep is None:  # a whitespace or control run
            if not out or m.end() == len(text):
                continue  # no leading or trailing whitespace
            rep = "\n\n" if token.count("\n") >= 2 else " "
        out.append(rep)
        origin.extend([m.start()] * len(rep))
    if at < len(text):
        out.append(text[at:])
        origin.extend(range(at, len(text)))
    norm = "".join(out)
    if dropped and re.search(r"\s\s|\s$|^\s", norm):  # spaces met across a dropped character: rare
        norm, origin = _collapse(norm, origin)
    if norm.endswith((" ", "\n")):  # whitespace left before dropped characters at the very end
        norm = norm.rstrip()
        del origin[len(norm) :]
    if norm.startswith(" "):  # a single leading space (after dropped characters) is not a run
        cut = len(norm) - len(norm.lstrip())
        norm = norm[cut:]
        del origin[:cut]
    origin.append(len(text))
    return Normalised(text=norm, origin=tuple(origin))
