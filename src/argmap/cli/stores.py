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
    from argmap.storage.copy import copy_store
    from argmap.storage.location import open_store

    click.echo(str(copy_store(open_store(source, keep=10_000), open_store(target, keep=10_000))))
