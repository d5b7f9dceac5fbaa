"""Classroom: a teacher sets up an exercise and grades the class; a student maps the piece,
submits, and reads feedback. Comparison and grading live in argmap.classroom."""

from __future__ import annotations

import streamlit as st

from argmap.app import state, widgets
from argmap.classroom import exercise, grading
from argmap.classroom.compare import PART_LABELS, Comparison, compare
from argmap.classroom.exercise import Exercise
from argmap.errors import ArgmapError
from argmap.formats import FORMATS, decode, read
from argmap.model import ArgumentMap, Source
from argmap.render import ViewOptions, to_dot

EXERCISE = "classroom_exercise"  # the Exercise this session works on
SUBMISSIONS = "classroom_submissions"  # student name -> ArgumentMap (uploaded or submitted)
FEEDBACK = "classroom_feedback"  # the student's last Comparison


def _read_upload(upload) -> ArgumentMap:  # noqa: ANN001 - a streamlit UploadedFile
    return read(upload.getvalue(), upload.name)[0]


SHORT_LABELS = {
    "main": "Main",
    "reasons": "Reasons",
    "objections": "Objections",
    "detail": "Detail",
    "precision": "In ref.",
}


def _show_comparison(result: Comparison) -> None:
    st.metric("Score", f"{result.score:.0%}")
    cols = st.columns(len(result.parts))
    for col, (part, value) in zip(cols, result.parts.items(), strict=True):
        col.metric(PART_LABELS.get(part, part), f"{value:.0%}")
    if not result.feedback:
        st.success("Your map matches the reference.")
    for f in result.feedback:
        st.markdown(f"- {widgets.md(f.message)}")


def _mistakes_chart(table, students: int):  # noqa: ANN001, ANN202 - a DataFrame in, an altair Chart out
    """Bars of how many students made each of the class's top mistakes, labelled in full sentences."""
    import altair as alt

    return (
        alt.Chart(table)
        .mark_bar(color="#0072B2")
        .encode(
            x=alt.X(
                "students:Q",
                title="students",
                scale=alt.Scale(domain=[0, max(students, 1)]),
                axis=alt.Axis(tickMinStep=1, format="d"),
            ),
            y=alt.Y("mistake:N", sort="-x", title=None, axis=alt.Axis(labelLimit=560, labelFontSize=13)),
            tooltip=[alt.Tooltip("mistake:N"), alt.Tooltip("students:Q")],
        )
    )


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# --- teacher ------------------------------------------------------------------------------------


def teacher(ex: Exercise | None) -> None:
    st.subheader("Set up an exercise")
    # A teacher new to Argmap sees the whole round trip once, before the first button.
    st.markdown(
        "1. Map a piece on **Analyze** and correct it on **Map**: that map is the reference answer.\n"
        "2. Make it the exercise below and download the exercise file for the class.\n"
        "3. Students open the file on the **Student** view, map the piece themselves and submit "
        "(or send you their map file).\n"
        "4. Upload their maps under *Student maps* to see scores and what each student missed."
    )
    amap = state.current_map()
    if amap is None or amap.source is None or not amap.source.text.strip():
        st.info("Open the reference map (one drawn from a piece) first: the exercise uses its piece.")
    else:
        st.caption(
            f"Reference: the open map, **{widgets.md(amap.title, line=True)}** "
            f"({len(amap.statements)} statements)."
        )
        title = st.text_input("Exercise title", value=amap.title, key="ex_title")
        draft = st.checkbox("Students may start from the automatic draft", value=False, key="ex_show_draft")
        show_ref = st.checkbox(
            "Students see the reference after submitting", value=True, key="ex_show_reference"
        )
        if st.button("Use the open map as the exercise", key="ex_create", type="primary"):
            with widgets.guard():
                made = exercise.create(amap, title=title or None, show_draft=draft)
                st.session_state[EXERCISE] = Exercise.model_validate(
                    made.model_dump() | {"show_reference": show_ref}
                )
                ex = st.session_state[EXERCISE]
                st.success(
                    f"Exercise “{widgets.md(ex.title, line=True)}” is ready: "
                    "download it and share it with the class."
                )
    upload = st.file_uploader("…or open an exercise file", type=["json"], key="ex_upload_teacher")
    if upload is not None:
        with widgets.guard():
            st.session_state[EXERCISE] = ex = exercise.loads(
                decode(upload.getvalue(), upload.name), upload.name
            )
    if ex is None:
        return
    st.download_button(
        "Download the exercise",
        exercise.dumps(ex),
        file_name=f"{ex.reference.id}-exercise.json",
        mime="application/json",
        key="ex_download",
    )

    st.subheader("Student maps")
    uploads = st.file_uploader(
        "Upload the students' maps (one file each; the file name is the student's name)",
        type=sorted({suffix.lstrip(".") for f in FORMATS.values() if f.loads for suffix in f.suffixes}),
        accept_multiple_files=True,
        key="student_maps",
    )
    subs: dict[str, ArgumentMap] = st.session_state.setdefault(SUBMISSIONS, {})
    for up in uploads or ():
        name = up.name.rsplit(".", 1)[0]
        if name in subs:
            continue
        try:
            subs[name] = _read_upload(up)
        except (ArgmapError, UnicodeDecodeError) as err:
            first = str(err).splitlines()[0]
            st.error(widgets.md(first if up.name in first else f"{up.name}: {first}"))
    if not subs:
        st.info("No student maps yet: upload them above, or have students submit on the Student view.")
        return

    st.button(
        "Clear the submissions",
        key="clear_submissions",
        on_click=lambda: st.session_state.pop(SUBMISSIONS, None),
        help="Forget every student map graded so far (uploads stay in the box above: remove them there).",
    )
    table, results = grading.grade_maps(ex.reference, subs)
    summary = grading.summary(table)
    cols = st.columns(4)
    cols[0].metric("Students", summary["graded"])
    for col, key, label in zip(
        cols[1:], ("mean", "min", "max"), ("Mean score", "Lowest score", "Highest score"), strict=True
    ):
        col.metric(label, f"{summary[key]:.0%}")
    st.dataframe(
        table.drop(columns=["feedback", "error"]),
        hide_index=True,
        width="stretch",
        key="results_table",
        column_config={
            "student": st.column_config.TextColumn("Student"),
            "score": st.column_config.NumberColumn("Score", format="percent"),
            **{
                part: st.column_config.NumberColumn(SHORT_LABELS[part], help=label, format="percent")
                for part, label in PART_LABELS.items()
            },
            "missed": st.column_config.NumberColumn("Missed", help="Reference statements not found"),
            "extra": st.column_config.NumberColumn("Extra", help="Statements the reference does not have"),
        },
    )
    st.download_button(
        "Download results (CSV)", table.to_csv(index=False), "results.csv", "text/csv", key="results_download"
    )
    st.markdown("**What most students got wrong**")
    shown = grading.mistakes_by(ex.reference, results)
    if shown.empty:
        st.success("No student made a mistake.")
    else:
        st.altair_chart(_mistakes_chart(shown, len(results)), width="stretch", height=34 * len(shown) + 60)
    st.download_button(
        "Download the chart (SVG)",
        grading.mistakes_chart_svg(shown, len(results)),
        "mistakes.svg",
        "image/svg+xml",
        key="chart_download",
    )
    who = st.selectbox("Feedback for", sorted(results), key="feedback_student")
    if who:
        _show_comparison(results[who])


# --- student ------------------------------------------------------------------------------------


def student(ex: Exercise | None) -> None:
    upload = st.file_uploader(
        "Open the exercise file your teacher shared", type=["json"], key="ex_upload_student"
    )
    if upload is not None:
        with widgets.guard():
            st.session_state[EXERCISE] = ex = exercise.loads(
                decode(upload.getvalue(), upload.name), upload.name
            )
    if ex is None:
        st.info(
            "Open an exercise file to start: the .json file your teacher gave you. A teacher makes one "
            "on the **Teacher** view of this page."
        )
        return
    # A shared file's words, shown as text: its title, instructions or source must never show a link.
    st.subheader(widgets.md(ex.title, line=True))
    st.markdown(widgets.md(ex.instructions))
    with st.expander("The piece", expanded=True):
        st.text(ex.text)
        if ex.source:
            st.caption(widgets.md(ex.source))

    c1, c2 = st.columns(2)
    if c1.button(
        "Start my map", key="student_start", help="Opens an empty map of the piece on the Map page."
    ):
        blank = ArgumentMap(id="my-map", title=ex.title, source=Source(title=ex.title, text=ex.text))
        state.open_map(blank)
        st.success("Your map is open: add statements and links on the Map and Table pages, then submit here.")
    if ex.show_draft and c2.button("Start from the automatic draft", key="student_draft"):
        with widgets.guard():
            from argmap.extractor import extract

            state.open_map(extract(ex.text, title=ex.title))
            st.success("The draft is open: correct it on the Map and Table pages, then submit here.")

    mine = state.current_map()
    name = state.author() or "student"
    what = (
        f"the open map, **{widgets.md(mine.title, line=True)}** ({len(mine.statements)} statements)"
        if mine
        else "no map yet"
    )
    st.caption(f"You submit {what} as **{widgets.md(name, line=True)}** (set your name in the sidebar).")
    if (
        st.button("Submit my map", key="student_submit", type="primary", disabled=mine is None)
        and mine is not None
    ):
        if not mine.statements:
            st.warning(
                "Your map has no statements yet: add the conclusion and its reasons on the Map or Table "
                "page, then submit."
            )
        else:
            st.session_state[FEEDBACK] = compare(ex.reference, mine)
            st.session_state.setdefault(SUBMISSIONS, {})[name] = mine
    result: Comparison | None = st.session_state.get(FEEDBACK)
    if result is not None:
        st.subheader("Feedback")
        _show_comparison(result)
        if ex.show_reference:
            with st.expander("The reference map"):
                st.graphviz_chart(to_dot(ex.reference, ViewOptions()), width="stretch")


st.title("Classroom")
widgets.show_flash()
mode = st.radio("I am", ("Teacher", "Student"), horizontal=True, key="classroom_mode")
current: Exercise | None = st.session_state.get(EXERCISE)
if mode == "Teacher":
    teacher(current)
else:
    student(current)
