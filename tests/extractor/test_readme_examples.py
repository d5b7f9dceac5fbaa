"""Every code example in README.md runs as written: the Python blocks (a ``text`` block right after one is
its output, printed exactly), and the command lines it offers (inline, and in the ``sh`` blocks)."""

from __future__ import annotations

import re
import shlex
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main as cli

README = Path(__file__).resolve().parents[2] / "README.md"
# A fenced block, indented or not (one inside a list item is indented with it): its language and body.
_FENCE = re.compile(r"^( *)```(\w*)\n(.*?)^\1```", re.S | re.M)
# "A first look at a piece: `argmap extract ... && argmap show ...`": inline command lines to run.
_COMMAND = re.compile(r"`(argmap (?:extract|show|validate|check) [^`]*)`")


def _fenced() -> list[tuple[str, str]]:
    """Every fenced block of README.md in order: (language, body without its indentation)."""
    text = README.read_text(encoding="utf-8")
    return [(m.group(2), textwrap.dedent(m.group(3))) for m in _FENCE.finditer(text)]


def _examples() -> list[tuple[str, str | None]]:
    """Each Python block, with the ``text`` block that follows it (its output), if one does."""
    blocks = _fenced()
    return [
        (body, blocks[k + 1][1] if k + 1 < len(blocks) and blocks[k + 1][0] == "text" else None)
        for k, (lang, body) in enumerate(blocks)
        if lang == "python"
    ]


def _blocks() -> list[str]:
    return [code for code, _ in _examples()]


def test_the_readme_has_a_python_example():
    assert _blocks(), "README.md should show the Python API"


@pytest.mark.parametrize(
    ("code", "shown"), _examples(), ids=[f"example-{k + 1}" for k in range(len(_examples()))]
)
def test_each_python_example_runs(code, shown, capsys):
    exec(compile(code, str(README), "exec"), {"__name__": "readme"})
    out = capsys.readouterr().out
    assert out.strip(), "the example prints what it shows"
    if shown is not None:  # the README shows what it prints: exactly that
        assert out == shown, "README.md shows another output than the example prints:\n" + out


def test_the_readme_shows_an_explanation_as_the_code_words_it():
    shown = [out for _, out in _examples() if out is not None]
    assert any(
        out.startswith("main conclusion: it ") and "it opens with 'i believe' (+" in out for out in shown
    )


def test_the_command_lines_of_the_sh_blocks_run(tmp_path, monkeypatch):
    lines = [
        ln.split("#", 1)[0].strip()
        for lang, body in _fenced()
        if lang == "sh"
        for ln in body.splitlines()
        if ln.startswith(".venv/bin/argmap")
    ]
    assert lines, "README.md shows the command line in a sh block"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").symlink_to(README.parent / "seeds")
    for line in lines:
        for command in line.split("&&"):
            args = shlex.split(command)[1:]
            result = CliRunner().invoke(cli, args)
            assert result.exit_code == 0, (command, result.output)


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
