"""CLI commands that move maps between formats: export, import, render.

Files larger than ``MAX_INPUT_BYTES`` are refused before they are read; output is written to a
temporary file in the target folder and moved into place, so a failed command never leaves a
half-written file (and never touches an existing one).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

# 8 × the longest source text a map may hold (model.MAX_SOURCE_CHARS = 2,000,000): room for the
# source, its spans and thousands of statements, yet small enough to read and parse at once. The
# same as formats.MAX_INPUT_BYTES (a test holds them equal); written out so --help need not import
# formats (and pydantic).
MAX_INPUT_BYTES = 16_000_000


def read_input(path: str) -> bytes:
    """The bytes of ``path`` (or stdin for ``-``), refusing anything over ``MAX_INPUT_BYTES``."""
    from argmap.errors import InputError

    if path == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        from argmap.storage.atomic import kind_of

        # Reading a FIFO would wait for a writer for ever, a device would never end: files only.
        kind = kind_of(Path(path), follow=True)
        if kind is not None:
            raise InputError(f"{path} is {kind}, not a file; pass a file, or - and pipe it to stdin")
        size = os.stat(path).st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(f"{path}: {size:,} bytes; the limit is {MAX_INPUT_BYTES:,} bytes")
        with open(path, "rb") as fh:
            data = fh.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{path}: more than {MAX_INPUT_BYTES:,} bytes; the limit is {MAX_INPUT_BYTES:,}")
    return data


def write_output(path: str, data: str | bytes) -> None:
    """Write ``data`` to ``path`` atomically (``argmap.storage.atomic.write_atomic``), or to stdout for ``-``.

    An existing file keeps its permissions; a new one gets those a plain write would give it.
    """
    from argmap.storage.atomic import write_atomic

    raw = data.encode("utf-8") if isinstance(data, str) else data
    if path == "-":
        sys.stdout.buffer.write(raw)
        sys.stdout.buffer.flush()
        return
    target = Path(path)
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    write_atomic(target, raw, mode=mode)


def load_map(path: str) -> ArgumentMap:
    """The map in FILE (``-``: stdin), size-checked: a map file in any format Argmap reads (an exercise
    file gives its reference map), else a piece of writing or an article's URL, drafted. The one door
    every command that works on a map reads its input through."""
    # Imported here: extract's commands write through this module (a cycle at import time).
    from argmap.cli.extract import draft, read_piece
    from argmap.formats import is_map_file, read
    from argmap.pieces import is_url

    if is_url(path):
        return draft(read_piece(path))
    data = read_input(path)
    name = None if path == "-" else path
    if is_map_file(data, name):
        return read(data, name)[0]
    from argmap import pieces
    from argmap.errors import UnknownFormat
    from argmap.formats import FORMATS

    if name is not None and not pieces.is_piece(data, name):
        maps = sorted({s for f in FORMATS.values() if f.loads for s in f.suffixes})
        raise UnknownFormat(
            f"{name}: cannot tell what this file is from its name: Argmap reads maps ({', '.join(maps)}) and "
            f"pieces of writing ({', '.join(pieces.SUFFIXES)}); rename it to the suffix it should have"
        )
    return draft(pieces.read(data, name or "<stdin>"))


@contextmanager
def naming(option: str) -> Iterator[None]:
    """Say which option names the format when the core cannot tell it (the core knows no options)."""
    from argmap.errors import UnknownFormat

    try:
        yield
    except UnknownFormat as err:
        raise UnknownFormat(f"{err} with {option} FORMAT") from None


@click.command("export")
@click.argument("map_file", metavar="MAP.json")
@click.option("--to", "to", metavar="FORMAT", help="Format name; default: from the suffix of -o.")
@click.option("-o", "--output", required=True, metavar="OUT", help="Output file, or - for stdout.")
def export_cmd(map_file: str, to: str | None, output: str) -> None:
    """Write a map (Argmap JSON or any readable format) as argdown, aif, kialo, markdown, csv, html, dot,
    svg, png or pdf."""
    from argmap.errors import FormatError
    from argmap.formats import guess

    if output == "-" and to is None:
        raise click.UsageError("writing to stdout (-o -): name the format with --to FORMAT")
    with naming("--to"):
        fmt = guess(None if output == "-" else output, None, to, writing=True)
    if fmt.dumps is None:
        raise FormatError(f"{fmt.name} files can be read but not written", fmt=fmt.name)
    amap = load_map(map_file)
    write_output(output, fmt.dumps(amap))
    if output != "-":
        click.echo(f"wrote {output} ({fmt.label})", err=True)
    for loss in fmt.losses(amap) if fmt.losses else ():
        click.echo(f"note: {loss}", err=True)


@click.command("import")
@click.argument("file", metavar="FILE")
@click.option("--from", "from_", metavar="FORMAT", help="Format name; default: from the suffix or content.")
@click.option("-o", "--output", required=True, metavar="OUT.json", help="The Argmap JSON to write, or -.")
def import_cmd(file: str, from_: str | None, output: str) -> None:
    """Read FILE (Argdown, AIF, Kialo, CSV zip, Argmap JSON) and write it as Argmap JSON."""
    from argmap.errors import FormatError
    from argmap.formats import is_map_file, native, read
    from argmap.pieces import is_piece

    data = read_input(file)
    name = None if file == "-" else file
    if from_ is None and name is not None and not is_map_file(data, name) and is_piece(data, name):
        raise FormatError(
            f"{name}: a piece of writing, not a map file: "
            f"draft its map with `argmap extract {name} -o OUT.json`"
        )
    with naming("--from"):
        amap, fmt = read(data, name, from_)
    write_output(output, native.dumps(amap))
    if output != "-":
        click.echo(
            f"wrote {output}: {len(amap.statements)} statements, {len(amap.inferences)} inferences, "
            f"{len(amap.attacks)} attacks, {len(amap.evidence)} evidence (read as {fmt.label})",
            err=True,
        )


@click.command("render")
@click.argument("map_file", metavar="MAP.json")
@click.option(
    "-o", "--output", required=True, metavar="OUT", help="OUT.svg, .png, .pdf or .dot (or - with --to)."
)
@click.option("--to", type=click.Choice(["svg", "png", "pdf", "dot"]), help="Default: from the suffix of -o.")
@click.option(
    "--direction",
    type=click.Choice(["TB", "LR"]),
    default="TB",
    show_default=True,
    help="Top to bottom, or left to right.",
)
@click.option("--focus", metavar="ID", help="Show only this node, its ancestors and descendants.")
@click.option("--depth", type=click.IntRange(min=0), help="Steps from the focus (or main conclusion) shown.")
@click.option("--collapse", multiple=True, metavar="ID", help="Fold this node's subtree (repeatable).")
@click.option("--highlight", multiple=True, metavar="ID", help="Draw this element thick (repeatable).")
@click.option("--no-evidence", is_flag=True, help="Leave evidence out.")
@click.option(
    "--color-by",
    type=click.Choice(["role", "evaluation"]),
    default="role",
    show_default=True,
    help="Colour nodes by role, or by the evaluation of the map (argmap.analysis.evaluation).",
)
@click.option(
    "--wrap", type=click.IntRange(min=8), default=32, show_default=True, help="Characters per line."
)
@click.option("--no-legend", is_flag=True, help="Leave the legend out.")
def render_cmd(
    map_file: str,
    output: str,
    to: str | None,
    direction: str,
    focus: str | None,
    depth: int | None,
    collapse: tuple[str, ...],
    highlight: tuple[str, ...],
    no_evidence: bool,
    color_by: str,
    wrap: int,
    no_legend: bool,
) -> None:
    """Draw MAP.json as SVG, PNG, PDF (needs Graphviz's dot) or DOT, with view options."""
    from argmap.errors import RenderError
    from argmap.render import ViewOptions, to_dot, to_image

    fmt = to or (Path(output).suffix.lower().lstrip(".") if output != "-" else "")
    if fmt == "gv":
        fmt = "dot"
    if fmt not in ("svg", "png", "pdf", "dot"):
        raise RenderError(
            f"cannot tell the picture format of '{output}': use .svg, .png, .pdf or .dot, or --to"
        )
    amap = load_map(map_file)
    unknown = sorted({*([focus] if focus else []), *collapse, *highlight} - amap.ids())
    if unknown:  # the library ignores stale ids (the app keeps drawing); a command line says so
        raise click.BadParameter(f"no element {', '.join(map(repr, unknown))} in {map_file}")
    evaluation = None
    if color_by == "evaluation":
        from argmap.analysis.evaluation import evaluate

        evaluation = evaluate(amap)
    options = ViewOptions(
        direction=direction,  # type: ignore[arg-type]
        focus=focus,
        depth=depth,
        collapsed=frozenset(collapse),
        show_evidence=not no_evidence,
        highlight=frozenset(highlight),
        color_by=color_by,  # type: ignore[arg-type]
        evaluation=evaluation,
        wrap=wrap,
        legend=not no_legend,
    )
    write_output(output, to_dot(amap, options) if fmt == "dot" else to_image(amap, fmt, options))
    if output != "-":
        click.echo(f"wrote {output}", err=True)
