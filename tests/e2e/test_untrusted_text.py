"""Hostile words in a real browser: a share link and an assignment whose title, texts and
instructions carry links, images, HTML and maths show those words as text, and add no element."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.formats import native
from argmap.storage import share
from tests.app.test_untrusted_text import HOSTILE, LINE, hostile_map
from tests.e2e.conftest import ROOT, settle, shot, wait_for_map

pytestmark = pytest.mark.e2e

EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"


def injected(page) -> list[str]:
    """Elements the hostile words would have made: links to the evil host, images, maths, bold."""
    return page.evaluate(
        """() => [
            ...[...document.querySelectorAll('a[href*="evil.example"], a[href^="mailto:"]')]
                .map(a => 'link ' + a.href),
            ...[...document.querySelectorAll('img[src="x"], img[src*="evil.example"]')]
                .map(i => 'img ' + i.src),
            ...[...document.querySelectorAll('.katex')].map(k => 'math ' + k.textContent),
            ...[...document.querySelectorAll('b')].filter(b => b.textContent === 'bold').map(() => 'bold'),
        ]"""
    )


def test_a_hostile_share_link_shows_its_words_as_text(page, server: str) -> None:
    token = share.encode(hostile_map())
    page.goto(share.link(server, token))
    wait_for_map(page)
    settle(page)
    page.get_by_text("Click [here](https").first.wait_for()
    shot(page, "hostile-share-link")
    assert injected(page) == []


def test_a_hostile_assignment_shows_as_text_to_a_student(page, server: str, store_dir: Path) -> None:
    from argmap.classroom.assignment import AssignmentStore

    reference = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    made, _ = AssignmentStore(store_dir).create(reference, title=LINE, instructions=HOSTILE, source=HOSTILE)
    page.goto(f"{server}/classroom?join={made.code}")
    page.get_by_text("<img src=x onerror=alert(1)>").first.wait_for()
    shot(page, "hostile-assignment")
    assert injected(page) == []


def _crafted_links() -> dict[str, str]:
    """Share tokens made to break the app's first page: JSON nested 5,000 deep, integers of 50,000
    digits, a lone surrogate, thousands of broken elements, a token longer than any link, not base64."""
    import base64
    import json
    import zlib

    def pack(text: str) -> str:
        return base64.urlsafe_b64encode(zlib.compress(text.encode(), 9)).decode().rstrip("=")

    body = json.loads(native.dumps(hostile_map()))
    broken = {"id": "m", "title": "t", "attacks": [{"id": f"a{n}"} for n in range(3_000)]}
    return {
        "deep": pack('{"a":' * 5_000 + "1" + "}" * 5_000),
        "bigint": pack(json.dumps(body).replace("{", '{"n": ' + "9" * 50_000 + ", ", 1)),
        "surrogate": pack(json.dumps(body).replace('"text": "', '"text": "\\ud800', 1)),
        "broken": pack(json.dumps(broken)),
        "long": "A" * (share.MAX_TOKEN_CHARS + 10),
        "garbage": "%%%not-a-token%%%",
    }


@pytest.mark.parametrize("width", [1400, 1024, 390])
def test_hostile_and_crafted_links_at_every_width(browser, server: str, store_dir: Path, width: int) -> None:
    from argmap.classroom.assignment import AssignmentStore

    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(share.link(server, share.encode(hostile_map())))
        page.get_by_text("Click [here](https").first.wait_for()
        settle(page)
        shot(page, f"hostile-share-link-{width}")
        assert injected(page) == []
        for name, token in _crafted_links().items():
            page.goto(f"{server}/?{share.PARAM}={token}")
            page.locator('[data-testid="stAlert"]').filter(has_text="could not be opened").first.wait_for()
            settle(page)
            if name in ("deep", "broken"):
                shot(page, f"crafted-share-link-{name}-{width}")
            text = page.inner_text("body")
            assert "Traceback" not in text and page.locator('[data-testid="stException"]').count() == 0, name
            alert = page.locator('[data-testid="stAlert"]').filter(has_text="could not be opened").first
            assert len(alert.inner_text()) < 600, (
                name,
                alert.inner_text(),
            )  # a sentence, not 9 MB of problems
            assert injected(page) == []
        reference = native.loads(EXAMPLE.read_text(encoding="utf-8"))
        made, _ = AssignmentStore(store_dir).create(
            reference, title=LINE, instructions=HOSTILE, source=HOSTILE
        )
        page.goto(f"{server}/classroom?join={made.code}")
        page.get_by_text("<img src=x onerror=alert(1)>").first.wait_for()
        settle(page)
        shot(page, f"hostile-assignment-{width}")
        assert injected(page) == []
    finally:
        context.close()
