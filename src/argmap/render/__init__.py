"""Render an argument map with Graphviz: ArgumentMap + ViewOptions → digraph, DOT, SVG, PNG, PDF.

    to_digraph(amap, options)  a graphviz.Digraph (node names = element ids; see render.draw)
    to_dot(amap, options)      DOT source; pure Python, so st.graphviz_chart can draw it without `dot`
    to_image(amap, fmt, opts)  "svg" | "png" | "pdf" bytes through the `dot` binary
    legend_dot(options)        a separate small graph that explains the drawing

The main conclusion is at the top (or left); linked co-premises join at a junction point before
their arrow; attacks differ from supports in colour, line style and a +/− mark; undercuts point
at the junction of the inference they attack; evidence is a note shape with its source.
"""

from __future__ import annotations

import subprocess

import graphviz

from argmap.errors import RenderError
from argmap.model import ArgumentMap
from argmap.render.draw import legend_dot, to_digraph, to_dot
from argmap.render.view import ViewOptions

__all__ = ["IMAGE_FORMATS", "ViewOptions", "legend_dot", "run_dot", "to_digraph", "to_dot", "to_image"]

IMAGE_FORMATS = ("svg", "png", "pdf")
MISSING_DOT = (
    "Graphviz's 'dot' program is not installed, so SVG, PNG and PDF cannot be made here "
    "(install it with 'apt-get install graphviz'; the map in the app still draws in the browser)"
)


def to_image(amap: ArgumentMap, fmt: str, options: ViewOptions | None = None) -> bytes:
    """The map drawn by Graphviz's ``dot`` as ``fmt`` ("svg", "png" or "pdf") bytes."""
    return run_dot(to_dot(amap, options), fmt)


def run_dot(source: str, fmt: str = "svg") -> bytes:
    """DOT ``source`` drawn by ``dot`` as ``fmt``; a missing binary or a failure raises ``RenderError``."""
    if fmt not in IMAGE_FORMATS:
        raise RenderError(f"cannot render '{fmt}'; choose one of {', '.join(IMAGE_FORMATS)}")
    try:
        return graphviz.Source(source).pipe(format=fmt, engine="dot")
    except graphviz.ExecutableNotFound:
        raise RenderError(MISSING_DOT) from None
    except subprocess.CalledProcessError as err:
        detail = (err.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        raise RenderError(f"Graphviz could not draw the map: {detail[-1] if detail else err}") from None
