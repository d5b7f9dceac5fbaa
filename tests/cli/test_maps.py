"""CLI commands over saved maps: validate, show (text and --json), list, schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.formats import native
from argmap.model import ArgumentMap
from argmap.render.outline import outline, view
from argmap.storage.store import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"


def run(*args: object, stdin: str | None = None):
    return CliRunner().invoke(main, [str(a) for a in args], input=stdin)


def broken(tmp_path: Path) -> Path:
    """The example map with four problems in four elements."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["statements"][1]["text"] = " "
    data["inferences"][0]["premises"].append("ghost")
    data["attacks"][0]["source"] = data["attacks"][0]["target"]
    data["evidence"][0]["span"]["end"] = 10**6
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# --- validate ---------------------------------------------------------------------------------


def test_validate_the_example() -> None:
    amap = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    result = run("validate", EXAMPLE)
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"{EXAMPLE}: valid ({len(amap.statements)} statements, {len(amap.inferences)} inferences, "
        f"{len(amap.attacks)} attacks, {len(amap.evidence)} evidence)\n"
    )


def test_validate_lists_every_problem_and_where_then_exits_1(tmp_path: Path) -> None:
    path = broken(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    result = run("validate", path)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert lines[0] == f"{path}: invalid map (4 problem(s)):"
    s2, i1, a1, e1 = (
        data["statements"][1]["id"],
        data["inferences"][0]["id"],
        data["attacks"][0]["id"],
        data["evidence"][0]["id"],
    )
    assert lines[1:] == [
        f"  - statement '{s2}': text is empty",
        f"  - inference '{i1}': premise 'ghost' is not a statement in this map",
        f"  - attack '{a1}': a statement cannot attack itself",
        f"  - evidence '{e1}': span {data['evidence'][0]['span']['start']}-1000000 lies outside "
        f"the source text ({len(data['source']['text'])} characters)",
    ]


def test_validate_reports_shape_errors_with_their_field(tmp_path: Path) -> None:
    path = tmp_path / "shape.json"
    path.write_text(json.dumps({"id": "m", "statements": [{"id": "s1"}, {"id": "s2", "text": "x", "x": 1}]}))
    result = run("validate", path)
    assert result.exit_code == 1
    assert "statement 's1' field text: Field required" in result.stderr
    assert "statement 's2' field x: Extra inputs are not permitted" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{\n  "id": "m",\n  "title": oops\n}', "line 3"),
        ("[1, 2]", "expected a JSON object"),
        ("", "not valid JSON"),
    ],
)
def test_validate_bad_json_is_one_line_and_exit_1(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_validate_missing_file_and_stdin(tmp_path: Path) -> None:
    result = run("validate", tmp_path / "nope.json")
    assert result.exit_code == 1 and "No such file" in result.output
    result = run("validate", tmp_path)
    assert result.exit_code == 1 and "is a folder, not a file" in result.output
    result = run("validate", "-", stdin=EXAMPLE.read_text(encoding="utf-8"))
    assert result.exit_code == 0 and result.output.startswith("-: valid")


# --- show -------------------------------------------------------------------------------------


def test_show_prints_the_outline() -> None:
    amap = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    result = run("show", EXAMPLE)
    assert result.exit_code == 0
    assert result.output == outline(amap)
    assert result.output.splitlines()[1].endswith("(main conclusion)")


def test_show_json_is_the_documented_view() -> None:
    amap = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    result = run("show", EXAMPLE, "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data == view(amap)
    assert list(data) == ["main", "statements", "inferences", "attacks", "evidence"]
    assert data["main"] == "s1"
    for s in data["statements"]:
        assert list(s) == ["id", "role", "text", "start", "end", "implicit"]
        assert s["role"] in {"main", "intermediate", "premise", "objection", "rebuttal", "unconnected"}
        assert (s["start"] is None) == (s["end"] is None)
    for i in data["inferences"]:
        assert list(i) == ["id", "premises", "conclusion"]
    assert any(len(i["premises"]) > 1 for i in data["inferences"])  # a linked pair
    for a in data["attacks"]:
        assert list(a) == ["id", "from", "target", "kind"] and a["kind"] in {"rebut", "undercut"}
    for e in data["evidence"]:
        assert list(e) == ["id", "for", "kind", "text", "start", "end", "source"]
    implicit = [s for s in data["statements"] if s["implicit"]]
    assert implicit and all(s["start"] is None for s in implicit)


def test_show_an_invalid_map_fails_cleanly(tmp_path: Path) -> None:
    result = run("show", broken(tmp_path))
    assert result.exit_code == 1
    assert "invalid map (4 problem(s))" in result.output and "Traceback" not in result.output


# --- list -------------------------------------------------------------------------------------


def test_list_shows_the_store(tmp_path: Path) -> None:
    folder = tmp_path / "arguments"
    result = run("list", "--store", folder)
    assert result.exit_code == 0 and result.output == f"no maps yet (the store: JSON files in {folder}/)\n"
    store = Store(folder)
    amap = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    saved = store.save(amap.model_copy(update={"revision": 0}), "voter-data", expected_revision=None)
    saved = store.save(saved, "voter-data", expected_revision=1)
    (folder / "broken.json").write_text("{", encoding="utf-8")
    result = run("list", "--store", folder)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("broken ") and "(unreadable: " in lines[0]
    assert lines[1].split()[:3] == ["voter-data", "rev", "2"]
    assert saved.updated.isoformat(timespec="seconds") in lines[1]
    assert f"{(folder / 'voter-data.json').stat().st_size} B" in lines[1]
    assert lines[1].endswith(amap.title)


def test_list_defaults_to_arguments_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ARGMAP_STORE", raising=False)
    Store("arguments").save(ArgumentMap(id="m", title="Hello map"), expected_revision=None)
    result = run("list")
    assert result.exit_code == 0
    assert result.output.startswith("hello-map ") and "rev 1" in result.output


def test_list_honours_argmap_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Store(tmp_path / "elsewhere").save(ArgumentMap(id="m", title="Over there"), expected_revision=None)
    monkeypatch.setenv("ARGMAP_STORE", str(tmp_path / "elsewhere"))
    result = run("list")
    assert result.exit_code == 0 and result.output.startswith("over-there ")


# --- schema -----------------------------------------------------------------------------------


def test_schema_prints_the_model_schema() -> None:
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.output) == ArgumentMap.model_json_schema()


@pytest.mark.parametrize("command", ["validate", "show"])
def test_a_binary_file_is_one_line_error(tmp_path: Path, command: str) -> None:
    path = tmp_path / "picture.json"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe")
    result = run(command, path)
    assert result.exit_code == 1
    assert "is not UTF-8" in result.output and "Traceback" not in result.output


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    assert run("validate", path).exit_code == 0


# --- diff ---------------------------------------------------------------------------------------


def test_diff_of_two_files_says_what_changed_in_words(tmp_path: Path) -> None:
    from argmap.edit import operations as edit
    from argmap.roles import derive

    old = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    main_id = derive(old).main
    new, _ = edit.add_attack(old, main_id, "Voters never read privacy policies", author="ann")
    (tmp_path / "old.json").write_text(native.dumps(old), encoding="utf-8")
    (tmp_path / "new.json").write_text(native.dumps(new), encoding="utf-8")
    result = run("diff", tmp_path / "old.json", tmp_path / "new.json")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].endswith(": ann added 1 statement and 1 attack")
    assert (
        lines[1].startswith("  - ann added an objection to '")
        and "'Voters never read privacy policies'" in lines[1]
    )
    data = json.loads(run("diff", tmp_path / "old.json", tmp_path / "new.json", "--json").output)
    assert [(c["op"], c["kind"]) for c in data["changes"]] == [("added", "statement"), ("added", "attack")]
    assert run("diff", tmp_path / "old.json", tmp_path / "old.json").output.endswith(": no changes\n")


def test_diff_reads_stored_revisions_by_name_at_revision(tmp_path: Path) -> None:
    from argmap.edit import operations as edit

    store = Store(tmp_path / "arguments")
    first = store.save(native.loads(EXAMPLE.read_text(encoding="utf-8")), "v", expected_revision=None)
    store.save(edit.edit_text(first, "s1", "A new first claim"), "v", expected_revision=1, author="bob")
    result = run("diff", "v@1", "v@2", "--store", tmp_path / "arguments")
    assert result.exit_code == 0, result.output
    assert "bob reworded" in result.output and "{+A new first claim+}" in result.output
    missing = run("diff", "v@9", "v@2", "--store", tmp_path / "arguments")
    assert missing.exit_code == 1 and "has no revision 9" in missing.output
