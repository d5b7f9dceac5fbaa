"""argmap export / import / render: every writable format, round trips, clear errors, nothing half-written."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import convert, main
from argmap.errors import StoreError
from argmap.formats import FORMATS, csv_table, native

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"
SEED = ROOT / "seeds" / "four-day-week.txt"
HAS_DOT = shutil.which("dot") is not None
needs_dot = pytest.mark.skipif(not HAS_DOT, reason="Graphviz 'dot' is not installed (make test installs it)")
MAGIC = {"png": b"\x89PNG", "pdf": b"%PDF", "svg": b"<?xml", "csv": b"PK\x03\x04", "html": b"<!DOCTYPE html>"}


def run(*args, input: bytes | str | None = None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


@pytest.fixture(scope="module")
def example():
    return native.loads(EXAMPLE.read_text(encoding="utf-8"))


WRITABLE = [name for name, f in FORMATS.items() if f.dumps is not None]


@pytest.mark.parametrize("name", WRITABLE)
def test_export_every_writable_format_by_suffix(name, tmp_path):
    fmt = FORMATS[name]
    if name in ("svg", "png", "pdf", "html") and not HAS_DOT:
        pytest.skip("needs Graphviz 'dot'")
    out = tmp_path / f"map{fmt.suffixes[0]}"
    # .json is shared by native and AIF: written, it means Argmap JSON; AIF is asked for by name
    args = ("--to", name) if name == "aif" else ()
    result = run("export", EXAMPLE, "-o", out, *args)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(MAGIC.get(name, b"")) and len(data) > 100
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_export_to_a_json_file_writes_argmap_json(tmp_path):
    out = tmp_path / "copy.json"
    result = run("export", EXAMPLE, "-o", out)
    assert result.exit_code == 0, result.output
    assert native.loads(out.read_text(encoding="utf-8")) == native.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_export_to_stdout_and_file_mode(tmp_path):
    result = run("export", EXAMPLE, "--to", "markdown", "-o", "-")
    assert result.exit_code == 0 and result.output.startswith("# Democrats selling voter data")
    out = tmp_path / "m.md"
    assert run("export", EXAMPLE, "-o", out).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # not the 0600 of a temp file


@pytest.mark.parametrize("name", [n for n, f in FORMATS.items() if f.loads and f.dumps])
def test_import_what_export_wrote(name, example, tmp_path):
    fmt = FORMATS[name]
    out = tmp_path / f"map{fmt.suffixes[0]}"
    assert run("export", EXAMPLE, "--to", name, "-o", out).exit_code == 0
    back = tmp_path / "back.json"
    result = run("import", out, "-o", back)  # format from the suffix, or the content for .json
    assert result.exit_code == 0, result.output
    amap = native.loads(back.read_text(encoding="utf-8"))
    assert {s.text for s in amap.statements} >= {s.text for s in example.statements if not s.implicit}
    assert f"read as {fmt.label}" in result.output


def test_csv_import_round_trip_exact(example, tmp_path):
    out = tmp_path / "tables.zip"
    out.write_bytes(csv_table.dumps(example))
    back = tmp_path / "back.json"
    assert run("import", out, "-o", back).exit_code == 0
    assert native.loads(back.read_text()) == csv_table.loads(out.read_bytes())


def test_import_from_stdin_tells_json_by_content_else_asks_for_from():
    text = EXAMPLE.read_text(encoding="utf-8")
    result = run("import", "-", "-o", "-", input=text)
    assert result.exit_code == 0 and json.loads(result.output)["id"] == "democrats-voter-data"
    result = run("import", "-", "-o", "-", input="[Claim]: We should act.\n  <+ Because it helps.\n")
    assert result.exit_code == 1 and "name the format with --from FORMAT" in result.output
    result = run("import", "-", "--from", "json", "-o", "-", input=text)
    assert result.exit_code == 0 and json.loads(result.output)["id"] == "democrats-voter-data"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("bad.json", '{"statements": [\n  {"id": "s1",}\n]}', r"bad.json: line 2"),
        ("bad.json", '{"schema_version": 1, "id": "m", "statements": [{"id": "s1", "text": ""}]}', "'s1'"),
        ("bad.zip", "not a zip", "bad.zip: not a zip file"),
        ("notes.md", "# hello", "a piece of writing, not a map file: draft its map with `argmap extract"),
        (
            "essay.txt",
            "We should act.",
            "a piece of writing, not a map file: draft its map with `argmap extract",
        ),
        (
            "data.xyz",
            "x",
            "cannot tell the format of '.*data.xyz' from its suffix .*name the format with --from",
        ),
    ],
)
def test_import_errors_name_file_place_and_expectation(name, content, expected, tmp_path):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    out = tmp_path / "out.json"
    result = run("import", path, "-o", out)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert re.search(expected, result.output), result.output
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_non_utf8_file_names_its_line(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Discussion Title: caf\xe9\n".encode("latin-1"))
    result = run("import", path, "-o", tmp_path / "o.json")
    assert result.exit_code == 1 and "latin.txt: line 1: byte 21 is not UTF-8" in result.output


def test_files_over_the_limit_are_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(convert, "MAX_INPUT_BYTES", 100)
    big = tmp_path / "big.json"
    big.write_text(" " * 101)
    result = run("import", big, "-o", tmp_path / "o.json")
    assert result.exit_code == 1 and "101 bytes; the limit is 100 bytes" in result.output
    result = run("import", "-", "--from", "json", "-o", "-", input=" " * 500)
    assert result.exit_code == 1 and "more than 100 bytes" in result.output


def test_a_failed_export_leaves_the_old_file_untouched(tmp_path, monkeypatch):
    out = tmp_path / "map.svg"
    out.write_text("old")
    monkeypatch.setenv("PATH", "")  # no dot: rendering fails
    result = run("export", EXAMPLE, "-o", out)
    assert result.exit_code == 1 and "'dot' program is not installed" in result.output
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.svg"]


def test_write_output_cleans_up_when_writing_fails(tmp_path, monkeypatch):
    def boom(*_):
        raise OSError("disk full")

    monkeypatch.setattr(convert.os, "replace", boom)
    with pytest.raises(StoreError, match="could not write it \\(disk full\\); nothing was written"):
        convert.write_output(str(tmp_path / "x.txt"), "data")
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_is_one_message_and_the_old_file_stays(tmp_path, monkeypatch):
    out = tmp_path / "map.argdown"
    out.write_text("old")

    def full(fd):  # a full disk shows at the latest when the written data is flushed
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    result = run("export", EXAMPLE, "-o", out)
    monkeypatch.undo()
    assert result.exit_code == 1 and "No space left on device" in result.output, result.output
    assert "the old file is unchanged" in result.output and "Traceback" not in result.output
    assert out.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["map.argdown"]


@pytest.mark.parametrize("kind", ["symlink", "fifo", "folder"])
def test_output_replaces_only_a_regular_file(tmp_path, kind):
    real = tmp_path / "real.argdown"
    real.write_text("keep")
    out = tmp_path / "out.argdown"
    if kind == "symlink":
        out.symlink_to(real)
    elif kind == "fifo":
        os.mkfifo(out)
    else:
        out.mkdir()
    result = run("export", EXAMPLE, "-o", out)
    assert result.exit_code == 1 and "Argmap replaces only regular files" in result.output, result.output
    assert real.read_text() == "keep"
    assert out.is_symlink() if kind == "symlink" else (out.is_fifo() if kind == "fifo" else out.is_dir())


def test_import_from_a_fifo_is_refused_at_once_not_waited_on(tmp_path):
    fifo = tmp_path / "in.argdown"
    os.mkfifo(fifo)
    # Before, opening the FIFO waited for a writer for ever: run in a process with a timeout.
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "import", str(fifo), "-o", str(tmp_path / "out.json")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 1 and "is a FIFO (named pipe), not a file" in done.stderr, done.stderr


def test_a_device_is_refused_as_input(tmp_path):
    result = run("import", "/dev/zero", "--from", "argdown", "-o", tmp_path / "out.json")
    assert result.exit_code == 1 and "/dev/zero is a device, not a file" in result.output


@needs_dot
@pytest.mark.parametrize("suffix", ["svg", "png", "pdf", "dot"])
def test_render_with_view_options(suffix, tmp_path):
    out = tmp_path / f"r.{suffix}"
    options = ["--direction", "LR", "--focus", "s3", "--depth", "2", "--collapse", "s7", "--highlight", "s3"]
    options += ["--no-evidence", "--color-by", "evaluation", "--wrap", "24"]
    result = run("render", EXAMPLE, "-o", out, *options)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(MAGIC.get(suffix, b"digraph"))
    if suffix in ("dot", "svg"):
        text = data.decode()
        names = set(
            re.findall(r'^\t"([^"]+)" \[', text, re.M) or re.findall(r'class="node">\n<title>([^<]+)<', text)
        )
        assert {"s1", "s2", "s3", "s5", "s7"} <= names  # focus, ancestors (and s2's co-premise), children
        assert not names & {"s4", "s6", "s8", "e1"}  # another branch, collapsed, evidence off
        assert "legend/claim" in names  # the legend comes along
        assert "unrated" in text and "rankdir=RL" in text if suffix == "dot" else True


def test_render_refuses_unknown_ids(tmp_path):
    result = run("render", EXAMPLE, "-o", tmp_path / "r.dot", "--focus", "s99", "--highlight", "zz")
    assert result.exit_code == 2 and "no element 's99', 'zz'" in result.output
    assert not (tmp_path / "r.dot").exists()


def test_render_refuses_unknown_picture_format(tmp_path):
    result = run("render", EXAMPLE, "-o", tmp_path / "r.gif")
    assert result.exit_code == 1 and "use .svg, .png, .pdf or .dot" in result.output


def test_commands_have_help():
    for name in ("export", "import", "render"):
        result = run(name, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output


def test_cli_start_does_not_import_pandas_or_graphviz():
    code = (
        "import sys; from argmap.cli import main; print('pandas' in sys.modules, 'graphviz' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_export_reads_any_format_and_names_what_the_target_drops(example, tmp_path):
    source = tmp_path / "example.argdown"
    source.write_text(FORMATS["argdown"].dumps(example), encoding="utf-8")
    out = tmp_path / "example.kialo.txt"
    result = CliRunner().invoke(main, ["export", str(source), "--to", "kialo", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("Discussion Title:")
    # The example has a linked pair (i1): Kialo splits it into separate pros, and the CLI says so.
    assert "note:" in result.output and "separate" in result.output.lower()
    dot = tmp_path / "example.dot"
    assert run("export", source, "-o", dot).exit_code == 0
    assert "digraph" in dot.read_text(encoding="utf-8")


def test_the_cli_and_the_formats_share_one_size_limit():
    from argmap import formats

    assert convert.MAX_INPUT_BYTES == formats.MAX_INPUT_BYTES


def test_every_command_reads_a_map_through_one_door(example, tmp_path):
    """export, render, show and check read an Argdown copy of the map as they read its JSON; export
    and check also take an exercise file (its reference map) and refuse an oversized file alike."""
    from argmap.classroom import exercise

    source = tmp_path / "example.argdown"
    source.write_text(FORMATS["argdown"].dumps(example), encoding="utf-8")
    ex = tmp_path / "ex.json"
    ex.write_text(exercise.dumps(exercise.create(example)), encoding="utf-8")
    for path in (source, ex):
        out = tmp_path / f"{path.stem}.out.json"
        assert run("export", path, "--to", "json", "-o", out).exit_code == 0
        assert len(native.loads(out.read_text(encoding="utf-8")).statements) == len(example.statements)
        assert run("check", path, "--severity", "error").exit_code in (0, 1)
    assert convert.load_map(str(ex)) == example


def test_a_map_over_the_limit_is_refused_by_every_map_reader(tmp_path, monkeypatch):
    monkeypatch.setattr(convert, "MAX_INPUT_BYTES", 100)
    big = tmp_path / "big.json"
    big.write_text(" " * 101)
    for argv in (["export", big, "-o", tmp_path / "o.md"], ["validate", big], ["check", big]):
        result = run(*argv)
        assert result.exit_code == 1 and "101 bytes; the limit is 100 bytes" in result.output, argv


# --- a text is a text, a Kialo export is a map: chosen by content --------------------------------


def test_export_a_text_file_drafts_it_rather_than_reading_it_as_kialo(tmp_path):
    seed = ROOT / "seeds" / "letter-bike-lanes.txt"
    out = tmp_path / "bike.argdown"
    result = run("export", seed, "-o", out)
    assert result.exit_code == 0, result.output  # was: "kialo: ... line 1: ..." (read as a Kialo file)
    assert "[" in out.read_text(encoding="utf-8")
    result = run("render", seed, "-o", tmp_path / "bike.dot")
    assert result.exit_code == 0 and (tmp_path / "bike.dot").read_text(encoding="utf-8").startswith("digraph")
    shown = run("show", seed)
    assert shown.exit_code == 0 and "bike" in shown.output.lower()


def test_a_kialo_txt_is_still_a_map(tmp_path):
    amap = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    path = tmp_path / "debate.txt"
    path.write_text(FORMATS["kialo"].dumps(amap), encoding="utf-8")
    result = run("import", path, "-o", tmp_path / "back.json")
    assert result.exit_code == 0 and "read as Kialo" in result.output


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["export", "{example}", "-o", "{tmp}/out.xyz"], "name the format with --to FORMAT"),
        (["import", "{tmp}/data.xyz", "-o", "{tmp}/o.json"], "name the format with --from FORMAT"),
        (["check", "{tmp}/data.xyz"], None),
        (["export", "{tmp}/data.xyz", "-o", "{tmp}/o.argdown"], None),
        (["validate", "{tmp}/data.xyz"], None),
    ],
)
def test_every_hint_names_an_option_the_command_has(tmp_path, args, hint):
    (tmp_path / "data.xyz").write_text("[A]: claim\n", encoding="utf-8")
    argv = [a.format(example=EXAMPLE, tmp=tmp_path) for a in args]
    result = run(*argv)
    assert result.exit_code != 0 and "Traceback" not in result.output
    if hint:
        assert hint in result.output, result.output
    options = set(re.findall(r"(--[a-z-]+)", result.output))
    command = main.get_command(None, argv[0])
    known = {o for p in command.params for o in p.opts}
    assert options <= known, f"{argv[0]} has no {options - known}: {result.output}"


def _writing_commands(tmp_path: Path) -> dict[str, tuple[list[str], Path]]:
    """Every command that writes a file: its arguments and the file it writes (made beforehand, "old")."""
    students = tmp_path / "students"
    students.mkdir()
    shutil.copy(EXAMPLE, students / "ann.json")
    argdown_in = tmp_path / "in.argdown"
    argdown_in.write_text(FORMATS["argdown"].dumps(native.loads(EXAMPLE.read_text())), encoding="utf-8")
    out = {k: tmp_path / f"out-{k}.{ext}" for k, ext in (
        ("extract", "json"), ("export", "argdown"), ("import", "json"), ("render", "dot"),
        ("grade", "csv"), ("audit", "csv"),
    )}  # fmt: skip
    return {
        "extract": (["extract", str(SEED), "-o", str(out["extract"])], out["extract"]),
        "export": (["export", str(EXAMPLE), "-o", str(out["export"])], out["export"]),
        "import": (["import", str(argdown_in), "-o", str(out["import"])], out["import"]),
        "render": (["render", str(EXAMPLE), "-o", str(out["render"])], out["render"]),
        "grade": (["grade", str(EXAMPLE), str(students), "-o", str(out["grade"])], out["grade"]),
        "audit": (["audit", str(EXAMPLE), "--claims-csv", str(out["audit"])], out["audit"]),
    }  # fmt: skip


@pytest.mark.parametrize("command", ["extract", "export", "import", "render", "grade", "audit"])
@pytest.mark.parametrize("failure", ["disk full", "no permission"])
def test_every_command_that_writes_says_so_in_one_line_and_keeps_the_old_file(
    tmp_path, command: str, failure: str
) -> None:
    import tempfile

    args, target = _writing_commands(tmp_path)[command]
    target.write_text("old")

    def fail(*_a, **_k):
        if failure == "disk full":  # a full disk shows at the latest when the written data is flushed
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))  # root ignores chmod: refused here

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(*((os, "fsync") if failure == "disk full" else (tempfile, "mkstemp")), fail)
        result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    errors = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and "Traceback" not in result.output, result.output
    words = "No space left on device" if failure == "disk full" else "Permission denied"
    assert words in errors[0] and str(target) in errors[0], errors[0]
    assert target.read_text() == "old"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no temporary left behind


LONG_NAME = "a" * 300 + ".json"  # past the file system's limit on a name


@pytest.mark.parametrize(
    "args",
    [["show", LONG_NAME], ["check", LONG_NAME], ["audit", LONG_NAME], ["validate", LONG_NAME],
     ["export", LONG_NAME, "-o", "-", "--to", "argdown"], ["import", LONG_NAME, "-o", "-"],
     ["extract", LONG_NAME], ["render", LONG_NAME, "-o", "-", "--to", "dot"],
     ["compare", LONG_NAME, str(EXAMPLE)], ["diff", str(EXAMPLE), LONG_NAME]],
    ids=lambda a: a[0],
)  # fmt: skip
def test_any_other_os_error_is_one_line_too(args: list[str]) -> None:
    # a name past the limit raised OSError (ENAMETOOLONG): `argmap show` printed a traceback
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.output.startswith("Error: ") and "File name too long" in result.output, result.output
