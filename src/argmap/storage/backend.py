"""What every store does, whatever holds the maps: the contract and the parts written once for all backends.

``MapStore`` is the one interface the app, the CLI, the classroom and the benches use. Two backends implement
it: ``argmap.storage.store.Store`` (files under ``arguments/``, the default) and
``argmap.storage.postgres.PostgresStore`` (a PostgreSQL database, for several app servers). Each backend
supplies the storage primitives (list, load, save with a revision check, revisions, rename, delete to the
trash, undelete, ``put_history``); copying under a new name, restoring and importing are written here once.
"""

from __future__ import annotations

import builtins
import os
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import Conflict, StoreError
from argmap.model import ArgumentMap
from argmap.storage.names import SLUG_CHARS, check_name, slug

if TYPE_CHECKING:
    from argmap.storage.documents import Documents
    from argmap.storage.merging import SaveResult

_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
SESSION = _ID  # what a browser session id may be


@dataclass(frozen=True)
class Entry:
    """One stored map (or revision): what ``argmap list`` shows.

    An unreadable file is listed too, with ``title`` "(unreadable: why)" and ``error`` set, so a
    corrupt file never hides or breaks the listing.
    """

    name: str
    title: str
    revision: int
    updated: datetime | None
    size: int  # bytes on disk
    error: str | None = None
    saved_by: str | None = None  # who saved it (None: not recorded)


PRESENCE_SECONDS = 15.0  # a session that has not beaten for this long has left


@dataclass(frozen=True)
class Presence:
    """A browser session that has a map open: who (as they named themselves) and when last seen."""

    session: str
    who: str | None
    seen: datetime


def check_session(session: str) -> str:
    """``session`` if it is a short ASCII id (a presence record is named by it), else ``StoreError``."""
    if not isinstance(session, str) or not _ID.match(session):
        raise StoreError(f"session id {session!r} is not a short ASCII id")
    return session


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def stamped(amap: ArgumentMap, revision: int, author: str | None = None) -> ArgumentMap:
    """``amap`` as saved: revision ``revision``, ``updated`` now, ``created`` kept (or now), ``saved_by``."""
    now = _now()
    return ArgumentMap.model_validate(
        {
            **{k: getattr(amap, k) for k in type(amap).model_fields},
            "revision": revision,
            "updated": now,
            "created": amap.created or now,
            "saved_by": author,
        }
    )


class MapStore(ABC):
    """Maps by name, each with its current revision, ``keep`` past revisions and a recoverable trash.

    A save names the revision the caller loaded (``expected_revision``; ``None`` for a new map) and raises
    ``Conflict`` — never overwrites — if the store holds another. Names are checked
    (``argmap.storage.names.check_name``) before anything is read or written.
    """

    keep: int

    @abstractmethod
    def describe(self) -> str:
        """Where the maps live, in words ("JSON files in arguments/")."""

    @abstractmethod
    def list(self) -> builtins.list[Entry]:
        """Every map, by name (unreadable ones listed with the reason)."""

    @abstractmethod
    def exists(self, name: str) -> bool:
        """Whether a map called ``name`` is stored."""

    def _taken(self, name: str) -> bool:
        """Whether ``name`` cannot be used for a new map."""
        return self.exists(name)

    @abstractmethod
    def latest_revision(self, name: str) -> int:
        """The stored revision of ``name`` (0 if none): cheap enough to poll."""

    @abstractmethod
    def documents(self) -> Documents:
        """The small documents kept beside the maps (the classroom's assignments and students' work)."""

    @abstractmethod
    def listen(self) -> None:
        """Start hearing of other servers' saves where the backend can tell (PostgreSQL's LISTEN/NOTIFY),
        so that ``latest_revision`` answers from memory."""

    @abstractmethod
    def load(self, name: str) -> ArgumentMap:
        """The current revision of map ``name``; ``MapNotFound`` if there is none."""

    @abstractmethod
    def revisions(self, name: str) -> builtins.list[Entry]:
        """The revisions of ``name`` that can be loaded, newest first (the current one included)."""

    @abstractmethod
    def load_revision(self, name: str, revision: int) -> ArgumentMap:
        """Revision ``revision`` of map ``name`` (a past one, or the current one)."""

    @abstractmethod
    def save(
        self,
        amap: ArgumentMap,
        name: str | None = None,
        *,
        expected_revision: int | None,
        author: str | None = None,
    ) -> ArgumentMap:
        """Save ``amap`` as ``name`` (default: the slug of its title); returns the saved map.

        ``expected_revision`` is the revision the caller loaded; if the store holds another, ``Conflict`` is
        raised and nothing is written (``save_merging`` merges instead). ``None`` (or 0) means "a new map":
        a conflict if the name is taken. The saved map has the next revision, ``updated`` and ``saved_by``
        (``author``) set; the one it replaces is kept.
        """

    def save_merging(
        self, amap: ArgumentMap, name: str, *, base: ArgumentMap | None, author: str | None = None
    ) -> SaveResult:
        """Save ``amap``, the caller's edit of ``base`` (the revision it loaded), merging others' saves.

        If the store still holds ``base``'s revision, ``amap`` is saved as is. If others saved meanwhile,
        their revision and ``amap`` are merged three ways against ``base`` (``argmap.edit.merge``): a clean
        merge is saved; one with conflicts comes back unsaved for the caller to settle (``SaveResult``).
        The base is read from the stored revisions; ``base`` stands in where that revision is no longer
        kept. ``base=None`` saves a new map (``Conflict`` if the name is taken). Nobody's work is ever
        overwritten. Written once for every backend, on ``load``, ``load_revision`` and ``save``.
        """
        from argmap.storage.merging import save_merging

        return save_merging(self, amap, name, base=base, author=author)

    @abstractmethod
    def rename(self, old: str, new: str) -> None:
        """Rename map ``old`` to ``new``, revisions included; ``Conflict`` if ``new`` is taken."""

    @abstractmethod
    def delete(self, name: str) -> None:
        """Move map ``name`` (and its revisions) to the trash; ``undelete`` brings it back."""

    @abstractmethod
    def trash(self) -> builtins.list[Entry]:
        """Deleted maps that ``undelete`` can restore (the latest deletion of each name)."""

    @abstractmethod
    def undelete(self, name: str) -> ArgumentMap:
        """Bring back the most recently deleted map called ``name``; ``Conflict`` if the name is taken."""

    @abstractmethod
    def put_history(self, name: str, history: builtins.list[ArgumentMap]) -> None:
        """Store ``history`` (oldest first, the last current) as map ``name``, keeping its revision numbers.

        For ``argmap store copy``: nothing is renumbered; ``Conflict`` if the name is taken.
        """

    # --- who has a map open -----------------------------------------------------------------

    @abstractmethod
    def mark_present(self, name: str, session: str, who: str | None) -> None:
        """Record that ``who`` (in browser session ``session``, a short ASCII id) has map ``name`` open, now.

        Call it every few seconds while the map is open (a heartbeat); ``present`` forgets a session that
        stopped beating. ``StoreError`` for a session id that is not a short ASCII id.
        """

    @abstractmethod
    def leave(self, name: str, session: str) -> None:
        """Forget that ``session`` has map ``name`` open (it opened another map, or closed)."""

    @abstractmethod
    def present(self, name: str, *, within: float = PRESENCE_SECONDS) -> builtins.list[Presence]:
        """Who has map ``name`` open: sessions seen in the last ``within`` seconds, most recent first."""

    # --- written once -------------------------------------------------------------------------

    def save_as(self, amap: ArgumentMap, name: str, *, author: str | None = None) -> ArgumentMap:
        """Save a copy of ``amap`` as a new map called ``name`` (revision 1); ``Conflict`` if taken."""
        name = check_name(name)
        # The map's id follows its new name; ids are ASCII, so other scripts fall back to "map".
        new_id = (
            name
            if _ID.match(name)
            else re.sub(r"[^A-Za-z0-9_.:-]+", "-", slug(name))[:64].strip("-.") or "map"
        )
        copy = ArgumentMap.model_validate(
            {**{k: getattr(amap, k) for k in type(amap).model_fields}, "id": new_id, "revision": 0}
        )
        return self.save(copy, name, expected_revision=None, author=author)

    def restore(
        self, name: str, revision: int, *, expected_revision: int, author: str | None = None
    ) -> ArgumentMap:
        """Make past revision ``revision`` current again; it is saved as a new revision."""
        old = self.load_revision(name, revision)
        return self.save(old, name, expected_revision=expected_revision, author=author)

    def import_file(self, path: str | os.PathLike[str], fmt: str | None = None) -> ArgumentMap:
        """Read a file in any known format and save it as a new map named after its title.

        If the name is taken, ``-2``, ``-3``... is added: importing never overwrites a map.
        """
        p = Path(path)
        return self.import_bytes(p.read_bytes(), p.name, fmt)[1]

    def import_bytes(self, data: bytes, filename: str, fmt: str | None = None) -> tuple[str, ArgumentMap]:
        """Like ``import_file`` for a file's bytes (an upload); returns the name chosen and the map."""
        from argmap.formats import read

        amap, _ = read(data, filename, fmt)
        base = slug(amap.title if amap.title.strip() else Path(filename).stem)
        fresh = ArgumentMap.model_validate(
            {**{k: getattr(amap, k) for k in type(amap).model_fields}, "revision": 0}
        )
        for n in range(1, 1000):
            name = base if n == 1 else f"{base[: SLUG_CHARS - 5]}-{n}"
            if self._taken(name):
                continue
            try:
                return name, self.save(fresh, name, expected_revision=None)
            except Conflict:  # taken between our look and our save: try the next name
                continue
        raise StoreError(f"too many maps called '{base}' in {self.describe()}")
