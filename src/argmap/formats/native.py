"""Argmap's native JSON format: the model itself, lossless, with stable key order.

Spec: ``schema/argmap.schema.json`` (generated from the model; ``argmap schema`` prints it).
Keeps everything; drops nothing.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from argmap.errors import MAX_LISTED, FormatError, MapInvalid, Problem
from argmap.model import (
    ArgumentMap,
    Attack,
    Evidence,
    Inference,
    InvariantsBroken,
    Statement,
    size_problems,
)

NAME = "json"


def dumps(amap: ArgumentMap) -> str:
    """The map as readable JSON: two-space indent, model key order, a final newline.

    pydantic's own writer gives the same text as ``json.dumps(..., indent=2, ensure_ascii=False)``
    (a test compares them) in a seventh of the time: every save writes the whole map.
    """
    return amap.model_dump_json(indent=2) + "\n"


def loads(text: str, path: str | None = None) -> ArgumentMap:
    """Parse native JSON; bad JSON raises ``FormatError`` (with the line), a bad map ``MapInvalid``."""
    from argmap.formats import parse_json

    return from_data(parse_json(text, fmt=NAME, path=path), path)


def from_data(data: Any, path: str | None = None) -> ArgumentMap:
    """Validate parsed JSON as a map; every problem is reported with where it is."""
    if not isinstance(data, dict):
        raise FormatError("expected a JSON object at the top level", fmt=NAME, path=path)
    too_big = size_problems(data)  # before any element is validated (and each listed)
    if too_big:
        raise MapInvalid(too_big, path=path)
    try:
        return ArgumentMap.model_validate(data)
    except ValidationError as err:
        found, total = first_problems(err, data)
        raise MapInvalid(found, path=path, total=total) from None


_ELEMENTS = (
    ("statements", Statement),
    ("inferences", Inference),
    ("attacks", Attack),
    ("evidence", Evidence),
)


def first_problems(err: ValidationError, data: dict[str, Any]) -> tuple[list[Problem], int]:
    """The problems of a failed validation, located, and how many there are in all.

    ``err.errors()`` builds every error: seconds for a file of 60,000 broken elements, only for a
    message that names 20. Past a hundred errors, the elements are validated one by one instead,
    up to the first ``MAX_LISTED`` problems (``err.error_count()`` is the total, at no cost)."""
    total = err.error_count()
    if total <= 100:
        found = [p for e in err.errors() for p in _problems(e, data)]
        return found, max(total, len(found))
    found = []
    for group, model in _ELEMENTS:
        items = data.get(group)
        for n, item in enumerate(items if isinstance(items, list) else ()):
            try:
                model.model_validate(item)
            except ValidationError as one:
                found += [_problem(e | {"loc": (group, n, *e["loc"])}, data) for e in one.errors()]
                if len(found) >= MAX_LISTED:
                    return found, total
    if not found:  # the errors are in the map's own fields, so few
        found = [_problem(e, data) for e in err.errors()[:MAX_LISTED]]
    return found, total


def _problems(error: ErrorDetails, data: dict[str, Any]) -> list[Problem]:
    """One pydantic error as problems: the invariant check's own list, else one located problem."""
    broken = error.get("ctx", {}).get("error")
    if isinstance(broken, InvariantsBroken):
        return list(broken.problems)
    return [_problem(error, data)]


def _problem(error: ErrorDetails, data: dict[str, Any]) -> Problem:
    """Turn a pydantic error location like ('statements', 3, 'text') into "statement 's4' field text"."""
    loc = list(error["loc"])
    msg = error["msg"].removeprefix("Value error, ")
    if not loc:
        return Problem("", msg)
    where = str(loc[0])
    if len(loc) >= 2 and isinstance(loc[1], int):
        group = data.get(str(loc[0]))
        items = group if isinstance(group, list) else []
        item = items[loc[1]] if loc[1] < len(items) else None
        name = item.get("id") if isinstance(item, dict) else None
        kind = {"statements": "statement", "inferences": "inference", "attacks": "attack"}.get(
            str(loc[0]), str(loc[0])
        )
        where = f"{kind} '{name}'" if name else f"{kind} #{loc[1] + 1}"
        rest = ".".join(map(str, loc[2:]))
        if rest:
            where += f" field {rest}"
    elif len(loc) > 1:
        where = ".".join(map(str, loc))
    return Problem(where, msg)
