"""A teacher's Word document, uploaded on the Analyze page in a real browser, becomes a map; a scanned PDF
is refused in a sentence. Walked at 1400, 1024 and 390 px."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import banner, node_ids, settle, shot, wait_for_map
from tests.pieces import samples

pytestmark = pytest.mark.e2e

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def open_upload(page, server: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 1000})
    page.goto(server)
    wait_for_map(page)
    if width < 800:  # the top navigation folds into the sidebar on a phone
        page.goto(f"{server}/analyze")
    else:
        page.locator('[data-testid="stTopNavLink"]').filter(has_text="Analyze").first.click()
    settle(page)
    page.get_by_text("Upload a file").first.click()
    settle(page)


@pytest.mark.parametrize("width", [1400, 1024, 390])
def test_upload_a_word_document_and_map_it(page, server: str, width: int) -> None:
    before = set(node_ids(page)) if page.url.startswith(server) else set()
    open_upload(page, server, width)
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        {"name": "sunday-opening.docx", "mimeType": DOCX, "buffer": samples.docx_bytes()}
    )
    page.get_by_text("characters read from sunday-opening.docx (Word document)").wait_for()
    settle(page)
    shot(page, f"analyze-upload-docx-{width}")
    page.get_by_role("button", name="Map it").click()
    page.get_by_text(f"Mapped “{samples.TITLE}”").first.wait_for()
    ids = wait_for_map(page)
    settle(page)
    assert len(ids) >= 4 and set(ids) != before
    assert page.get_by_text("only free day for many working families").first.is_visible()
    assert not page.locator('[data-testid="stException"]').count()
    shot(page, f"analyze-docx-mapped-{width}")


def test_a_scanned_pdf_is_refused_in_a_sentence(page, server: str) -> None:
    open_upload(page, server, 1400)
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        {"name": "scan.pdf", "mimeType": "application/pdf", "buffer": samples.pdf_bytes(text=False)}
    )
    message = banner(page, "scan.pdf: the PDF has no text to read")
    message.wait_for()
    settle(page)
    assert not page.locator('[data-testid="stException"]').count()
    shot(page, "analyze-scanned-pdf")
