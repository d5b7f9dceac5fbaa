"""How edits speak about a map: nodes named by their words, and one sentence per edit.

Pickers, messages, "Why it is here" lines and the undo history all name a node the same way,
``s4 (“The council should…”)``: the id to find it in the tree, its first words to know what it is.
"""

from __future__ import annotations

from argmap.model import ArgumentMap, Inference

WORDS = 40  # characters of a statement quoted where a node is named


def short(text: str, width: int = WORDS) -> str:
    """The start of ``text`` on one line, at most ``width`` characters, "…" when cut."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


def name(amap: ArgumentMap, eid: str, width: int = WORDS) -> str:
    """``s4 (“The council should…”)``; an inference is named by its step, ``the step s2 → s1``."""
    try:
        el = amap.element(eid)
    except KeyError:
        return eid
    if isinstance(el, Inference):
        return f"the step {' + '.join(el.premises)} \u2192 {el.conclusion}"
    text = getattr(el, "text", "")
    return f"{eid} (\u201c{short(text, width)}\u201d)" if text else eid


def by(author: str | None) -> str:
    """`` by Sam`` for a named author, else nothing."""
    return f" by {author}" if author else ""


def sentence(phrase: str) -> str:
    """A phrase from the history ("moved s2 under s1") as a sentence ("Moved s2 under s1.")."""
    phrase = phrase.strip()
    if not phrase:
        return phrase
    return phrase[0].upper() + phrase[1:] + ("" if phrase.endswith((".", "!", "?")) else ".")


def pick_label(amap: ArgumentMap, eid: str, role: str, width: int = 70) -> str:
    """A picker's label, words first: ``“The council should…” — premise · s3``."""
    el = amap.element(eid)
    if isinstance(el, Inference):
        premises = " + ".join(f"\u201c{short(amap.statement(p).text, 30)}\u201d" for p in el.premises)
        words = f"the step {premises} \u2192 \u201c{short(amap.statement(el.conclusion).text, 30)}\u201d"
        return f"{words} \u00b7 {eid}"
    return f"\u201c{short(getattr(el, 'text', ''), width)}\u201d \u2014 {role} \u00b7 {eid}"
