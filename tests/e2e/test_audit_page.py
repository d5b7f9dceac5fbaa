"""The Check page's audit in a real browser, at a desktop, a laptop and a phone width: the top points
are on screen without scrolling, a point shows its words marked in the text, the report downloads."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import settle, shot

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("width", [1400, 1024, 390])
def test_audit_opens_on_the_top_points_and_shows_a_points_words(
    browser, server: str, width: int, tmp_path: Path
):
    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(f"{server}/check")  # by address: at 390 px the top navigation folds into a menu
        # The app's tree: boxes on a wide screen, one node at a time as cards on a phone.
        page.locator(".am-view svg g.node:visible, .am-cards .am-card:visible").first.wait_for(timeout=30_000)
        heading = page.get_by_role("heading", name="What to raise first")
        heading.wait_for()
        first = page.locator('[data-testid="stMarkdownContainer"] p').filter(has_text="—").first
        first.wait_for()
        box = first.bounding_box()
        assert box is not None and box["y"] < 900, box  # the first point is on screen as the page opens
        shot(page, f"check-audit-{width}")
        page.get_by_role("button", name="Show the words").first.click()
        settle(page)
        mark = page.locator(".argmap-source mark").first
        mark.wait_for()
        mark.scroll_into_view_if_needed()
        shot(page, f"check-audit-words-{width}")
        with page.expect_download() as got:
            page.get_by_role("button", name="Download the report").click()
        report = Path(got.value.path()).read_text(encoding="utf-8")
        assert "## What to raise first" in report and "## Questions for the writer" in report
    finally:
        context.close()
