from pathlib import Path

import pytest

from argmap.classroom import grading
from argmap.edit import operations as edit
from argmap.formats import native

EXAMPLE = Path(__file__).resolve().parents[2] / "arguments" / "democrats-voter-data.json"


@pytest.fixture
def ref():
    return native.loads(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def folder(tmp_path, ref):
    (tmp_path / "ada.json").write_text(native.dumps(ref), encoding="utf-8")
    (tmp_path / "bob.json").write_text(
        native.dumps(edit.remove(edit.remove(ref, "s6"), "s12")), encoding="utf-8"
    )
    (tmp_path / "cyd.json").write_text(native.dumps(edit.remove(ref, "s6")), encoding="utf-8")
    (tmp_path / "dan.json").write_text("{ not json", encoding="utf-8")
    return tmp_path


def test_grade_gives_a_row_per_student(folder, ref):
    table, results = grading.grade(ref, list(folder.glob("*.json")))
    assert list(table["student"]) == ["ada", "bob", "cyd", "dan"]
    assert list(table.columns) == list(grading.COLUMNS)
    scores = dict(zip(table["student"], table["score"], strict=True))
    assert scores["ada"] == 1.0
    assert scores["bob"] < scores["cyd"] < 1.0
    assert table.loc[table["student"] == "dan", "error"].item().startswith("json")
    assert set(results) == {"ada", "bob", "cyd"}


def test_summary_and_missed(folder, ref):
    table, results = grading.grade(ref, list(folder.glob("*.json")))
    s = grading.summary(table)
    assert (s["students"], s["graded"]) == (4, 3)
    assert s["max"] == 1.0 and s["min"] < s["median"] <= s["max"]
    missed = grading.missed_by(ref, results)
    assert list(missed["statement"][:2]) == ["s6", "s12"]
    assert list(missed["missed"][:3]) == [2, 1, 0]
    svg = grading.missed_chart_svg(missed)
    assert svg.startswith("<svg") and svg.count("<rect") == len(ref.statements)
