import json
import random

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.extractor.scoring import corpus_dir
from tests.pieces import samples

TEXT = "We should plant more trees. They cool the streets. Of course they cost money, but they pay back."


def test_extract_file_to_json(tmp_path):
    src = tmp_path / "piece.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "draft.json"
    result = CliRunner().invoke(main, ["extract", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["source"]["text"] == TEXT
    shown = CliRunner().invoke(main, ["show", str(out)])
    assert shown.exit_code == 0 and "We should plant more trees." in shown.output


def test_extract_stdin_prints_json():
    result = CliRunner().invoke(main, ["extract", "-"], input=TEXT)
    assert result.exit_code == 0
    assert json.loads(result.output)["statements"][0]["text"].startswith("We should plant")


def test_extract_html_drops_scripts(tmp_path):
    src = tmp_path / "page.html"
    src.write_text(
        f"<html><head><title>Trees</title><script>steal()</script></head><body><p>{TEXT}</p></body></html>",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["extract", str(src)])
    data = json.loads(result.output)
    assert data["title"] == "Trees"
    assert "steal" not in data["source"]["text"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "nothing to map"),
        (b"\x00\x01\x02binary", "binary"),
        (bytes(b for b in random.Random(0).randbytes(3000) if b), "not text in any encoding"),
        (b"\xff\xfe\x00\xd8 text", "not valid UTF-16 text"),  # a lone surrogate after the byte-order mark
    ],
)
def test_bad_input_is_a_one_line_message(tmp_path, content, message):
    src = tmp_path / "bad.txt"
    src.write_bytes(content)
    result = CliRunner().invoke(main, ["extract", str(src)])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_missing_file():
    result = CliRunner().invoke(main, ["extract", "no-such-file.txt"])
    assert result.exit_code == 1 and "no-such-file.txt" in result.output


@pytest.mark.corpus
def test_eval_prints_six_figures():
    if corpus_dir() is None:
        pytest.skip("arg-microtexts-en corpus absent: put it at ../shared/corpora/ or set ARGMAP_CORPUS")
    result = CliRunner().invoke(main, ["eval", "--json"])
    assert result.exit_code == 0
    figures = json.loads(result.output)
    for k in ("seg_recall", "seg_precision", "cc_acc", "role_f1", "func_f1", "attach_acc"):
        assert 0.0 <= figures[k] <= 1.0


def test_eval_without_corpus_says_where_to_put_it(tmp_path):
    result = CliRunner().invoke(main, ["eval", "--corpus", str(tmp_path / "none")])
    assert result.exit_code == 1


# --- the files people have (tests/pieces/samples.py makes them) -------------------------------

KINDS = {
    "piece.docx": samples.docx_bytes,
    "piece.pdf": samples.pdf_bytes,
    "piece.odt": samples.odt_bytes,
    "piece.rtf": samples.rtf_bytes,
    "piece.html": samples.html_bytes,
    "notepad.txt": samples.utf16_bytes,
    "windows.txt": samples.cp1252_bytes,
}


@pytest.mark.parametrize("name", KINDS)
def test_extract_maps_the_files_people_have(tmp_path, name):
    src = tmp_path / name
    src.write_bytes(KINDS[name]())
    out = tmp_path / "draft.json"
    result = CliRunner().invoke(main, ["extract", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["title"] == samples.TITLE
    assert samples.WORDS in data["source"]["text"] and "Subscribe" not in data["source"]["text"]
    assert any("Sunday" in s["text"] for s in data["statements"]) and len(data["statements"]) >= 4
    if name == "windows.txt":
        assert "\u00a3200,000" in data["source"]["text"] and "caf\u00e9" in data["source"]["text"]


def test_extract_a_url_keeps_the_address(tmp_path):
    with samples.serve({"/opinion/sundays": samples.Route(samples.html_bytes())}) as base:
        result = CliRunner().invoke(main, ["extract", f"{base}/opinion/sundays"])
        missing = CliRunner().invoke(main, ["extract", f"{base}/opinion/nothing-here"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["source"]["url"] == f"{base}/opinion/sundays" and data["title"] == samples.TITLE
    assert missing.exit_code == 1 and "the server answered 404" in missing.output
    assert "Traceback" not in missing.output


def test_extract_a_docx_on_stdin_by_its_content():
    result = CliRunner().invoke(main, ["extract", "-"], input=samples.docx_bytes())
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["title"] == samples.TITLE


def test_a_damaged_docx_is_one_line(tmp_path):
    src = tmp_path / "essay.docx"
    src.write_bytes(samples.docx_bytes()[:1500])
    result = CliRunner().invoke(main, ["extract", str(src)])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert "essay.docx: not a readable Word document" in result.output


def test_extract_output_is_written_atomically(tmp_path, monkeypatch):
    src = tmp_path / "piece.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "draft.json"
    out.write_text("the old draft", encoding="utf-8")
    from argmap.storage import atomic

    def crash(fd, *args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", crash)
    result = CliRunner().invoke(main, ["extract", str(src), "-o", str(out)])
    assert result.exit_code != 0
    assert out.read_text(encoding="utf-8") == "the old draft"  # was: truncated by a plain write
    assert {p.name for p in tmp_path.iterdir()} == {"piece.txt", "draft.json"}  # no temporary file left


def test_eval_by_rule_prints_each_rules_effect_on_the_collections():
    result = CliRunner().invoke(
        main, ["eval", "--by-rule", "--rule", "link.example", "--rule", "segment.semicolon", "--on", "pieces"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("all rules on: pieces main 1.000 met ")
    rows = {
        ln.split()[0]: ln.split()[1] for ln in lines if ln.startswith(("link.example", "segment.semicolon"))
    }
    assert set(rows) == {"link.example", "segment.semicolon"} and all(v.isdigit() for v in rows.values())
    assert lines[-1].startswith("rules that change no text anywhere:")


def test_eval_by_rule_names_an_unknown_rule():
    result = CliRunner().invoke(main, ["eval", "--by-rule", "--rule", "link.nothing"])
    assert result.exit_code == 2 and "no rule link.nothing" in result.output
