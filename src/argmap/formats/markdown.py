"""Markdown outline (write only): the map as nested bullet points, for memos, handouts and wikis.

Built from ``argmap.render.outline.outline``: the main conclusion first, its reasons (+) and attacks (−)
beneath, linked co-premises under one "together" item (&), evidence (◆) with its source.
Statements not connected to the main conclusion follow under their own heading.

Keeps: ids, texts, derived roles, implicit marks, tags, inference grouping, evidence and sources.
Drops: spans and the source text, authors and dates, schemes and ratings, notes. Not read back.
Line breaks inside a text become spaces. Every user character is escaped for CommonMark (``*``,
``_``, ``[``, ``<``, ``&``, ``#``... are written with a backslash), so no text can start a list,
a heading, a link or raw HTML.
"""

from __future__ import annotations

import re
from typing import Any

from argmap.model import ArgumentMap
from argmap.render.outline import outline

NAME = "markdown"
_INDENT = "\t"  # the outline's indent unit: tabs never occur in the cleaned texts
_BREAKS = re.compile("[\r\n\t\v\f\x1c-\x1e\x85\u2028\u2029]")
# Characters that can start markup anywhere in a line; + and # can at its start; & only before a name.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#~]|^\+|&(?=[#A-Za-z]))")
# An outline's own "[id]" reference, written back unescaped where it cannot become a link.
_REF = re.compile(r"\\\[([A-Za-z0-9_.:\-]{1,64})\\\](?![(\[\\]|:.)")
KEY = "Key: + reason, \u2212 objection or rebuttal, & linked co-premise, \u25c6 evidence."


def dumps(amap: ArgumentMap) -> str:
    """The map as a Markdown outline: a title heading and one nested bullet per outline line."""
    lines = outline(one_line_texts(amap), indent=_INDENT).splitlines()
    ids = amap.ids()
    out = [f"# {escape(lines[0].removeprefix('# '))}", "", escape(KEY), ""]
    after_gap = False
    shift = 0  # items under the "not connected" heading start one level in: bring them to the margin
    for line in lines[1:]:
        if not line.strip():
            after_gap = True
            continue
        depth = len(line) - len(line.lstrip(_INDENT))
        text = _REF.sub(
            lambda m: f"[{m.group(1)}]" if m.group(1) in ids else m.group(0), escape(line.lstrip(_INDENT))
        )
        if after_gap and depth == 0 and line.endswith(":"):
            out += ["", f"## {text.removesuffix(':')}", ""]
            shift = 1
        else:
            out.append(f"{'  ' * max(0, depth - shift)}- {text}")
        after_gap = False
    return "\n".join(out) + "\n"


def losses(amap: ArgumentMap) -> list[str]:
    """What a Markdown outline of ``amap`` drops (it is not read back)."""
    out = ["the outline cannot be imported again"]
    if amap.source and amap.source.text:
        out.append("the source text and spans")
    if any(s.rating for s in amap.statements) or any(
        r.rating or r.scheme for r in (*amap.inferences, *amap.attacks)
    ):
        out.append("ratings and schemes")
    if any(
        e.note or e.author or e.cues
        for e in (*amap.statements, *amap.inferences, *amap.attacks, *amap.evidence)
    ):
        out.append("notes, authors and cue words")
    if any("\n" in s.text for s in amap.statements):
        out.append("line breaks inside statements (they become spaces)")
    if amap.comments:
        out.append(f"the {len(amap.comments)} comment(s) of the map's discussion")
    return out


def escape(text: str) -> str:
    """``text`` with every CommonMark punctuation character that could mean markup backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def one_line_texts(amap: ArgumentMap) -> ArgumentMap:
    """A copy of ``amap`` whose every string is on one line (the outline is line-based).

    Each break character becomes one space, so spans still match the (equally changed) source.
    """
    data = amap.model_dump()
    flat = _flatten(data)
    return amap if flat == data else ArgumentMap.model_validate(flat)


def _flatten(value: Any) -> Any:
    if isinstance(value, str):
        return _BREAKS.sub(" ", value)
    if isinstance(value, dict):
        return {k: _flatten(v) for k, v in value.items()}
    if isinstance(value, list | tuple):  # (tuples come back as lists; the model takes either)
        return [_flatten(v) for v in value]
    return value
