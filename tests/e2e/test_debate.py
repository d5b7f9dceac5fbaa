"""Two people on one map in two browsers: additions both land, each sees the other's, a clash is shown
and settled, a comment and its reply travel, the revision list names both, the sidebar says who is here."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.storage.store import Store
from tests.e2e.conftest import settle, shot, wait_for_map
from tests.e2e.test_browser import add_counterargument, choose, go

pytestmark = pytest.mark.e2e

MAP = "debate-e2e"
SEEN_WITHIN = 30_000  # ms: the watcher polls every 3 s; a rerun and a redraw follow (slow on a busy machine)


def wait_for_node(page, text: str, store_dir: Path) -> None:
    """Wait until the node whose words start with ``text`` (as stored) is drawn on ``page``'s map."""
    nid = next(s.id for s in Store(store_dir).load(MAP).statements if s.text.startswith(text))
    page.wait_for_function(
        "id => [...document.querySelectorAll('.am-view svg g.node > title')].some(t => t.textContent === id)",
        arg=nid,
        timeout=SEEN_WITHIN,
    )


def person(browser, server: str, name: str, width: int = 1400):
    context = browser.new_context(viewport={"width": width, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(server)
    wait_for_map(page)
    page.get_by_role("textbox", name="Your name").fill(name)
    page.keyboard.press("Enter")
    settle(page)
    return context, page


def open_map(page, name: str) -> None:
    go(page, "Library")
    choose(page, "Map", name)
    page.locator(".st-key-library_open button").click()
    settle(page)
    wait_for_map(page)


def save(page) -> None:
    go(page, "Library")
    page.locator(".st-key-library_save button").click()
    settle(page)


def edit_text(page, node_label: str, text: str) -> None:
    choose(page, "Select a node", node_label)
    page.get_by_role("tab", name="Text").click()
    settle(page)
    page.get_by_role("textbox", name="Statement").fill(text)
    page.get_by_role("button", name="Save changes").click()
    settle(page)


def test_two_debaters_on_one_map(browser, server: str, store_dir: Path) -> None:
    ann_ctx, ann = person(browser, server, "ann")
    go(ann, "Library")
    ann.get_by_role("textbox", name="Save as (a new map)").fill(MAP)
    ann.get_by_role("button", name="Save as").click()
    settle(ann)
    bob_ctx, bob = person(browser, server, "bob")
    try:
        open_map(bob, MAP)
        go(ann, "Map")
        # Each sees the other in the sidebar within a few seconds.
        bob.get_by_text("Also here: ann").wait_for(timeout=SEEN_WITHIN)
        ann.get_by_text("Also here: bob").wait_for(timeout=SEEN_WITHIN)

        # Both object to the same node, then save: both objections land.
        add_counterargument(
            ann, "intermediate conclusion · s3", "Ann: voters already expect their data sold."
        )
        add_counterargument(bob, "intermediate conclusion · s3", "Bob: nobody reads privacy notices anyway.")
        save(ann)
        # Bob, still on the Map page with his objection unsaved, is told and gets Ann's merged in.
        bob.get_by_text("ann added 1 statement and 1 attack — merged into your unsaved map").first.wait_for(
            timeout=SEEN_WITHIN
        )
        wait_for_node(bob, "Ann: voters already expect", store_dir)
        settle(bob)
        shot(bob, "debate-merged")
        save(bob)
        stored = Store(store_dir).load(MAP)
        texts = {s.text for s in stored.statements}
        assert {
            "Ann: voters already expect their data sold.",
            "Bob: nobody reads privacy notices anyway.",
        } <= texts
        # Ann, who did nothing since, sees Bob's objection within a few seconds.
        go(ann, "Map")
        wait_for_node(ann, "Bob: nobody reads privacy notices", store_dir)
        settle(ann)
        settle(bob)

        # Both change the words of the same statement: the second to save sees both versions.
        go(bob, "Map")
        edit_text(ann, "intermediate conclusion · s3", "Selling voter data would anger the donors who give.")
        edit_text(bob, "intermediate conclusion · s3", "Selling voter data would anger small donors most.")
        save(ann)
        save(bob)
        panel = bob.locator(".st-key-collab_conflicts")
        panel.wait_for()
        assert panel.get_by_text("You and ann both changed").is_visible()
        assert panel.locator(".st-key-collab_mine_s3").get_by_text("small").is_visible()
        assert panel.locator(".st-key-collab_theirs_s3").get_by_text("who").first.is_visible()
        # The changed words are marked (Streamlit's coloured backgrounds).
        assert panel.locator('span[class*="stMarkdownColoredBackground"]').count() >= 2
        for width in (1400, 1024, 390):
            bob.set_viewport_size({"width": width, "height": 1000})
            bob.wait_for_timeout(300)
            panel.scroll_into_view_if_needed()
            shot(bob, f"debate-conflict-{width}")
        bob.set_viewport_size({"width": 1400, "height": 1000})
        bob.locator(".st-key-collab_keep_mine_s3 button").click()
        settle(bob)
        assert (
            Store(store_dir).load(MAP).statement("s3").text
            == "Selling voter data would anger small donors most."
        )
        go(ann, "Map")
        ann.get_by_text("anger small donors most").first.wait_for(timeout=SEEN_WITHIN)

        # A comment and a reply reach the other person.
        go(bob, "Map")
        choose(bob, "Select a node", "intermediate conclusion · s3")
        choose(ann, "Select a node", "intermediate conclusion · s3")
        ann.get_by_role("textbox", name="Comment on this node").fill("Which donors? Source please.")
        ann.get_by_role("button", name="Comment", exact=True).click()
        settle(ann)
        bob.get_by_text("Which donors? Source please.").first.wait_for(timeout=SEEN_WITHIN)
        settle(bob)
        thread = bob.locator('[class*="st-key-thread_"]').first
        thread.get_by_role("textbox").fill("The 2024 small-donor survey.")
        thread.get_by_role("button", name="Reply").click()
        settle(bob)
        ann.get_by_text("The 2024 small-donor survey.").first.wait_for(timeout=SEEN_WITHIN)
        for width in (1400, 1024, 390):
            ann.set_viewport_size({"width": width, "height": 1000})
            ann.wait_for_timeout(300)
            ann.get_by_text("The 2024 small-donor survey.").first.scroll_into_view_if_needed()
            shot(ann, f"debate-thread-{width}")
        ann.set_viewport_size({"width": 1400, "height": 1000})

        # The revision list names both.
        go(ann, "Library")
        ann.get_by_role("tab", name="Revisions").click()
        settle(ann)
        ann.locator('[data-testid="stSelectbox"]').filter(has_text="Revision").first.wait_for()
        saved_by = {e.saved_by for e in Store(store_dir).revisions(MAP)}
        assert {"ann", "bob"} <= saved_by
        box = ann.locator('[data-testid="stSelectbox"]').filter(has_text="Revision").first
        box.locator("input").click()
        options = ann.get_by_role("option").all_text_contents()
        assert any(" by ann" in o for o in options) and any(" by bob" in o for o in options), options
        ann.keyboard.press("Escape")
        shot(ann, "debate-revisions")
    finally:
        ann_ctx.close()
        bob_ctx.close()
