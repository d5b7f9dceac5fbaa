"""The Check page in a real browser: a finding lights up its nodes, a rating recolours the tree.
(The Classroom across three browsers: test_classroom.py.)"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import ROOT, banner, settle, shot, wait_for_map
from tests.e2e.test_browser import go

pytestmark = pytest.mark.e2e

EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"


def _fill(page, node_id: str) -> str:
    """The fill colour of a node of the tree."""
    shape = page.locator(".am-view svg g.node").filter(has=page.locator(f'title:text-is("{node_id}")'))
    return shape.first.locator("path, polygon").first.get_attribute("fill") or ""


def _doubled(page) -> set[str]:
    """The ids of the nodes drawn with a double border (the highlighted ones)."""
    return set(
        page.evaluate(
            """() => [...document.querySelectorAll('.am-view svg g.node')]
                .filter(g => g.querySelectorAll('path, polygon').length > 1)
                .map(g => g.querySelector('title').textContent)"""
        )
    )


def test_check_a_finding_lights_up_its_nodes_and_a_rating_recolours(page, server: str) -> None:
    page.goto(server)
    wait_for_map(page)
    go(page, "Check")
    wait_for_map(page)
    assert not _doubled(page)
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Show a finding").first
    box.scroll_into_view_if_needed()  # below the audit: let the scroll settle, or the click's list closes
    settle(page)
    box.locator("input").click()
    option = page.get_by_role("option").filter(has_text="rhetorical question").first
    finding_nodes = option.text_content().split("·")[0].split()[-1]  # "⚠ s8 · rhetorical …" -> s8
    option.click()
    settle(page)
    page.wait_for_function(
        """id => [...document.querySelectorAll('.am-view svg g.node')]
            .some(g => g.querySelector('title').textContent === id
                       && g.querySelectorAll('path, polygon').length > 1)""",
        arg=finding_nodes,
    )
    assert finding_nodes in _doubled(page)
    shot(page, "check")

    before = _fill(page, "s8")
    page.get_by_role("tab", name="Ratings").click()
    settle(page)  # a tracked tab reruns the page: let it finish before typing
    rate = page.locator('[data-testid="stSelectbox"]').filter(has_text="Rate").first
    rate.locator("input").click()
    page.keyboard.type("s8 ·")
    page.get_by_role("option").filter(has_text="s8 ·").first.click()
    settle(page)
    rating = page.locator('[data-testid="stRadio"]').filter(has_text="(not rated)").first
    rating.get_by_text("rejected", exact=True).click()
    page.get_by_role("button", name="Save rating").click()
    settle(page)
    banner(page, "Rated s8: rejected").wait_for()
    page.wait_for_function(
        """([id, old]) => {
            const g = [...document.querySelectorAll('.am-view svg g.node')]
                .find(g => g.querySelector('title').textContent === id);
            return g && g.querySelector('path, polygon').getAttribute('fill') !== old;
        }""",
        arg=["s8", before],
    )
    assert _fill(page, "s8") != before
