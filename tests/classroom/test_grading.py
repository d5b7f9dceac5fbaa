from pathlib import Path

import pytest

from argmap.classroom import grading
from argmap.classroom.compare import compare
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
    mistakes = grading.mistakes_by(ref, results)
    assert list(mistakes["element"]) == ["s6", "s12"]
    assert list(mistakes["students"]) == [2, 1]
    assert mistakes["mistake"][0].startswith("Missed the reason “Data collection efforts by Democrats")
    assert mistakes["mistake"][1].startswith("Missed the objection “Most voters never learn")
    svg = grading.mistakes_chart_svg(mistakes, len(results))
    assert svg.startswith("<svg") and svg.count("<rect") == 2 and "2 of 3" in svg


def test_the_class_chart_keeps_the_top_items_only(ref):
    results = {
        f"s{k}": compare(ref, edit.remove(ref, sid))
        for k, sid in enumerate(["s6", "s9", "s12", "s2", "s4", "s3", "s8", "s10", "s11"])
    }
    assert len(grading.mistakes_by(ref, results)) == grading.TOP
    assert len(grading.mistakes_by(ref, results, top=None)) > grading.TOP


def test_score_bins_count_every_student_once(folder, ref):
    table, _ = grading.grade(ref, list(folder.glob("*.json")))
    bins = grading.score_bins(table["score"].dropna())
    assert len(bins) == 10 and bins["students"].sum() == 3
    assert bins["students"].iloc[-1] >= 1  # ada's 100% is in the top band


def test_the_gradebook_lists_every_student_with_status_and_score(tmp_path):
    from argmap.classroom.assignment import AssignmentStore
    from tests.classroom.variants import piece, variants, with_spans

    text, reference, student = piece("square")
    store = AssignmentStore(tmp_path)
    made, key = store.create(reference)
    good, weak = store.join(made.code, "Ana"), store.join(made.code, "Ben")
    store.join(made.code, "Cy")
    maps = variants(with_spans(student, text))
    store.submit(made.code, good.token, maps[frozenset()])
    store.save(made.code, weak.token, maps[frozenset({"objection as reason", "missed reason"})])
    table, results = grading.gradebook(store.get(made.code), store.submissions(made.code, key))
    assert list(table["student"]) == ["Ana", "Ben", "Cy"]
    assert list(table["status"]) == ["submitted", "in progress", "not started"]
    assert table["score"][0] >= 90 > table["score"][1]
    assert table["score"].isna()[2]
    # One format: whole percents, on the dashboard and in the CSV (not 65.17 beside 100).
    assert str(table["score"].dtype) == "Int64"
    assert table["score"][1] == grading.percent(results["Ben"].score)
    csv = table.to_csv(index=False).splitlines()
    assert csv[1].split(",")[2] == str(table["score"][0]) and "." not in csv[2].split(",")[2]
    assert set(results) == {"Ana", "Ben"}
    assert list(table.columns) == list(grading.GRADEBOOK)


def test_a_score_is_a_whole_percent_half_rounding_up():
    assert [grading.percent(x) for x in (0.0, 0.6517, 0.655, 0.995, 1.0)] == [0, 65, 66, 100, 100]
    assert grading.percent(None) is None


def test_a_graded_table_shows_whole_percents(folder, ref):
    table, _ = grading.grade(ref, list(folder.glob("*.json")))
    shown = grading.as_percents(table)
    scored = shown["score"].dropna()
    assert len(scored) and all(float(v).is_integer() and 0 <= v <= 100 for v in scored)
    assert shown["score"].max() == 100


def test_each_common_mistake_is_a_line_with_the_share_of_the_class(ref):
    results = {
        "a": compare(ref, edit.remove(ref, "s6")),
        "b": compare(ref, edit.remove(ref, "s6")),
        "c": compare(ref, ref),
    }
    lines = grading.mistake_lines(grading.mistakes_by(ref, results), len(results))
    text, share = lines[0]
    assert text.startswith("Missed the reason “Data collection efforts by Democrats") and text.endswith(
        ": 2 of 3 students"
    )
    assert share == 2 / 3 and all(0 < s <= 1 for _, s in lines)
    assert grading.mistake_lines(grading.mistakes_by(ref, {"a": results["a"]}), 1)[0][0].endswith(
        "1 of 1 student"
    )
