"""``copy_store``: files → PostgreSQL → files, every revision kept and checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from postgres_server import empty_tables

from argmap.errors import StoreError
from argmap.formats import native
from argmap.model import ArgumentMap, Statement
from argmap.storage.copy import copy_store
from argmap.storage.location import open_store
from argmap.storage.store import Store


def _fill(store: Store) -> dict[str, list[str]]:
    """Three maps with 1, 3 and 5 revisions; returns each revision's JSON, oldest first."""
    out: dict[str, list[str]] = {}
    for name, n in (("one", 1), ("three", 3), ("five", 5)):
        m = store.save(ArgumentMap(id=name, title=name.title(), statements=(Statement(id="s1", text="v1"),)),
                       name, expected_revision=None)  # fmt: skip
        out[name] = [native.dumps(m)]
        for k in range(2, n + 1):
            data = m.model_dump()
            data["statements"][0]["text"] = f"v{k}"
            m = store.save(ArgumentMap.model_validate(data), name, expected_revision=m.revision)
            out[name].append(native.dumps(m))
    return out


def _history(store: Store, name: str) -> list[str]:
    return [native.dumps(store.load_revision(name, e.revision)) for e in reversed(store.revisions(name))]


@pytest.fixture
def empty_db(postgres_url: str) -> str:
    empty_tables(postgres_url)
    return postgres_url


def test_files_to_postgresql_and_back_loses_nothing(tmp_path: Path, empty_db: str) -> None:
    files = Store(tmp_path / "a", keep=20)
    written = _fill(files)
    report = copy_store(files, open_store(empty_db))
    assert (report.maps, report.revisions) == (3, 9)
    db = open_store(empty_db)
    assert {n: _history(db, n) for n in written} == written
    back = Store(tmp_path / "b", keep=20)
    assert copy_store(db, back).maps == 3
    assert {n: _history(back, n) for n in written} == written
    assert [(e.name, e.revision, e.title) for e in back.list()] == [
        (e.name, e.revision, e.title) for e in files.list()
    ]


def test_the_classroom_travels_with_the_maps(tmp_path: Path, empty_db: str) -> None:
    from argmap.classroom.assignment import AssignmentStore
    from tests.classroom.variants import piece

    files = tmp_path / "a"
    Store(files).save(ArgumentMap(id="m", title="M"), "m", expected_revision=None)
    classroom = AssignmentStore(str(files))
    made, key = classroom.create(piece("homework")[1], title="Homework")
    seat = classroom.join(made.code, "Ada")
    from argmap.edit.operations import add_statement

    mine = add_statement(
        ArgumentMap(id="ada", title="Ada's map", source=made.reference.source), "Homework helps."
    )[0]
    classroom.submit(made.code, seat.token, mine)
    report = copy_store(Store(files), open_store(empty_db))
    assert report.documents == 3  # the assignment, Ada's seat, her one revision
    there = AssignmentStore(empty_db)
    assert there.teacher(made.code, key).title == "Homework"  # the teacher's key still opens it
    assert [(s.name, s.status) for s in there.submissions(made.code, key)] == [("Ada", "submitted")]
    back = tmp_path / "b"
    assert copy_store(open_store(empty_db), Store(back)).documents == 3
    assert AssignmentStore(str(back)).seat(made.code, seat.token).map == mine


def test_a_copy_never_overwrites(tmp_path: Path) -> None:
    a, b = Store(tmp_path / "a"), Store(tmp_path / "b")
    _fill(a)
    b.save(ArgumentMap(id="x", title="Mine"), "three", expected_revision=None)
    with pytest.raises(StoreError, match="already has maps called three; nothing was copied"):
        copy_store(a, b)
    assert [e.name for e in b.list()] == ["three"] and b.load("three").title == "Mine"
