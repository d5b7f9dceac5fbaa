"""Exercise files (``argmap.classroom.exercise``) read as maps: the teacher's reference map.

A reader only: an exercise is more than a map (a piece, instructions, what students see) and is made
on the Classroom page or with ``argmap.classroom.exercise.create``, not exported from a map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.model import ArgumentMap


def loads(text: str, path: str | None = None) -> ArgumentMap:
    """The reference map of an exercise file; a bad file raises ``FormatError`` saying what is wrong."""
    # Imported here: classroom.exercise reads its JSON through argmap.formats (a cycle at import time).
    from argmap.classroom import exercise

    return exercise.loads(text, path=path).reference
