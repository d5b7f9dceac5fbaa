"""Every code example in README.md runs as written: the Python blocks, and the command lines it offers."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main as cli

README = Path(__file__).resolve().parents[2] / "README.md"
_BLOCK = re.compile(r"```python\n(.*?)```", re.S)
# "A first look at a piece: `argmap extract ... && argmap show ...`": inline command lines to run.
_COMMAND = re.compile(r"`(argmap (?:extract|show|validate|check) [^`]*)`")


def _blocks() -> list[str]:
    return _BLOCK.findall(README.read_text(encoding="utf-8"))


def test_the_readme_has_a_python_example():
    assert _blocks(), "README.md should show the Python API"


@pytest.mark.parametrize("code", _blocks(), ids=lambda c: c.splitlines()[0][:40])
def test_each_python_example_runs(code, capsys):
    exec(compile(code, str(README), "exec"), {"__name__": "readme"})
    assert capsys.readouterr().out.strip(), "the example prints what it shows"


def test_the_first_look_command_line_runs(tmp_path, monkeypatch):
    # The command table's lines name placeholders (FILE, MAP.json); the lines to try name a seed piece.
    lines = [m for m in _COMMAND.findall(README.read_text(encoding="utf-8")) if "seeds/" in m]
    assert lines, "README.md gives a first command line to try"
    root = README.parent
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").symlink_to(root / "seeds")
    for line in lines:
        for command in line.split("&&"):
            args = shlex.split(command)[1:]
            result = CliRunner().invoke(cli, args)
            assert result.exit_code == 0, (command, result.output)
