"""Saving with a merge: a save names the revision it started from; others' saves since are merged in.

``save_merging`` works on any store (the file store, the PostgreSQL store) through its public
methods: it reads the current revision and the base, merges (``argmap.edit.merge``) outside any
lock, and writes with the store's conditional save (``expected_revision``). If someone saved in the
meantime, it merges again against the newer revision: no lock is held while merging, and no save is
ever overwritten.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.edit.merge import MergeConflict, Merged, merge
from argmap.errors import Conflict, MapNotFound, StoreError
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    from argmap.storage.backend import MapStore

_TRIES = 200  # merges against ever newer revisions before giving up (30 writers need a few)


@dataclass(frozen=True)
class SaveResult:
    """What ``save_merging`` did.

    ``saved``: the store now holds ``map`` (the caller's work, merged with what others saved since
    ``base``). Not saved: the merge met conflicts; ``map`` is the merge with each conflict settled
    the way that keeps most, and ``conflicts`` lists them. Settle them (``argmap.edit.merge.resolve``
    on ``merged``) and save the result again with ``theirs`` as its base.
    """

    map: ArgumentMap
    saved: bool
    base: ArgumentMap | None = None  # the revision the caller started from (None: a new map)
    theirs: ArgumentMap | None = None  # what others had saved meanwhile (None: nobody had)
    merged: Merged | None = None  # the merge, when there was one
    authors: tuple[str, ...] = ()  # who saved the revisions after ``base``, in order, once each

    @property
    def conflicts(self) -> tuple[MergeConflict, ...]:
        """What needs a person's choice before this work can be saved."""
        return self.merged.conflicts if self.merged is not None else ()


def save_merging(
    store: MapStore, amap: ArgumentMap, name: str, *, base: ArgumentMap | None, author: str | None = None
) -> SaveResult:
    """Save ``amap``, an edit of ``base`` (the revision the caller loaded), merging others' saves since.

    See ``MapStore.save_merging``.
    """
    if base is None:
        return SaveResult(store.save(amap, name, expected_revision=None, author=author), True)
    stored_base: ArgumentMap | None = None
    for attempt in range(_TRIES):
        if attempt:
            # Someone saved between our read and our write: wait a random moment, so that many
            # people merging at once do not keep invalidating each other's merges.
            time.sleep(random.uniform(0, 0.01 * min(attempt, 20)))
        try:
            theirs = store.load(name)
        except MapNotFound:
            raise Conflict(
                name,
                base.revision,
                0,
                None,
                f"'{name}' was deleted or renamed since you loaded revision {base.revision}; "
                f"save it under a name (save as) to keep your work",
            ) from None
        if theirs.revision == base.revision:
            try:
                return SaveResult(
                    store.save(amap, name, expected_revision=base.revision, author=author), True, base
                )
            except Conflict as err:
                if err.found == 0:
                    raise
                continue  # saved by someone just now: merge with theirs
        if stored_base is None:
            try:
                stored_base = store.load_revision(name, base.revision)
            except MapNotFound:
                stored_base = base  # no longer kept: the caller's copy is that revision
        merged = merge(stored_base, amap, theirs)
        who = authors(stored_base, theirs)
        if merged.conflicts:
            return SaveResult(merged.map, False, stored_base, theirs, merged, who)
        try:
            saved = store.save(merged.map, name, expected_revision=theirs.revision, author=author)
        except Conflict as err:
            if err.found == 0:
                raise
            continue  # someone saved while we merged: merge again with the newer revision
        return SaveResult(saved, True, stored_base, theirs, merged, who)
    raise StoreError(f"'{name}' is being saved by many people at once; could not merge in {_TRIES} tries")


def authors(base: ArgumentMap, theirs: ArgumentMap) -> tuple[str, ...]:
    """Who made what others saved since ``base``: the authors of their additions, then the last saver.

    Read from the maps themselves (every element records its author), not from each revision.
    """
    old = base.ids() | {c.id for c in base.comments}
    groups = (theirs.statements, theirs.inferences, theirs.attacks, theirs.evidence, theirs.comments)
    names = [e.author for g in groups for e in g if e.id not in old and e.author]
    if theirs.saved_by:
        names.append(theirs.saved_by)
    return tuple(dict.fromkeys(names))
