"""The look of a map: the colour-blind-safe palette, node and edge styles, and safe label text.

Colours are the Okabe–Ito palette (and light tints of it for fills, so black text stays legible).
Nothing relies on colour alone: attacks are also dashed and marked "−", supports solid and
marked "+", implicit premises dashed, highlighted nodes double-bordered, and every node's header
names its role (or its evaluation with a ✓ ? ✗ mark), so a greyscale print reads the same.

Every piece of user text reaches DOT through ``html_text`` (for HTML-like labels) or
``dot_string`` (for quoted attributes): no text can close a label, open a tag or add an attribute.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}

FONT = "Helvetica,Arial,sans-serif"
SUPPORT_COLOR = OKABE_ITO["bluish_green"]
ATTACK_COLOR = OKABE_ITO["vermillion"]
EVIDENCE_COLOR = OKABE_ITO["orange"]
HIGHLIGHT_COLOR = OKABE_ITO["reddish_purple"]
MINUS = "\u2212"  # a real minus sign: wider than a hyphen, reads as "against"

# Node fills and borders by derived role: (fill, border).
ROLE_STYLE: dict[str, tuple[str, str]] = {
    "main": ("#CCE3F0", OKABE_ITO["blue"]),
    "intermediate": ("#DDF0FB", OKABE_ITO["sky_blue"]),
    "premise": ("#F3FAFE", OKABE_ITO["sky_blue"]),
    "objection": ("#F7DFCC", OKABE_ITO["vermillion"]),
    "rebuttal": ("#CCECE2", OKABE_ITO["bluish_green"]),
    "unconnected": ("#EEEEEE", "#777777"),
    "evidence": ("#FCF1CC", OKABE_ITO["orange"]),
}

# Node fills by evaluation status: (fill, border, mark shown in the header).
STATUS_STYLE: dict[str, tuple[str, str, str]] = {
    "accepted": ("#CCECE2", OKABE_ITO["bluish_green"], "\u2713"),
    "doubtful": ("#FBF5C6", OKABE_ITO["orange"], "?"),
    "rejected": ("#F7DFCC", OKABE_ITO["vermillion"], "\u2717"),
    "unrated": ("#FFFFFF", "#777777", "\u25cb"),
}

# Node fills by author: a pale fill and a strong border each, in the order people first appear.
AUTHOR_PALETTE: tuple[tuple[str, str], ...] = (
    ("#DCEBF7", OKABE_ITO["blue"]),
    ("#F7DFCC", OKABE_ITO["vermillion"]),
    ("#CCECE2", OKABE_ITO["bluish_green"]),
    ("#F5E0EC", OKABE_ITO["reddish_purple"]),
    ("#FCF1CC", OKABE_ITO["orange"]),
    ("#E3F3FB", OKABE_ITO["sky_blue"]),
    ("#FBF5C6", "#8A7A00"),
    ("#E6E0F3", "#5B4A9B"),
)
NOBODY = ("#EEEEEE", "#777777")
# Node fills by what a revision did to them (the comparison of two revisions).
CHANGE_STYLE: dict[str, tuple[str, str]] = {
    "added": ("#CCECE2", OKABE_ITO["bluish_green"]),
    "changed": ("#FBF5C6", OKABE_ITO["orange"]),
    "unchanged": ("#FFFFFF", "#999999"),
}  # nodes nobody signed (drafted by the extractor, or imported)


def author_colors(names: Iterable[str | None]) -> dict[str, tuple[str, str]]:
    """Each author's (fill, border), in order of first appearance; past eight people, colours repeat."""
    out: dict[str, tuple[str, str]] = {}
    for name in names:
        if name and name not in out:
            out[name] = AUTHOR_PALETTE[len(out) % len(AUTHOR_PALETTE)]
    return out


# Edges: (colour, style, mark).
SUPPORT_EDGE = (SUPPORT_COLOR, "solid", "+")
ATTACK_EDGE = (ATTACK_COLOR, "dashed", MINUS)
EVIDENCE_EDGE = (EVIDENCE_COLOR, "dotted", "")

MAX_LABEL_CHARS = 280  # longer text is cut with "…" in the node; the tooltip has more
MAX_TOOLTIP_CHARS = 1_000

# Characters XML (and so Graphviz's HTML-label parser and SVG) cannot carry, or that would
# upset the layout: C0/C1 controls other than newline and tab, lone surrogates, U+FFFE/U+FFFF.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile(r"[ \u00a0]+")  # tabs are gone by then (``clean``)
_BREAK = re.compile("[\n\r\u2028\u2029]")
_WRAPS: dict[int, re.Pattern[str]] = {}
# Graphviz reads \N, \G, \E, \l... in labels and tooltips as escapes (\N = the node's name), and
# versions differ in how many times they unescape a doubled backslash. A backslash followed by an
# invisible WORD JOINER is no escape in any version, so it shows as one literal backslash.
_LITERAL_BACKSLASH = "\\\u2060"


def clean(text: str) -> str:
    """``text`` with characters no XML document may hold replaced by U+FFFD; tabs become spaces."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _UNSAFE.search(text):
        text = _UNSAFE.sub("\ufffd", text)
    return text.replace("\t", " ")


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending in "…" when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap at ``width`` characters; explicit line breaks kept, long words split.

    One regular expression per width rather than ``textwrap``: several times faster, which
    matters for maps of thousands of nodes. A line is the longest run of at most ``width``
    characters that ends before a space (or the end); failing that, ``width`` characters of a word.
    """
    width = max(8, width)
    if len(text) <= width and not _BREAK.search(text):
        return [text.strip()]
    pattern = _WRAPS.get(width)
    if pattern is None:
        pattern = _WRAPS[width] = re.compile(rf"(.{{1,{width}}})(?: |$)|(.{{{width}}})")
    lines: list[str] = []
    for para in text.splitlines() or [""]:
        para = para.strip()
        if "  " in para or "\u00a0" in para:
            para = _SPACE.sub(" ", para)
        if len(para) <= width:
            lines.append(para)
        else:
            lines.extend(fit or cut for fit, cut in pattern.findall(para))
    return lines


def html_text(text: str, width: int | None = None) -> str:
    """User text as the inside of a Graphviz HTML-like label: escaped, wrapped, lines joined by <BR/>."""
    text = clean(text)
    lines = wrap(text, width) if width else text.splitlines()
    # Escape once for all lines: newline is not touched by html.escape, so it can mark the breaks.
    return html_escape("\n".join(lines)).replace("\n", '<BR ALIGN="CENTER"/>')


def html_escape(text: str) -> str:
    """Clean text escaped for an HTML-like label: ``& < > " '`` as entities, and two Graphviz quirks:
    ``]`` as ``&#93;`` (a line holding only "]" is dropped, a label of only "]" is a syntax error),
    and backslashes kept literal (see ``_LITERAL_BACKSLASH``)."""
    return html.escape(text, quote=True).replace("]", "&#93;").replace("\\", _LITERAL_BACKSLASH)


def dot_string(text: str) -> str:
    """User text as a quoted DOT attribute value for escString attributes such as ``tooltip``.

    Graphviz decodes entities there too, so ``&`` is written ``&amp;`` to show as typed.
    """
    text = clean(text).replace("&", "&amp;").replace("\\", "\\" + _LITERAL_BACKSLASH).replace('"', '\\"')
    return '"' + text.replace("\n", "\\n") + '"'


def dot_id(name: str) -> str:
    """A node name quoted for DOT: the model restricts ids to ``[A-Za-z0-9_.:-]``, so quoting is all
    they need (unquoted, ``:`` would read as a port)."""
    return f'"{name}"'
