"""A finding: one cue a check noticed, worded as a question to the reader."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")


class Finding(BaseModel):
    """What a check noticed: where, how serious, why (the cue) and what to ask about it."""

    model_config = ConfigDict(frozen=True)

    check: str  # the name of the check function that fired
    severity: Severity
    node_ids: tuple[str, ...]
    message: str  # plain words: what was noticed
    cue: str = ""  # the words (or the structure) that triggered it, shown to the user
    question: str = ""  # the critical question the reader should ask


def at_least(severity: str, floor: str) -> bool:
    """Whether ``severity`` is at or above ``floor`` (info < warning < error)."""
    return SEVERITIES.index(severity) >= SEVERITIES.index(floor)
