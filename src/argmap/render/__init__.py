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

import re
import subprocess

from argmap.errors import RenderError
from argmap.model import ArgumentMap
from argmap.render.draw import legend_dot, to_digraph, to_dot
from argmap.render.view import ViewOptions

__all__ = [
    "IMAGE_FORMATS",
    "ViewOptions",
    "inline_svg",
    "legend_dot",
    "run_dot",
    "to_digraph",
    "to_dot",
    "to_image",
]

IMAGE_FORMATS = ("svg", "png", "pdf")
DOT = "dot"  # found on PATH, as the graphviz package does
# A huge map can keep dot busy for minutes; a server must not wait that long for a download.
DOT_TIMEOUT = 120.0
MISSING_DOT = (
    "Graphviz's 'dot' program is not installed, so SVG, PNG and PDF cannot be made here "
    "(install it with 'apt-get install graphviz'; the map in the app still draws in the browser)"
)


def to_image(amap: ArgumentMap, fmt: str, options: ViewOptions | None = None) -> bytes:
    """The map drawn by Graphviz's ``dot`` as ``fmt`` ("svg", "png" or "pdf") bytes."""
    return run_dot(to_dot(amap, options), fmt)


def run_dot(source: str, fmt: str = "svg") -> bytes:
    """DOT ``source`` drawn by ``dot`` as ``fmt``; a missing binary, a failure or a layout that takes
    longer than ``DOT_TIMEOUT`` seconds raises ``RenderError``."""
    if fmt not in IMAGE_FORMATS:
        raise RenderError(f"cannot render '{fmt}'; choose one of {', '.join(IMAGE_FORMATS)}")
    try:
        done = subprocess.run(
            [DOT, f"-T{fmt}"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=DOT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise RenderError(MISSING_DOT) from None
    except OSError as err:  # found but not runnable
        raise RenderError(f"Graphviz's 'dot' could not be run: {err.strerror or err}") from None
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"Graphviz took longer than {DOT_TIMEOUT:g} s to lay out the map; draw a smaller view "
            "(focus on a node, limit the depth, collapse subtrees) or export DOT"
        ) from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RenderError(f"Graphviz could not draw the map: {detail[-1] if detail else done.returncode}")
    return done.stdout


_SVG_START = re.compile(r"<svg\b")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def inline_svg(svg: bytes, id_prefix: str = "") -> str:
    """Graphviz's SVG ready to sit inside HTML: no XML prolog, doctype or comments; ids prefixed."""
    text = svg.decode("utf-8")
    start = _SVG_START.search(text)
    text = _COMMENT.sub("", text[start.start() if start else 0 :])
    if id_prefix:  # a second picture must not reuse the first one's ids (graph0, node1, ...)
        text = text.replace(' id="', f' id="{id_prefix}')
    return text
