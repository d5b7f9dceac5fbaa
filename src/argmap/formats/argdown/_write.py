"""Writing Argdown: a map as titled statements, arguments with premise–conclusion structures and
relations (the layout is drawn in the package docstring), and what that drops."""

from __future__ import annotations

from typing import Any

from argmap.formats.argdown import _yaml
from argmap.formats.argdown._escape import escape, kept_text
from argmap.model import ArgumentMap


def losses(amap: ArgumentMap) -> list[str]:
    """What an Argdown export of ``amap`` drops or changes, one sentence each."""
    out: list[str] = []
    changed = [s.id for s in amap.statements if kept_text(s.text) != s.text]
    changed += [e.id for e in amap.evidence if kept_text(e.text) != e.text]
    if changed:
        out.append(f"line breaks and outer spaces in {len(changed)} text(s) ({', '.join(changed[:10])})")
    if any(not _tag_ok(t) for s in amap.statements for t in s.tags):
        out.append("tags containing ')' or a line break")
    if any(a.scheme or a.note or a.rating or a.answers for a in amap.attacks):
        out.append("attack schemes, notes and ratings")
    if amap.attacks:
        out.append("attack ids (read back as a1, a2, ...)")
    if len({(a.source, a.target) for a in amap.attacks}) < len(amap.attacks):
        out.append("repeated attacks between the same two elements (kept once)")
    if any(i.answers for i in amap.inferences):
        out.append("answers to critical questions")
    on_links = [c.id for c in amap.comments if c.target not in _commentable(amap)]
    if on_links:
        out.append(
            f"{len(on_links)} comment(s) on inferences and attacks (those on statements and evidence stay)"
        )
    out.append("authors, dates, cue words, reasons, spans and the source text")
    return out


def _commentable(amap: ArgumentMap) -> set[str]:
    """The elements whose comments Argdown keeps: those written with inline data (statements, evidence)."""
    return {s.id for s in amap.statements} | {e.id for e in amap.evidence}


def _comments(amap: ArgumentMap) -> dict[str, list[dict[str, Any]]]:
    """Each statement's and evidence's comments, as the inline data ``comments: [...]`` carries them."""
    out: dict[str, list[dict[str, Any]]] = {}
    for c in amap.comments:
        record = c.model_dump(mode="json", exclude={"target"}, exclude_none=True)
        if not record.get("resolved"):
            record.pop("resolved", None)
        out.setdefault(c.target, []).append(record)
    return out


def dumps(amap: ArgumentMap) -> str:
    """The map as Argdown (see the package docstring for the layout)."""
    front = {"title": amap.title, "id": amap.id}
    if amap.main:
        front["main"] = amap.main
    blocks = ["===\n" + "".join(f"{k}: {_yaml.string(v)}\n" for k, v in front.items()) + "==="]
    threads = _comments(amap)
    for s in amap.statements:
        data: dict[str, Any] = {"implicit": True if s.implicit else None, "rating": s.rating, "note": s.note}
        data["comments"] = threads.get(s.id)
        tags = "".join(f" #({t.strip()})" for t in s.tags if _tag_ok(t))
        blocks.append(f"[{title(s.id)}]: {escape(kept_text(s.text))}{tags}{_yaml.data(data)}")
    for i in amap.inferences:
        head = f"<{title(i.id)}>" + (f": {escape(kept_text(i.note))}" if i.note and i.note.strip() else "")
        lines = [f"({n}) [{title(p)}]" for n, p in enumerate(i.premises, 1)]
        rule = escape(kept_text(i.scheme), extra="-,") if i.scheme and i.scheme.strip() else ""
        rule += _yaml.data({"rating": i.rating})
        lines.append(f"--\n{rule.strip()}\n--" if rule else "----")
        lines.append(f"({len(i.premises) + 1}) [{title(i.conclusion)}]")
        blocks.append(head + "\n\n" + "\n".join(lines))
    inference_ids = {i.id for i in amap.inferences}
    for a in amap.attacks:
        arrow = f"_> <{title(a.target)}>" if a.target in inference_ids else f"-> [{title(a.target)}]"
        blocks.append(f"[{title(a.source)}]\n  {arrow}")
    for e in amap.evidence:
        source = e.source.model_dump(exclude_none=True) if e.source else None
        data = {"evidence": e.kind, "reliability": e.reliability, "source": source or None, "note": e.note}
        data["comments"] = threads.get(e.id)
        blocks.append(
            f"[{title(e.id)}]: {escape(kept_text(e.text))}{_yaml.data(data)}\n  +> [{title(e.target)}]"
        )
    return "\n\n".join(blocks) + "\n"


def title(eid: str) -> str:
    """An id as an Argdown title: a leading "-" escaped (the Argdown CLI reads ``[-s1]`` in a premise
    or a relation as a new, untitled statement; our reader drops the backslash again)."""
    return "\\" + eid if eid.startswith("-") else eid


def _tag_ok(tag: str) -> bool:
    return bool(tag.strip()) and not any(ch in tag for ch in ")\r\n")
