"""Which store a location names: a folder (the default, ``arguments/``) or a PostgreSQL database URL."""

from __future__ import annotations

import os

from argmap.storage.backend import MapStore
from argmap.storage.store import Store

DEFAULT = "arguments"
_SCHEMES = ("postgresql://", "postgres://")


def store_location(location: str | os.PathLike[str] | None = None) -> str:
    """``location`` if given, else ``$ARGMAP_STORE``, else ``arguments``."""
    if location is not None and str(location):
        return str(location)
    return os.environ.get("ARGMAP_STORE") or DEFAULT


def is_database(location: str) -> bool:
    """Whether ``location`` is a PostgreSQL URL rather than a folder."""
    return location.startswith(_SCHEMES)


def open_store(location: str | os.PathLike[str] | None = None, keep: int = 20) -> MapStore:
    """The store at ``location`` (see ``store_location``): a ``PostgresStore`` for a PostgreSQL URL."""
    where = store_location(location)
    if is_database(where):
        from argmap.storage.postgres import PostgresStore

        return PostgresStore(where, keep=keep)
    return Store(where, keep=keep)
