from pathlib import Path

import pytest

from argmap.classroom import exercise
from argmap.errors import FormatError
from argmap.formats import native

EXAMPLE = Path(__file__).resolve().parents[2] / "arguments" / "democrats-voter-data.json"


def test_exercise_round_trips_as_one_file(tmp_path):
    ref = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    ex = exercise.create(ref, show_draft=True)
    path = tmp_path / "ex.json"
    path.write_text(exercise.dumps(ex), encoding="utf-8")
    back = exercise.loads(path.read_text(encoding="utf-8"))
    assert back == ex
    assert back.reference == ref
    assert back.text == ref.source.text
    assert back.show_draft is True


@pytest.mark.parametrize(
    "text",
    ["not json", "[]", '{"kind": "something-else"}', '{"kind": "argmap-exercise", "title": "x"}'],
)
def test_bad_exercise_files_are_refused(text):
    with pytest.raises(FormatError):
        exercise.loads(text)


def test_a_map_without_source_cannot_be_an_exercise():
    from argmap.model import ArgumentMap

    with pytest.raises(FormatError):
        exercise.create(ArgumentMap(id="m"))


def test_bad_json_in_an_exercise_names_the_file_line_and_column():
    with pytest.raises(FormatError, match=r"exercise: class\.json: line 2: not valid JSON: .*\(column 5\)"):
        exercise.loads("{\n    oops}", path="class.json")
