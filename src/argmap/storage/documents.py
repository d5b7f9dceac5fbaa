"""Small documents by path, beside the maps: what the classroom (assignments, seats, students' work) keeps.

Two backends with one interface, as for maps: ``FileDocuments`` (files under a folder, written atomically,
locked with ``fcntl``) and ``PostgresDocuments`` (one table, ``argmap_documents``; a lock is a transaction
holding an advisory lock, and every read and write inside it runs in that transaction). ``documents_at``
picks one for a store location. Paths are relative, ``/``-separated, made of safe parts
(``assignments/K7QF2M/seats/s001.json``): the callers build them from checked codes and ids.
"""

from __future__ import annotations

import builtins
import re
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import StoreError
from argmap.storage.atomic import locked, write_atomic

if TYPE_CHECKING:
    from psycopg import Connection

_PART = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,79}$")
_LOCK_TIMEOUT = 30.0


def check_path(path: str) -> str:
    """``path`` if every part is a safe name (no ``..``, no absolute paths, no odd characters)."""
    parts = path.split("/")
    if not parts or any(not _PART.match(p) or p.endswith(".") for p in parts):
        raise StoreError(f"not a document path: {path!r}")
    return path


class Documents(ABC):
    """Bytes by path, with ``lock(key)`` to make a read-change-write of several documents one step."""

    @abstractmethod
    def get(self, path: str) -> bytes | None:
        """The document at ``path``, or None."""

    @abstractmethod
    def put(self, path: str, data: bytes) -> None:
        """Write ``data`` at ``path`` (replacing what was there), atomically."""

    @abstractmethod
    def create(self, path: str, data: bytes) -> bool:
        """Write ``data`` at ``path`` only if nothing is there; whether it was written (a claim)."""

    @abstractmethod
    def list(self, prefix: str) -> builtins.list[str]:
        """The paths of the documents directly under folder ``prefix``, sorted."""

    @abstractmethod
    def walk(self) -> builtins.list[str]:
        """Every document's path, sorted (for copying a whole store)."""

    @abstractmethod
    def lock(self, key: str) -> AbstractContextManager[None]:
        """Hold the exclusive lock named ``key`` (across processes and servers) while the block runs."""


class FileDocuments(Documents):
    """Documents as files under ``root``."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def _file(self, path: str) -> Path:
        return self.root / check_path(path)

    def get(self, path: str) -> bytes | None:
        try:
            return self._file(path).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as err:
            raise StoreError(f"{self._file(path)}: cannot read ({err.strerror or err})") from None

    def put(self, path: str, data: bytes) -> None:
        target = self._file(path)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, data)
        except OSError as err:
            raise StoreError(f"{target}: could not save ({err.strerror or err}); nothing was lost") from None

    def create(self, path: str, data: bytes) -> bool:
        target = self._file(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        with locked(self.root / ".locks", ["create"], timeout=_LOCK_TIMEOUT):
            if target.exists():
                return False
            self.put(path, data)
        return True

    def list(self, prefix: str) -> builtins.list[str]:
        folder = self._file(prefix)
        if not folder.is_dir():
            return []
        return sorted(
            f"{prefix}/{p.name}" for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")
        )

    def walk(self) -> builtins.list[str]:
        if not self.root.is_dir():
            return []
        found = (p.relative_to(self.root).as_posix() for p in self.root.rglob("*") if p.is_file())
        return sorted(p for p in found if not any(part.startswith(".") for part in p.split("/")))

    @contextmanager
    def lock(self, key: str) -> Iterator[None]:
        with locked(self.root / ".locks", [check_path(key)], timeout=_LOCK_TIMEOUT):
            yield


class PostgresDocuments(Documents):
    """Documents in the table ``argmap_documents`` of the PostgreSQL store at ``url``."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._held = threading.local()  # the connection of the lock this thread holds, if any

    @contextmanager
    def _conn(self) -> Iterator[Connection[Any]]:
        import psycopg

        from argmap.storage.postgres import _pool, _safe_url

        held = getattr(self._held, "conn", None)
        if held is not None:  # inside lock(): the same transaction
            yield held
            return
        try:
            with _pool(self.url).connection() as conn, conn.transaction():
                yield conn
        except psycopg.Error as err:
            raise StoreError(f"the PostgreSQL store at {_safe_url(self.url)}: {err}".strip()) from None

    def get(self, path: str) -> bytes | None:
        with self._conn() as conn:
            row = conn.execute(
                "SELECT body FROM argmap_documents WHERE path = %s", (check_path(path),)
            ).fetchone()
        return bytes(row[0]) if row else None

    def put(self, path: str, data: bytes) -> None:
        with self._conn() as conn:
            conn.execute(
                "INSERT INTO argmap_documents (path, body) VALUES (%s, %s) "
                "ON CONFLICT (path) DO UPDATE SET body = EXCLUDED.body, updated = now()",
                (check_path(path), data),
            )

    def create(self, path: str, data: bytes) -> bool:
        with self._conn() as conn:
            cur = conn.execute(
                "INSERT INTO argmap_documents (path, body) VALUES (%s, %s) ON CONFLICT (path) DO NOTHING",
                (check_path(path), data),
            )
            return cur.rowcount == 1

    def list(self, prefix: str) -> builtins.list[str]:
        prefix = check_path(prefix) + "/"
        with self._conn() as conn:
            rows = conn.execute(
                "SELECT path FROM argmap_documents WHERE starts_with(path, %s) "
                "AND position('/' in substr(path, %s)) = 0 ORDER BY path",
                (prefix, len(prefix) + 1),
            ).fetchall()
        return [r[0] for r in rows]

    def walk(self) -> builtins.list[str]:
        with self._conn() as conn:
            return [r[0] for r in conn.execute("SELECT path FROM argmap_documents ORDER BY path").fetchall()]

    @contextmanager
    def lock(self, key: str) -> Iterator[None]:
        if getattr(self._held, "conn", None) is not None:
            raise StoreError("document locks do not nest")
        with self._conn() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (check_path(key),))
            self._held.conn = conn
            try:
                yield
            finally:
                self._held.conn = None


def documents_at(location: str) -> Documents:
    """The documents beside the maps at ``location``: files under ``<folder>/.classroom``, or a table."""
    from argmap.storage.location import open_store

    return open_store(location).documents()
