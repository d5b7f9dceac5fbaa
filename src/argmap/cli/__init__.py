"""The ``argmap`` command line: a thin click layer over the library.

Each command lives in a small module of this package and imports the heavy parts of Argmap
(pydantic, pandas, graphviz) inside its body, so ``argmap --help`` stays fast. ``COMMANDS`` is
the one table of commands; adding one is a function plus one line there. A command's module is
imported only when that command (or the help listing) needs it.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from argmap.errors import ArgmapError

# command name -> "module:function" in this package
COMMANDS: dict[str, str] = {
    "validate": "maps:validate",
    "show": "maps:show",
    "list": "maps:list_maps",
    "schema": "maps:schema",
    "diff": "maps:diff",
    "extract": "extract:extract_cmd",
    "eval": "extract:eval_cmd",
    "check": "checking:check_cmd",
    "audit": "checking:audit_cmd",
    "compare": "checking:compare_cmd",
    "grade": "checking:grade_cmd",
    "export": "convert:export_cmd",
    "import": "convert:import_cmd",
    "render": "convert:render_cmd",
    "store": "stores:store_cmd",
}


class _Group(click.Group):
    """Loads commands from ``COMMANDS`` on demand, and turns Argmap's errors (and missing files)
    into one-line messages with exit status 1."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, name = COMMANDS[cmd_name].split(":")
        command: click.Command = getattr(importlib.import_module(f"argmap.cli.{module}"), name)
        assert command.name == cmd_name, f"COMMANDS['{cmd_name}'] names a command called {command.name}"
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ArgmapError as err:
            raise click.ClickException(str(err)) from None
        except (FileNotFoundError, IsADirectoryError, PermissionError) as err:
            raise click.ClickException(f"{err.filename}: {err.strerror}") from None
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
