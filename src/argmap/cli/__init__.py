"""The ``argmap`` command line: a thin click layer over the library.

Each command lives in a small module of this package and imports the heavy parts of Argmap
(pydantic, pandas, graphviz, networkx) inside its body, so ``argmap --help`` stays fast
(bench/bench_cli.py). ``COMMANDS`` is the one table of commands; adding one is a function plus one
line there.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from argmap.cli import checking, convert, extract, maps, stores
from argmap.errors import ArgmapError

COMMANDS: dict[str, click.Command] = {
    "validate": maps.validate,
    "show": maps.show,
    "list": maps.list_maps,
    "schema": maps.schema,
    "diff": maps.diff,
    "extract": extract.extract_cmd,
    "eval": extract.eval_cmd,
    "check": checking.check_cmd,
    "audit": checking.audit_cmd,
    "compare": checking.compare_cmd,
    "grade": checking.grade_cmd,
    "export": convert.export_cmd,
    "import": convert.import_cmd,
    "render": convert.render_cmd,
    "store": stores.store_cmd,
}


class _Group(click.Group):
    """Takes its commands from ``COMMANDS``, and turns Argmap's errors (and missing files) into
    one-line messages with exit status 1."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = COMMANDS.get(cmd_name)
        assert command is None or command.name == cmd_name, f"COMMANDS['{cmd_name}'] is {command}"
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ArgmapError as err:
            raise click.ClickException(str(err)) from None
        except (FileNotFoundError, IsADirectoryError, PermissionError) as err:
            raise click.ClickException(f"{err.filename}: {err.strerror}") from None
        except OSError as err:  # a safety net (a full disk, a read-only file system...): one line
            where = f"{err.filename}: " if err.filename else ""
            raise click.ClickException(f"{where}{err.strerror or err}") from None
        except UnicodeDecodeError as err:  # a safety net: commands should name the file themselves
            raise click.ClickException(
                f"input is not UTF-8 text (byte {err.start}); save it as UTF-8"
            ) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="argmap")
def main() -> None:
    """Argmap: draft, check, compare and share argument maps."""


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
