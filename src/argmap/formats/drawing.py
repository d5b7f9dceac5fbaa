"""Drawings (write only): Graphviz DOT source, and SVG, PNG and PDF pictures drawn by ``dot``.

These are renders, not interchange formats: they show the map with its default view (see
``argmap.render``) and cannot be read back. DOT needs nothing but Python; SVG, PNG and PDF need
Graphviz's ``dot`` and raise ``RenderError`` with a clear message where it is missing.

Keeps: what the picture shows (its title, texts up to 280 characters, roles, relations, evidence
and sources, a small legend in the images), drawn in the direction that suits the map's shape
(``draw`` takes the one a user chose). Drops: everything else.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from argmap.model import ArgumentMap

if TYPE_CHECKING:
    from argmap.render.view import Direction

NAMES = ("dot", "svg", "png", "pdf")


def dumps_dot(amap: ArgumentMap) -> str:
    """DOT source of the default view (no legend: a DOT reader draws its own)."""
    from argmap.render import to_dot  # lazy: graphviz is not needed to list the formats

    return to_dot(amap)


def dumps_svg(amap: ArgumentMap) -> str:
    """An SVG picture of the map with its legend."""
    return _image(amap, "svg").decode("utf-8")


def dumps_png(amap: ArgumentMap) -> bytes:
    """A PNG picture of the map with its legend."""
    return _image(amap, "png")


def dumps_pdf(amap: ArgumentMap) -> bytes:
    """A PDF of the map with its legend."""
    return _image(amap, "pdf")


def _image(amap: ArgumentMap, fmt: str) -> bytes:
    return draw(amap, fmt)


def draw(amap: ArgumentMap, fmt: str, direction: Direction | None = None) -> bytes:
    """``amap`` as an SVG, PNG or PDF picture that travels alone: its title above it, its legend,
    whole texts up to 280 characters, in ``direction`` ("TB" or "LR"; by default the one that suits
    the map's shape, as on screen)."""
    from argmap.render import ViewOptions, to_image
    from argmap.render.layout import choose_direction

    base = ViewOptions(legend=True, label_chars=280, title=amap.title)
    chosen = direction or choose_direction(amap, base, width_px=1600)
    return to_image(amap, fmt, replace(base, direction=chosen))


def losses(amap: ArgumentMap) -> list[str]:
    """What a drawing of ``amap`` drops (it is a picture: nothing is read back)."""
    out = ["everything but the picture: a drawing cannot be imported again"]
    if amap.source and amap.source.text:
        out.append("the source text and spans")
    if any(
        len(text) > 280 for text in [*(s.text for s in amap.statements), *(e.text for e in amap.evidence)]
    ):
        out.append("text beyond 280 characters in a node (SVG tooltips keep up to 1,000)")
    if amap.comments:
        out.append(f"the {len(amap.comments)} comment(s) of the map's discussion")
    return out
