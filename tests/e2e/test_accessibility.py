"""WCAG 2.2 AA checks by axe-core (npm) on the Map page (tree and phone cards) and the HTML export:
no serious or critical violation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from argmap.formats import html, native
from tests.e2e.conftest import MAP, ROOT, settle, wait_for_map

pytestmark = pytest.mark.e2e

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
HEIGHTS = "sel => [...document.querySelectorAll(sel)].map(e => e.getBoundingClientRect().height)"
_RUN = """async tags => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  const where = v => v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; ');
  return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => v.id + ': ' + v.help + ' (' + where(v) + ')');
}"""


def serious(page) -> list[str]:
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing at {AXE}: `make test` installs it (npm install)")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(_RUN, TAGS)


def test_the_map_page_has_no_serious_violation(page, server: str) -> None:
    page.goto(server)
    wait_for_map(page)
    settle(page)
    assert serious(page) == []
    # Every box of the tree is a named button (role by words, not colour alone); the drawing is named.
    named = page.evaluate(
        f"() => [...document.querySelectorAll('{MAP} g.node[data-id]')]"
        ".every(g => g.getAttribute('role') === 'button'"
        " && /^(main conclusion|intermediate conclusion|premise|objection|rebuttal|unconnected|evidence)/"
        ".test(g.getAttribute('aria-label')))"
    )
    assert named
    assert page.locator(MAP).get_attribute("aria-label").startswith("Argument map of")
    # Targets are at least 24 px.
    sizes = page.evaluate(
        "() => [...document.querySelectorAll('.am-bar button')].map(b => b.getBoundingClientRect().height)"
    )
    assert sizes and min(sizes) >= 24


def test_the_phone_cards_have_no_serious_violation(browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(server)
        page.locator(".am-cards .am-card").wait_for()
        settle(page)
        assert serious(page) == []
        sizes = page.evaluate(HEIGHTS, ".am-cards button")
        assert sizes and min(sizes) >= 24
        # A tap on a reason goes one level down: its card, with the way back up.
        page.locator(".am-cards .am-child").first.click()
        settle(page)
        page.locator(".am-crumbs").wait_for()
        assert page.locator(".am-card .am-role").first.text_content() != "main conclusion"
    finally:
        context.close()


def test_the_html_export_has_no_serious_violation_and_opens_legible(browser, tmp_path: Path) -> None:
    if shutil.which("dot") is None:
        pytest.fail("Graphviz 'dot' is missing: run `make test` (it installs graphviz)")
    path = tmp_path / "map.html"
    path.write_text(html.dumps(native.loads(EXAMPLE.read_text(encoding="utf-8"))), encoding="utf-8")
    # The page's CSP lets only its own script run: the checker gets in through the browser, not the page.
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        page.wait_for_selector("#map .figure.tree svg g.node")
        heights = page.evaluate(HEIGHTS, "#map .figure.tree svg text")
        assert min(heights) >= 12
        page.get_by_role("button", name="Zoom in").click()
        bigger = min(page.evaluate(HEIGHTS, "#map .figure.tree svg text"))
        assert bigger > min(heights)
        assert serious(page) == []
    finally:
        context.close()


def test_the_html_export_script_runs_under_its_own_csp(browser, tmp_path: Path) -> None:
    # Without bypassing the page's policy: the hashed script runs (its buttons appear), nothing is fetched.
    path = tmp_path / "map.html"
    path.write_text(html.dumps(native.loads(EXAMPLE.read_text(encoding="utf-8"))), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1024, "height": 900})
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(path.as_uri())
        page.get_by_role("button", name="Whole map").wait_for()
        page.get_by_role("button", name="Whole map").click()
        assert errors == []
    finally:
        context.close()
