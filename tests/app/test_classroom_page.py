"""The Classroom page: a teacher creates an assignment and follows the class; students join by code,
map, save, submit and read feedback, all through the store (two sessions share nothing else)."""

from __future__ import annotations

from argmap.classroom.assignment import AssignmentStore
from argmap.edit import operations as edit
from argmap.edit.history import History
from argmap.formats import native
from argmap.model import ArgumentMap, Source
from tests.app.conftest import EXAMPLE, current
from tests.app.markup import text_of


def reference() -> ArgumentMap:
    return native.loads(EXAMPLE.read_text(encoding="utf-8"))


def damaged() -> ArgumentMap:
    m = edit.remove(reference(), "a1")
    m, _ = edit.link_premise(m, "s9", "s7")
    return edit.remove(m, "s6")


def texts(at) -> str:
    """Every message on the page as the reader sees it (Markdown escapes undone)."""
    shown = (*at.markdown, *at.caption, *at.info, *at.warning, *at.error, *at.success)
    return " ".join(text_of(m.value) for m in shown)


def create(at, **settings) -> tuple[str, str]:
    """Create an assignment on the open (example) map through the form; (code, teacher key)."""
    for key, value in settings.items():
        at.radio(key="as_release").set_value(value) if key == "release" else at.checkbox(key=key).check()
    at.button(key="FormSubmitter:assignment_form-Create the assignment").click().run()
    assert not at.exception
    return at.session_state["classroom_code"], at.session_state["classroom_key"]


def join(at, code: str, name: str) -> None:
    at.text_input(key="join_code").input(code)
    at.button(key="join_go").click().run()
    at.text_input(key="join_name").input(name)
    at.button(key="join_seat").click().run()
    assert not at.exception


def test_teacher_creates_an_assignment_and_sees_the_class(app, store_dir) -> None:
    at = app("classroom")
    code, key = create(at, release="on_submit")
    assert len(code) == 6
    body = texts(at)
    assert f"?join={code}" in " ".join(c.value for c in at.code)
    assert "No student has joined yet" in body
    store = AssignmentStore(store_dir)
    seat = store.join(code, "Ada")
    store.submit(code, seat.token, reference())
    at.run()
    table = at.dataframe[0].value
    assert list(table["student"]) == ["Ada"] and table["score"].iloc[0] == 100
    assert list(table["status"]) == ["submitted"]
    assert any(b.label == "Download the gradebook (CSV)" for b in at.get("download_button"))


def test_a_student_joins_saves_submits_and_reads_feedback_when_released(app, store_dir) -> None:
    store = AssignmentStore(store_dir)
    made, key = store.create(reference(), release="manual")
    at = app("classroom")
    join(at, made.code.lower(), "Ana")
    assert at.session_state["classroom_role"] == "student"
    at.session_state["argmap_history"] = History(present=damaged())
    at.run()
    at.button(key="student_submit").click().run()
    assert not at.exception
    sub = store.submissions(made.code, key)[0]
    assert (sub.name, sub.status) == ("Ana", "submitted")
    assert "Feedback and the reference map come when your teacher releases it" in texts(at)
    assert not trees(at, "classroom_reference")  # no reference before release
    store.release(made.code, key)
    at.run()
    assert any(m.label == "Score" and m.value != "100%" for m in at.metric)
    assert "the author raises it to answer it" in points(at)
    assert trees(at, "classroom_reference")  # the reference, after release, in the clickable tree


def trees(at, key: str | None = None) -> list[dict]:
    """The clickable trees on the page (their data), the one drawn under ``key`` if given."""
    import json

    found = [e for e in at.get("bidi_component") if e.proto.component_name == "argmap_tree"]
    return [json.loads(e.proto.json) for e in found if key is None or e.proto.id.endswith(f"-{key}")]


def points(at, key: str = "feedback_pick") -> str:
    """The feedback points the student can pick, as they read."""
    return " ".join(text_of(o) for o in at.radio(key=key).options)


def marked(at) -> list[str]:
    """The words marked in the piece beside the feedback (each <mark>'s text)."""
    import html as html_lib
    import re

    bodies = [h.proto.body for h in at.get("html") if "<mark" in h.proto.body]
    return [html_lib.unescape(w) for b in bodies for w in re.findall(r"<mark[^>]*>(.*?)</mark>", b, re.S)]


def test_each_feedback_point_shows_its_words_in_the_piece(app, store_dir) -> None:
    store = AssignmentStore(store_dir)
    made, key = store.create(reference(), release="on_submit")
    at = app("classroom")
    join(at, made.code, "Ana")
    worse = edit.remove(edit.remove(damaged(), "s12"), "s3")
    at.session_state["argmap_history"] = History(present=worse)
    at.run()
    at.button(key="student_submit").click().run()
    assert not at.exception
    pick = at.radio(key="feedback_pick")
    assert 1 < len(pick.options) <= 5  # five points by default, the rest behind "Show all"
    assert at.toggle(key="feedback_all").label.startswith("Show all")
    ref = reference()
    text = ref.source.text
    from argmap.classroom.compare import compare

    result = compare(ref, worse)
    assert len(result.feedback) > 5

    def check(n: int, item) -> None:
        at.radio(key="feedback_pick").set_value(n).run()
        assert not at.exception
        want = [" ".join(text[a:b].split()) for a, b in item.spans if 0 <= a < b <= len(text)]
        got = [" ".join(w.split()) for w in marked(at)]
        if not want:  # a point about words the reference does not anchor (a statement typed by hand)
            assert not got and "no words marked in the piece" in texts(at)
            return
        assert all(any(w in g or g in w for g in got) for w in want), (item.message, got)

    for n, item in enumerate(result.shown()):
        check(n, item)
    # Every point, once asked for: the list grows and each still points at its words.
    at.toggle(key="feedback_all").set_value(True).run()
    assert len(at.radio(key="feedback_pick").options) == len(result.feedback)
    for n, item in enumerate(result.feedback):
        check(n, item)


def test_a_student_cannot_open_the_teacher_view(app, store_dir) -> None:
    made, _ = AssignmentStore(store_dir).create(reference())
    at = app("classroom")
    join(at, made.code, "Ana")
    assert "classroom_key" not in at.session_state
    # A forged teacher link is refused.
    at.session_state["classroom_role"] = "teacher"
    at.session_state["classroom_key"] = "guess"
    at.run()
    assert "not this assignment's teacher key" in texts(at)
    assert not at.dataframe


def test_the_role_and_assignment_stay_across_pages(app, store_dir) -> None:
    made, _ = AssignmentStore(store_dir).create(reference())
    at = app("classroom")
    join(at, made.code, "Ana")
    at.switch_page("src/argmap/app/views/map.py").run()
    at.switch_page("src/argmap/app/views/classroom.py").run()
    assert at.session_state["classroom_role"] == "student"
    assert "you are Ana" in texts(at)


def test_a_wrong_piece_submission_is_refused(app, store_dir) -> None:
    store = AssignmentStore(store_dir)
    other = ArgumentMap(id="o", title="Other", source=Source(text="Another piece."))
    other = edit.add_statement(other, "X.")[0]
    made, key = store.create(other, title="Another piece")
    at = app("classroom")
    join(at, made.code, "Ana")
    at.session_state["argmap_history"] = History(present=reference())  # a map of another piece
    at.run()
    at.button(key="student_submit").click().run()
    assert "is a map of another piece, not of “Another piece”" in texts(at)
    assert store.submissions(made.code, key)[0].status == "not started"


def test_start_my_map_asks_before_replacing_work(app, store_dir) -> None:
    store = AssignmentStore(store_dir)
    made, _ = store.create(reference())
    at = app("classroom")
    join(at, made.code, "Ana")
    at.button(key="student_start").click().run()
    assert current(at).statements == ()  # nothing of value was open: no question
    mine = edit.add_statement(current(at), "My first claim.")[0]
    at.session_state["argmap_history"] = History(present=mine)
    at.button(key="student_start").click().run()
    assert current(at) == mine  # not replaced yet
    assert "replaces the open map" in texts(at)
    at.button(key="student_start_no").click().run()
    assert current(at) == mine
    at.button(key="student_start").click().run()
    at.button(key="student_start_yes").click().run()
    assert current(at).statements == ()


def test_pseudonyms_hide_names(app, store_dir) -> None:
    store = AssignmentStore(store_dir)
    made, key = store.create(reference(), pseudonyms=True)
    at = app("classroom")
    at.text_input(key="join_code").input(made.code)
    at.button(key="join_go").click().run()
    assert not [t for t in at.text_input if t.key == "join_name"]
    at.button(key="join_seat").click().run()
    name = store.submissions(made.code, key)[0].name
    assert len(name.split()) == 2 and f"you are {name}" in texts(at)


def test_an_unknown_code_is_refused(app) -> None:
    at = app("classroom")
    at.text_input(key="join_code").input("ZZZZZZ")
    at.button(key="join_go").click().run()
    assert "no assignment has the code ZZZZZZ" in texts(at)


def test_handouts_of_the_students_map(app, store_dir) -> None:
    made, _ = AssignmentStore(store_dir).create(reference())
    at = app("classroom")
    join(at, made.code, "Ana")
    at.session_state["argmap_history"] = History(present=damaged())
    at.run()
    at.button(key="my_handouts_make").click().run()
    labels = {b.label for b in at.get("download_button")}
    assert {"Essay plan (Markdown)", "Essay plan (Word)", "The map on one page (PDF)"} <= labels


def test_the_teacher_joins_clause_fragments_of_the_draft_in_one_action(app) -> None:
    from argmap.extractor import extract
    from tests.classroom.variants import PIECES

    at = app("classroom")
    draft = extract((PIECES / "homework.txt").read_text(encoding="utf-8"))
    at.session_state["argmap_history"] = History(present=draft)
    at.run()
    gap = next(s.id for s in draft.statements if s.text.startswith("Third, homework widens"))
    cause = next(s.id for s in draft.statements if s.text.startswith("because some parents"))
    at.multiselect(key=f"as_join_v{at.session_state['argmap_version']}").set_value([gap, cause]).run()
    at.button(key="as_join").click().run()
    assert not at.exception
    joined = current(at)
    assert len(joined.statements) == len(draft.statements) - 1
    assert joined.statement(gap).text.endswith("because some parents can help and others cannot.")


def test_the_links_bring_back_the_dashboard_and_the_seat(app, store_dir) -> None:
    store = AssignmentStore(store_dir)
    made, key = store.create(reference())
    seat = store.join(made.code, "Ana")
    at = app()
    at.query_params["teach"] = made.code
    at.query_params["key"] = key
    at.switch_page("src/argmap/app/views/classroom.py").run()
    assert at.session_state["classroom_role"] == "teacher"
    assert any(m.label == "Join code" and m.value == made.code for m in at.metric)
    other = app()
    other.query_params["join"] = made.code
    other.query_params["seat"] = seat.token
    other.switch_page("src/argmap/app/views/classroom.py").run()
    assert "you are Ana" in texts(other)


def test_a_seat_reopened_from_its_link_brings_back_the_students_work(app, store_dir) -> None:
    store = AssignmentStore(store_dir)
    made, _ = store.create(reference())
    seat = store.join(made.code, "Ana")
    blank = ArgumentMap(id="ana", title="Ana's map", source=Source(text=made.text))
    work = edit.add_statement(blank, "Ana's own main claim.")[0]
    store.save(made.code, seat.token, work)
    at = app()  # a new session (another device, a reload): the app opens its example map first
    at.query_params["join"] = made.code
    at.query_params["seat"] = seat.token
    at.switch_page("src/argmap/app/views/classroom.py").run()
    assert not at.exception
    assert [s.text for s in current(at).statements] == ["Ana's own main claim."]
    at.button(key="student_save").click().run()  # saving now keeps her work, not the example
    assert [s.text for s in store.seat(made.code, seat.token).map.statements] == ["Ana's own main claim."]


def test_a_student_with_unsaved_work_is_sent_to_the_assignment_not_the_library(app, store_dir) -> None:
    made, _ = AssignmentStore(store_dir).create(reference())
    at = app("classroom")
    join(at, made.code, "Ana")
    at.button(key="student_start").click().run()
    at.session_state["argmap_history"] = History(present=edit.add_statement(current(at), "My claim.")[0])
    at.run()
    links = [p.proto.label for p in at.get("page_link")]
    assert "Save it to your assignment" in links and "Save it in the Library" not in links
    # Saved to the assignment: the sidebar says so and stops asking (it said "not saved yet").
    at.button(key="student_save").click().run()
    assert not at.exception
    links = [p.proto.label for p in at.get("page_link")]
    assert "Save it to your assignment" not in links and "Save it in the Library" not in links
    assert "saved to your assignment" in texts(at) and "not saved" not in texts(at)
    assert "no due date" in texts(at)
    # A new edit is unsaved again, and the sidebar says that too.
    at.session_state["argmap_history"] = History(present=edit.add_statement(current(at), "Another.")[0])
    at.run()
    assert "not saved to your assignment yet" in texts(at)
    assert "Save it to your assignment" in [p.proto.label for p in at.get("page_link")]


def test_a_student_sees_only_their_own_map_never_the_example_or_the_library(app, store_dir) -> None:
    made, _ = AssignmentStore(store_dir).create(reference())
    at = app("classroom")
    assert at.session_state["argmap_name"] == "democrats-voter-data"  # the example, before joining
    join(at, made.code, "Ana")
    assert "argmap_history" not in at.session_state  # the example map is closed: it is not hers
    sidebar = " ".join(text_of(m.value) for m in (*at.sidebar.markdown, *at.sidebar.caption))
    assert "Open map" not in sidebar and "Also here" not in sidebar and "Nobody else" not in sidebar
    at.switch_page("src/argmap/app/views/map.py").run()
    assert "argmap_history" not in at.session_state and "Start your map of the assignment's piece" in texts(
        at
    )
    assert "Go to Library" not in [p.proto.label for p in at.get("page_link")]
    at.switch_page("src/argmap/app/views/classroom.py").run()
    at.button(key="student_start").click().run()
    assert current(at).source.text == made.text  # her own map of the piece, and only that
    sidebar = " ".join(text_of(m.value) for m in (*at.sidebar.markdown, *at.sidebar.caption))
    assert "Also here" not in sidebar and "Nobody else" not in sidebar


def test_a_student_arriving_by_link_never_gets_the_example(app, store_dir) -> None:
    store = AssignmentStore(store_dir)
    made, _ = store.create(reference())
    seat = store.join(made.code, "Ana")
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import APP

    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["join"] = made.code
    at.query_params["seat"] = seat.token
    at.run()
    assert not at.exception
    assert "argmap_history" not in at.session_state  # the app's example was never opened for her


def piece_words(amap: ArgumentMap, sid: str) -> str:
    span = amap.statement(sid).span
    return " ".join(amap.source.text[span.start : span.end].split())


def test_the_reference_and_the_students_map_are_clickable_trees_showing_their_words(app, store_dir) -> None:
    store = AssignmentStore(store_dir)
    made, _ = store.create(reference(), release="on_submit")
    at = app("classroom")
    join(at, made.code, "Ana")
    mine = damaged()
    at.session_state["argmap_history"] = History(present=mine)
    at.run()
    [own] = trees(at, "classroom_my_tree")
    assert set(own["nodes"]) == {s.id for s in mine.statements} | {e.id for e in mine.evidence}
    assert "Click a box to see its words" in texts(at)
    # A node selected in her tree (a click selects it, as on the Map page: tests/e2e) shows its words.
    at.session_state["selected_node"] = "s9"
    at.run()
    assert trees(at, "classroom_my_tree")[0]["selected"] == "s9"
    assert piece_words(mine, "s9") in " ".join(" ".join(marked(at)).split())
    at.button(key="student_submit").click().run()
    ref = reference()
    [shown] = trees(at, "classroom_reference")
    assert shown["main"] == "s1" and set(shown["nodes"]) >= {s.id for s in ref.statements}
    # A node picked in the reference is kept apart from her map's selection.
    at.session_state["classroom_reference_picked"] = "s4"
    at.run()
    assert trees(at, "classroom_reference")[0]["selected"] == "s4"
    assert trees(at, "classroom_my_tree")[0]["selected"] == "s9"
    assert piece_words(ref, "s4") in " ".join(" ".join(marked(at)).split())


def teacher_at(app, code: str, key: str):
    at = app()
    at.query_params["teach"] = code
    at.query_params["key"] = key
    at.switch_page("src/argmap/app/views/classroom.py").run()
    assert not at.exception
    return at


def test_the_teacher_browses_a_students_revisions_and_compares_one_with_the_latest(app, store_dir) -> None:
    store = AssignmentStore(store_dir)
    made, key = store.create(reference(), release="manual")
    ana = store.join(made.code, "Ana")
    store.join(made.code, "Ben")  # joined, nothing saved: not in the list of work
    first = damaged()
    store.save(made.code, ana.token, first)
    store.submit(made.code, ana.token, reference())  # then she fixed it all
    at = teacher_at(app, made.code, key)
    pick = at.selectbox(key="teacher_student")
    assert pick.options == ["Ana (submitted, 2 revisions)"]
    body = texts(at)
    assert "Revision 2 · " in body and "· submitted" in body and "Revision 1 · " in body
    revs = at.selectbox(key=f"teacher_revision_{ana.seat}")
    assert revs.value == 2 and "This is the latest revision." in texts(at)
    revs.select(1).run()
    assert not at.exception
    from argmap.classroom.compare import compare
    from argmap.classroom.grading import percent

    then = percent(compare(reference(), first).score)
    assert f"Score of revision 1: {then}% · latest (revision 2): 100%" in texts(at)
    assert "From revision 1 to the latest (2):" in texts(at)
    assert "Ana added" in texts(at)  # the change back to the reference, in a sentence
    [old] = trees(at, f"teacher_rev_{ana.seat}_1")
    assert set(old["nodes"]) == {s.id for s in first.statements} | {e.id for e in first.evidence}
    # Read-only: opening a revision leaves the teacher's open map and the student's work alone.
    assert store.seat(made.code, ana.token).revision == 2
    assert current(at).statements == reference().statements  # the teacher's open map is untouched
    assert [s.revision for s in store.history(made.code, key, ana.seat)] == [1, 2]


def test_the_links_wrap_and_copy_on_a_phone(app, store_dir) -> None:
    store = AssignmentStore(store_dir)
    made, key = store.create(reference())
    seat = store.join(made.code, "Ana")
    at = teacher_at(app, made.code, key)
    links = {c.value: c.proto for c in at.code}
    student_link = next(v for v in links if v.endswith(f"?join={made.code}"))
    teacher_link = next(v for v in links if f"teach={made.code}&key={key}" in v)
    # Wrapped rather than cut off at 390 px; st.code's copy button copies the whole link.
    assert links[student_link].wrap_lines and links[teacher_link].wrap_lines
    other = app()
    other.query_params["join"] = made.code
    other.query_params["seat"] = seat.token
    other.switch_page("src/argmap/app/views/classroom.py").run()
    [back] = [c.proto for c in other.code if c.value.endswith(f"seat={seat.token}")]
    assert back.wrap_lines
