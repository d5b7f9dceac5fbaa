"""CLI commands of the extractor: ``extract`` (text -> draft map) and ``eval`` (the corpus figures)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap.cli.convert import read_input, write_output

if TYPE_CHECKING:
    from argmap.model import ArgumentMap
    from argmap.pieces import Piece


def read_piece(source: str) -> Piece:
    """The piece at SOURCE: a file (text in any common encoding, Markdown, HTML, .docx, .odt, .rtf,
    .pdf), ``-`` for stdin, or an http(s) address (fetched within a time and size limit)."""
    from argmap import pieces

    if pieces.is_url(source):
        return pieces.read_url(source)
    return pieces.read(read_input(source), "<stdin>" if source == "-" else source)


def draft(piece: Piece, title: str | None = None) -> ArgumentMap:
    """The drafted map of ``piece``: ``title``, else the file's own, helps find the main claim; a web
    page's address is kept as the source's URL."""
    from argmap.edit.operations import rebuild
    from argmap.extractor import extract

    amap = extract(piece.text, title=title or piece.title)
    if piece.url and amap.source is not None:
        amap = rebuild(amap, source=amap.source.model_copy(update={"url": piece.url}))
    return amap


@click.command("extract")
@click.argument("file", metavar="FILE|URL")
@click.option("-o", "--output", "out", metavar="OUT.json", help="Write the map here (default: print JSON).")
@click.option("--title", default=None, help="The piece's title (helps find the main claim).")
def extract_cmd(file: str, out: str | None, title: str | None) -> None:
    """Draft an argument map from FILE (text in any common encoding, .md, .html, .docx, .odt, .rtf or
    .pdf; - reads stdin) or from an article's URL."""
    from argmap.formats import native

    piece = read_piece(file)
    amap = draft(piece, title)
    data = native.dumps(amap)
    if out and out != "-":
        write_output(out, data)
        click.echo(
            f"{file}: {len(amap.statements)} statements, {len(amap.inferences)} inferences, "
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
@click.option(
    "--by-rule",
    is_flag=True,
    help="Switch each rule off in turn and print what moves on every collection (microtexts, cdcp, the "
    "blind pieces, the essays): texts changed, and the change of each figure.",
)
@click.option(
    "--rule", "rules", multiple=True, metavar="ID", help="With --by-rule: only this rule (repeatable)."
)
@click.option(
    "--on",
    "collections",
    multiple=True,
    type=click.Choice(["micro", "cdcp", "pieces", "essays"]),
    help="With --by-rule: only this collection (repeatable; default all found).",
)
def eval_cmd(
    as_json: bool, corpus: str | None, by_rule: bool, rules: tuple[str, ...], collections: tuple[str, ...]
) -> None:
    """Run the extractor on the arg-microtexts corpus and print the six figures (--by-rule: each rule's
    effect, switched off, on every collection)."""
    if by_rule:
        from argmap.extractor.ablation import report
        from argmap.extractor.rules import BY_ID

        unknown = [r for r in rules if r not in BY_ID]
        if unknown:
            raise click.BadParameter(
                f"no rule {', '.join(unknown)} (the rules: src/argmap/extractor/rules.py)",
                param_hint="--rule",
            )
        report(collections or None, rules or None, echo=lambda line: click.echo(line))
        return
    from argmap.extractor import extract
    from argmap.extractor.scoring import FIGURES, score_corpus

    scores = score_corpus(extract, Path(corpus) if corpus else None)
    if as_json:
        click.echo(json.dumps({**scores.figures, "texts": scores.texts, "units": scores.units}, indent=2))
        return
    click.echo(f"arg-microtexts: {scores.texts} texts, {scores.units} gold units")
    for k in FIGURES:
        click.echo(f"  {k:14} {scores.figures[k]:.3f}")
