"""Classroom: a teacher creates an assignment (the piece, a reference map, settings) and follows the
class on a live dashboard; students join by code, map the piece, save, submit and read feedback.

Everything a class shares lives in the store (argmap.classroom.assignment); this session keeps only
who it is: its role, the assignment's code and the secret that proves it (the teacher key, or the
student's seat token), under plain session keys so they survive page changes.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

import streamlit as st

from argmap.app import dashboard, feedback_panel, state, student_panel, tree, widgets
from argmap.classroom import grading
from argmap.classroom.assignment import (
    RELEASE_LABELS,
    Assignment,
    AssignmentStore,
    Brief,
    Submission,
    normalise_code,
    same_piece,
)
from argmap.errors import ArgmapError, ClassroomError
from argmap.model import ArgumentMap, Source

ROLE = "classroom_role"  # "teacher" | "student" (plain keys: they outlive the widgets of one page)
CODE = "classroom_code"
KEY = "classroom_key"  # the teacher key
TOKEN = "classroom_token"  # the student's seat token
SAVED = "classroom_saved"  # the student's map as last saved to the assignment
LINKED = "classroom_linked"  # the query string already read


def _store() -> AssignmentStore:
    # Beside the maps: files under the store folder, or the PostgreSQL store's documents table.
    return AssignmentStore(state.store_location())


def _base_url() -> str:
    url = str(st.context.url or "")
    return url.split("?", 1)[0].rstrip("/").removesuffix("/classroom") + "/classroom"


def _forget() -> None:
    for k in (ROLE, CODE, KEY, TOKEN, SAVED):
        st.session_state.pop(k, None)
    st.query_params.clear()


def _from_link() -> None:
    """Take the role from the link once: ``?join=CODE[&seat=TOKEN]`` or ``?teach=CODE&key=KEY``."""
    params = dict(st.query_params)
    stamp = repr(sorted(params.items()))
    if st.session_state.get(LINKED) == stamp:
        return
    st.session_state[LINKED] = stamp
    if params.get("teach") and params.get("key"):
        st.session_state.update({ROLE: "teacher", CODE: normalise_code(params["teach"]), KEY: params["key"]})
    elif params.get("join"):
        st.session_state.update({ROLE: "student", CODE: normalise_code(params["join"])})
        if params.get("seat"):
            st.session_state[TOKEN] = params["seat"]


def _keep_in_url(params: dict[str, str]) -> None:
    """Put the session's link in the address bar (after a page change), so a reload or a bookmark
    comes back to the same seat or dashboard."""
    if dict(st.query_params) != params:
        st.query_params.from_dict(params)
        st.session_state[LINKED] = repr(sorted(params.items()))


def _when(d: datetime | None) -> str:
    return d.strftime("%d %b %Y, %H:%M UTC") if d else "—"


# --- the way in ----------------------------------------------------------------------------------


def start() -> None:
    st.markdown(
        "A teacher creates an assignment and gets a **join code**; students type the code here "
        "(or open the link), map the piece and submit. Feedback reaches each student when the "
        "teacher says so."
    )
    left, right = st.columns(2)
    with left, st.container(border=True):
        st.subheader("Join an assignment")
        code = st.text_input("Join code", key="join_code", placeholder="e.g. K7QF2M", max_chars=12)
        if st.button("Join", key="join_go", type="primary"):
            if not code.strip():
                st.warning("Type the join code your teacher gave you.")
            else:
                with widgets.guard():
                    brief = _store().brief(code)
                    st.session_state.update({ROLE: "student", CODE: brief.code})
                    st.rerun()
        offline()
    with right, st.container(border=True):
        st.subheader("Teach")
        create_form()
        st.divider()
        link = st.text_input(
            "Open my dashboard: paste your teacher link",
            key="teacher_link",
            type="password",
            help="The link you got when you created the assignment (it holds your teacher key).",
        )
        if st.button("Open the dashboard", key="teacher_open"):
            code, key = _parse_teacher_link(link)
            with widgets.guard():
                _store().teacher(code, key)
                st.session_state.update({ROLE: "teacher", CODE: normalise_code(code), KEY: key})
                st.rerun()


def offline() -> None:
    """A student without a join code opens the exercise file the teacher gave out and maps its piece."""
    from argmap.classroom import exercise

    st.divider()
    upload = st.file_uploader(
        "No code? Open the exercise file your teacher gave you",
        type=["json"],
        key="exercise_file",
        help="The students' copy of an exercise (a .json file): the piece to map, without the reference.",
    )
    if upload is None:
        return
    try:
        ex = exercise.loads_students(upload.getvalue().decode("utf-8"), path=upload.name)
    except (ArgmapError, UnicodeDecodeError) as err:
        first = str(err).splitlines()[0]
        st.error(widgets.md(first if upload.name in first else f"{upload.name}: {first}"))
        return
    st.markdown(f"**{widgets.md(ex.title, line=True)}**")
    st.text(ex.instructions)
    with st.expander("The piece"):
        st.text(ex.text)
    c1, c2 = st.columns(2)
    start = c1.button("Start my map", key="exercise_start")
    if widgets.replace_confirmed("Start my map", "exercise_start", start):
        state.open_map(ex.blank())
        state.flash("success", _OFFLINE_DONE)
        st.rerun()
    if ex.show_draft:
        draft = c2.button("Start from the draft", key="exercise_draft")
        if widgets.replace_confirmed("Start from the draft", "exercise_draft", draft):
            with widgets.guard():
                from argmap.classroom.draft import draft as drafted

                state.open_map(drafted(ex.text, title=ex.title))
                state.flash("success", _OFFLINE_DONE)
                st.rerun()


_OFFLINE_DONE = (
    "Your map is open: build it on the Map page, then save it in the Library, or download it on Export & "
    "share and send the file to your teacher."
)


def _parse_teacher_link(link: str) -> tuple[str, str]:
    from urllib.parse import parse_qs, urlsplit

    q = parse_qs(urlsplit(link.strip()).query)
    return (q.get("teach", [""])[0], q.get("key", [""])[0])


def _reference() -> tuple[ArgumentMap | None, tuple[str, ...]]:
    """The reference the teacher chose: the open map, or a file attached to a piece (and what was
    not found in the piece)."""
    amap = state.current_map()
    has_piece = amap is not None and amap.source is not None and bool(amap.source.text.strip())
    choice = st.radio(
        "Reference map",
        ("The open map", "A file (Argdown, AIF, Kialo, Argmap JSON)"),
        key="as_ref_kind",
        horizontal=True,
        index=0 if has_piece else 1,
    )
    if choice == "The open map":
        if not has_piece or amap is None:
            st.info(
                "The open map has no piece behind it. Map a piece on **Analyze**, correct it on **Map** "
                "and come back, or use a reference file and paste its piece."
            )
            return None, ()
        st.caption(
            f"Reference: the open map, “{widgets.md(amap.title, line=True)}” ({len(amap.statements)} "
            "statements). Students never see it before you release feedback."
        )
        clean(amap)
        return state.current_map(), ()
    from argmap.classroom.attach import attach
    from argmap.formats import read

    upload = st.file_uploader(
        "Reference file", type=["argdown", "ad", "json", "txt", "zip"], key="as_ref_file"
    )
    piece = st.text_area(
        "The piece it maps (its statements are found in these words)",
        value=amap.source.text if has_piece and amap is not None and amap.source else "",
        key="as_ref_piece",
        height=150,
    )
    if upload is None:
        return None, ()
    try:
        ref = read(upload.getvalue(), upload.name)[0]
        got = attach(ref, piece) if piece.strip() else None
    except (ArgmapError, UnicodeDecodeError) as err:
        first = str(err).splitlines()[0]
        st.error(widgets.md(first if upload.name in first else f"{upload.name}: {first}"))
        return None, ()
    if got is None:
        st.info("Paste the piece the reference maps: students get it to map.")
        return None, ()
    st.caption(widgets.md(got.summary()))
    warning = got.warning()
    if warning:
        st.warning(widgets.md(warning))
    return got.map, got.unmatched


def clean(amap: ArgumentMap) -> None:
    """Join clause fragments of a draft into one statement, in one action (the open map changes)."""
    from argmap.edit.fragments import fragments, join

    loose = fragments(amap)
    label = (
        f"Clean the reference: join clause fragments ({len(loose)} found)" if loose else "Clean the reference"
    )
    with st.expander(label):
        marked = set(loose)
        picked = st.multiselect(
            "Statements to join into one (fragments marked ✂)",
            [s.id for s in amap.statements],
            default=None,
            format_func=lambda sid: (
                ("✂ " if sid in marked else "") + f"{sid} · {widgets.short(amap.statement(sid).text, 70)}"
            ),
            key=f"as_join_v{state.version()}",
        )
        if st.button("Join into one statement", key="as_join", disabled=len(picked) < 2):
            with widgets.guard():
                joined, keep = join(amap, picked, author=state.author())
                state.push(joined)
                state.flash("success", f"Joined {len(picked)} statements into {keep}.")
                st.rerun()


def create_form() -> None:
    amap, _unmatched = _reference()
    if amap is None:
        return
    from argmap.classroom.draft import reference_warning

    near_draft = reference_warning(amap)
    if near_draft:
        st.warning(widgets.md(near_draft))
    with st.form("assignment_form", border=False):
        title = st.text_input("Title", value=amap.title, key="as_title")
        instructions = st.text_area("Instructions (optional)", key="as_instructions", height=68)
        c1, c2 = st.columns(2)
        day = c1.date_input("Due date (optional)", value=None, key="as_due_day")
        hour = c2.time_input("Due time (UTC)", value=time(23, 59), key="as_due_time")
        release = st.radio(
            "Feedback reaches students",
            list(RELEASE_LABELS),
            format_func=RELEASE_LABELS.__getitem__,
            key="as_release",
            horizontal=True,
        )
        draft = st.checkbox("Students may start from the automatic draft", key="as_draft")
        pseudo = st.checkbox("Pseudonyms (students do not give their names)", key="as_pseudo")
        go = st.form_submit_button("Create the assignment", type="primary")
    if go:
        due = datetime.combine(day, hour, tzinfo=UTC) if day else None
        if release == "after_due" and due is None:
            st.warning("Feedback after the due date needs a due date: set one, or choose another release.")
            return
        with widgets.guard():
            made, key = _store().create(
                amap,
                title=title,
                instructions=instructions,
                due=due,
                release=release,  # type: ignore[arg-type]
                show_draft=draft,
                pseudonyms=pseudo,
            )
            st.session_state.update({ROLE: "teacher", CODE: made.code, KEY: key})
            st.query_params.from_dict({"teach": made.code, "key": key})
            state.flash(
                "success",
                f"Assignment “{widgets.md(made.title, line=True)}” created: its join code is {made.code}.",
            )
            st.rerun()


# --- the teacher ---------------------------------------------------------------------------------


def teacher() -> None:
    code, key = st.session_state[CODE], st.session_state.get(KEY, "")
    try:
        assignment = _store().teacher(code, key)
    except ArgmapError as err:
        widgets.error(err, "Paste your teacher link again, or join as a student.")
        st.button("Back", key="teacher_back", on_click=_forget)
        return
    st.subheader(widgets.md(assignment.title, line=True))
    _keep_in_url({"teach": assignment.code, "key": key})
    c1, c2 = st.columns([1, 4])
    c1.metric("Join code", assignment.code)
    c2.markdown("**Student link** (share it with the class; the button at its right copies it)")
    # Wrapped, not cut off, on a phone; st.code's copy button copies the whole link.
    c2.code(f"{_base_url()}?join={assignment.code}", language=None, wrap_lines=True)
    with st.expander("Your teacher link (keep it secret: it opens this dashboard)"):
        st.code(f"{_base_url()}?teach={assignment.code}&key={key}", language=None, wrap_lines=True)
    due = _when(assignment.due) if assignment.due else "no due date"
    when = RELEASE_LABELS[assignment.release]
    released = f", released {_when(assignment.released)}" if assignment.released else ""
    st.caption(
        f"Due: {due} · Feedback reaches students {when}{released} · "
        f"{'Pseudonyms' if assignment.pseudonyms else 'Names'} · "
        f"{'draft offered' if assignment.show_draft else 'students map from scratch'}"
    )
    from argmap.classroom.draft import reference_warning

    near_draft = reference_warning(assignment.reference, show_draft=assignment.show_draft)
    if near_draft:
        st.warning(widgets.md(near_draft))
    if assignment.released is None and st.button("Release feedback now", key="release", type="primary"):
        with widgets.guard():
            _store().release(code, key)
            st.rerun()
    dashboard.live(code, key)
    # Outside the live fragment: a student's trees are not redrawn every few seconds.
    with widgets.guard():
        student_panel.show(_store(), assignment, key, _store().submissions(code, key))
    with st.expander("Grade map files (maps students sent you as files)"):
        dashboard.grade_files(assignment.reference)
    with st.expander("Handouts of the reference (a one-page PDF, an essay plan)"):
        handouts(assignment.reference, "ref_handouts")
    with st.expander("Exercise files (for a class that works without this server)"):
        exercise_files(assignment)
    st.button("Leave this assignment", key="teacher_leave", on_click=_forget)


def exercise_files(assignment: Assignment) -> None:
    """The assignment as two files: the students' copy (no reference) and the teacher's file."""
    from argmap.classroom import exercise

    ex = exercise.of_assignment(assignment)
    st.caption(
        "Give students the students' copy: it holds the piece and your instructions, never the "
        "reference. Keep the teacher's file: it holds the reference, and grades the maps students send "
        "you (Grade map files, above, or argmap compare)."
    )
    c1, c2 = st.columns(2)
    c1.download_button(
        "Students' copy (no reference)",
        exercise.dumps_students(ex),
        f"{assignment.code}-exercise.json",
        "application/json",
        key="exercise_students",
        type="primary",
    )
    c2.download_button(
        "Teacher's file (with the reference: keep it)",
        exercise.dumps(ex),
        f"{assignment.code}-exercise-teacher.json",
        "application/json",
        key="exercise_teacher",
    )


def handouts(amap: ArgumentMap, key: str) -> None:
    """Downloads of a map as a one-page PDF and as an essay plan (Markdown, Word), made on request."""
    from argmap.classroom import handout

    if not st.button("Make the handouts", key=f"{key}_make"):
        return
    plan = handout.plan(amap)
    name = amap.id
    c1, c2, c3 = st.columns(3)
    c1.download_button(
        "Essay plan (Markdown)",
        handout.to_markdown(plan),
        f"{name}-plan.md",
        "text/markdown",
        key=f"{key}_md",
    )
    c2.download_button(
        "Essay plan (Word)",
        handout.to_docx(plan),
        f"{name}-plan.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        key=f"{key}_docx",
    )
    try:
        pdf = handout.map_pdf(amap)
    except ArgmapError as err:
        c3.caption(widgets.md(str(err)))
    else:
        c3.download_button(
            "The map on one page (PDF)", pdf, f"{name}.pdf", "application/pdf", key=f"{key}_pdf"
        )


# --- the student ---------------------------------------------------------------------------------


def _replace(what: str, key: str, clicked: bool, brief: Brief) -> bool:
    """True when ``what`` may replace the open map now (``widgets.replace_confirmed``); work saved to
    the assignment and unchanged since is not worth asking about."""
    amap = state.current_map()
    saved = st.session_state.get(SAVED)
    kept = (
        saved is not None
        and amap is not None
        and same_piece(brief, amap)
        and amap.statements == saved.statements
    )
    valuable = amap is not None and bool(amap.statements) and state.unsaved() and not kept
    return widgets.replace_confirmed(what, key, clicked, valuable=valuable)


def student() -> None:
    store = _store()
    code = st.session_state[CODE]
    try:
        brief = store.brief(code)
    except ArgmapError as err:
        widgets.error(err, "Check the code with your teacher.")
        st.button("Back", key="student_back", on_click=_forget)
        return
    token = st.session_state.get(TOKEN)
    sub: Submission | None = None
    if token:
        try:
            sub = store.seat(code, token)
        except ClassroomError as err:
            widgets.error(err)
            st.session_state.pop(TOKEN, None)
            token = None
    st.subheader(widgets.md(brief.title, line=True))
    if sub is not None and token:
        _keep_in_url({"join": brief.code, "seat": token})
    if sub is None:
        join(store, brief)
        return
    _resume_once(brief, sub, token or "")
    st.caption(
        f"Code {brief.code} · you are **{widgets.md(sub.name, line=True)}** · "
        + (f"due {_when(brief.due)}" if brief.due else "no due date")
        + " · "
        + (f"submitted {_when(sub.submitted)}" if sub.submitted else sub.status)
    )
    with st.expander("Your link back to this map (keep it: it is the only way back from another device)"):
        st.code(f"{_base_url()}?join={brief.code}&seat={token}", language=None, wrap_lines=True)
    st.text(brief.instructions)
    with st.expander("The piece", expanded=sub.map is None):
        st.text(brief.text)
        if brief.source:
            st.caption(widgets.md(brief.source))
    work(store, brief, sub, token or "")


def _resume_once(brief: Brief, sub: Submission, token: str) -> None:
    """A seat reopened from its link brings back the student's saved work, once per session, unless the
    open map holds unsaved work, of this piece or another (then "Open my saved map" asks first)."""
    key = f"classroom_resumed_{token}"
    if st.session_state.get(key):
        return
    st.session_state[key] = True  # the first sight of this seat in this session, saved work or not
    if sub.map is None:
        return
    mine = state.current_map()
    if mine is not None and state.unsaved() and mine.statements:
        if not same_piece(brief, mine):
            st.info(
                f"Your saved map (revision {sub.revision}) is not open: the open map has unsaved work. "
                "“Open my saved map” brings it back."
            )
        return
    state.open_map(sub.map)
    st.session_state[SAVED] = sub.map
    state.flash("info", f"Your saved map is open (revision {sub.revision}).")
    st.rerun()


def join(store: AssignmentStore, brief: Brief) -> None:
    st.text(brief.instructions)
    with st.container(border=True):
        if brief.pseudonyms:
            st.markdown("This class uses pseudonyms: you get a name when you join.")
            name = ""
        else:
            name = st.text_input("Your name (your teacher sees it)", key="join_name", max_chars=60)
        if st.button("Join the assignment", key="join_seat", type="primary"):
            with widgets.guard():
                seat = store.join(brief.code, name)
                st.session_state.update({TOKEN: seat.token})
                st.query_params.from_dict({"join": brief.code, "seat": seat.token})
                state.flash(
                    "success", f"You joined as {widgets.md(seat.name, line=True)}. Start your map below."
                )
                st.rerun()
    st.button("Not my assignment", key="student_leave", on_click=_forget)


def work(store: AssignmentStore, brief: Brief, sub: Submission, token: str) -> None:
    c1, c2, c3 = st.columns(3)
    start = c1.button("Start my map", key="student_start", help="An empty map of the piece, on the Map page.")
    if _replace("Start my map", "student_start", start, brief):
        blank = ArgumentMap(id="my-map", title=brief.title, source=Source(title=brief.title, text=brief.text))
        state.open_map(blank)
        st.session_state.pop(SAVED, None)
        state.flash("success", "Your map is open: add statements and links on the Map page, then save here.")
        st.rerun()
    if brief.show_draft:
        draft = c2.button("Start from the draft", key="student_draft")
        if _replace("Start from the draft", "student_draft", draft, brief):
            with widgets.guard():
                from argmap.classroom.draft import draft as drafted

                state.open_map(drafted(brief.text, title=brief.title))
                st.session_state.pop(SAVED, None)
                state.flash("success", "The draft is open: correct it on the Map page, then save here.")
                st.rerun()
    if sub.map is not None:
        resume = c3.button("Open my saved map", key="student_resume")
        if _replace("Opening your saved map", "student_resume", resume, brief):
            state.open_map(sub.map)
            st.session_state[SAVED] = sub.map
            st.rerun()

    mine = state.current_map()
    if mine is None:
        st.info("No map is open: start one above.")
    else:
        ok = same_piece(brief, mine)
        st.caption(
            f"Open map: “{widgets.md(mine.title, line=True)}”, {len(mine.statements)} statements"
            + ("" if ok else " — a map of another piece, not this assignment's")
        )
        st.page_link(
            f"{widgets.VIEWS}/map.py", label="Edit it on the Map page", icon=":material/account_tree:"
        )
        if mine.statements:
            with st.expander("My map as a tree (click a box to see its words in the piece)"):
                tree.show_with_words(
                    mine, brief.text, key="classroom_my_tree", selected=state.selected(), own=True
                )
        s1, s2 = st.columns(2)
        if s1.button("Save my work", key="student_save"):
            with widgets.guard():
                saved = store.save(brief.code, token, mine)
                st.session_state[SAVED] = mine
                state.flash("success", f"Saved (revision {saved.revision}).")
                st.rerun()
        if s2.button("Submit my map", key="student_submit", type="primary", disabled=brief.closed()):
            with widgets.guard():
                done = store.submit(brief.code, token, mine)
                st.session_state[SAVED] = mine
                state.flash(
                    "success",
                    f"Submitted at {_when(done.submitted)}: you may submit again until the due date.",
                )
                st.rerun()
        if brief.closed():
            st.caption("The due date has passed: your teacher has your last submission.")
        with st.expander("Handouts of my map (a one-page PDF, an essay plan)"):
            handouts(mine, "my_handouts")

    if sub.submitted is None:
        return
    st.subheader("Feedback")
    if not brief.feedback_open(sub.submitted):
        later = "after the due date" if brief.release == "after_due" else "when your teacher releases it"
        st.info(f"Your map is submitted. Feedback and the reference map come {later}.")
        return
    assignment = store.get(brief.code)  # server side: the reference only after release
    submitted = store.seat(brief.code, token)
    result = grading.compare_cached(assignment, submitted)
    if result is not None:
        feedback_panel.show(result, assignment.reference, brief.text)
    with st.expander("The reference map (click a box to see its words in the piece)"):
        tree.show_with_words(assignment.reference, brief.text, key="classroom_reference")


st.title("Classroom")
widgets.show_flash()
_from_link()
role = st.session_state.get(ROLE)
if role == "teacher":
    teacher()
elif role == "student":
    student()
else:
    start()
