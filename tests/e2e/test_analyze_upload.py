"""A teacher's Word document, uploaded on the Analyze page in a real browser, becomes a map; a scanned PDF
is refused in a sentence; an article fetched by its address becomes a map. Walked at 1400, 1024, 390 px."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import NODES, banner, node_ids, settle, shot, wait_for_map
from tests.pieces import samples

pytestmark = pytest.mark.e2e

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def mapped(page, width: int) -> list[str]:
    """The new map's node ids; on a phone the tree sits behind the cards (drawn, not in view)."""
    if width >= 800:
        return wait_for_map(page)
    page.wait_for_selector(NODES, state="attached", timeout=30_000)
    return node_ids(page)


def open_source(page, server: str, width: int, source: str = "Upload a file") -> None:
    page.set_viewport_size({"width": width, "height": 1000})
    page.goto(server)
    if width < 800:  # a phone shows the map as cards, and the top navigation folds into the sidebar
        settle(page)
        page.goto(f"{server}/analyze")
    else:
        wait_for_map(page)
        page.locator('[data-testid="stTopNavLink"]').filter(has_text="Analyze").first.click()
    settle(page)
    page.get_by_text(source).first.click()
    settle(page)


@pytest.mark.parametrize("width", [1400, 1024, 390])
def test_upload_a_word_document_and_map_it(page, server: str, width: int) -> None:
    before = set(node_ids(page)) if page.url.startswith(server) else set()
    open_source(page, server, width)
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        {"name": "sunday-opening.docx", "mimeType": DOCX, "buffer": samples.docx_bytes()}
    )
    page.get_by_text("characters read from sunday-opening.docx (Word document)").wait_for()
    settle(page)
    shot(page, f"analyze-upload-docx-{width}")
    page.get_by_role("button", name="Map it").click()
    page.get_by_text(f"Mapped “{samples.TITLE}”").first.wait_for()
    ids = mapped(page, width)
    settle(page)
    assert len(ids) >= 4 and set(ids) != before
    words = page.get_by_text("only free day for many working families")
    assert words.first.is_visible() if width >= 800 else words.count()  # a phone shows one card at a time
    assert not page.locator('[data-testid="stException"]').count()
    shot(page, f"analyze-docx-mapped-{width}")


def test_a_scanned_pdf_is_refused_in_a_sentence(page, server: str) -> None:
    open_source(page, server, 1400)
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        {"name": "scan.pdf", "mimeType": "application/pdf", "buffer": samples.pdf_bytes(text=False)}
    )
    message = banner(page, "scan.pdf: the PDF has no text to read")
    message.wait_for()
    settle(page)
    assert not page.locator('[data-testid="stException"]').count()
    shot(page, "analyze-scanned-pdf")


@pytest.mark.parametrize("width", [1400, 390])
def test_fetch_an_article_by_its_address_and_map_it(page, server: str, width: int) -> None:
    with samples.serve({"/opinion/sundays": samples.Route(samples.html_bytes())}) as base:
        open_source(page, server, width, "Fetch a web page")
        page.get_by_label("The article's address").fill(f"{base}/opinion/missing")
        page.get_by_role("button", name="Fetch").click()
        banner(page, "the server answered 404").wait_for()
        page.get_by_label("The article's address").fill(f"{base}/opinion/sundays")
        page.get_by_role("button", name="Fetch").click()
        page.get_by_text("characters read from").wait_for()
        settle(page)
        shot(page, f"analyze-fetch-{width}")
    assert not banner(page, "404").count()
    page.get_by_role("button", name="Map it").click()
    page.get_by_text(f"Mapped “{samples.TITLE}”").first.wait_for()
    ids = mapped(page, width)
    assert len(ids) >= 4
    assert not page.get_by_text("Subscribe today").count()  # the page's clutter is not in the piece
    assert not page.locator('[data-testid="stException"]').count()


PASTED = (
    "Schools should start later. Teenagers sleep late, because their body clocks shift. "
    "Admittedly, buses cost more. But the savings in health are larger."
)


@pytest.mark.parametrize("width", [1400, 1024, 390])
def test_a_pasted_piece_names_the_rules_behind_each_node(page, server: str, width: int) -> None:
    open_source(page, server, width, "Paste text")
    page.get_by_placeholder("Paste the article here").fill(PASTED)
    page.get_by_role("button", name="Map it").click()
    page.get_by_text("Mapped").first.wait_for()
    mapped(page, width)
    settle(page)
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Select a node").first
    box.locator("input").click()
    page.keyboard.type("objection")
    page.get_by_role("option").filter(has_text="objection").first.click()
    settle(page)
    why = page.get_by_text("decided by: voice.opponent_cue, link.objection, decide.tree")
    why.first.wait_for()
    why.first.scroll_into_view_if_needed()
    assert page.get_by_text("objection: the opponent's voice ('admittedly')").first.is_visible()
    assert not page.locator('[data-testid="stException"]').count()
    shot(page, f"map-why-rules-{width}")
