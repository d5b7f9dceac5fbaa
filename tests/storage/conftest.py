"""The store's tests run on both backends: files (the default) and a real PostgreSQL server.

The server is started once per test session in a temporary folder (``tests/support/postgres_server.py``);
each test gets empty tables.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from argmap.storage.location import open_store
from argmap.storage.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from postgres_server import postgres_server  # noqa: E402

TABLES = (
    "argmap_maps, argmap_revisions, argmap_trash, argmap_trash_revisions, argmap_presence, argmap_documents"
)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL server for this test session (installed by `make test`)."""
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["files", "postgresql"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where the store under test lives: a fresh folder, or a database with empty tables."""
    if request.param == "files":
        return str(tmp_path / "arguments")
    import psycopg

    url: str = request.getfixturevalue("postgres_url")
    open_store(url).list()  # creates the schema on first use
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"TRUNCATE {TABLES} CASCADE")
    return url


@pytest.fixture
def make_store(location: str) -> Callable[..., Store]:
    """``make_store(keep=5)``: a store at this test's location."""
    return lambda keep=5: open_store(location, keep=keep)


@pytest.fixture
def store(make_store: Callable[..., Store]) -> Store:
    return make_store(keep=5)


@pytest.fixture
def file_store(tmp_path: Path) -> Store:
    """The file backend only, for what is about files on disk (corrupt files, temp files, locks, modes)."""
    return Store(tmp_path / "arguments", keep=5)
