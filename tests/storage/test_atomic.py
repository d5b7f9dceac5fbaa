"""Atomic writes and name locks: the file-system pieces under the store."""

from __future__ import annotations

import fcntl
from pathlib import Path

import pytest

from argmap.errors import StoreError
from argmap.storage.atomic import locked, write_atomic


def test_write_atomic_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "m.json"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["m.json"]


def test_a_held_lock_times_out_naming_the_lock_file(tmp_path: Path) -> None:
    with locked(tmp_path, ["m"], timeout=1.0):
        pass  # a free lock is taken at once, and released on leaving
    lock = tmp_path / "m.lock"
    with open(lock, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with (
            pytest.raises(StoreError, match="being saved by another process") as err,
            locked(tmp_path, ["m"], timeout=0.1),
        ):
            pass
    assert err.value.path == str(lock)
