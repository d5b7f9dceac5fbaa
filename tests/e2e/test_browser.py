"""The app in a real browser: the seed map drawn, a counterargument added through the form,
the Argdown export downloaded and read back, a map saved, reloaded and opened from the library."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from argmap.formats import FORMATS, native
from tests.e2e.conftest import ROOT, banner, edge_titles, node_ids, settle, shot, wait_for_map

pytestmark = pytest.mark.e2e

EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"
EXAMPLE_NODES = {f"s{n}" for n in range(1, 13)} | {"e1", "e2", "e3", "e4"}


def test_load_shows_the_seed_map(page, server: str) -> None:
    page.goto(server)
    ids = wait_for_map(page)
    assert set(ids) >= EXAMPLE_NODES
    assert page.get_by_text("Talk about killing the goose").first.is_visible()
    settle(page)
    shot(page, "map")


def choose(page, label: str, option_text: str) -> None:
    """Pick an option in a Streamlit selectbox by typing part of its text."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first
    box.locator("input").click()
    page.keyboard.type(option_text)
    page.get_by_role("option").filter(has_text=option_text).first.click()
    settle(page)


def test_add_a_counterargument_through_the_form(page, server: str) -> None:
    page.goto(server)
    before = set(wait_for_map(page))
    choose(page, "Select a node", "intermediate conclusion · s3")
    page.get_by_role("tab", name="Counterargument").click()
    settle(page)  # a tracked tab reruns the page: let it finish before typing
    page.get_by_role("textbox", name="Counterargument").fill(
        "Voter files have been sold for decades without any backlash."
    )
    page.get_by_role("button", name="Add counterargument").click()
    settle(page)
    page.wait_for_function(
        "n => document.querySelectorAll('.am-view svg g.node').length > n",
        arg=len(before),
    )
    new = set(node_ids(page)) - before
    assert len(new) == 1
    (nid,) = new
    edge = next(t for t in edge_titles(page) if t.startswith(f"{nid}->"))
    assert edge == f"{nid}->s3"
    drawn = page.locator(".am-view svg g.edge").filter(has_text=f"{nid}->s3")
    assert drawn.locator("path").first.get_attribute("stroke-dasharray")  # an attack: dashed
    assert banner(page, f"Added {nid} (“").filter(has_text="as an objection to s3 (“").is_visible()
    # The user stays on the form they used (the tab bar used to fall back to "Text").
    assert page.get_by_role("tab", name="Counterargument").get_attribute("aria-selected") == "true"
    shot(page, "counterargument")


def test_after_editing_a_text_the_next_form_acts_on_the_same_node(page, server: str) -> None:
    # The browser sends a selectbox's choice back as its label; an edit changes the label. The
    # selection must survive that, or the next form silently acts on another node.
    page.goto(server)
    before = set(wait_for_map(page))
    choose(page, "Select a node", "objection · s12")
    form = page.locator('[data-testid="stForm"]').filter(has_text="Statement").first
    form.locator("textarea").fill("Most voters never learn who buys their data, so few of them will care.")
    page.get_by_role("button", name="Save changes").click()
    settle(page)
    banner(page, "Edited the text of s12 (“").wait_for()
    page.get_by_role("tab", name="Counterargument").click()
    settle(page)  # a tracked tab reruns the page: let it finish before typing
    page.get_by_role("textbox", name="Counterargument").fill("Data sales make the news; voters hear of them.")
    page.get_by_role("button", name="Add counterargument").click()
    settle(page)
    page.wait_for_function(
        "n => document.querySelectorAll('.am-view svg g.node').length > n",
        arg=len(before),
    )
    (nid,) = set(node_ids(page)) - before
    assert f"{nid}->s12" in edge_titles(page)
    assert banner(page, f"Added {nid} (“").filter(has_text="as an objection to s12 (“").is_visible()


def add_counterargument(page, target_label: str, text: str) -> None:
    choose(page, "Select a node", target_label)
    page.get_by_role("tab", name="Counterargument").click()
    settle(page)  # a tracked tab reruns the page: let it finish before typing
    page.get_by_role("textbox", name="Counterargument").fill(text)
    page.get_by_role("button", name="Add counterargument").click()
    settle(page)


def go(page, name: str) -> None:
    """Follow a link of the top navigation."""
    page.locator('[data-testid="stTopNavLink"]').filter(has_text=name).first.click()
    settle(page)


def test_download_the_argdown_export(page, server: str, tmp_path: Path) -> None:
    page.goto(server)
    wait_for_map(page)
    go(page, "Export & share")
    page.get_by_role("button", name="Download .argdown").wait_for()
    settle(page)
    page.get_by_text("Share a link").wait_for()
    shot(page, "share")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download .argdown").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.suffix == ".argdown"
    text = path.read_text(encoding="utf-8")
    example = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    back = FORMATS["argdown"].loads(text)
    assert {s.text for s in back.statements} == {s.text for s in example.statements}
    assert len(back.attacks) == len(example.attacks)
    argdown = ROOT / "node_modules" / ".bin" / "argdown"
    if argdown.exists():  # the Argdown tool itself reads our file (make test installs it)
        out = subprocess.run(
            [str(argdown), "json", str(path), str(tmp_path / "out")],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert out.returncode == 0, out.stdout + out.stderr
        data = json.loads(next((tmp_path / "out").glob("*.json")).read_text(encoding="utf-8"))
        assert len(data["statements"]) >= len(example.statements)


def test_save_reload_and_open_from_the_library(page, server: str, store_dir: Path) -> None:
    page.goto(server)
    wait_for_map(page)
    add_counterargument(page, "objection · s12", "Data brokers make every sale public within weeks.")
    saved_ids = set(node_ids(page))
    go(page, "Library")
    page.get_by_role("textbox", name="Save as (a new map)").fill("e2e-saved")
    page.get_by_role("button", name="Save as").click()
    settle(page)
    assert (store_dir / "e2e-saved.json").is_file()
    shot(page, "library")

    page.reload()  # a new session on the Library page: the example map is the open one again
    settle(page)
    page.locator(".st-key-library_open button").wait_for()
    assert page.get_by_text("Democrats selling voter data to retailers? —").first.is_visible()
    choose(page, "Map", "e2e-saved")
    page.locator(".st-key-library_open button").click()
    settle(page)
    wait_for_map(page)
    page.wait_for_function(
        "n => document.querySelectorAll('.am-view svg g.node').length == n",
        arg=len(saved_ids),
    )
    assert set(node_ids(page)) == saved_ids
    assert page.get_by_text("Data brokers make every sale public").first.is_visible()


def test_every_page_opens_without_error(page, server: str) -> None:
    page.goto(server)
    wait_for_map(page)
    for name in ("Analyze", "Table", "Check", "Classroom", "Library", "Export & share", "Map"):
        if not page.locator('[data-testid="stTopNavLink"]').filter(has_text=name).count():
            continue  # a page not in this build
        go(page, name)
        page.locator("h1").first.wait_for()
        assert not page.locator('[data-testid="stException"]').count(), name
        if name == "Table":
            page.locator('[data-testid="data-grid-canvas"]').first.wait_for()
            settle(page)
        if name in ("Analyze", "Table"):
            shot(page, name.lower())
    page.set_viewport_size({"width": 1440, "height": 2000})
    choose(page, "Select a node", "objection · s9")
    page.get_by_text("Why it is here").wait_for()
    shot(page, "map-details")


def test_share_link_opens_read_only_in_another_browser(page, browser, server: str) -> None:
    page.goto(server)
    wait_for_map(page)
    add_counterargument(page, "intermediate conclusion · s4", "Turnout models were not new in 2012.")
    shared = set(node_ids(page))
    go(page, "Export & share")
    link = page.locator('[data-testid="stCode"] code').first.text_content().strip()
    assert link.startswith(server) and "?map=" in link

    other = browser.new_context(viewport={"width": 1440, "height": 1000})
    try:
        visitor = other.new_page()
        visitor.goto(link)
        visitor.get_by_text("Read-only:").wait_for()
        assert set(wait_for_map(visitor)) == shared
        assert not visitor.get_by_role("button", name="Add counterargument").count()
        shot(visitor, "shared-read-only")
        visitor.get_by_role("button", name="Make an editable copy").click()
        settle(visitor)
        visitor.get_by_role("tab", name="Counterargument").wait_for()
        assert not visitor.get_by_text("Read-only:").count()
    finally:
        other.close()


def test_edit_a_table_cell(page, server: str) -> None:
    page.goto(server)
    wait_for_map(page)
    go(page, "Table")
    grid = page.locator('[data-testid="data-grid-canvas"]').first
    grid.wait_for()
    settle(page)
    box = grid.bounding_box()
    # Row s8 (the 8th; 35 px rows under the header): click its id cell, step right past "role" to
    # "text", and open the cell editor with Enter.
    page.mouse.click(box["x"] + 70, box["y"] + 35 + 35 * 7 + 17)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    editor = page.locator("textarea.gdg-input")
    editor.wait_for()
    assert editor.input_value() == "If it brings in cash, why quibble?"
    editor.fill("If it pays this well, why quibble?")
    editor.press("Enter")
    settle(page)
    banner(page, "Changed s8.").wait_for()
    go(page, "Map")
    wait_for_map(page)
    label = page.locator(".am-view svg g.node").filter(has_text="s8").first
    assert "pays this well" in label.text_content()
