"""The arguments/ store: one readable JSON file a map, atomic saves, revisions, a trash.

Layout under the store folder (``arguments/`` by default)::

    <name>.json                      the current revision of each map (native JSON)
    .revisions/<name>/<rev>.json     past revisions, the newest ``keep`` of them
    .revisions/.locks/<name>.lock    per-map lock files (never deleted: deleting one races)
    .trash/<name>/<stamp>/           deleted maps: ``map.json`` and its ``revisions/``
    .presence/<name>/<session>.json  who has the map open (a heartbeat: ``mark_present``)

A save is atomic (``argmap.storage.atomic.write_atomic``): a crash at any moment leaves either the old or
the new revision, never half of one. Read-compare-write runs under an exclusive lock on the map's
lock file (``argmap.storage.atomic.locked``), so concurrent saves (threads or processes) serialize and a
save made against a stale revision raises ``Conflict`` instead of silently overwriting someone's
work. Names are checked (``argmap.storage.names.check_name``) before any path is built from them: nothing
can leave the store folder. Reads accept a byte-order mark (Windows editors add one to hand-edited
files); writes never add it.
"""

from __future__ import annotations

import builtins
import glob
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import ArgmapError, Conflict, MapNotFound, StoreError
from argmap.model import ArgumentMap
from argmap.storage import backend
from argmap.storage.atomic import fsync_dir, locked, write_atomic
from argmap.storage.backend import PRESENCE_SECONDS, Entry, MapStore, Presence, _now, check_session, stamped
from argmap.storage.names import check_name, name_key, slug

if TYPE_CHECKING:
    from argmap.storage.documents import Documents

_LOCK_TIMEOUT = 30.0  # seconds: a save waits this long for another save of the same map


def _stored_revision(path: Path, raw: bytes) -> int:
    """The revision recorded in a stored file; ``StoreError`` (never a silent overwrite) if unreadable."""
    try:
        data = json.loads(raw)
        rev = data["revision"]
        if not isinstance(rev, int) or isinstance(rev, bool) or rev < 0:
            raise ValueError(f"revision is {rev!r}")
    except (ValueError, KeyError, TypeError, RecursionError) as err:
        raise StoreError(
            f"{path}: the stored map is unreadable ({err}); it was not overwritten. Fix it by hand, "
            f"or delete it (it moves to the trash) and save again.",
            str(path),
        ) from None
    return rev


class Store(MapStore):
    """Maps kept as files in ``folder``, with ``keep`` past revisions each and a recoverable trash."""

    def __init__(self, folder: str | os.PathLike[str] = "arguments", keep: int = 20) -> None:
        if keep < 0:
            raise ValueError("keep must be 0 or more")
        if str(folder).startswith(("postgresql://", "postgres://")):
            raise StoreError(
                "a postgresql:// URL names a database, not a folder: open it with argmap.open_store(URL)"
            )
        self.folder = Path(folder)
        self.keep = keep

    # --- paths ------------------------------------------------------------------------------

    def path(self, name: str) -> Path:
        """The file of map ``name`` (checked: it is always inside the store folder)."""
        return self.folder / f"{check_name(name)}.json"

    def _revdir(self, name: str) -> Path:
        return self.folder / ".revisions" / name

    def _trashdir(self, name: str) -> Path:
        return self.folder / ".trash" / name

    @contextmanager
    def _locked(self, *names: str) -> Iterator[None]:
        """Hold the exclusive lock of each map in ``names`` (see ``atomic.locked``)."""
        with locked(self.folder / ".revisions" / ".locks", names, timeout=_LOCK_TIMEOUT):
            yield

    # --- reading ----------------------------------------------------------------------------

    def list(self) -> list[Entry]:
        """Every map in the folder, by name; unreadable files are listed with the reason."""
        if not self.folder.is_dir():
            return []
        entries = []
        for path in sorted(self.folder.glob("*.json"), key=lambda p: p.stem):
            if path.name.startswith(".") or not path.is_file():
                continue
            if any("\ud800" <= c <= "\udfff" for c in path.stem):  # a file name that is not UTF-8
                shown = os.fsencode(path.stem).decode("utf-8", "replace")
                why = f"its file name is not UTF-8: rename {os.fsencode(path.name)!r} in {self.folder}/"
                entries.append(Entry(shown, f"(unreadable: {why})", 0, None, 0, error=why))
                continue
            entries.append(self._entry(path.stem, path))
        return entries

    def _entry(self, name: str, path: Path) -> Entry:
        from argmap.formats import native

        try:
            raw = path.read_bytes()
            amap = native.loads(raw.decode("utf-8-sig"), path=str(path))
        except (ArgmapError, OSError, UnicodeDecodeError) as err:
            reason = str(err).splitlines()[0][:160]
            size = path.stat().st_size if path.exists() else 0
            return Entry(name, f"(unreadable: {reason})", 0, None, size, error=str(err))
        return Entry(name, amap.title, amap.revision, amap.updated, len(raw), saved_by=amap.saved_by)

    def describe(self) -> str:
        """Where the maps live, in words."""
        return f"JSON files in {self.folder}/"

    def exists(self, name: str) -> bool:
        """Whether a map called ``name`` is stored."""
        return self.path(name).is_file()

    def _taken(self, name: str) -> bool:
        """Whether ``name`` is used (by a map, or by revisions a crash left without one)."""
        return self.path(name).exists() or self._revdir(name).exists()

    def documents(self) -> Documents:
        """Files under ``<folder>/.classroom/``."""
        from argmap.storage.documents import FileDocuments

        return FileDocuments(self.folder / ".classroom")

    def listen(self) -> None:
        """Nothing to start: ``latest_revision`` reads one small file, cheap enough to poll."""

    def latest_revision(self, name: str) -> int:
        """The stored revision of ``name`` (0 if none): cheap enough to poll."""
        return self._peek_revision(self.path(name))

    def load(self, name: str) -> ArgumentMap:
        """The current revision of map ``name``."""
        from argmap.formats import native

        path = self.path(name)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise MapNotFound(f"no map called '{check_name(name)}' in {self.folder}/", str(path)) from None
        return native.loads(text, path=str(path))

    def revisions(self, name: str) -> builtins.list[Entry]:
        """The revisions of ``name`` that can be loaded, newest first (the current one included)."""
        name = check_name(name)
        out: builtins.list[Entry] = []
        current = self.path(name)
        if current.is_file():
            out.append(self._entry(name, current))
        elif not self._revdir(name).is_dir():
            raise MapNotFound(f"no map called '{name}' in {self.folder}/", str(current))
        seen = {e.revision for e in out}
        for rev, path in sorted(self._past(name), reverse=True):
            if rev not in seen:
                out.append(self._entry(name, path))
        return out

    def _past(self, name: str) -> builtins.list[tuple[int, Path]]:
        revdir = self._revdir(name)
        if not revdir.is_dir():
            return []
        return [(int(p.stem), p) for p in revdir.glob("*.json") if p.stem.isdigit()]

    def load_revision(self, name: str, revision: int) -> ArgumentMap:
        """Revision ``revision`` of map ``name`` (a past one, or the current one)."""
        from argmap.formats import native

        name = check_name(name)
        past = self._revdir(name) / f"{int(revision)}.json"
        if past.is_file():
            return native.loads(past.read_text(encoding="utf-8-sig"), path=str(past))
        if self.path(name).is_file():
            amap = self.load(name)
            if amap.revision == revision:
                return amap
        raise MapNotFound(f"'{name}' has no revision {revision} (see its revisions)", str(past))

    # --- writing ----------------------------------------------------------------------------

    def save(
        self,
        amap: ArgumentMap,
        name: str | None = None,
        *,
        expected_revision: int | None,
        author: str | None = None,
    ) -> ArgumentMap:
        """Save ``amap`` as ``name`` (default: the slug of its title); returns the saved map.

        ``expected_revision`` is the revision the caller loaded; if the store holds another,
        ``Conflict`` is raised and nothing is written (``save_merging`` merges instead). ``None`` (or
        0) means "a new map": it is a conflict if the name is taken. The saved map has the next
        revision, ``updated`` and ``saved_by`` (``author``) set; the revision it replaces is kept
        under ``.revisions/``.
        """
        from argmap.formats import native

        name = check_name(name if name is not None else slug(amap.title))
        path = self.path(name)
        self.folder.mkdir(parents=True, exist_ok=True)
        with self._locked(name):
            try:
                raw: bytes | None = path.read_bytes()
            except FileNotFoundError:
                raw = None
            if raw is None:
                self._refuse_lookalike(name, path)
            if raw is not None and not expected_revision:
                raise Conflict(
                    name,
                    0,
                    self._peek_revision(path),
                    str(path),
                    f"a map called '{name}' already exists; load it first, or save under another name",
                )
            found = _stored_revision(path, raw) if raw is not None else 0
            if raw is None and expected_revision:
                raise Conflict(
                    name,
                    expected_revision,
                    0,
                    str(path),
                    f"'{name}' was deleted or renamed since you loaded revision {expected_revision}; "
                    f"save it under a name (save as) to keep your work",
                )
            if expected_revision and found != expected_revision:
                raise Conflict(name, expected_revision, found, str(path))

            saved = stamped(amap, found + 1, author)
            self._clear_temp(name)
            if raw is None and self._revdir(name).exists():
                self._bin_orphan_revisions(name)
            if raw is not None and self.keep > 0:
                revdir = self._revdir(name)
                revdir.mkdir(parents=True, exist_ok=True)
                write_atomic(revdir / f"{found}.json", raw)
            write_atomic(path, native.dumps(saved).encode("utf-8"))
            self._prune(name)
        return saved

    def _refuse_lookalike(self, name: str, path: Path, besides: str | None = None) -> None:
        """``Conflict`` if another map's name differs from ``name`` only in case or Unicode spelling
        (on a case-insensitive disk they would be one file; to a reader they are one name)."""
        key = name_key(name)
        for other in self.folder.glob("*.json"):
            if (
                other.stem not in (name, besides)
                and not other.name.startswith(".")
                and name_key(other.stem) == key
            ):
                raise Conflict(
                    name,
                    0,
                    self._peek_revision(other),
                    str(path),
                    f"a map called '{other.stem}' already exists, and '{name}' differs from it only in "
                    "case or accents; choose another name",
                )

    def rename(self, old: str, new: str) -> None:
        """Rename map ``old`` to ``new``, revisions included; ``Conflict`` if ``new`` is taken."""
        old, new = check_name(old), check_name(new)
        if old == new:
            return
        with self._locked(old, new):
            src, dst = self.path(old), self.path(new)
            if not src.is_file():
                raise MapNotFound(f"no map called '{old}' in {self.folder}/", str(src))
            if dst.exists() or self._revdir(new).exists():
                found = self._peek_revision(dst)
                raise Conflict(
                    new, 0, found, str(dst), f"a map called '{new}' already exists; choose another name"
                )
            self._refuse_lookalike(new, dst, besides=old)
            if self._revdir(old).is_dir():
                os.replace(self._revdir(old), self._revdir(new))
            os.replace(src, dst)
            fsync_dir(self.folder)

    def delete(self, name: str) -> None:
        """Move map ``name`` (and its revisions) to ``.trash/``; ``undelete`` brings it back."""
        name = check_name(name)
        with self._locked(name):
            src = self.path(name)
            if not src.is_file():
                raise MapNotFound(f"no map called '{name}' in {self.folder}/", str(src))
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            bin_ = self._trashdir(name) / stamp
            bin_.mkdir(parents=True, exist_ok=False)
            if self._revdir(name).is_dir():
                os.replace(self._revdir(name), bin_ / "revisions")
            os.replace(src, bin_ / "map.json")
            fsync_dir(self.folder)

    def trash(self) -> builtins.list[Entry]:
        """Deleted maps that ``undelete`` can restore (the latest deletion of each name)."""
        root = self.folder / ".trash"
        if not root.is_dir():
            return []
        out = []
        for d in sorted(root.iterdir()):
            latest = self._latest_trashed(d.name)
            if latest is not None:
                out.append(self._entry(d.name, latest / "map.json"))
        return out

    def _latest_trashed(self, name: str) -> Path | None:
        d = self._trashdir(name)
        bins = sorted(b for b in d.iterdir() if (b / "map.json").is_file()) if d.is_dir() else []
        return bins[-1] if bins else None

    def undelete(self, name: str) -> ArgumentMap:
        """Bring back the most recently deleted map called ``name``; ``Conflict`` if the name is taken."""
        name = check_name(name)
        with self._locked(name):
            bin_ = self._latest_trashed(name)
            if bin_ is None:
                raise MapNotFound(f"no deleted map called '{name}' in {self.folder}/.trash/")
            dst = self.path(name)
            if dst.exists() or self._revdir(name).exists():
                raise Conflict(
                    name,
                    0,
                    self._peek_revision(dst),
                    str(dst),
                    f"a map called '{name}' exists again; rename it before undeleting",
                )
            if (bin_ / "revisions").is_dir():
                os.replace(bin_ / "revisions", self._revdir(name))
            os.replace(bin_ / "map.json", dst)
            shutil.rmtree(bin_, ignore_errors=True)
            with suppress(OSError):  # the name's trash folder, if now empty
                self._trashdir(name).rmdir()
            fsync_dir(self.folder)
        return self.load(name)

    def put_history(self, name: str, history: builtins.list[ArgumentMap]) -> None:
        """Store ``history`` (oldest first, the last current) as map ``name``, keeping its revision numbers.

        For ``argmap store copy``: nothing is renumbered; ``Conflict`` if the name is taken.
        """
        from argmap.formats import native

        name = check_name(name)
        if not history:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        with self._locked(name):
            if self._taken(name):
                raise Conflict(name, 0, self._peek_revision(self.path(name)), str(self.path(name)),
                               f"a map called '{name}' already exists in {self.folder}/")  # fmt: skip
            if history[:-1]:
                revdir = self._revdir(name)
                revdir.mkdir(parents=True, exist_ok=True)
                for past in history[:-1]:
                    write_atomic(revdir / f"{past.revision}.json", native.dumps(past).encode("utf-8"))
            write_atomic(self.path(name), native.dumps(history[-1]).encode("utf-8"))

    # --- who has a map open -------------------------------------------------------------------

    def mark_present(self, name: str, session: str, who: str | None) -> None:
        """Record that ``who`` (in browser session ``session``) has map ``name`` open, now.

        Call it every few seconds while the map is open (a heartbeat); ``present`` forgets a session
        that stopped beating.
        """
        check_session(session)
        folder = self.folder / ".presence" / check_name(name)
        folder.mkdir(parents=True, exist_ok=True)
        record = {"who": who, "seen": _now().isoformat()}
        write_atomic(folder / f"{session}.json", json.dumps(record).encode("utf-8"))

    def leave(self, name: str, session: str) -> None:
        """Forget that ``session`` has map ``name`` open (it opened another map, or closed)."""
        if backend.SESSION.match(session):
            (self.folder / ".presence" / check_name(name) / f"{session}.json").unlink(missing_ok=True)

    def present(self, name: str, *, within: float = PRESENCE_SECONDS) -> builtins.list[Presence]:
        """Who has map ``name`` open: sessions seen in the last ``within`` seconds, most recent first."""
        folder = self.folder / ".presence" / check_name(name)
        if not folder.is_dir():
            return []
        now = _now()
        out = []
        for path in folder.glob("*.json"):
            try:
                data = json.loads(path.read_bytes())
                seen = datetime.fromisoformat(data["seen"])
            except (OSError, ValueError, KeyError, TypeError):
                continue  # half-written or foreign: nobody we can name
            age = (now - seen).total_seconds()
            if age <= within:
                who = data.get("who") if isinstance(data.get("who"), str) else None
                out.append(Presence(path.stem, who, seen))
            elif age > 10 * max(within, PRESENCE_SECONDS):
                path.unlink(missing_ok=True)  # long gone: keep the folder small
        return sorted(out, key=lambda p: (p.seen, p.session), reverse=True)

    # --- housekeeping -----------------------------------------------------------------------

    def _peek_revision(self, path: Path) -> int:
        try:
            return _stored_revision(path, path.read_bytes())
        except (OSError, StoreError):
            return 0

    def _clear_temp(self, name: str) -> None:
        """Remove temporary files a killed save of ``name`` left behind (we hold its lock)."""
        for tmp in self.folder.glob(f".{glob.escape(name)}.json.*.tmp"):
            tmp.unlink(missing_ok=True)
        revdir = self._revdir(name)
        if revdir.is_dir():
            for tmp in revdir.glob(".*.tmp"):
                tmp.unlink(missing_ok=True)

    def _bin_orphan_revisions(self, name: str) -> None:
        """Move revisions left without a map (a crash mid-rename) to the trash: a new map starts clean."""
        bin_ = self._trashdir(name) / datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ-orphan")
        bin_.mkdir(parents=True)
        os.replace(self._revdir(name), bin_ / "revisions")

    def _prune(self, name: str) -> None:
        """Keep only the newest ``keep`` past revisions."""
        past = sorted(self._past(name))
        for _, path in past[: max(0, len(past) - self.keep)]:
            path.unlink(missing_ok=True)
