"""Hand-built maps for the check tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.formats import native
from argmap.model import ArgumentMap, Attack, Evidence, EvidenceSource, Inference, Statement

EXAMPLE = Path(__file__).resolve().parents[3] / "arguments" / "democrats-voter-data.json"


@pytest.fixture
def example() -> ArgumentMap:
    return native.loads(EXAMPLE.read_text(encoding="utf-8"))


def build(
    texts: dict[str, str],
    supports: tuple[tuple[tuple[str, ...], str], ...] = (),
    attacks: tuple[tuple[str, str], ...] = (),
    evidence: tuple[tuple[str, str, str, str | None], ...] = (),  # (target, kind, text, source author)
    tags: dict[str, tuple[str, ...]] | None = None,
    implicit: frozenset[str] = frozenset(),
) -> ArgumentMap:
    """A map from plain tables: statement texts, (premises, conclusion) pairs, (source, target) attacks."""
    tags = tags or {}
    return ArgumentMap(
        id="t",
        statements=tuple(
            Statement(id=k, text=v, tags=tags.get(k, ()), implicit=k in implicit) for k, v in texts.items()
        ),
        inferences=tuple(
            Inference(id=f"i{n}", premises=p, conclusion=c) for n, (p, c) in enumerate(supports)
        ),
        attacks=tuple(Attack(id=f"a{n}", source=s, target=t) for n, (s, t) in enumerate(attacks)),
        evidence=tuple(
            Evidence(
                id=f"e{n}",
                target=t,
                kind=k,
                text=x,
                source=EvidenceSource(author=a) if a else None,
            )
            for n, (t, k, x, a) in enumerate(evidence)
        ),
    )


@pytest.fixture
def make():
    return build
