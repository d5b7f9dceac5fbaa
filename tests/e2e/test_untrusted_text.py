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
