"""Map names: one spelling per name, nothing invisible or reserved, and names that differ only in case or
accents are one map (each test failed before: two maps, or a name no reader could tell apart)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.errors import Conflict, UnsafeName
from argmap.model import ArgumentMap
from argmap.storage.location import open_store
from argmap.storage.names import check_name, name_key
from argmap.storage.store import Store


def small(title: str = "Bikes") -> ArgumentMap:
    return ArgumentMap(id="m", title=title, statements=[{"id": "s1", "text": "Bike lanes save lives."}])


def test_a_name_is_kept_in_one_unicode_spelling() -> None:
    assert check_name("Cafe\u0301") == "Caf\u00e9"  # e + combining accent is é
    assert name_key("BIKES") == name_key("bikes") == name_key("Bikes")


@pytest.mark.parametrize(
    "name",
    [
        "evil\u202egnp.exe",
        "zero\u200bwidth",
        "left\u200emark",
        "isolate\u2066x",
        "a<b",
        'say"so',
        "why?",
        "a|b",
        "st*r",
    ],
)
def test_invisible_and_reserved_characters_are_refused(name: str) -> None:
    with pytest.raises(UnsafeName):
        check_name(name)


def test_names_that_differ_only_in_case_or_accents_are_one_map(location: str) -> None:
    store = open_store(location)
    store.save(small(), "bikes", expected_revision=None)
    for other in ("Bikes", "BIKES"):
        with pytest.raises(Conflict, match="differs from it only in case or accents"):
            store.save(small(), other, expected_revision=None)
    store.save(small(), "cafe\u0301", expected_revision=None)  # saved as NFC "café"
    with pytest.raises(Conflict):
        store.save(small(), "Caf\u00e9", expected_revision=None)
    assert sorted(e.name for e in store.list()) == ["bikes", "caf\u00e9"]


def test_rename_may_change_case_but_not_onto_a_lookalike(location: str) -> None:
    store = open_store(location)
    store.save(small(), "bikes", expected_revision=None)
    store.save(small(), "lanes", expected_revision=None)
    with pytest.raises(Conflict):
        store.rename("lanes", "Bikes")
    store.rename("bikes", "Bikes")
    assert sorted(e.name for e in store.list()) == ["Bikes", "lanes"]


def test_a_file_whose_name_is_not_utf8_is_listed_with_what_to_do(tmp_path: Path) -> None:
    store = Store(tmp_path / "arguments")
    store.save(small(), "good", expected_revision=None)
    bad = os.fsencode(store.folder) + b"/caf\xe9.json"  # Latin-1, not UTF-8
    with open(bad, "wb") as fh:
        fh.write(b"{}")
    entries = {e.name: e for e in store.list()}
    assert "good" in entries
    (shown,) = [e for e in entries.values() if e.name != "good"]
    assert shown.error and "not UTF-8" in shown.error
    shown.name.encode("utf-8")  # a name every page and terminal can show (it raised before)
    with pytest.raises(UnsafeName, match="not UTF-8"):
        check_name(os.fsdecode(b"caf\xe9"))
