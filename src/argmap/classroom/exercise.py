"""Exercise files: an assignment as files, for a class that does not share an Argmap server.

An exercise comes as two files, as a worksheet and its answer key do:

- the **teacher's file** (``Exercise``, ``"kind": "argmap-exercise"``): the piece, the settings and the
  reference map, in readable JSON. It is the teacher's: ``argmap compare`` and "Grade map files" take
  it as the reference. It is never given to students.
- the **students' copy** (``StudentExercise``, ``"kind": "argmap-exercise-student"``): the piece, the
  instructions and whether students may start from the draft; no reference map, not even encrypted.

Why not one file with the reference encrypted under the teacher key: whatever a student's file holds,
the student holds too. A key that must reach the student's computer to show feedback reaches the
student; an encrypted answer key is one leaked link from being an answer key. Feedback needs the
reference, so it is given where the reference is: by the teacher (grading the files students send),
or by the server (an assignment in the store, ``argmap.classroom.assignment``), never in the file.

Files made before the students' copy existed are teacher files (schema_version 1, the reference
inside) and still open as such; opened as a student's exercise they give the piece only.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Final, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from argmap.errors import FormatError
from argmap.model import ArgumentMap, Source

if TYPE_CHECKING:
    from argmap.classroom.assignment import Assignment

KIND: Final = "argmap-exercise"
STUDENT_KIND: Final = "argmap-exercise-student"
INSTRUCTIONS: Final = "Map the argument of this piece: its main conclusion, reasons, objections and evidence."


class _Piece(BaseModel):
    """What both files hold: the piece to map and how students start (``kind`` names the file)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: str
    schema_version: Literal[1] = 1
    title: str
    instructions: str = INSTRUCTIONS
    text: str  # the piece itself
    source: str | None = None  # where the piece comes from (outlet, URL)
    show_draft: bool = False  # may students start from the automatic draft?

    def blank(self) -> ArgumentMap:
        """An empty map of the piece: where a student starts."""
        return ArgumentMap(id="my-map", title=self.title, source=Source(title=self.title, text=self.text))


class StudentExercise(_Piece):
    """What students get: the piece to map and how; never the reference map."""

    kind: Literal["argmap-exercise-student"] = STUDENT_KIND


class Exercise(_Piece):
    """The teacher's file: a piece to map, the reference map to compare with, and what students see."""

    kind: Literal["argmap-exercise"] = KIND
    reference: ArgumentMap
    show_reference: bool = True  # do students see the reference map after submitting?

    def students(self) -> StudentExercise:
        """The students' copy of this exercise: everything but the reference map."""
        return StudentExercise.model_validate(
            self.model_dump(exclude={"kind", "reference", "show_reference"})
        )


def dumps(ex: Exercise) -> str:
    """The teacher's file, as one readable JSON file."""
    return json.dumps(ex.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def dumps_students(ex: Exercise | StudentExercise) -> str:
    """The students' copy, as one readable JSON file (no reference map in it)."""
    copy = ex.students() if isinstance(ex, Exercise) else ex
    return json.dumps(copy.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def _data(text: str, path: str | None) -> dict[str, object]:
    from argmap.formats import parse_json

    data = parse_json(text, fmt="exercise", path=path)
    if not isinstance(data, dict) or data.get("kind") not in (KIND, STUDENT_KIND):
        raise FormatError(f'not an exercise file (no "kind": "{KIND}")', fmt="exercise", path=path)
    version = data.get("schema_version", 1)
    if version != 1:
        raise FormatError(
            f"schema_version {version!r}: this exercise file was written by another version of Argmap "
            "(this one reads version 1); ask the teacher for a file from this version",
            fmt="exercise",
            path=path,
            element="schema_version",
        )
    return data


def _validated(kind: type[BaseModel], data: dict[str, object], path: str | None) -> BaseModel:
    try:
        return kind.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(map(str, first["loc"]))
        raise FormatError(f"{first['msg']}", fmt="exercise", path=path, element=where) from None


def loads(text: str, path: str | None = None) -> Exercise:
    """Read the teacher's file; anything else (a students' copy too) raises ``FormatError`` saying what
    is wrong."""
    data = _data(text, path)
    if data.get("kind") == STUDENT_KIND:
        raise FormatError(
            "this is the students' copy of an exercise: it holds no reference map. Use the teacher's "
            "exercise file to compare or grade",
            fmt="exercise",
            path=path,
        )
    from argmap.errors import listed
    from argmap.model import size_problems

    too_big = size_problems(data.get("reference"))  # before thousands of elements are validated
    if too_big:
        raise FormatError(listed(too_big), fmt="exercise", path=path, element="reference")
    got = _validated(Exercise, data, path)
    assert isinstance(got, Exercise)
    return got


def loads_students(text: str, path: str | None = None) -> StudentExercise:
    """Read an exercise as a student opens it: the students' copy, or a teacher's file (old files
    were given to students) with its reference left unread."""
    data = _data(text, path)
    if data.get("kind") == KIND:
        data = {k: v for k, v in data.items() if k not in ("kind", "reference", "show_reference")}
    got = _validated(StudentExercise, data, path)
    assert isinstance(got, StudentExercise)
    return got


def create(
    reference: ArgumentMap,
    *,
    title: str | None = None,
    show_draft: bool = False,
    instructions: str | None = None,
) -> Exercise:
    """An exercise (the teacher's file) on the reference map's own piece (its source text)."""
    src = reference.source
    if src is None or not src.text.strip():
        raise FormatError("the reference map has no source text to give students", fmt="exercise")
    where = ", ".join(p for p in (src.author, src.outlet, src.date, src.url) if p) or None
    return Exercise(
        title=title or reference.title,
        instructions=(instructions or "").strip() or INSTRUCTIONS,
        text=src.text,
        source=where,
        reference=reference,
        show_draft=show_draft,
    )


def of_assignment(assignment: Assignment) -> Exercise:
    """An assignment in the store as the teacher's exercise file (its students' copy: ``.students()``)."""
    return Exercise(
        title=assignment.title,
        instructions=assignment.instructions,
        text=assignment.text,
        source=assignment.source,
        reference=assignment.reference,
        show_draft=assignment.show_draft,
    )
