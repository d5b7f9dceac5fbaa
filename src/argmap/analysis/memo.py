"""Results computed once per map: a frozen map never changes, so what is derived from it can be
kept while the map lives (several checks read the same contexts and roles). Kept by ``graph.memo``,
the one per-map store: dropped with the map."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from argmap import graph
from argmap.model import ArgumentMap

T = TypeVar("T")


def per_map(fn: Callable[[ArgumentMap], T]) -> Callable[[ArgumentMap], T]:
    """``fn(amap)`` computed once per map object and kept as long as the map lives. The result is
    shared: callers must not change it."""
    name = f"{fn.__module__}.{fn.__qualname__}"

    @wraps(fn)
    def cached(amap: ArgumentMap) -> T:
        return graph.memo(amap, name, fn)

    return cached
