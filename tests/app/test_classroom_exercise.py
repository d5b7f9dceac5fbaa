"""Exercise files on the Classroom page, and every button there that replaces the open map asking first:
the teacher downloads the students' copy (no reference) and the teacher's file; a student opens the
copy and starts a map of its piece; "Start my map", "Start from the draft", "Open my saved map" and
opening an exercise never replace unsaved work without a yes."""

from __future__ import annotations

import pytest

from argmap.classroom import exercise
from argmap.classroom.assignment import AssignmentStore
from argmap.edit import operations as edit
from argmap.edit.history import History
from argmap.model import ArgumentMap, Source
from tests.app.conftest import current, messages
from tests.app.test_classroom_page import join, reference, texts
from tests.classroom.variants import piece


def _students_copy(show_draft: bool = True) -> bytes:
    _text, ref, _ = piece("square")
    return exercise.dumps_students(exercise.create(ref, show_draft=show_draft)).encode("utf-8")


def _open_file(at, data: bytes, name: str = "square-exercise.json") -> None:  # noqa: ANN001
    next(u for u in at.get("file_uploader") if u.key == "exercise_file").upload(name, data)
    at.run()
    assert not at.exception, at.exception


def _unsaved(at) -> object:  # noqa: ANN001
    """Put unsaved work in the open map (a statement added to it) and return that map."""
    mine = edit.add_statement(current(at), "My own claim, not saved anywhere.")[0]
    at.session_state["argmap_history"] = History(present=mine)
    at.run()
    return mine


def test_the_teacher_gets_the_students_copy_and_the_teachers_file(app, store_dir) -> None:
    made, key = AssignmentStore(store_dir).create(reference())
    at = app("classroom")
    at.session_state["classroom_role"] = "teacher"
    at.session_state["classroom_code"] = made.code
    at.session_state["classroom_key"] = key
    at.run()
    buttons = {b.key: b.label for b in at.get("download_button")}
    assert buttons["exercise_students"] == "Students' copy (no reference)"
    assert buttons["exercise_teacher"] == "Teacher's file (with the reference: keep it)"
    assert "never the reference" in texts(at)


def test_a_student_opens_the_students_copy_and_starts_a_map_of_its_piece(app) -> None:
    at = app("classroom")
    _open_file(at, _students_copy())
    assert "A car-free market square" in texts(at)
    at.button(key="exercise_start").click().run()  # the example map is saved: nothing to ask
    assert not at.exception
    opened = current(at)
    assert opened.statements == () and opened.source.text == piece("square")[0]
    assert any("Your map is open" in m for m in messages(at)["success"])


def test_opening_an_exercise_over_unsaved_work_asks_first(app) -> None:
    at = app("classroom")
    _open_file(at, _students_copy())
    mine = _unsaved(at)
    at.button(key="exercise_start").click().run()
    assert current(at) == mine and "replaces the open map" in texts(at)
    at.button(key="exercise_start_no").click().run()
    assert current(at) == mine
    at.button(key="exercise_draft").click().run()
    assert current(at) == mine and "Start from the draft replaces the open map" in texts(at)
    at.button(key="exercise_draft_yes").click().run()
    assert current(at) != mine and current(at).statements  # the draft, once she said yes


def test_the_draft_button_is_only_there_when_the_teacher_allows_it(app) -> None:
    at = app("classroom")
    _open_file(at, _students_copy(show_draft=False))
    assert [b for b in at.button if b.key == "exercise_start"]
    assert not [b for b in at.button if b.key == "exercise_draft"]


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b'{"kind": "argmap-exercise-student", "title": "T"}', "square-exercise.json: text: Field required"),
        (b"{\n  oops", "square-exercise.json: line 2: not valid JSON"),
        (b'{"statements": []}', 'not an exercise file (no "kind": "argmap-exercise")'),
    ],
)
def test_a_bad_exercise_file_is_refused_in_one_sentence(app, data, said) -> None:
    at = app("classroom")
    _open_file(at, data)
    errors = messages(at)["error"]
    assert len(errors) == 1 and said in errors[0], errors
    assert not [b for b in at.button if b.key == "exercise_start"]


def test_every_button_that_replaces_the_students_map_asks_first(app, store_dir) -> None:
    """Start my map, Start from the draft and Open my saved map, each over unsaved work."""
    store = AssignmentStore(store_dir)
    made, _ = store.create(reference(), show_draft=True)
    at = app("classroom")
    join(at, made.code, "Ana")
    at.button(key="student_start").click().run()
    at.button(key="student_save").click().run()  # revision 1: her saved map is the empty one
    mine = _unsaved(at)
    for key, what in (
        ("student_start", "Start my map"),
        ("student_draft", "Start from the draft"),
        ("student_resume", "Opening your saved map"),
    ):
        at.button(key=key).click().run()
        assert not at.exception
        assert current(at) == mine, key
        assert f"{what} replaces the open map" in texts(at), key
        at.button(key=f"{key}_no").click().run()
        assert current(at) == mine, key
    at.button(key="student_resume").click().run()
    at.button(key="student_resume_yes").click().run()
    assert current(at).statements == ()  # the saved (empty) map, once she said yes


def test_a_seat_link_never_replaces_unsaved_work_of_another_piece(app, store_dir) -> None:
    store = AssignmentStore(store_dir)
    made, _ = store.create(reference())
    seat = store.join(made.code, "Ana")
    work = edit.add_statement(exercise.create(reference()).students().blank(), "Ana's saved claim.")[0]
    store.save(made.code, seat.token, work)
    at = app("analyze")
    # Unsaved work on another piece (mapped on Analyze before opening the seat's link).
    other = ArgumentMap(id="other", title="Other", source=Source(text="Trees cool streets. Plant more."))
    other = edit.add_statement(other, "Plant more trees.")[0]
    at.session_state["argmap_history"] = History(present=other)
    at.query_params["join"] = made.code
    at.query_params["seat"] = seat.token
    at.switch_page("src/argmap/app/views/classroom.py").run()
    assert not at.exception
    assert current(at) == other  # kept
    assert "Your saved map (revision 1) is not open: the open map has unsaved work" in texts(at)
    at.button(key="student_resume").click().run()
    assert "Opening your saved map replaces the open map" in texts(at)
    at.button(key="student_resume_yes").click().run()
    assert [s.text for s in current(at).statements] == ["Ana's saved claim."]
