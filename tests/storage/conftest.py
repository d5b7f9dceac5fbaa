"""The store's tests run on both backends: files (the default) and a real PostgreSQL server.

``location`` (tests/conftest.py) is a fresh folder or a database with empty tables; these build stores on it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.storage.location import open_store
from argmap.storage.store import Store


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
