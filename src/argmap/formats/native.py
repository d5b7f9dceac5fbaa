"""Argmap's native JSON format: the model itself, lossless, with stable key order.

Spec: ``schema/argmap.schema.json`` (generated from the model; ``argmap schema`` prints it).
Keeps everything; drops nothing.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from argmap.errors import FormatError, MapInvalid, Problem
from argmap.model import ArgumentMap, InvariantsBroken

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
    try:
        return ArgumentMap.model_validate(data)
    except ValidationError as err:
        raise MapInvalid([p for e in err.errors() for p in _problems(e, data)], path=path) from None


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
