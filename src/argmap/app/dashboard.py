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
_SEEN = "dashboard_seen_work"  # (seat, revision) of every student when the page was last drawn


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
    # The rest of the page (one student's work, drawn outside this fragment so its trees are not
    # redrawn every few seconds) catches up when someone saves or joins.
    work = tuple((s.seat, s.revision) for s in subs)
    if st.session_state.get(_SEEN, work) != work:
        st.session_state[_SEEN] = work
        st.rerun(scope="app")
    st.session_state[_SEEN] = work
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
            "note": st.column_config.TextColumn("Note"),
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
        # A bar under each full sentence: it wraps on a phone, and the bars keep the whole width
        # (as axis labels the sentences left the bars no room at 1024 px and were cut off at 390).
        for line, share in grading.mistake_lines(mistakes, len(results)):
            st.progress(share, text=widgets.md(line))
    st.markdown("**Scores**")
    st.altair_chart(
        _bins_chart(grading.score_bins(r.score for r in results.values())), width="stretch", height=180
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
