"""The teacher's live view of the class: who joined, their status and scores (refreshed while
students work), the gradebook CSV, what most students got wrong and the score distribution; and
the grading of maps that came as files. The figures and sentences are the core's
(``argmap.classroom.grading``); this module only lays them out.
"""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from argmap.app import state, widgets
from argmap.classroom import grading
from argmap.classroom.assignment import AssignmentStore
from argmap.classroom.compare import PART_LABELS
from argmap.errors import ArgmapError
from argmap.model import ArgumentMap

REFRESH = 3  # seconds between dashboard updates


def grade_files(reference: ArgumentMap) -> None:
    """Maps that came as files (one each; the file name is the student's name), graded like the class."""
    from argmap.formats import FORMATS, read

    uploads = st.file_uploader(
        "Student map files",
        type=sorted({suffix.lstrip(".") for f in FORMATS.values() if f.loads for suffix in f.suffixes}),
        accept_multiple_files=True,
        key="student_maps",
    )
    maps: dict[str, ArgumentMap] = {}
    for up in uploads or ():
        try:
            maps[up.name.rsplit(".", 1)[0]] = read(up.getvalue(), up.name)[0]
        except (ArgmapError, UnicodeDecodeError) as err:
            first = str(err).splitlines()[0]
            st.error(widgets.md(first if up.name in first else f"{up.name}: {first}"))
    if not maps:
        return
    table, _results = grading.grade_maps(reference, maps)
    st.dataframe(
        grading.as_percents(table.drop(columns=["feedback", "error"])),
        hide_index=True,
        width="stretch",
        key="files_table",
        column_config={
            col: st.column_config.NumberColumn(PART_LABELS.get(col, "Score"), format="%d%%")
            for col in ("score", *PART_LABELS)
        },
    )


@st.fragment(run_every=REFRESH)
def live(code: str, key: str) -> None:
    """The class as it stands, refreshed every few seconds while students work."""
    try:
        store = AssignmentStore(state.store_location())
        assignment = store.teacher(code, key)
        subs = store.submissions(code, key)
    except ArgmapError as err:
        widgets.error(err)
        return
    table, results = grading.gradebook(assignment, subs)
    st.markdown(f"**Class** · updated {datetime.now(UTC).strftime('%H:%M:%S')} UTC")
    if table.empty:
        st.info(f"No student has joined yet: give them the code {assignment.code} or the student link.")
        return
    counts = table["status"].value_counts()
    mean = sum(r.score for r in results.values()) / len(results) if results else None
    cols = st.columns(4)
    cols[0].metric("Joined", len(table))
    cols[1].metric("Submitted", int(counts.get("submitted", 0)))
    cols[2].metric("In progress", int(counts.get("in progress", 0)))
    cols[3].metric("Mean score", f"{grading.percent(mean)}%" if mean is not None else "—")
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key="gradebook",
        column_config={
            "student": st.column_config.TextColumn("Student"),
            "status": st.column_config.TextColumn("Status"),
            "score": st.column_config.ProgressColumn("Score", format="%d%%", min_value=0, max_value=100),
            "revisions": st.column_config.NumberColumn("Saves"),
            "saved": st.column_config.TextColumn("Last saved (UTC)"),
            "submitted": st.column_config.TextColumn("Submitted (UTC)"),
        },
    )
    st.download_button(
        "Download the gradebook (CSV)",
        table.to_csv(index=False),
        f"{assignment.code}-gradebook.csv",
        "text/csv",
        key="gradebook_csv",
    )
    if not results:
        return
    st.markdown("**What most students got wrong**")
    mistakes = grading.mistakes_by(assignment.reference, results)
    if mistakes.empty:
        st.success("No student has made a mistake so far.")
    else:
        st.altair_chart(
            _mistakes_chart(mistakes, len(results)), width="stretch", height=34 * len(mistakes) + 50
        )
    st.markdown("**Scores**")
    st.altair_chart(
        _bins_chart(grading.score_bins(r.score for r in results.values())), width="stretch", height=180
    )


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
            y=alt.Y("mistake:N", sort="-x", title=None, axis=alt.Axis(labelLimit=900, labelFontSize=12)),
            tooltip=[alt.Tooltip("mistake:N"), alt.Tooltip("students:Q")],
        )
    )


def _bins_chart(bins):  # noqa: ANN001, ANN202
    import altair as alt

    return (
        alt.Chart(bins)
        .mark_bar(color="#009E73")
        .encode(
            x=alt.X("band:N", sort=None, title="score"),
            y=alt.Y("students:Q", title="students", axis=alt.Axis(tickMinStep=1, format="d")),
            tooltip=["band", "students"],
        )
    )
