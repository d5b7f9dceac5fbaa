"""The automatic draft as a reference, on the Classroom page: the set-up page and the dashboard warn
the teacher; a student who hands in the draft unchanged is marked so on the dashboard."""

from __future__ import annotations

from argmap.classroom.assignment import AssignmentStore
from argmap.classroom.draft import draft
from argmap.edit.history import History
from tests.app.conftest import messages
from tests.app.test_classroom_page import join
from tests.classroom.variants import PIECES, piece

TEXT = (PIECES / "homework.txt").read_text(encoding="utf-8")


def test_the_set_up_page_warns_when_the_reference_is_the_uncorrected_draft(app) -> None:
    at = app("classroom")
    assert not [w for w in messages(at)["warning"] if "automatic draft" in w]  # the corrected example
    at.session_state["argmap_history"] = History(present=draft(TEXT))
    at.run()
    said = [w for w in messages(at)["warning"] if "automatic draft" in w]
    assert len(said) == 1 and said[0].startswith("This reference is the automatic draft, uncorrected")
    assert "scores 100%" in said[0]


def test_the_dashboard_marks_a_student_who_submitted_the_draft_unchanged(app, store_dir) -> None:
    store = AssignmentStore(store_dir)
    made, key = store.create(draft(TEXT), title="Homework", show_draft=True)
    student = app("classroom")
    join(student, made.code, "Ana")
    student.button(key="student_draft").click().run()
    student.button(key="student_submit").click().run()
    assert not student.exception
    other = store.join(made.code, "Ben")
    store.submit(made.code, other.token, piece("homework")[1])  # a corrected map: no note
    teacher = app()
    teacher.session_state["classroom_role"] = "teacher"
    teacher.session_state["classroom_code"] = made.code
    teacher.session_state["classroom_key"] = key
    teacher.switch_page("src/argmap/app/views/classroom.py").run()
    assert not teacher.exception
    said = [w for w in messages(teacher)["warning"] if "automatic draft" in w]
    assert said and "you offer students the draft: every one of them can score 100%" in said[0]
    table = teacher.dataframe[0].value
    notes = dict(zip(table["student"], table["note"], strict=True))
    assert notes == {"Ana": "submitted the draft unchanged", "Ben": ""}
