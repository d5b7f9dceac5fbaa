"""Fixtures shared across the suite: the store backends every store-backed test runs on.

``location`` is a fresh folder (the file store) or a real PostgreSQL database with empty tables; the server is
started once per test session in a temporary folder (``tests/support/postgres_server.py``, Debian's
``postgresql`` package, installed by ``make test``) and stopped at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from postgres_server import empty_tables, postgres_server


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL server for this test session."""
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["files", "postgresql"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where the store under test lives: a fresh folder, or a database with empty tables."""
    if request.param == "files":
        return str(tmp_path / "arguments")
    url: str = request.getfixturevalue("postgres_url")
    empty_tables(url)
    return url
