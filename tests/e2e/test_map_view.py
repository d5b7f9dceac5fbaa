"""The Map page's tree at every screen: legible labels, nothing overlapping, click and keyboard
selection, the phone's one-node-at-a-time cards, and view settings that outlive a page change."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.formats import native
from tests.e2e.conftest import MAP, settle, shot, wait_for_map
from tests.e2e.generated import generated

pytestmark = pytest.mark.e2e

DESKTOP = (1400, 1280, 1024)
PHONE = (390, 844)
MIN_PX = 12

# Every visible control of the page body (the tree itself scrolls, so it is left out).
_CONTROLS = """() => {
  const main = document.querySelector('[data-testid="stMain"]') || document.body;
  const sel = 'button, input, textarea, [role="tab"], [data-testid="stSelectbox"] > div, ' +
    '.argmap-legend > span, [data-testid="stExpander"] summary, [data-testid="stPageLink"] a';
  return [...main.querySelectorAll(sel)]
    .filter(e => !e.closest('.am-view') && !e.closest('details:not([open]) > :not(summary)')
                 && !['radio', 'checkbox'].includes(e.type) && e.checkVisibility({opacityProperty: true}))
    .map(e => { const r = e.getBoundingClientRect();
      return {what: (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().slice(0, 40),
              x: r.left, y: r.top, r: r.right, b: r.bottom}; })
    .filter(b => b.r - b.x > 1 && b.b - b.y > 1);
}"""


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of controls that overlap by more than a pixel each way (one inside the other is fine)."""
    out = []
    for n, a in enumerate(boxes):
        for b in boxes[n + 1 :]:
            inside = (a["x"] <= b["x"] and a["r"] >= b["r"] and a["y"] <= b["y"] and a["b"] >= b["b"]) or (
                b["x"] <= a["x"] and b["r"] >= a["r"] and b["y"] <= a["y"] and b["b"] >= a["b"]
            )
            w = min(a["r"], b["r"]) - max(a["x"], b["x"])
            h = min(a["b"], b["b"]) - max(a["y"], b["y"])
            if w > 1 and h > 1 and not inside:
                out.append((a["what"], b["what"]))
    return out


def label_heights(page) -> list[float]:
    """The rendered heights of the tree's text boxes, in CSS pixels."""
    return page.evaluate(
        f"() => [...document.querySelectorAll('{MAP} text')].map(t => t.getBoundingClientRect().height)"
    )


def check_screen(page, name: str) -> dict[str, float]:
    page.wait_for_timeout(400)
    heights = label_heights(page)
    assert heights and min(heights) >= MIN_PX, (name, min(heights or [0]))
    boxes = page.evaluate(_CONTROLS)
    assert overlapping(boxes) == [], name
    width = page.evaluate("() => window.innerWidth")
    off = [b["what"] for b in boxes if b["r"] > width + 1]
    assert off == [], (name, off)
    return {"min_label_px": round(min(heights), 1), "controls": len(boxes)}


@pytest.fixture(scope="module")
def stored(store_dir: Path) -> list[str]:
    """A 30- and a 210-node map in the test store."""
    names = []
    for n, ev in ((30, 0), (200, 10)):
        name = f"e2e-{n + ev}-nodes"
        (store_dir / f"{name}.json").write_text(native.dumps(generated(n, evidence=ev, title=name)))
        names.append(name)
    return names


def open_stored(page, name: str) -> None:
    page.locator('[data-testid="stTopNavLink"]').filter(has_text="Library").first.click()
    settle(page)
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Map").first
    box.locator("input").click()
    page.keyboard.type(name)
    page.get_by_role("option").filter(has_text=name).first.click()
    settle(page)
    page.locator(".st-key-library_open button").click()
    settle(page)
    page.locator('[data-testid="stTopNavLink"]').filter(has_text="Map").first.click()
    settle(page)


@pytest.mark.parametrize("which", ["seed", "30", "210"])
def test_labels_stay_legible_and_nothing_overlaps_at_every_width(page, server: str, stored, which) -> None:
    page.goto(server)
    wait_for_map(page)
    if which != "seed":
        open_stored(page, next(n for n in stored if n.startswith(f"e2e-{which}-")))
        wait_for_map(page)
    figures = {}
    for width in DESKTOP:
        page.set_viewport_size({"width": width, "height": 1000})
        page.wait_for_selector(f"{MAP} g.node", state="visible")
        figures[width] = check_screen(page, f"{which} at {width}")
        shot(page, f"map-{which}-{width}")
    # A phone: one node at a time, as a card; the tree is one tap away and as legible.
    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    page.locator(".am-cards .am-card").wait_for()
    size = page.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('.am-card .am-text')).fontSize)"
    )
    assert size >= 16
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE[0] + 1
    page.locator(".am-cards").scroll_into_view_if_needed()
    shot(page, f"map-{which}-390")
    page.get_by_role("button", name="Show the tree").click()
    page.wait_for_selector(f"{MAP} g.node", state="visible")
    heights = label_heights(page)
    assert min(heights) >= MIN_PX
    print(which, figures, "phone tree", round(min(heights), 1))


def test_a_click_on_a_box_selects_it(page, server: str) -> None:
    page.goto(server)
    wait_for_map(page)
    page.locator(f'{MAP} g.node[data-id="s4"]').click()
    settle(page)
    page.wait_for_selector(f'{MAP} g.node[data-id="s4"][aria-current="true"]')
    assert page.get_by_role("heading", name="s4 · intermediate conclusion").count()
    # Its words light up in the source text.
    assert page.locator('mark[data-id="s4"]').count()


def test_keyboard_moves_between_boxes_and_enter_selects(page, server: str) -> None:
    page.goto(server)
    wait_for_map(page)
    first = page.locator(f'{MAP} g.node[data-id="s1"]')
    first.focus()
    assert page.evaluate("() => document.activeElement.dataset.id") == "s1"
    for key in ("ArrowRight", "ArrowDown", "ArrowUp", "ArrowLeft", "ArrowRight"):
        page.keyboard.press(key)
    moved = page.evaluate("() => document.activeElement.dataset.id")
    assert moved and moved != "s1"
    page.keyboard.press("Enter")
    settle(page)
    page.wait_for_selector(f'{MAP} g.node[data-id="{moved}"][aria-current="true"]')
    # Focus comes back to the chosen box after the page redraws: the next arrow key goes on from it.
    page.wait_for_function(f"() => document.activeElement && document.activeElement.dataset.id === '{moved}'")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('role')") == "button"


def test_view_settings_persist_across_pages(page, server: str) -> None:
    page.goto(server)
    wait_for_map(page)
    page.get_by_text("View options").click()
    page.get_by_role("radio", name="top → bottom").check(force=True)
    settle(page)
    assert "rotate" not in (page.locator(MAP).get_attribute("viewBox") or "")
    for name in ("Check", "Map"):
        page.locator('[data-testid="stTopNavLink"]').filter(has_text=name).first.click()
        settle(page)
    wait_for_map(page)
    page.get_by_text("View options").click()
    assert page.get_by_role("radio", name="top → bottom").is_checked()
    # Top → bottom: the main conclusion above the rest.
    top = page.locator(f'{MAP} g.node[data-id="s1"]').bounding_box()
    other = page.locator(f'{MAP} g.node[data-id="s2"]').bounding_box()
    assert top and other and top["y"] < other["y"]
