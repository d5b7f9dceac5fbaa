"""The HTML export in headless Chromium: the map and the highlighted text show, the links work both
ways, and opening the page makes no request at all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from argmap.formats import html, native
from argmap.render.style import ROLE_STYLE
from tests.e2e.conftest import ROOT, SHOTS

pytestmark = pytest.mark.e2e

EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    if shutil.which("dot") is None:
        pytest.fail("Graphviz 'dot' is missing: run `make test` (it installs graphviz)")
    path = tmp_path / "map.html"
    path.write_text(html.dumps(native.loads(EXAMPLE.read_text(encoding="utf-8"))), encoding="utf-8")
    return path


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def test_html_export_opens_offline_with_map_text_and_links(browser, exported: Path) -> None:
    amap = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    context.route("http*://**/*", lambda route: route.abort())  # anything leaving the file fails
    page = context.new_page()
    try:
        page.goto(exported.as_uri())
        page.wait_for_selector("#map svg g.node")

        titles = {
            t.text_content() for t in page.locator("#map .figure:not(.legend) svg g.node > title").all()
        }
        assert {s.id for s in amap.statements} | {e.id for e in amap.evidence} | {"i1"} <= titles
        assert page.locator("#map .legend svg g.node").count() > 5

        spanned = [e for e in (*amap.statements, *amap.evidence) if e.span]
        for e in spanned:
            assert page.locator(f'#text [id="src-{e.id}"]').count() == 1
            assert page.locator(f'#text a.hl[href="#map-{e.id}"]').count() >= 1
        premise = page.locator("#text a.hl.r-premise").first
        assert premise.evaluate("el => getComputedStyle(el).backgroundColor") == _rgb(
            ROLE_STYLE["premise"][0]
        )

        # text → map: a highlight jumps to its node, which the page outlines
        page.locator('#text a.hl[href="#map-s3"]').first.click()
        assert page.evaluate("location.hash") == "#map-s3"
        assert page.evaluate("document.querySelector(':target').getAttribute('class')") == "node"
        # map → text: a node jumps to its words
        page.locator('#map g.node[id="map-s4"] a').first.click()
        assert page.evaluate("location.hash") == "#src-s4"
        assert page.locator("#src-s4").is_visible()
        # the implicit premise links to its outline line
        page.locator('#map g.node[id="map-s5"] a').first.click()
        assert page.evaluate("location.hash") == "#outline-s5"

        page.goto(exported.as_uri())  # afresh, without a target outlined
        page.wait_for_selector("#map svg g.node")
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "html-export.png"), full_page=True)
    finally:
        context.close()
    assert requests and all(url == exported.as_uri() for url in requests), requests
