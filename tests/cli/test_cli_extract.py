import json

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.extractor.scoring import corpus_dir

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
    [(b"", "nothing to map"), (b"\x00\x01\x02binary", "binary"), (b"\xff\xfe\xfa text", "not UTF-8")],
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
