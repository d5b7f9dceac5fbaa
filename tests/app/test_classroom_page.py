"""The Classroom page: a teacher sets up an exercise and grades; a student submits and reads feedback."""

from __future__ import annotations

from argmap.classroom import exercise
from argmap.edit import operations as edit
from argmap.edit.history import History
from argmap.formats import native
from tests.app.conftest import EXAMPLE, current


def reference():
    return native.loads(EXAMPLE.read_text(encoding="utf-8"))


def damaged():
    m = edit.remove(reference(), "a1")
    m, _ = edit.link_premise(m, "s9", "s7")
    return edit.remove(m, "s6")


def markdown(at) -> str:
    return " ".join(m.value for m in at.markdown)


def test_teacher_sets_up_an_exercise_and_grades_the_class(app) -> None:
    at = app("classroom")
    at.checkbox(key="ex_show_draft").check()
    at.button(key="ex_create").click().run()
    assert not at.exception
    ex = at.session_state["classroom_exercise"]
    assert ex.reference == reference() and ex.show_draft is True
    assert any(b.label == "Download the exercise" for b in at.get("download_button"))

    at.session_state["classroom_submissions"] = {"ada": reference(), "bob": damaged()}
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["student"]) == ["ada", "bob"]
    assert table["score"].iloc[0] == 1.0 and table["score"].iloc[1] < 1.0
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")  # the missed-statements chart
    at.selectbox(key="feedback_student").select("bob").run()
    body = markdown(at)
    assert "You missed “Data collection efforts" in body
    assert "as a reason for" in body and "the author raises it to answer it" in body


def test_student_submits_and_reads_feedback(app) -> None:
    at = app("classroom")
    at.session_state["classroom_exercise"] = exercise.create(reference())
    at.radio(key="classroom_mode").set_value("Student").run()
    at.text_input(key="author").input("Ana").run()
    mine = damaged()  # once: each new link gets a fresh id
    at.session_state["argmap_history"] = History(present=mine)
    at.button(key="student_submit").click().run()
    assert not at.exception
    assert at.session_state["classroom_submissions"]["Ana"] == mine
    assert any(m.label == "Score" and m.value != "100%" for m in at.metric)
    assert "the author raises it to answer it" in markdown(at)
    assert at.get("graphviz_chart")  # the reference, shown after submitting


def test_student_starts_an_empty_map_of_the_piece(app) -> None:
    at = app("classroom")
    ex = exercise.create(reference())
    at.session_state["classroom_exercise"] = ex
    at.radio(key="classroom_mode").set_value("Student").run()
    assert not [b for b in at.button if b.key == "student_draft"]  # the draft is not offered
    at.button(key="student_start").click().run()
    assert not at.exception
    mine = current(at)
    assert mine.statements == () and mine.source.text == ex.text


def test_student_without_exercise_is_told_to_open_one(app) -> None:
    at = app("classroom")
    at.radio(key="classroom_mode").set_value("Student").run()
    assert any("Open an exercise file" in m.value for m in at.info)


def test_teacher_clears_the_submissions(app) -> None:
    at = app("classroom")
    at.session_state["classroom_exercise"] = exercise.create(reference())
    at.session_state["classroom_submissions"] = {"ada": reference()}
    at.run()
    at.button(key="clear_submissions").click().run()
    assert not at.exception
    assert any("No student maps yet" in m.value for m in at.info)


def test_student_submitting_an_empty_map_is_told_to_add_statements(app) -> None:
    at = app("classroom")
    at.session_state["classroom_exercise"] = exercise.create(reference())
    at.radio(key="classroom_mode").set_value("Student").run()
    at.button(key="student_start").click().run()
    at.button(key="student_submit").click().run()
    assert not at.exception
    assert any("no statements yet" in m.value for m in at.warning)
    assert "classroom_feedback" not in at.session_state  # nothing graded
    assert "classroom_submissions" not in at.session_state


def test_a_student_map_in_argdown_is_graded_too(app) -> None:
    from argmap.formats import FORMATS

    at = app("classroom")
    at.session_state["classroom_exercise"] = exercise.create(reference())
    at.run()
    argdown = FORMATS["argdown"].dumps(reference()).encode("utf-8")
    at.get("file_uploader")[1].upload("cy.argdown", argdown, "text/plain").run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    assert list(at.session_state["classroom_submissions"]) == ["cy"]


def test_the_teacher_view_explains_the_round_trip_first(app) -> None:
    at = app("classroom")
    steps = next(m.value for m in at.markdown if m.value.startswith("1. "))
    for step in ("**Analyze**", "exercise file", "**Student** view", "Student maps"):
        assert step in steps
