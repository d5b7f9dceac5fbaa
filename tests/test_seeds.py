"""The seed pieces written for Argmap: a title line, a short piece, and the shape each one is for."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
OWN = {
    "school-uniforms-essay.txt": ("because", "First,", "Second,", "Finally,", "In conclusion,"),
    "letter-bike-lanes.txt": ("To the editor:", "Some will say", "But ", "I urge"),
    "four-day-week.txt": ("leads to", "which means", "That leads to", "drives"),
}


@pytest.mark.parametrize(("name", "cues"), OWN.items())
def test_seed_has_a_title_a_short_body_and_its_cues(name: str, cues: tuple[str, ...]) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    title, blank, *body = text.splitlines()
    assert title.strip() and len(title) <= 80 and not title.endswith(".") and blank == ""
    words = len(" ".join(body).split())
    assert 200 <= words <= 400, words
    for cue in cues:
        assert cue in text, cue


def test_the_uniforms_essay_has_five_paragraphs() -> None:
    text = (SEEDS / "school-uniforms-essay.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n")[1:] if p.strip()]
    assert len(paragraphs) == 5
