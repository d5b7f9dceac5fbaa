"""The PostgreSQL store: the same maps, revisions, trash and conflicts as the file store, for several servers.

``ARGMAP_STORE=postgresql://user@host:port/db`` (or ``--store`` on the CLI) selects it; see
``argmap.storage.location.open_store``. Everything the file store does works the same (same methods, same
errors, same messages where they make sense): a save names the revision it was loaded at and is a
*conditional update* on the revision column (``UPDATE … WHERE name = %s AND revision = %s``), inside a
transaction holding the map's row lock, so two servers can never overwrite each other's save; the
replaced revision is kept in ``argmap_revisions`` (the newest ``keep``); a deleted map moves to the trash
tables with its revisions. The schema is created and migrated by the store itself on first use
(``argmap.storage.migrations``: ``NNNN_*.sql`` files applied in order under an advisory lock, each
recorded in ``argmap_schema``, so starting ten servers at once migrates once).

Every change is announced with ``NOTIFY argmap_changes`` (delivered at commit): ``watch()`` starts one
listener per process that keeps the latest revision of every map, so an open map learns that someone on
another server saved it without polling the table.
"""

from __future__ import annotations

import builtins
import json
import os
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from importlib import resources
from typing import TYPE_CHECKING, Any

from argmap.errors import Conflict, MapNotFound, StoreError
from argmap.model import ArgumentMap
from argmap.storage.backend import PRESENCE_SECONDS, Entry, MapStore, Presence, check_session, stamped
from argmap.storage.names import check_name, name_key

if TYPE_CHECKING:
    from psycopg import Connection, Cursor
    from psycopg_pool import ConnectionPool

    from argmap.storage.documents import Documents

CHANNEL = "argmap_changes"
# An Entry's columns: who saved a revision is read from its body (the native JSON records it).
_ENTRY = "name, title, revision, updated, octet_length(body), NULL, saved_by"
_MIGRATION_LOCK = 0x41524D50  # "ARMP": one advisory lock key for schema migrations
_MIGRATION = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

_pools: dict[str, ConnectionPool] = {}
_pools_lock = threading.Lock()


def _safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(postgres(?:ql)?://[^:/@]+):[^@]*@", r"\1:***@", url)


def migrations() -> list[tuple[int, str, str]]:
    """The packaged migrations as (version, name, SQL), in order."""
    out = []
    for item in resources.files("argmap.storage.migrations").iterdir():
        m = _MIGRATION.match(item.name)
        if m:
            out.append((int(m.group(1)), m.group(2), item.read_text(encoding="utf-8")))
    return sorted(out)


def migrate(conn: Connection[Any]) -> list[int]:
    """Apply the migrations ``conn``'s database lacks; returns the versions applied (safe to run twice)."""
    applied = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        conn.execute(
            "CREATE TABLE IF NOT EXISTS argmap_schema "
            "(version integer PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())"
        )
        done = {row[0] for row in conn.execute("SELECT version FROM argmap_schema")}
        for version, name, sql in migrations():
            if version in done:
                continue
            conn.execute(sql.encode("utf-8"))
            conn.execute("INSERT INTO argmap_schema (version, name) VALUES (%s, %s)", (version, name))
            applied.append(version)
    return applied


def _pool(url: str) -> ConnectionPool:
    """One connection pool per database URL and process, opened (and the schema migrated) on first use."""
    with _pools_lock:
        pool = _pools.get(url)
        if pool is None:
            import psycopg
            from psycopg_pool import ConnectionPool

            try:
                with psycopg.connect(url, connect_timeout=10) as conn:
                    migrate(conn)
                pool = ConnectionPool(url, min_size=1, max_size=10, open=True, timeout=30)
            except psycopg.Error as err:
                raise StoreError(
                    f"cannot use the PostgreSQL store at {_safe_url(url)}: {err}".strip()
                ) from None
            _pools[url] = pool
        return pool


class PostgresStore(MapStore):
    """Maps kept in a PostgreSQL database, with ``keep`` past revisions each and a recoverable trash."""

    def __init__(self, url: str, keep: int = 20) -> None:
        if keep < 0:
            raise ValueError("keep must be 0 or more")
        self.url = url
        self.keep = keep
        self.where = f"the PostgreSQL store at {_safe_url(url)}"

    def describe(self) -> str:
        """Where the maps live, in words."""
        return self.where

    @contextmanager
    def _tx(self) -> Iterator[Cursor[Any]]:
        """A cursor inside one transaction; database errors become ``StoreError``."""
        import psycopg

        try:
            with _pool(self.url).connection() as conn, conn.transaction(), conn.cursor() as cur:
                yield cur
        except psycopg.Error as err:
            raise StoreError(f"{self.where}: {err}".strip()) from None

    def _notify(self, cur: Cursor[Any], event: str, name: str, revision: int) -> None:
        payload = json.dumps({"event": event, "name": name, "revision": revision})
        cur.execute("SELECT pg_notify(%s, %s)", (CHANNEL, payload))

    # --- reading ----------------------------------------------------------------------------

    def list(self) -> list[Entry]:
        """Every map, by name."""
        with self._tx() as cur:
            rows = cur.execute(f"SELECT {_ENTRY} FROM argmap_maps ORDER BY name").fetchall()
        return [Entry(*row) for row in rows]

    def exists(self, name: str) -> bool:
        """Whether a map called ``name`` is stored."""
        with self._tx() as cur:
            return (
                cur.execute("SELECT 1 FROM argmap_maps WHERE name = %s", (check_name(name),)).fetchone()
                is not None
            )

    def _taken(self, name: str) -> bool:
        return self.exists(name)

    def load(self, name: str) -> ArgumentMap:
        """The current revision of map ``name``."""
        name = check_name(name)
        with self._tx() as cur:
            row = cur.execute("SELECT body FROM argmap_maps WHERE name = %s", (name,)).fetchone()
        if row is None:
            raise MapNotFound(f"no map called '{name}' in {self.where}")
        return self._parse(row[0], name)

    def _parse(self, body: str, name: str, revision: int | None = None) -> ArgumentMap:
        from argmap.formats import native

        where = f"{self.where}, map '{name}'" + (f" revision {revision}" if revision else "")
        return native.loads(body, path=where)

    def latest_revision(self, name: str) -> int:
        """The stored revision of ``name`` (0 if none); from the change listener when one runs."""
        name = check_name(name)
        watcher = _watchers.get(self.url)
        if watcher is not None and watcher.ready:
            return watcher.revisions.get(name, 0)
        with self._tx() as cur:
            row = cur.execute("SELECT revision FROM argmap_maps WHERE name = %s", (name,)).fetchone()
        return row[0] if row else 0

    def revisions(self, name: str) -> builtins.list[Entry]:
        """The revisions of ``name`` that can be loaded, newest first (the current one included)."""
        name = check_name(name)
        with self._tx() as cur:
            rows = cur.execute(
                f"SELECT {_ENTRY} FROM argmap_maps WHERE name = %s "
                f"UNION ALL SELECT {_ENTRY} FROM argmap_revisions "
                "WHERE name = %s ORDER BY revision DESC",
                (name, name),
            ).fetchall()
        if not rows:
            raise MapNotFound(f"no map called '{name}' in {self.where}")
        seen: set[int] = set()
        out = []
        for row in rows:
            if row[2] not in seen:
                seen.add(row[2])
                out.append(Entry(*row))
        return out

    def load_revision(self, name: str, revision: int) -> ArgumentMap:
        """Revision ``revision`` of map ``name`` (a past one, or the current one)."""
        name = check_name(name)
        with self._tx() as cur:
            row = cur.execute(
                "SELECT body FROM argmap_revisions WHERE name = %s AND revision = %s "
                "UNION ALL SELECT body FROM argmap_maps WHERE name = %s AND revision = %s LIMIT 1",
                (name, int(revision), name, int(revision)),
            ).fetchone()
        if row is None:
            raise MapNotFound(f"'{name}' has no revision {revision} (see its revisions)")
        return self._parse(row[0], name, revision)

    # --- writing ----------------------------------------------------------------------------

    def save(
        self,
        amap: ArgumentMap,
        name: str | None = None,
        *,
        expected_revision: int | None,
        author: str | None = None,
    ) -> ArgumentMap:
        """Save ``amap`` as ``name``: the contract of ``Store.save`` (``Conflict`` on a stale revision)."""
        from argmap.formats import native
        from argmap.storage.names import slug

        name = check_name(name if name is not None else slug(amap.title))
        with self._tx() as cur:
            row = cur.execute(
                "SELECT revision FROM argmap_maps WHERE name = %s FOR UPDATE", (name,)
            ).fetchone()
            found = row[0] if row else 0
            if row is not None and not expected_revision:
                raise Conflict(
                    name, 0, found, None,
                    f"a map called '{name}' already exists; load it first, or save under another name",
                )  # fmt: skip
            if row is None and expected_revision:
                raise Conflict(
                    name, expected_revision, 0, None,
                    f"'{name}' was deleted or renamed since you loaded revision {expected_revision}; "
                    f"save it under a name (save as) to keep your work",
                )  # fmt: skip
            if expected_revision and found != expected_revision:
                raise Conflict(name, expected_revision, found)
            saved = stamped(amap, found + 1, author)
            values = (saved.revision, saved.title, saved.updated, native.dumps(saved))
            if row is None:
                self._refuse_lookalike(cur, name)
                cur.execute(
                    "INSERT INTO argmap_maps (revision, title, updated, body, name) "
                    "VALUES (%s, %s, %s, %s, %s) "
                    "ON CONFLICT (name) DO NOTHING",
                    (*values, name),
                )
                if cur.rowcount != 1:  # created by someone else since our look
                    raise Conflict(
                        name, 0, 1, None, f"a map called '{name}' was just created by someone else"
                    )
            else:
                if self.keep > 0:
                    cur.execute(
                        "INSERT INTO argmap_revisions (name, revision, title, updated, body) "
                        "SELECT name, revision, title, updated, body FROM argmap_maps WHERE name = %s",
                        (name,),
                    )
                cur.execute(
                    "UPDATE argmap_maps SET revision = %s, title = %s, updated = %s, body = %s "
                    "WHERE name = %s AND revision = %s",
                    (*values, name, found),
                )
                if cur.rowcount != 1:
                    raise Conflict(name, expected_revision or 0, found)
                cur.execute(
                    "DELETE FROM argmap_revisions WHERE name = %s AND revision <= %s",
                    (name, found - self.keep),
                )
            self._notify(cur, "save", name, saved.revision)
        return saved

    def _refuse_lookalike(self, cur: Cursor[Any], name: str, besides: str | None = None) -> None:
        """``Conflict`` if another map's name differs from ``name`` only in case or Unicode spelling, as
        the file store refuses; an advisory lock on the folded name keeps two such creations apart."""
        key = name_key(name)
        cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (key,))
        for (other,) in cur.execute("SELECT name FROM argmap_maps WHERE name <> %s", (name,)).fetchall():
            if other != besides and name_key(other) == key:
                raise Conflict(
                    name, 0, 1, None,
                    f"a map called '{other}' already exists, and '{name}' differs from it only in "
                    "case or accents; choose another name",
                )  # fmt: skip

    def rename(self, old: str, new: str) -> None:
        """Rename map ``old`` to ``new``, revisions included; ``Conflict`` if ``new`` is taken."""
        import psycopg

        old, new = check_name(old), check_name(new)
        if old == new:
            return
        try:
            with self._tx() as cur:
                row = cur.execute(
                    "SELECT revision FROM argmap_maps WHERE name = %s FOR UPDATE", (old,)
                ).fetchone()
                if row is None:
                    raise MapNotFound(f"no map called '{old}' in {self.where}")
                taken = cur.execute("SELECT revision FROM argmap_maps WHERE name = %s", (new,)).fetchone()
                if taken is not None:
                    raise Conflict(
                        new, 0, taken[0], None, f"a map called '{new}' already exists; choose another name"
                    )
                self._refuse_lookalike(cur, new, besides=old)
                cur.execute("UPDATE argmap_maps SET name = %s WHERE name = %s", (new, old))
                self._notify(cur, "delete", old, 0)
                self._notify(cur, "save", new, row[0])
        except StoreError as err:
            if isinstance(err.__context__, psycopg.errors.UniqueViolation):
                raise Conflict(
                    new, 0, 1, None, f"a map called '{new}' already exists; choose another name"
                ) from None
            raise

    def delete(self, name: str) -> None:
        """Move map ``name`` (and its revisions) to the trash; ``undelete`` brings it back."""
        name = check_name(name)
        with self._tx() as cur:
            row = cur.execute(
                "INSERT INTO argmap_trash (name, revision, title, updated, body) "
                "SELECT name, revision, title, updated, body FROM argmap_maps WHERE name = %s RETURNING id",
                (name,),
            ).fetchone()
            if row is None:
                raise MapNotFound(f"no map called '{name}' in {self.where}")
            cur.execute(
                "INSERT INTO argmap_trash_revisions (trash_id, revision, title, updated, body) "
                "SELECT %s, revision, title, updated, body FROM argmap_revisions WHERE name = %s",
                (row[0], name),
            )
            cur.execute("DELETE FROM argmap_maps WHERE name = %s", (name,))
            self._notify(cur, "delete", name, 0)

    def trash(self) -> builtins.list[Entry]:
        """Deleted maps that ``undelete`` can restore (the latest deletion of each name)."""
        with self._tx() as cur:
            rows = cur.execute(
                "SELECT DISTINCT ON (name) name, title, revision, updated, octet_length(body) "
                "FROM argmap_trash ORDER BY name, id DESC"
            ).fetchall()
        return [Entry(*row) for row in rows]

    def undelete(self, name: str) -> ArgumentMap:
        """Bring back the most recently deleted map called ``name``; ``Conflict`` if the name is taken."""
        name = check_name(name)
        with self._tx() as cur:
            row = cur.execute(
                "SELECT id, revision FROM argmap_trash WHERE name = %s ORDER BY id DESC LIMIT 1 FOR UPDATE",
                (name,),
            ).fetchone()
            if row is None:
                raise MapNotFound(f"no deleted map called '{name}' in {self.where}")
            taken = cur.execute("SELECT revision FROM argmap_maps WHERE name = %s", (name,)).fetchone()
            if taken is not None:
                raise Conflict(
                    name,
                    0,
                    taken[0],
                    None,
                    f"a map called '{name}' exists again; rename it before undeleting",
                )
            cur.execute(
                "INSERT INTO argmap_maps (name, revision, title, updated, body) "
                "SELECT name, revision, title, updated, body FROM argmap_trash WHERE id = %s",
                (row[0],),
            )
            cur.execute(
                "INSERT INTO argmap_revisions (name, revision, title, updated, body) "
                "SELECT %s, revision, title, updated, body FROM argmap_trash_revisions WHERE trash_id = %s",
                (name, row[0]),
            )
            cur.execute("DELETE FROM argmap_trash WHERE id = %s", (row[0],))
            self._notify(cur, "save", name, row[1])
        return self.load(name)

    def put_history(self, name: str, history: builtins.list[ArgumentMap]) -> None:
        """Store ``history`` (oldest first, the last current) as map ``name``, keeping its revision numbers.

        For ``argmap store copy``: nothing is renumbered; ``Conflict`` if the name is taken.
        """
        from argmap.formats import native

        name = check_name(name)
        if not history:
            return
        current = history[-1]
        with self._tx() as cur:
            cur.execute(
                "INSERT INTO argmap_maps (name, revision, title, updated, body) VALUES (%s, %s, %s, %s, %s) "
                "ON CONFLICT (name) DO NOTHING",
                (name, current.revision, current.title, current.updated, native.dumps(current)),
            )
            if cur.rowcount != 1:
                raise Conflict(name, 0, 1, None, f"a map called '{name}' already exists in {self.where}")
            cur.executemany(
                "INSERT INTO argmap_revisions (name, revision, title, updated, body) "
                "VALUES (%s, %s, %s, %s, %s)",
                [(name, m.revision, m.title, m.updated, native.dumps(m)) for m in history[:-1]],
            )
            self._notify(cur, "save", name, current.revision)

    # --- live updates -----------------------------------------------------------------------

    # --- who has a map open -----------------------------------------------------------------

    def mark_present(self, name: str, session: str, who: str | None) -> None:
        """Record that ``who`` (in browser session ``session``) has map ``name`` open, now."""
        check_session(session)
        with self._tx() as cur:
            cur.execute(
                "INSERT INTO argmap_presence (name, session, who, seen) VALUES (%s, %s, %s, now()) "
                "ON CONFLICT (name, session) DO UPDATE SET who = EXCLUDED.who, seen = now()",
                (check_name(name), session, who),
            )

    def leave(self, name: str, session: str) -> None:
        """Forget that ``session`` has map ``name`` open."""
        with self._tx() as cur:
            cur.execute(
                "DELETE FROM argmap_presence WHERE name = %s AND session = %s", (check_name(name), session)
            )

    def present(self, name: str, *, within: float = PRESENCE_SECONDS) -> builtins.list[Presence]:
        """Who has map ``name`` open: sessions seen in the last ``within`` seconds, most recent first."""
        with self._tx() as cur:
            cur.execute(
                "DELETE FROM argmap_presence WHERE seen < now() - make_interval(secs => %s)",
                (10 * max(within, PRESENCE_SECONDS),),
            )
            rows = cur.execute(
                "SELECT session, who, seen FROM argmap_presence WHERE name = %s "
                "AND seen >= now() - make_interval(secs => %s) ORDER BY seen DESC, session DESC",
                (check_name(name), within),
            ).fetchall()
        return [Presence(*row) for row in rows]

    def documents(self) -> Documents:
        """The ``argmap_documents`` table of this database."""
        from argmap.storage.documents import PostgresDocuments

        return PostgresDocuments(self.url)

    def listen(self) -> None:
        """Start this process's listener (once): ``latest_revision`` then answers from it, not the table."""
        self.watch()

    def watch(self, callback: Callable[[dict[str, Any]], None] | None = None) -> Watcher:
        """Start (once per process and database) the listener of map changes; ``callback`` hears each one."""
        _pool(self.url)  # the schema exists before the listener reads it
        with _pools_lock:
            watcher = _watchers.get(self.url)
            if watcher is None:
                watcher = _watchers[self.url] = Watcher(self.url)
        if callback is not None:
            watcher.callbacks.append(callback)
        return watcher


class Watcher:
    """A daemon thread LISTENing on ``argmap_changes``: the latest revision of every map, kept current."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.revisions: dict[str, int] = {}
        self.callbacks: list[Callable[[dict[str, Any]], None]] = []
        self.ready = False
        self.changed = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="argmap-pg-listen", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                with psycopg.connect(self.url, autocommit=True, connect_timeout=10) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    rows = conn.execute("SELECT name, revision FROM argmap_maps").fetchall()
                    self.revisions = {name: rev for name, rev in rows}
                    self.ready = True
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=1.0):
                            self._hear(json.loads(note.payload))
            except psycopg.Error:
                self.ready = False  # the database went away: fall back to queries, reconnect in a moment
                self._stop.wait(1.0)

    def _hear(self, change: dict[str, Any]) -> None:
        if change.get("event") == "delete":
            self.revisions.pop(change["name"], None)
        else:
            self.revisions[change["name"]] = int(change["revision"])
        self.changed.set()
        for callback in list(self.callbacks):
            callback(change)

    def wait_ready(self, timeout: float = 10.0) -> bool:
        """Wait until the listener has connected and read the current revisions."""
        deadline = datetime.now().timestamp() + timeout
        while not self.ready and datetime.now().timestamp() < deadline:
            self._stop.wait(0.02)
        return self.ready

    def stop(self) -> None:
        """Stop listening (tests)."""
        self._stop.set()
        self._thread.join(timeout=5)
        _watchers.pop(self.url, None)


_watchers: dict[str, Watcher] = {}


def _forget_after_fork() -> None:
    # A forked child must not use its parent's connections (or their threads, which did not survive).
    _pools.clear()
    _watchers.clear()


os.register_at_fork(after_in_child=_forget_after_fork)
