"""A classroom exercise: a piece, the teacher's reference map and settings, in one JSON file.

The file is what a teacher shares: students open it, map the piece, and compare their map with
the reference (``argmap.classroom.compare``). ``show_draft`` says whether students may start from the
automatic draft; ``show_reference`` whether they see the reference map once they submit.
"""

from __future__ import annotations

import json
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from argmap.errors import FormatError
from argmap.model import ArgumentMap

KIND: Final = "argmap-exercise"


class Exercise(BaseModel):
    """A piece to map, the reference map to compare with, and what students get to see."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["argmap-exercise"] = KIND
    schema_version: Literal[1] = 1
    title: str
    instructions: str = (
        "Map the argument of this piece: its main conclusion, reasons, objections and evidence."
    )
    text: str  # the piece itself
    source: str | None = None  # where the piece comes from (outlet, URL)
    reference: ArgumentMap
    show_draft: bool = False  # may students start from the automatic draft?
    show_reference: bool = True  # do students see the reference map after submitting?


def dumps(ex: Exercise) -> str:
    """The exercise as one readable JSON file."""
    return json.dumps(ex.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def loads(text: str, path: str | None = None) -> Exercise:
    """Read an exercise file; anything else raises ``FormatError`` saying what is wrong."""
    from argmap.formats import parse_json

    data = parse_json(text, fmt="exercise", path=path)
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise FormatError(f'not an exercise file (no "kind": "{KIND}")', fmt="exercise", path=path)
    from argmap.errors import listed
    from argmap.model import size_problems

    too_big = size_problems(data.get("reference"))  # before thousands of elements are validated
    if too_big:
        raise FormatError(listed(too_big), fmt="exercise", path=path, element="reference")
    try:
        return Exercise.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(map(str, first["loc"]))
        raise FormatError(f"{first['msg']}", fmt="exercise", path=path, element=where) from None


def create(reference: ArgumentMap, *, title: str | None = None, show_draft: bool = False) -> Exercise:
    """An exercise on the reference map's own piece (its source text)."""
    src = reference.source
    if src is None or not src.text.strip():
        raise FormatError("the reference map has no source text to give students", fmt="exercise")
    where = ", ".join(p for p in (src.author, src.outlet, src.date, src.url) if p) or None
    return Exercise(
        title=title or reference.title,
        text=src.text,
        source=where,
        reference=reference,
        show_draft=show_draft,
    )
