"""Circular argument: whether a new link would close a circle, and the path it would close.

Links point from what argues to what it argues for or against: a premise to its conclusion, an
attacker to its target (an undercut to the conclusion of the step it attacks). A new link
``tail → head`` closes a circle when ``head`` already argues, directly or through others, for or
against ``tail``.
"""

from __future__ import annotations

from collections import defaultdict, deque

from argmap.describe import name
from argmap.errors import EditError
from argmap.model import ArgumentMap


def _up(amap: ArgumentMap, ignore_from: str | None) -> dict[str, list[str]]:
    conclusion_of = {i.id: i.conclusion for i in amap.inferences}
    up: dict[str, list[str]] = defaultdict(list)
    for i in amap.inferences:
        for p in i.premises:
            if p != ignore_from:
                up[p].append(i.conclusion)
    for a in amap.attacks:
        if a.source != ignore_from:
            up[a.source].append(conclusion_of.get(a.target, a.target))
    return up


def closing_path(amap: ArgumentMap, tail: str, head: str, *, moving: bool = False) -> list[str] | None:
    """The path ``head → … → tail`` that a new link ``tail → head`` would close, or None.

    ``moving``: ``tail``'s own outgoing links are being replaced, so they do not count.
    """
    up = _up(amap, tail if moving else None)
    seen = {head: ""}
    queue = deque([head])
    while queue:
        node = queue.popleft()
        if node == tail:
            path = [node]
            while seen[path[-1]]:
                path.append(seen[path[-1]])
            return path[::-1]
        for nxt in up.get(node, ()):
            if nxt not in seen:
                seen[nxt] = node
                queue.append(nxt)
    return None


def refuse_cycle(amap: ArgumentMap, tail: str, head: str, *, moving: bool = False) -> None:
    """Raise ``EditError`` naming the link that would close a circle, if ``tail → head`` would."""
    path = closing_path(amap, tail, head, moving=moving)
    if path is None:
        return
    through = " \u2192 ".join(path)
    raise EditError(
        f"that would make a circle: {name(amap, head)} already argues for {name(amap, tail)} "
        f"({through}), so the link {tail} \u2192 {head} would close it. "
        f"Move {head} elsewhere first, or choose another place",
        element=tail,
    )
