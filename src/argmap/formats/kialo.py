r"""Kialo's text export (``Discussion Title: ...`` then numbered claims): read and write.

Kialo holds one tree of claims under one thesis, each claim a Pro or Con of its parent::

    Discussion Title: Should cities ban cars from their centres?

    1. Cities should ban private cars from their centres.
    1.1. Pro: Car-free centres have measurably cleaner air.
    1.1.1. Con: Pollution just moves to the ring roads \(see [report](https://example.org)\).
    1.1.1.1. Pro: -> See 1.3.1.

What maps to what:

- the thesis (``1.``) is the map's main conclusion; the discussion title is the map's title;
- ``Pro:`` under a claim → an inference from the child to the parent; ``Con:`` → an attack on the parent;
- ``-> See 1.3.1.`` reuses the claim numbered 1.3.1. (earlier or later in the file) instead of a new one;
  a statement that appears under several parents is written once in full, and then as such links;
- a claim's text may run on over the following lines (each line is stripped, as Kialo does);
  ``\`` escapes brackets, parentheses and itself, and a continuation line that starts like a number;
- a claim with no stance below the thesis (Kialo's multi-thesis discussions) becomes a statement with no
  relation to its parent.

Lost on the way out (say so to the user: ``losses(amap)`` lists what one export drops):

- **linked premises become separate pros**: an inference with several co-premises is written as one Pro
  per premise, so reading the file back gives one inference per premise;
- an undercut (an attack on an inference) becomes a Con of the inference's first premise;
- evidence becomes a Pro claim (its source as a Markdown link), read back as a statement;
- statements not connected to the main conclusion, since Kialo holds one tree;
- scheme names, tags, implicit flags, ratings, answers, notes, authors, dates, spans, the source text;
- line breaks keep, but spaces at the ends of lines do not; a text's lines are stripped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import PurePath
from typing import Any

from argmap.errors import FormatError
from argmap.formats import validated
from argmap.model import MAX_ELEMENTS, MAX_STATEMENT_CHARS, ArgumentMap, Evidence
from argmap.roles import main_conclusion

NAME = "kialo"
_TITLE = re.compile(r"^Discussion Title: ?(.*)$")
_THESIS = re.compile(r"^((?:\d+\.)+) ?(.*)$")
_CLAIM = re.compile(r"^(1\.(?:\d+\.)+)(?: (?:(Pro|Con):(?: |$))?(.*))?$")
_SEE = re.compile(r"^-> See ((?:\d+\.)+)\s*$")
_ESCAPE = re.compile(r"([\\\[\]()])")
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash before ASCII punctuation


def losses(amap: ArgumentMap) -> list[str]:
    """What a Kialo export of ``amap`` drops or changes, one sentence each."""
    out: list[str] = []
    linked = [i.id for i in amap.inferences if len(i.premises) > 1]
    if linked:
        out.append(f"linked premises become separate pros ({len(linked)} inference(s): {', '.join(linked)})")
    inference_ids = {i.id for i in amap.inferences}
    undercuts = [a.id for a in amap.attacks if a.target in inference_ids]
    if undercuts:
        out.append(f"undercuts become cons of the inference's first premise ({', '.join(undercuts)})")
    if amap.evidence:
        out.append(f"{len(amap.evidence)} evidence item(s) become pro claims")
    cut = [e.id for e in amap.evidence if len(e.text) + len(_tail(e)) > MAX_STATEMENT_CHARS]
    if cut:
        out.append(
            f"{len(cut)} evidence quote(s) are cut to fit a claim's {MAX_STATEMENT_CHARS:,} characters "
            f"({', '.join(cut[:10])})"
        )
    unreached = _unreached(amap)
    if unreached:
        out.append(
            f"{len(unreached)} statement(s) not connected to the main conclusion are left out "
            f"({', '.join(unreached[:10])}{'...' if len(unreached) > 10 else ''})"
        )
    if any(r.scheme for r in (*amap.inferences, *amap.attacks)):
        out.append("scheme names")
    if any(s.tags for s in amap.statements):
        out.append("statement tags")
    if any(s.implicit for s in amap.statements):
        out.append("which premises are implicit")
    if any(s.text != _kept(s.text) for s in amap.statements):
        out.append("spaces at the ends of lines inside texts")
    out.append("ratings, notes, authors, dates, spans and the source text (Kialo text has no place for them)")
    if amap.comments:
        out.append(f"the {len(amap.comments)} comment(s) of the map's discussion")
    return out


def dumps(amap: ArgumentMap) -> str:
    """The map as Kialo text: the main conclusion as thesis, its reasons and objections below."""
    thesis = _thesis(amap)
    lines = [f"Discussion Title: {_one_line(amap.title)}", ""]
    if thesis is None:
        raise FormatError("the map has no statements; Kialo needs a thesis", fmt=NAME)
    children = _children(amap)
    written: dict[str, str] = {}  # statement id → the path where it stands in full
    # Depth-first, so a statement's first (full) appearance always comes before any link to it.
    stack: list[tuple[str, str, str | None]] = [(thesis, "1.", None)]
    while stack:
        node, number, stance = stack.pop()
        head = f"{number} {stance}: " if stance else f"{number} "
        if node in written:
            lines.append(f"{head}-> See {written[node]}")
            continue
        if node.startswith("\x00"):  # evidence: a leaf
            lines.append(head + _escape(node[1:]))
            continue
        written[node] = number
        lines.append(head + _escape(amap.statement(node).text))
        kids = children.get(node, [])
        for k in range(len(kids) - 1, -1, -1):
            child, child_stance = kids[k]
            stack.append((child, f"{number}{k + 1}.", child_stance))
    return "\n".join(lines) + "\n"


def loads(text: str, path: str | None = None) -> ArgumentMap:
    """Parse Kialo text; a line that does not fit raises ``FormatError`` naming it."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")

    def fail(message: str, line: int) -> FormatError:
        return FormatError(message, fmt=NAME, path=path, line=line)

    title_match = _TITLE.match(lines[0].lstrip("\ufeff")) if lines else None
    if not title_match:
        raise fail("expected 'Discussion Title: ...' on the first line", 1)
    n = 1
    while n < len(lines) and not lines[n].strip():
        n += 1
    if n >= len(lines):
        raise fail("expected the thesis ('1. ...') after the title", n)
    thesis_match = _THESIS.match(lines[n])
    if not thesis_match or not thesis_match[2].strip():
        raise fail("expected the thesis as a numbered claim ('1. ...')", n + 1)

    claims: list[dict[str, Any]] = [
        {"path": thesis_match[1], "stance": None, "lines": [thesis_match[2]], "line": n + 1}
    ]
    for k in range(n + 1, len(lines)):
        match = _CLAIM.match(lines[k])
        if match:
            if len(claims) >= MAX_ELEMENTS:  # every claim is an element: refused before 900,000 are kept
                raise fail(
                    f"more than {MAX_ELEMENTS:,} claims; a map holds at most {MAX_ELEMENTS:,} elements", k + 1
                )
            claims.append({"path": match[1], "stance": match[2], "lines": [match[3] or ""], "line": k + 1})
        else:
            claims[-1]["lines"].append(lines[k])

    by_path: dict[str, dict[str, Any]] = {}
    for claim in claims:
        if claim["path"] in by_path:
            raise fail(
                f"claim {claim['path']} appears twice (first on line {by_path[claim['path']]['line']})",
                claim["line"],
            )
        raw = "\n".join(line.strip() for line in claim["lines"]).strip()
        if not raw:
            raise fail(
                f"claim {claim['path']} has no text; expected the claim or '-> See <number>'", claim["line"]
            )
        see = _SEE.match(raw)
        claim["see"] = see[1] if see else None
        claim["text"] = None if see else _UNESCAPE.sub(r"\1", raw)
        by_path[claim["path"]] = claim

    def resolve(claim: dict[str, Any]) -> str:
        """The path of the claim that stands in full for ``claim`` (following ``-> See`` links)."""
        start, seen = claim, {claim["path"]}
        while claim["see"] is not None:
            target = by_path.get(claim["see"])
            if target is None:
                raise fail(f"'-> See {claim['see']}' points to no claim in this file", claim["line"])
            if target["path"] in seen:
                raise fail(f"'-> See {start['see']}' links round in a circle", start["line"])
            seen.add(target["path"])
            claim = target
        path: str = claim["path"]
        return path

    def id_part(claim_path: str) -> str:
        # The Kialo number reads well as an id; a very deep one would pass the id length limit,
        # so it falls back to the claim's line number (unique in the file).
        number = claim_path.rstrip(".")
        return number if len(number) <= 60 else f"L{by_path[claim_path]['line']}"

    def sid(claim_path: str) -> str:
        return "k" + id_part(claim_path)

    statements = [{"id": sid(c["path"]), "text": c["text"]} for c in claims if c["see"] is None]
    inferences: list[dict[str, Any]] = []
    attacks: list[dict[str, Any]] = []
    done: set[tuple[str, str, str]] = set()
    for claim in claims[1:]:
        parent_path = claim["path"][: claim["path"].rstrip(".").rfind(".") + 1]
        parent = by_path.get(parent_path)
        if parent is None:
            raise fail(f"claim {claim['path']} has no parent {parent_path} in this file", claim["line"])
        if claim["stance"] is None:
            resolve(claim)  # still check its link
            continue
        source, target = sid(resolve(claim)), sid(resolve(parent))
        key = (claim["stance"], source, target)
        if key in done or source == target:
            continue  # the same reason twice under one parent (or a link to the parent itself) adds nothing
        done.add(key)
        suffix = id_part(claim["path"])
        if claim["stance"] == "Pro":
            inferences.append({"id": "i" + suffix, "premises": [source], "conclusion": target})
        else:
            attacks.append({"id": "a" + suffix, "source": source, "target": target})

    title = title_match[1].strip() or (PurePath(path).stem if path else "Kialo discussion")
    data = {
        "id": _map_id(PurePath(path).stem if path else title),
        "title": title,
        "main": sid(resolve(claims[0])),
        "statements": statements,
        "inferences": inferences,
        "attacks": attacks,
    }
    return validated(
        data,
        lambda problems: FormatError(
            f"the discussion does not make a valid map: {problems}", fmt=NAME, path=path
        ),
    )


def kept_text(text: str) -> str:
    """``text`` as a Kialo round trip gives it back (lines stripped, line endings made ``\\n``)."""
    return _kept(text)


def _kept(text: str) -> str:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.strip() for line in lines).strip()


def _escape(text: str) -> str:
    """Kialo-escape a claim text: backslashes, brackets, parentheses; keep continuation lines unambiguous."""
    lines = _ESCAPE.sub(r"\\\1", _kept(text)).split("\n")
    if lines[0].startswith("-> See"):
        lines[0] = "\\" + lines[0]  # a text that merely starts like a link
    for k in range(1, len(lines)):
        # A continuation line that starts like a claim number would start a new claim.
        lines[k] = re.sub(r"^(\d+)\.", r"\1\\.", lines[k])
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split()) or "Untitled map"


def _thesis(amap: ArgumentMap) -> str | None:
    """The main conclusion; failing that, the root (neither premise nor attacker) with most beneath it."""
    main = main_conclusion(amap)
    if main is not None or not amap.statements:
        return main
    used = {p for i in amap.inferences for p in i.premises} | {a.source for a in amap.attacks}
    roots = [s.id for s in amap.statements if s.id not in used] or [amap.statements[0].id]
    return max(roots, key=lambda sid: len(_reach(amap, sid)))


def _children(amap: ArgumentMap) -> dict[str, list[tuple[str, str]]]:
    """Each statement's Kialo children: (statement id, or NUL + evidence text, stance)."""
    kids: dict[str, list[tuple[str, str]]] = defaultdict(list)
    by_inference = {i.id: i for i in amap.inferences}
    for i in amap.inferences:
        for p in i.premises:
            kids[i.conclusion].append((p, "Pro"))
    for a in amap.attacks:
        target = by_inference[a.target].premises[0] if a.target in by_inference else a.target
        kids[target].append((a.source, "Con"))
    for e in amap.evidence:
        kids[e.target].append(("\x00" + _evidence_text(e), "Pro"))
    return kids


def _tail(e: Evidence) -> str:
    """What follows the evidence's words in its claim: its source, as a Markdown link or in brackets."""
    label = e.source.label() if e.source else ""
    if e.source and e.source.url:
        # The link is Markdown: its brackets are escaped with the rest, so it reads back as written.
        return f" [{label or e.source.url}]({e.source.url})"
    return f" ({label})" if label else ""


def _evidence_text(e: Evidence) -> str:
    tail = _tail(e)
    # Evidence becomes a claim, and a claim is a statement, at most MAX_STATEMENT_CHARS long: a longer
    # quote is cut (losses() says so) rather than written into a file our own reader would refuse.
    full = e.text + tail
    if len(full) > MAX_STATEMENT_CHARS:
        full = e.text[: max(MAX_STATEMENT_CHARS - len(tail) - 1, 0)].rstrip() + "…" + tail
        if len(full) > MAX_STATEMENT_CHARS:  # the source's own label is that long
            full = full[: MAX_STATEMENT_CHARS - 1] + "…"
    return full


def _unreached(amap: ArgumentMap) -> list[str]:
    thesis = _thesis(amap)
    if thesis is None:
        return []
    seen = _reach(amap, thesis)
    return [s.id for s in amap.statements if s.id not in seen]


def _reach(amap: ArgumentMap, start: str) -> set[str]:
    """The statements written below ``start`` in a Kialo tree, ``start`` included."""
    kids = _children(amap)
    seen, todo = {start}, [start]
    while todo:
        for child, _ in kids.get(todo.pop(), ()):
            if child not in seen and not child.startswith("\x00"):
                seen.add(child)
                todo.append(child)
    return seen


def _map_id(name: str) -> str:
    """A valid map id made from a file name or title."""
    return re.sub(r"[^A-Za-z0-9_.:-]+", "-", name).strip("-.")[:64] or "map"
