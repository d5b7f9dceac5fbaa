"""The ``argmap`` command line: a thin click layer over the library.

Each command lives in a small module of this package and imports the heavy parts of Argmap
(pydantic, pandas, graphviz) inside its body, so ``argmap --help`` stays fast. ``COMMANDS`` is
the one table of commands; adding one is a function plus one line there.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from argmap.errors import ArgmapError


class _Group(click.Group):
    """Turns Argmap's errors (and missing files) into one-line messages with exit status 1."""

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


def _register() -> None:
    from argmap.cli import checking, convert, extract, maps  # noqa: PLC0415

    commands: tuple[click.Command, ...] = (
        maps.validate,
        maps.show,
        maps.list_maps,
        maps.schema,
        extract.extract_cmd,
        extract.eval_cmd,
        checking.check_cmd,
        checking.compare_cmd,
        checking.grade_cmd,
        convert.export_cmd,
        convert.import_cmd,
        convert.render_cmd,
    )
    for command in commands:
        main.add_command(command)


_register()

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
