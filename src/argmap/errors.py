"""Argmap's exceptions: one base, subclasses that carry where the problem is.

    ArgmapError              base; the CLI and the app catch this and only this
    ├── MapInvalid           a map breaks an invariant (.problems: where and what)
    ├── EditError            an edit cannot be made (unknown id, would break the map) (.element)
    ├── InputError           input text refused (too large, not text) before any work
    ├── FormatError          a file is not valid for a format (.path, .line, .element)
    │   └── UnknownFormat    the format cannot be told from the name or content: name it
    ├── RenderError          Graphviz missing or failed
    ├── StoreError           arguments/ store problems (.path)
    │   ├── UnsafeName       a name that would leave arguments/
    │   ├── MapNotFound      no such map or revision
    │   └── Conflict         someone saved in between (.expected, .found)
    └── ClassroomError       an assignment refuses an action, saying why (.code: the assignment)

A weak argument is never an exception: it is a finding (see ``argmap.analysis.checks``).
"""

from __future__ import annotations

from dataclasses import dataclass


class ArgmapError(Exception):
    """Base of every error Argmap raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One invariant broken: ``where`` names the element or field, ``message`` says what."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


MAX_LISTED = 20  # problems named in a message; the rest are counted (a message must stay readable)


def listed(problems: list[Problem] | list[str], sep: str = "; ", total: int | None = None) -> str:
    """The first ``MAX_LISTED`` problems joined by ``sep``, and how many more there are (of ``total``,
    when only the first few were found)."""
    shown = sep.join(str(p) for p in problems[:MAX_LISTED])
    more = max(total or 0, len(problems)) - min(len(problems), MAX_LISTED)
    return f"{shown}{sep}... and {more} more" if more > 0 else shown


class MapInvalid(ArgmapError):
    """A map (or a map file) breaks one or more invariants (the message names the first 20)."""

    def __init__(self, problems: list[Problem], path: str | None = None, total: int | None = None) -> None:
        self.problems = problems  # (``total``: how many there are, when only the first few were found)
        self.path = path
        head = f"{path}: " if path else ""
        count = max(total or 0, len(problems))
        lines = listed([f"  - {p}" for p in problems], "\n", count)
        super().__init__(f"{head}invalid map ({count} problem(s)):\n{lines}")


class EditError(ArgmapError):
    """An edit cannot be made; the map is left as it was. ``.element`` is the id at fault, if one is."""

    def __init__(self, message: str, *, element: str | None = None) -> None:
        self.element = element
        super().__init__(message)


class InputError(ArgmapError):
    """Input refused before any work (too large, binary, empty where text is required)."""


class FormatError(ArgmapError):
    """A file is not valid for a format; says which file, line or element, and what was expected."""

    def __init__(
        self,
        message: str,
        *,
        fmt: str | None = None,
        path: str | None = None,
        line: int | None = None,
        element: str | None = None,
    ) -> None:
        self.fmt = fmt
        self.path = path
        self.line = line
        self.element = element
        where = ": ".join(
            part
            for part in (
                fmt,
                path,
                f"line {line}" if line is not None else None,
                element,
            )
            if part
        )
        super().__init__(f"{where}: {message}" if where else message)


class UnknownFormat(FormatError):
    """The format cannot be told from the file's name or content; the caller should name one."""


class RenderError(ArgmapError):
    """Rendering failed, usually because Graphviz's ``dot`` is not installed."""


class StoreError(ArgmapError):
    """A problem with the arguments/ store."""

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        super().__init__(message)


class UnsafeName(StoreError):
    """A map name that would leave the store folder (``..``, ``/``, NUL, device names)."""


class MapNotFound(StoreError):
    """No map (or no such revision) under that name."""


class Conflict(StoreError):
    """Someone saved the map after the caller loaded it (or took its name); nothing was overwritten.

    ``message`` replaces the default wording where the conflict is about a name, not a revision.
    """

    def __init__(
        self, name: str, expected: int, found: int, path: str | None = None, message: str | None = None
    ) -> None:
        self.name = name
        self.expected = expected
        self.found = found
        super().__init__(
            message
            or f"'{name}' was saved by someone else meanwhile: you loaded revision {expected}, "
            f"the store now has revision {found}. Reload, or save as a new map.",
            path,
        )


class ClassroomError(ArgmapError):
    """An assignment refuses an action: unknown code, wrong teacher key, another piece, past the due date.

    ``code`` is the assignment's join code, when there is one.
    """

    def __init__(self, message: str, *, code: str | None = None) -> None:
        self.code = code
        super().__init__(message)
