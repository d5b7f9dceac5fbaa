"""``argmap store …``: work on a whole store (a folder or a PostgreSQL database)."""

from __future__ import annotations

import click


@click.group("store")
def store_cmd() -> None:
    """Work on a whole store: a folder (arguments/) or a PostgreSQL URL (postgresql://…)."""


@store_cmd.command("copy")
@click.argument("source")
@click.argument("target")
def copy_cmd(source: str, target: str) -> None:
    """Copy every map with its history from SOURCE to TARGET (folder or postgresql:// URL), and check it."""
    from pathlib import Path

    from argmap.errors import StoreError
    from argmap.storage.copy import copy_store
    from argmap.storage.location import is_database, open_store

    # A mistyped source folder would otherwise be an empty store: "copied 0 maps", and a success.
    if not is_database(source) and not Path(source).is_dir():
        raise StoreError(f"{source}: no such folder, so there is nothing to copy (check the path)", source)
    click.echo(str(copy_store(open_store(source, keep=10_000), open_store(target, keep=10_000))))
