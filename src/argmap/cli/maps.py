"""CLI commands over saved maps: validate, show, list, schema, diff."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

from argmap.cli.convert import load_map, read_input

if TYPE_CHECKING:
    from argmap.model import ArgumentMap


def read_map(path: str) -> ArgumentMap:
    """The map in a map file (any format Argmap reads; ``-``: stdin, by content), size-checked:
    ``formats.read``, the one door for map files, without drafting a text."""
    from argmap.formats import read

    return read(read_input(path), None if path == "-" else path)[0]


@click.command()
@click.argument("map_file", metavar="MAP.json")
def validate(map_file: str) -> None:
    """Check MAP.json against every invariant; list each problem and where it is."""
    from argmap.errors import MapInvalid

    try:
        amap = read_map(map_file)
    except MapInvalid as err:
        click.echo(str(err), err=True)
        sys.exit(1)
    click.echo(
        f"{map_file}: valid ({len(amap.statements)} statements, {len(amap.inferences)} inferences, "
        f"{len(amap.attacks)} attacks, {len(amap.evidence)} evidence)"
    )


@click.command()
@click.argument("map_file", metavar="MAP.json")
@click.option("--json", "as_json", is_flag=True, help="A stable JSON view with derived roles.")
def show(map_file: str, as_json: bool) -> None:
    """Print MAP.json (any readable map format, or a text, drafted first) as an indented outline with
    roles marked (or --json for scripts)."""
    from argmap.render.outline import outline, view

    amap = load_map(map_file)
    if as_json:
        click.echo(json.dumps(view(amap), indent=2, ensure_ascii=False))
    else:
        click.echo(outline(amap), nl=False)


@click.command("list")
@click.option(
    "--store", "location", default=None, metavar="DIR|URL",
    help="The store: a folder or a postgresql:// URL (default: $ARGMAP_STORE, else arguments/).",
)  # fmt: skip
def list_maps(location: str | None) -> None:
    """List the saved maps (title, revision, updated, size)."""
    from argmap.storage.location import open_store

    store = open_store(location)
    entries = store.list()
    if not entries:
        click.echo(f"no maps yet (the store: {store.describe()})")
        return
    for e in entries:
        updated = e.updated.isoformat(timespec="seconds") if e.updated else "-"
        click.echo(f"{e.name:32} rev {e.revision:<4} {updated:25} {e.size:>8} B  {e.title}")


@click.command()
def schema() -> None:
    """Print the JSON Schema of Argmap's native map format."""
    from argmap.model import ArgumentMap

    click.echo(json.dumps(ArgumentMap.model_json_schema(), indent=2))


def _map_or_revision(ref: str, location: str | None) -> ArgumentMap:
    """A map file, or ``NAME@REV`` (a revision of a stored map) when no such file exists."""
    from pathlib import Path

    from argmap.storage.location import open_store

    name, at, rev = ref.rpartition("@")
    if not Path(ref).exists() and at and rev.isdigit() and name:
        return open_store(location).load_revision(name, int(rev))
    return read_map(ref)


@click.command()
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option(
    "--store", "location", default=None, metavar="DIR|URL",
    help="The store NAME@REV is read from (default: $ARGMAP_STORE, else arguments/).",
)  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="The changes as JSON, for scripts.")
def diff(old: str, new: str, location: str | None, as_json: bool) -> None:
    """What changed from OLD to NEW (map files, or NAME@REV for a stored revision), in words."""
    from argmap.analysis.changes import changes, sentences, summary

    before, after = _map_or_revision(old, location), _map_or_revision(new, location)
    found = changes(before, after)
    said = sentences(before, after, found, who=after.saved_by)
    if as_json:
        items = [{"op": c.op, "kind": c.kind, "id": c.id, "fields": list(c.fields)} for c in found.items]
        click.echo(json.dumps({"changes": items, "sentences": said}, indent=2, ensure_ascii=False))
        return
    if not found:
        click.echo(f"{old} and {new}: no changes")
        return
    authors = [e.author for c in found.items for e in (c.new,) if getattr(e, "author", None)]
    who = authors or ([after.saved_by] if after.saved_by else [])
    click.echo(f"{old} → {new}: {summary(found, who)}")
    for line in said:
        click.echo(f"  - {line}")
