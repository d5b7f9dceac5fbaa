"""Every page runs without an exception, on the example map and with no map at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.conftest import ROOT, VIEWS, dot, shown

PAGES = sorted(p.stem for p in (ROOT / VIEWS).glob("*.py"))


def test_first_start_shows_the_example_map(app) -> None:
    at = app()
    assert shown(at.title[0].value).endswith("Democrats selling voter data to retailers?")
    source = dot(at)
    for sid in ("s1", "s2", "s3", "s9", "s12", "e1"):
        assert sid in source
    html = " ".join(h.proto.body for h in at.get("html"))
    assert 'data-id="s4"' in html  # the source text with its spans marked


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs(app, page: str) -> None:
    at = app(page)
    assert not at.exception
    assert at.title, f"{page} has no heading"
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_copes_with_no_map(app, page: str, tmp_path: Path, monkeypatch) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("ARGMAP_STORE", str(empty))
    at = app(page, root=tmp_path)  # no example in the store, no seeds/: nothing opens at start
    assert "argmap_history" not in at.session_state
    assert not at.error, [e.value for e in at.error]


def test_without_the_example_the_seed_piece_is_drafted(app, tmp_path: Path, monkeypatch) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("ARGMAP_STORE", str(empty))
    at = app()  # the repository's seeds/ is still there
    amap = at.session_state["argmap_history"].present
    assert amap.source.text == (ROOT / "seeds" / "democrats-voter-data.txt").read_text(encoding="utf-8")
    assert at.session_state["argmap_name"] is None
    assert dot(at)


def test_unsaved_changes_point_to_where_to_save(app) -> None:
    at = app("map")
    assert not [p for p in at.get("page_link") if "Save" in p.proto.label]
    at.text_area(key="attack_text").input("An objection, so the map changes.")
    at.button(key="attack_submit").click().run()
    links = [p.proto for p in at.get("page_link") if "Save" in p.proto.label]
    assert links and links[0].page.endswith("library")
