"""CLI commands of the extractor: ``extract`` (text -> draft map) and ``eval`` (the corpus figures)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

# Files larger than this many bytes are refused before reading (4 bytes per character at most in UTF-8).
_BYTES_PER_CHAR = 4


def read_text(path: str) -> tuple[str, str | None, str]:
    """The text to map from FILE (``-`` = stdin): (text, title or None, a name for messages).

    ``.html``/``.htm`` files are reduced to their readable text; others are read as UTF-8 text.
    """
    from argmap.errors import InputError
    from argmap.model import MAX_SOURCE_CHARS

    if path == "-":
        raw = sys.stdin.buffer.read(MAX_SOURCE_CHARS * _BYTES_PER_CHAR + 1)
        name = "<stdin>"
    else:
        p = Path(path)
        if p.stat().st_size > MAX_SOURCE_CHARS * _BYTES_PER_CHAR:
            raise InputError(
                f"{path}: {p.stat().st_size:,} bytes is over the limit of {MAX_SOURCE_CHARS:,} characters"
            )
        raw = p.read_bytes()
        name = path
    if len(raw) > MAX_SOURCE_CHARS * _BYTES_PER_CHAR:
        raise InputError(f"{name}: the input is over the limit of {MAX_SOURCE_CHARS:,} characters")
    if b"\x00" in raw[:100_000]:
        raise InputError(f"{name}: this looks like binary data (it contains NUL bytes), not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{name}: not UTF-8 text (byte {err.start} cannot be decoded)") from None
    title = None
    looks_html = path.lower().endswith((".html", ".htm")) or (
        path == "-" and text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))
    )
    if looks_html:
        from argmap.pieces.html import read_html

        page = read_html(text)
        text, title = page.text, page.title
    return text, title, name


@click.command("extract")
@click.argument("file", metavar="FILE")
@click.option("-o", "--output", "out", metavar="OUT.json", help="Write the map here (default: print JSON).")
@click.option("--title", default=None, help="The piece's title (helps find the main claim).")
def extract_cmd(file: str, out: str | None, title: str | None) -> None:
    """Draft an argument map from FILE (.txt, .md or .html; - reads stdin)."""
    from argmap.extractor import extract
    from argmap.formats import native

    text, page_title, name = read_text(file)
    amap = extract(text, title=title or page_title)
    data = native.dumps(amap)
    if out:
        Path(out).write_text(data, encoding="utf-8")
        click.echo(
            f"{name}: {len(amap.statements)} statements, {len(amap.inferences)} inferences, "
            f"{len(amap.attacks)} attacks, {len(amap.evidence)} evidence -> {out}",
            err=True,
        )
    else:
        click.echo(data, nl=False)


@click.command("eval")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option(
    "--corpus", default=None, metavar="DIR", help="The arg-microtexts-en folder (default: ../shared)."
)
def eval_cmd(as_json: bool, corpus: str | None) -> None:
    """Run the extractor on the arg-microtexts corpus and print the six figures."""
    from argmap.extractor import extract
    from argmap.extractor.scoring import FIGURES, score_corpus

    scores = score_corpus(extract, Path(corpus) if corpus else None)
    if as_json:
        click.echo(json.dumps({**scores.figures, "texts": scores.texts, "units": scores.units}, indent=2))
        return
    click.echo(f"arg-microtexts: {scores.texts} texts, {scores.units} gold units")
    for k in FIGURES:
        click.echo(f"  {k:14} {scores.figures[k]:.3f}")
