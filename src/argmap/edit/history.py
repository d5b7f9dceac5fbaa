"""Undo and redo over immutable maps: a present map, the maps before it and the maps undone.

Maps are frozen, so a history is just three tuples of values; every step returns a new ``History``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.model import ArgumentMap


@dataclass(frozen=True)
class History:
    """Undo/redo over immutable maps: ``push`` a new map, ``undo``/``redo`` move through them."""

    present: ArgumentMap
    past: tuple[ArgumentMap, ...] = ()
    future: tuple[ArgumentMap, ...] = field(default=())
    limit: int = 100

    def push(self, amap: ArgumentMap) -> History:
        """Record ``amap`` as the new present; clears the redo stack."""
        if amap == self.present:
            return self
        past = (*self.past, self.present)[-self.limit :] if self.limit > 0 else ()  # [-0:] would keep all
        return History(present=amap, past=past, future=(), limit=self.limit)

    @property
    def can_undo(self) -> bool:
        """Whether there is an edit to step back from."""
        return bool(self.past)

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone edit to step forward to."""
        return bool(self.future)

    def undo(self) -> History:
        """Step back one edit (no-op when there is nothing to undo)."""
        if not self.past:
            return self
        return History(self.past[-1], self.past[:-1], (self.present, *self.future), self.limit)

    def redo(self) -> History:
        """Step forward one undone edit (no-op when there is nothing to redo)."""
        if not self.future:
            return self
        return History(self.future[0], (*self.past, self.present), self.future[1:], self.limit)
