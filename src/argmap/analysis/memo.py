"""Results computed once per map: a frozen map never changes, so what is derived from it can be
kept while the same map object is in use (several checks read the same contexts and roles)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from argmap.model import ArgumentMap

T = TypeVar("T")
_KEEP = 8  # maps remembered per function: the open map and its last few versions


def per_map(fn: Callable[[ArgumentMap], T]) -> Callable[[ArgumentMap], T]:
    """``fn(amap)`` computed once per map object (by identity: equal maps are not compared, so
    this costs nothing). The result is shared: callers must not change it."""
    cache: OrderedDict[int, tuple[ArgumentMap, Any]] = OrderedDict()

    @wraps(fn)
    def cached(amap: ArgumentMap) -> T:
        hit = cache.get(id(amap))
        if hit is not None and hit[0] is amap:
            cache.move_to_end(id(amap))
            return hit[1]  # type: ignore[no-any-return]
        result = fn(amap)
        cache[id(amap)] = (amap, result)  # the map is held, so its id is not reused while cached
        if len(cache) > _KEEP:
            cache.popitem(last=False)
        return result

    return cached
