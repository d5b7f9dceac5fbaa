"""The package's outer surface: light imports, a complete format table, documented commands, __all__."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import time
from pathlib import Path

import click
import click.testing
import pytest

import argmap
from argmap.cli import main
from argmap.formats import FORMATS

SRC = Path(argmap.__file__).resolve().parent
HEAVY = ("streamlit", "pandas", "pydantic", "graphviz")


def loaded_after(code: str) -> list[str]:
    """The heavy modules present in ``sys.modules`` after running ``code`` in a fresh interpreter."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_import_argmap_stays_light() -> None:
    assert loaded_after("import argmap") == []


def test_cli_help_imports_nothing_heavy() -> None:
    code = "from argmap.cli import main\nmain(['--help'], standalone_mode=False)"
    assert loaded_after(code) == []


def core_modules() -> list[str]:
    """Every module of the library outside the Streamlit app."""
    names = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).with_suffix("")
        if rel.parts[0] == "app" or rel.name == "__main__":
            continue
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        names.append(".".join(("argmap", *parts)))
    return names


def test_no_core_module_imports_streamlit() -> None:
    code = "\n".join(f"import {name}" for name in core_modules())
    assert "streamlit" not in loaded_after(code)


def test_every_format_module_is_in_the_table() -> None:
    in_table = {  # argmap.formats.<module>[.<private part of a package format>].function
        fn.__module__.split(".")[2]
        for fmt in FORMATS.values()
        for fn in (fmt.loads, fmt.dumps)
        if fn is not None
    }
    modules = {p.stem for p in (SRC / "formats").glob("*.py") if p.stem != "__init__"}
    modules |= {p.parent.name for p in (SRC / "formats").glob("*/__init__.py")}  # a format split in parts
    assert modules - in_table == set(), "every module in src/argmap/formats/ must have an entry in FORMATS"
    for name, fmt in FORMATS.items():
        assert fmt.name == name and fmt.suffixes and fmt.media_type and fmt.label
        assert fmt.loads is not None or fmt.dumps is not None


def commands(group: click.Group = main) -> dict[str, click.Command]:
    """Every command of ``group`` by name, loaded the way the CLI loads them (on demand)."""
    ctx = click.Context(group)
    return {name: group.get_command(ctx, name) for name in group.list_commands(ctx)}


def all_commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, cmd in sorted(commands(group).items()):
        out.append((f"{prefix}{name}", cmd))
        if isinstance(cmd, click.Group):
            out.extend(all_commands(cmd, f"{prefix}{name} "))
    return out


@pytest.mark.parametrize(
    ("name", "command"), all_commands(main), ids=lambda x: x if isinstance(x, str) else ""
)
def test_every_command_and_option_has_help(name: str, command: click.Command) -> None:
    assert (command.help or "").strip(), f"`argmap {name}` has no help text"
    ctx = click.Context(command, info_name=name)
    for param in command.get_params(ctx):
        if isinstance(param, click.Option):
            assert (param.help or "").strip(), f"`argmap {name}` option {param.opts} has no help"
    result = click.testing.CliRunner().invoke(main, [*name.split(), "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


def test_every_command_is_in_the_readme_table() -> None:
    readme = (SRC.parents[1] / "README.md").read_text(encoding="utf-8")
    rows = {line.split("`")[1].split()[1] for line in readme.splitlines() if line.startswith("| `argmap ")}
    missing = sorted(set(commands()) - rows)
    assert not missing, f"README.md's command table has no row for: {', '.join(missing)}"


def test_a_command_imports_only_the_heavy_libraries_it_uses() -> None:
    # The command modules are small and imported with the CLI; the libraries behind other commands
    # (pandas for grading, networkx for checks and drawings, rapidfuzz for comparing) are not.
    code = (
        "import json, sys; from argmap.cli import main; main(['schema'], standalone_mode=False); "
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pandas', 'networkx', 'graphviz', 'rapidfuzz', 'streamlit') or m.startswith('argmap.cli.'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert '"argmap.cli.maps"' in out and '"argmap.cli.checking"' in out
    assert not {"pandas", "networkx", "graphviz", "rapidfuzz", "streamlit"} & set(
        json.loads(out.splitlines()[-1])
    )


def test_the_maps_commands_are_registered() -> None:
    assert {"validate", "show", "list", "schema"} <= set(commands())


def test_all_is_sorted_and_every_name_resolves() -> None:
    assert argmap.__all__ == sorted(argmap.__all__)
    assert len(set(argmap.__all__)) == len(argmap.__all__)
    for name in argmap.__all__:
        assert getattr(argmap, name) is not None, name
    with pytest.raises(AttributeError):
        argmap.no_such_name  # noqa: B018


def test_every_public_module_has_a_docstring() -> None:
    for name in core_modules():
        assert (importlib.import_module(name).__doc__ or "").strip(), f"{name} has no module docstring"


def test_python_m_argmap_help_runs() -> None:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "argmap", "--help"], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    assert "Usage: argmap" in result.stdout
    for name in commands():
        assert name in result.stdout
    # A figure, not an assert: bench/bench_cli.py measures it properly (target well under 0.5 s).
    print(f"python -m argmap --help: {elapsed:.3f} s")


def test_every_command_reports_an_unreadable_file_in_one_line(tmp_path: Path) -> None:
    binary = tmp_path / "photo.json"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xd0\xff\xfe" * 8)
    for name, command in sorted(commands().items()):
        args = [p for p in command.params if isinstance(p, click.Argument)]
        if not args:
            continue
        argv = [name, *[str(binary)] * len(args)]
        if any(isinstance(p, click.Option) and p.required for p in command.params):
            argv += ["-o", str(tmp_path / f"out-{name}.svg")]
        result = click.testing.CliRunner().invoke(main, argv)
        assert result.exit_code in (1, 2), (name, result.output)  # 2: click refused an argument first
        assert isinstance(result.exception, SystemExit), (name, repr(result.exception))
        assert "Error: " in result.output and "Traceback" not in result.output, (name, result.output)
