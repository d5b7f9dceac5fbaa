"""What only the PostgreSQL store has: migrations, the change listener, connection errors."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import psycopg
import pytest

from argmap.errors import StoreError
from argmap.model import ArgumentMap, Statement
from argmap.storage.location import is_database, open_store, store_location
from argmap.storage.postgres import PostgresStore, migrate, migrations
from argmap.storage.store import Store


def test_a_postgresql_url_opens_the_postgresql_store(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert isinstance(open_store(postgres_url), PostgresStore)
    monkeypatch.setenv("ARGMAP_STORE", postgres_url)
    assert store_location() == postgres_url and isinstance(open_store(), PostgresStore)
    assert is_database("postgres://u@h/db") and not is_database("arguments")
    assert "postgresql://postgres@127.0.0.1" in open_store(postgres_url).describe()


def test_a_url_is_never_taken_for_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError, match="names a database, not a folder: open it with argmap.open_store"):
        Store("postgresql://u@h/db")
    assert list(tmp_path.iterdir()) == []  # no folder called 'postgresql:'
    import argmap

    assert argmap.open_store is open_store


def test_migrations_are_numbered_and_safe_to_run_twice(postgres_url: str) -> None:
    found = migrations()
    assert [v for v, _, _ in found] == sorted({v for v, _, _ in found}) and found[0][0] == 1
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS argmap_migrate")
        conn.execute("CREATE DATABASE argmap_migrate")
    fresh = postgres_url.rsplit("/", 1)[0] + "/argmap_migrate"
    with psycopg.connect(fresh) as conn:
        assert migrate(conn) == [v for v, _, _ in found]
        assert migrate(conn) == []  # the second run finds everything applied
        rows = conn.execute("SELECT version FROM argmap_schema ORDER BY version").fetchall()
    assert [r[0] for r in rows] == [v for v, _, _ in found]


def test_ten_servers_starting_at_once_migrate_once(postgres_url: str) -> None:
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS argmap_race")
        conn.execute("CREATE DATABASE argmap_race")
    url = postgres_url.rsplit("/", 1)[0] + "/argmap_race"
    applied: list[list[int]] = []
    errors: list[BaseException] = []

    def start() -> None:
        try:
            with psycopg.connect(url) as conn:
                applied.append(migrate(conn))
        except BaseException as err:  # noqa: BLE001 - asserted below
            errors.append(err)

    threads = [threading.Thread(target=start) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(len(a) for a in applied) == [0] * 9 + [len(migrations())]


def test_the_listener_hears_saves_from_another_server(postgres_url: str) -> None:
    location = postgres_url
    here = open_store(location)
    assert isinstance(here, PostgresStore)
    heard: list[dict] = []
    watcher = here.watch(heard.append)
    try:
        assert watcher.wait_ready()
        there = PostgresStore(location)  # another app server: its own store object and connections
        first = ArgumentMap(id="m", title="T", statements=(Statement(id="s1", text="A."),))
        m = there.save(first, "listened",
                       expected_revision=None)  # fmt: skip
        there.save(m, "listened", expected_revision=1)
        deadline = time.monotonic() + 10
        while here.latest_revision("listened") != 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert here.latest_revision("listened") == 2
        assert [(c["event"], c["name"], c["revision"]) for c in heard][-2:] == [
            ("save", "listened", 1),
            ("save", "listened", 2),
        ]
        there.rename("listened", "heard")
        deadline = time.monotonic() + 10
        while here.latest_revision("heard") != 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert here.latest_revision("listened") == 0 and here.latest_revision("heard") == 2
    finally:
        watcher.stop()


def test_while_listening_the_latest_revision_comes_from_memory(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = open_store(postgres_url)
    assert isinstance(here, PostgresStore)
    here.listen()
    watcher = here.watch()
    try:
        assert watcher.wait_ready()
        there = PostgresStore(postgres_url)
        there.save(ArgumentMap(id="m", title="T"), "remembered", expected_revision=None)
        deadline = time.monotonic() + 10
        while here.latest_revision("remembered") != 1 and time.monotonic() < deadline:
            time.sleep(0.02)

        def no_queries(*args: object, **kwargs: object) -> None:
            raise AssertionError("latest_revision queried the table")

        monkeypatch.setattr(PostgresStore, "_tx", no_queries)
        assert here.latest_revision("remembered") == 1  # heard, not read: no polling of the table
        assert here.latest_revision("never-saved") == 0
    finally:
        watcher.stop()


def test_an_unreachable_database_is_one_clear_error() -> None:
    store = open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    with pytest.raises(
        StoreError, match=r"cannot use the PostgreSQL store at postgresql://nobody:\*\*\*@"
    ) as err:
        store.list()
    assert "secret" not in str(err.value)
