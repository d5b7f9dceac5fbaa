"""Pictures that travel alone: the title above the map, the chosen direction, a small legend."""

from __future__ import annotations

import re
import shutil

import pytest

from argmap.formats import drawing
from argmap.model import ArgumentMap, Inference, Statement

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot")


def wide() -> ArgumentMap:
    """A main conclusion with twelve reasons: wide and shallow."""
    stmts = [Statement(id="s1", text="The council should close school streets")]
    stmts += [Statement(id=f"s{n}", text=f"Reason {n} why it should") for n in range(2, 14)]
    infs = [Inference(id=f"i{n}", premises=(f"s{n}",), conclusion="s1") for n in range(2, 14)]
    return ArgumentMap(
        id="m", title="School streets & safety", statements=tuple(stmts), inferences=tuple(infs)
    )


def test_svg_carries_the_title_and_follows_the_shape_or_the_choice() -> None:
    svg = drawing.dumps_svg(wide())
    assert "School streets &amp; safety" in svg
    width, height = (float(x) for x in re.search(r'viewBox="0\.00 0\.00 ([\d.]+) ([\d.]+)"', svg).groups())
    assert height > width  # twelve reasons side by side would be too wide: drawn left → right
    top_down = drawing.draw(wide(), "svg", direction="TB").decode()
    width, height = (
        float(x) for x in re.search(r'viewBox="0\.00 0\.00 ([\d.]+) ([\d.]+)"', top_down).groups()
    )
    assert width > height


def test_png_and_pdf_are_pictures() -> None:
    assert drawing.dumps_png(wide()).startswith(b"\x89PNG")
    assert drawing.dumps_pdf(wide()).startswith(b"%PDF")
