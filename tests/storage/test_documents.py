"""Documents beside the maps (the classroom's files), on both backends: the same calls, the same answers."""

from __future__ import annotations

import threading

import pytest

from argmap.errors import StoreError
from argmap.storage.documents import Documents, FileDocuments, PostgresDocuments, check_path, documents_at


@pytest.fixture
def docs(location: str) -> Documents:
    return documents_at(location)


def test_the_location_picks_the_backend(location: str) -> None:
    kind = PostgresDocuments if location.startswith("postgresql://") else FileDocuments
    assert isinstance(documents_at(location), kind)


def test_put_get_create_list(docs: Documents) -> None:
    assert docs.get("a/K7QF2M/assignment.json") is None
    docs.put("a/K7QF2M/assignment.json", b'{"v": 1}')
    docs.put("a/K7QF2M/assignment.json", b'{"v": 2}')
    assert docs.get("a/K7QF2M/assignment.json") == b'{"v": 2}'
    assert docs.create("a/K7QF2M/seats/s001.json", b"one")
    assert not docs.create("a/K7QF2M/seats/s001.json", b"two")  # a claim never overwrites
    assert docs.get("a/K7QF2M/seats/s001.json") == b"one"
    docs.put("a/K7QF2M/seats/s002.json", b"")
    docs.put("a/K7QF2M/seats/s001/1.json", b"rev")
    assert docs.list("a/K7QF2M/seats") == ["a/K7QF2M/seats/s001.json", "a/K7QF2M/seats/s002.json"]
    assert docs.list("a/K7QF2M") == ["a/K7QF2M/assignment.json"]
    assert docs.list("a/NOSUCH") == []


@pytest.mark.parametrize("bad", ["", "../etc/passwd", "/abs", "a//b", "a/..", "a/b c", "a/.hidden", "a/x."])
def test_unsafe_paths_are_refused(docs: Documents, bad: str) -> None:
    with pytest.raises(StoreError, match="not a document path"):
        check_path(bad)
    with pytest.raises(StoreError):
        docs.put(bad, b"x")


def test_a_lock_makes_read_change_write_one_step(docs: Documents) -> None:
    docs.put("c/counter", b"0")
    errors: list[BaseException] = []

    def bump() -> None:
        try:
            for _ in range(10):
                with docs.lock("c"):
                    n = int(docs.get("c/counter") or b"0")
                    docs.put("c/counter", str(n + 1).encode())
        except BaseException as err:  # noqa: BLE001 - asserted below
            errors.append(err)

    threads = [threading.Thread(target=bump) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert docs.get("c/counter") == b"80"  # no increment lost


def test_what_a_failed_locked_step_wrote_is_kept_or_dropped_as_the_backend_promises(docs: Documents) -> None:
    # On PostgreSQL a lock is a transaction: an error inside it undoes its writes. Files have no
    # transaction: each write is atomic by itself. Either way nothing half-written is ever read.
    docs.put("t/x", b"before")
    with pytest.raises(RuntimeError), docs.lock("t"):
        docs.put("t/x", b"during")
        raise RuntimeError("boom")
    assert docs.get("t/x") == (b"before" if isinstance(docs, PostgresDocuments) else b"during")
