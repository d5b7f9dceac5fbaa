"""How edits speak: one sentence per edit, and who made it (nodes are named by argmap.describe)."""

from __future__ import annotations


def by(author: str | None) -> str:
    """`` by Sam`` for a named author, else nothing."""
    return f" by {author}" if author else ""


def sentence(phrase: str) -> str:
    """A phrase from the history ("moved s2 under s1") as a sentence ("Moved s2 under s1.")."""
    phrase = phrase.strip()
    if not phrase:
        return phrase
    return phrase[0].upper() + phrase[1:] + ("" if phrase.endswith((".", "!", "?")) else ".")
