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


# --- the teacher's file and the students' copy --------------------------------------------------

OLD = Path(__file__).resolve().parents[1] / "fixtures" / "exercise" / "old-exercise.json"
TEACHER_ONLY = "Marking note: give full credit only if the church reason is linked to the main claim."


def _with_note(ref):
    from argmap.edit import operations as edit

    return edit.add_statement(ref, TEACHER_ONLY)[0]


@pytest.mark.parametrize("name", ["homework", "libraries", "square"])
def test_the_students_copy_holds_none_of_the_references_statements(name):
    import json

    from tests.classroom.variants import piece

    text, ref, _student = piece(name)
    ref = _with_note(ref)
    ex = exercise.create(ref, show_draft=True)
    copy = exercise.dumps_students(ex)
    assert set(json.loads(copy)) == {
        "kind",
        "schema_version",
        "title",
        "instructions",
        "text",
        "source",
        "show_draft",
    }
    assert json.loads(copy)["kind"] == "argmap-exercise-student"
    assert TEACHER_ONLY not in copy and "reference" not in copy
    piece_words = " ".join(text.split()).casefold()
    hidden = [
        s.text for s in ref.statements if " ".join(s.text.split()).casefold().rstrip(".") not in piece_words
    ]
    assert hidden  # the reference has words of its own (paraphrases, the note): none is in the copy
    for words in hidden:
        assert words not in copy
    for s in ref.statements:
        assert f'"{s.id}"' not in copy  # no element of it either
    back = exercise.loads_students(copy, "ex.json")
    assert (back.text, back.show_draft, back.title) == (text, True, ex.title)
    assert back.blank().source.text == text and back.blank().statements == ()
    # The teacher's file keeps the reference, in readable JSON, as before.
    assert TEACHER_ONLY in exercise.dumps(ex)
    assert exercise.loads(exercise.dumps(ex)).reference == ref


def test_the_students_copy_is_refused_as_a_reference_in_a_sentence():
    ex = exercise.create(native.loads(EXAMPLE.read_text(encoding="utf-8")))
    with pytest.raises(
        FormatError,
        match=r"exercise: ex\.json: this is the students' copy of an exercise: it holds "
        r"no reference map",
    ):
        exercise.loads(exercise.dumps_students(ex), "ex.json")


def test_an_old_exercise_file_still_opens_for_the_teacher_and_for_a_student():
    """Made by Argmap at 343b78b (the first exercise files: schema_version 1, a version-1 map inside)."""
    text = OLD.read_text(encoding="utf-8")
    old = exercise.loads(text, OLD.name)
    assert old.reference.statements and old.show_draft is True
    assert old.reference.source.text == old.text
    copy = exercise.loads_students(text, OLD.name)  # a student given the old file gets the piece only
    assert copy.text == old.text and not hasattr(copy, "reference")


def test_an_exercise_file_from_another_version_is_refused_in_a_sentence():
    import json

    data = json.loads(OLD.read_text(encoding="utf-8")) | {"schema_version": 2}
    with pytest.raises(
        FormatError,
        match=r"old\.json: schema_version: schema_version 2: this exercise file was "
        r"written by another version of Argmap",
    ):
        exercise.loads_students(json.dumps(data), "old.json")


def test_an_assignment_becomes_the_two_files(tmp_path):
    from argmap.classroom.assignment import AssignmentStore

    ref = _with_note(native.loads(EXAMPLE.read_text(encoding="utf-8")))
    made, _key = AssignmentStore(tmp_path).create(ref, instructions="Find the thesis first.", show_draft=True)
    ex = exercise.of_assignment(made)
    assert ex.reference == ref and ex.instructions == "Find the thesis first."
    copy = exercise.loads_students(exercise.dumps_students(ex))
    assert (copy.title, copy.instructions, copy.show_draft) == (made.title, "Find the thesis first.", True)
    assert TEACHER_ONLY not in exercise.dumps_students(ex)
