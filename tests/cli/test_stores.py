"""``argmap store copy``: a whole store from files to PostgreSQL and back, in one command."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from postgres_server import empty_tables

from argmap.cli import main
from argmap.model import ArgumentMap
from argmap.storage.location import open_store
from argmap.storage.store import Store


@pytest.fixture
def db(postgres_url: str) -> str:
    empty_tables(postgres_url)
    return postgres_url


def test_store_copy_moves_every_map_both_ways(tmp_path: Path, db: str) -> None:
    src = Store(tmp_path / "src")
    m = src.save(ArgumentMap(id="m", title="First"), "first", expected_revision=None)
    src.save(m, "first", expected_revision=1)
    src.save(ArgumentMap(id="n", title="Second"), "second", expected_revision=None)
    out = CliRunner().invoke(main, ["store", "copy", str(src.folder), db])
    assert out.exit_code == 0, out.output
    assert out.output.strip() == (
        "copied 2 maps with 3 revisions and 0 classroom documents; every one read back and matched"
    )
    assert [(e.name, e.revision) for e in open_store(db).list()] == [("first", 2), ("second", 1)]
    back = CliRunner().invoke(main, ["store", "copy", db, str(tmp_path / "back")])
    assert back.exit_code == 0 and "copied 2 maps" in back.output
    again = CliRunner().invoke(main, ["store", "copy", str(src.folder), db])
    assert again.exit_code == 1
    assert "already has maps called first, second; nothing was copied" in again.output
    assert "Traceback" not in again.output


def test_a_missing_source_folder_is_an_error_not_an_empty_copy(tmp_path: Path) -> None:
    out = CliRunner().invoke(main, ["store", "copy", str(tmp_path / "typo"), str(tmp_path / "to")])
    assert out.exit_code != 0
    assert f"{tmp_path / 'typo'}: no such folder, so there is nothing to copy" in out.output
    assert not (tmp_path / "to").exists()
