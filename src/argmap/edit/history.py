"""Undo and redo over immutable maps: a present map, the maps before it and the maps undone.

Maps are frozen, so a history is just tuples of values; every step returns a new ``History``.
Each step also keeps what it did, in words ("moved s26 (“…”) under s4 (“…”)"), so Undo and Redo
can say what they undid and redid.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.model import ArgumentMap

SOME_EDIT = "an edit"  # the words of a step pushed without any


@dataclass(frozen=True)
class History:
    """Undo/redo over immutable maps: ``push`` a new map, ``undo``/``redo`` move through them.

    ``done[k]`` says what turned ``past[k]`` into the map after it; ``undone[k]`` what
    ``future[k]`` did. (Histories built without words get ``SOME_EDIT`` for each step.)
    """

    present: ArgumentMap
    past: tuple[ArgumentMap, ...] = ()
    future: tuple[ArgumentMap, ...] = field(default=())
    limit: int = 100
    done: tuple[str, ...] = ()
    undone: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Words line up with maps: pad (or cut) a history built without them.
        for words, maps, name in ((self.done, self.past, "done"), (self.undone, self.future, "undone")):
            if len(words) != len(maps):
                fixed = (*words, *(SOME_EDIT,) * len(maps))[: len(maps)]
                object.__setattr__(self, name, fixed)

    def push(self, amap: ArgumentMap, what: str = SOME_EDIT) -> History:
        """Record ``amap`` as the new present, ``what`` saying what changed; clears the redo stack."""
        if amap == self.present:
            return self
        if self.limit <= 0:  # [-0:] would keep all
            return History(present=amap, limit=self.limit)
        past = (*self.past, self.present)[-self.limit :]
        done = (*self.done, what)[-self.limit :]
        return History(present=amap, past=past, future=(), limit=self.limit, done=done)

    @property
    def can_undo(self) -> bool:
        """Whether there is an edit to step back from."""
        return bool(self.past)

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone edit to step forward to."""
        return bool(self.future)

    @property
    def undo_words(self) -> str | None:
        """What ``undo`` would undo, in words (None when there is nothing to undo)."""
        return self.done[-1] if self.past else None

    @property
    def redo_words(self) -> str | None:
        """What ``redo`` would redo, in words (None when there is nothing to redo)."""
        return self.undone[0] if self.future else None

    def undo(self) -> History:
        """Step back one edit (no-op when there is nothing to undo)."""
        if not self.past:
            return self
        return History(
            self.past[-1],
            self.past[:-1],
            (self.present, *self.future),
            self.limit,
            self.done[:-1],
            (self.done[-1], *self.undone),
        )

    def redo(self) -> History:
        """Step forward one undone edit (no-op when there is nothing to redo)."""
        if not self.future:
            return self
        return History(
            self.future[0],
            (*self.past, self.present),
            self.future[1:],
            self.limit,
            (*self.done, self.undone[0]),
            self.undone[1:],
        )
