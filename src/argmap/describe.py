"""How Argmap names and explains the elements of a map, in the same words on every page.

    name(amap, id)          ``s4 (“The council should…”)``: messages and the undo history
    label(amap, id)         ``s7 (intermediate conclusion: “…”)``: "Why it is here" and findings
    pick_label(amap, id)    ``“The council should…” — premise · s4``: the Map page's pickers
    tag_label(amap, id)     ``s4 · premise — The council should…``: the Check page's pickers
    why(amap, id)           the lines saying why an element is in the map: the extractor's reason and
                            cues, and every link it takes part in
    finding_label(...)      a finding in one line: its nodes, its check, its cue and the first words

What an element is (statement, inference, attack, evidence) is found by looking its id up in the
map, never guessed from the id: an imported map's ids can be anything.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.model import ArgumentMap, Attack, Evidence, Inference, Statement
from argmap.roles import ROLE_LABELS, Roles, derive

WORDS = 40  # characters of a statement quoted where a node is named


def short(text: str, width: int = WORDS) -> str:
    """The start of ``text`` on one line, at most ``width`` characters, "…" when cut."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


def _element(amap: ArgumentMap, eid: str) -> Statement | Inference | Attack | Evidence | None:
    try:
        return amap.element(eid)
    except KeyError:
        return None


def kind(amap: ArgumentMap, eid: str, roles: Roles | None = None) -> str:
    """What ``eid`` is, in words: its role for a statement ("main conclusion", "premise"…), else
    "evidence", "inference" or "attack"; "" for an id the map does not have."""
    el = _element(amap, eid)
    if isinstance(el, Statement):
        return ROLE_LABELS[(roles or derive(amap)).role[eid]]
    if el is None:
        return ""
    return {Evidence: "evidence", Inference: "inference", Attack: "attack"}[type(el)]


def step(amap: ArgumentMap, iid: str, joiner: str = " + ") -> str:
    """An inference as its step, ``s2 + s3 → s1``."""
    inf = _element(amap, iid)
    if not isinstance(inf, Inference):
        return iid
    return f"{joiner.join(inf.premises)} \u2192 {inf.conclusion}"


def name(amap: ArgumentMap, eid: str, width: int = WORDS) -> str:
    """``s4 (“The council should…”)``; an inference is named by its step, ``the step s2 → s1``."""
    el = _element(amap, eid)
    if el is None:
        return eid
    if isinstance(el, Inference):
        return f"the step {step(amap, eid)}"
    if isinstance(el, Attack):
        return eid
    return f"{eid} (\u201c{short(el.text, width)}\u201d)" if el.text else eid


def label(amap: ArgumentMap, eid: str, roles: Roles | None = None, width: int = 45) -> str:
    """``s3 (main conclusion: “I urge…”)``: the id, what it is and its first words; an inference as
    ``the step s2, s3 → s1 (i4)``, an attack as ``a1 (s5 attacks s1)``."""
    el = _element(amap, eid)
    if el is None:
        return eid
    if isinstance(el, Inference):
        return f"the step {step(amap, eid, ', ')} ({eid})"
    if isinstance(el, Attack):
        return f"{eid} ({el.source} attacks {el.target})"
    return f"{eid} ({kind(amap, eid, roles)}: \u201c{short(el.text, width)}\u201d)"


def pick_label(amap: ArgumentMap, eid: str, roles: Roles | None = None, width: int = 70) -> str:
    """A picker's label, words first: ``“The council should…” — premise · s3``; a step as
    ``the step “…” + “…” → “…” · i2``."""
    el = _element(amap, eid)
    if isinstance(el, Inference):
        premises = " + ".join(f"\u201c{short(amap.statement(p).text, 30)}\u201d" for p in el.premises)
        words = f"the step {premises} \u2192 \u201c{short(amap.statement(el.conclusion).text, 30)}\u201d"
        return f"{words} \u00b7 {eid}"
    if isinstance(el, Statement | Evidence):
        return f"\u201c{short(el.text, width)}\u201d \u2014 {kind(amap, eid, roles)} \u00b7 {eid}"
    return label(amap, eid, roles)


def tag_label(amap: ArgumentMap, eid: str, roles: Roles | None = None, width: int = 70) -> str:
    """``s3 · premise — text…``: the id first, then what it is; links as ``i4 · s3 + s4 → s2`` and
    ``a1 · s5 attacks s1``. (No rating in it: a picker's label must not change when a rating is saved,
    or the browser's choice, sent back as its label, would be lost.)"""
    el = _element(amap, eid)
    if isinstance(el, Inference):
        return f"{eid} \u00b7 {step(amap, eid)}"
    if isinstance(el, Attack):
        return f"{eid} \u00b7 {el.source} attacks {el.target}"
    if isinstance(el, Statement | Evidence):
        return f"{eid} \u00b7 {kind(amap, eid, roles)} \u2014 {short(el.text, width)}"
    return eid


def finding_label(amap: ArgumentMap, node_ids: Sequence[str], check: str, cue: str) -> str:
    """``s8 · rhetorical question — “why quibble?” (Why quibble about…)``: a finding's nodes, its check,
    its cue, and the start of the first node's words (an id alone tells a reader nothing)."""
    first = next((_element(amap, n) for n in node_ids if n in amap.ids()), None)
    words = first.text if isinstance(first, Statement | Evidence) else ""
    where = f" ({short(words, 40)})" if words else ""
    return f"{', '.join(node_ids)} \u00b7 {check.replace('_', ' ')} \u2014 {cue}{where}"


def why(amap: ArgumentMap, eid: str, roles: Roles | None = None) -> list[str]:
    """Why ``eid`` is in the map, one line each: the reason the extractor (or an edit) recorded, its cue
    words, the names of the rules and learned features that decided it, then every inference and attack it
    takes part in, with their cues and reasons."""
    el = _element(amap, eid)
    if el is None:
        return []
    roles = roles or derive(amap)
    out = [el.reason] if el.reason else []
    if el.cues:
        out.append("cue words: " + ", ".join(f"\u201c{c}\u201d" for c in el.cues))
    if el.rules:
        out.append("decided by: " + ", ".join(el.rules))
    for inf in amap.inferences:
        if eid in inf.premises or inf.conclusion == eid:
            other = (
                "supports " + label(amap, inf.conclusion, roles)
                if eid in inf.premises
                else "supported by " + "; ".join(label(amap, p, roles) for p in inf.premises)
            )
            out.append(_with_cues(f"{inf.id}: {other}", inf))
    for a in amap.attacks:
        if a.source == eid or a.target == eid:
            head = (
                f"{a.id}: attacks {label(amap, a.target, roles)}"
                if a.source == eid
                else f"{a.id}: attacked by {label(amap, a.source, roles)}"
            )
            out.append(_with_cues(head, a))
    return out


def _with_cues(head: str, link: Inference | Attack) -> str:
    bits = [head]
    if link.cues:
        bits.append("cues " + ", ".join(f"\u201c{c}\u201d" for c in link.cues))
    if link.reason:
        bits.append(link.reason)
    return " \u2014 ".join(bits)
