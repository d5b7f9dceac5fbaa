"""The teacher's look at one student: the feedback on their latest work, and every revision they
saved (with its time), each opened read-only and compared with the latest.

The comparison is the core's: ``argmap.analysis.changes`` says what changed in sentences, and
``argmap.classroom.compare`` scores each revision against the reference.
"""

from __future__ import annotations

import streamlit as st

from argmap.analysis.changes import changes, sentences, summary
from argmap.app import feedback_panel, tree, widgets
from argmap.classroom import grading
from argmap.classroom.assignment import Assignment, AssignmentStore, Stamp, Submission
from argmap.errors import ArgmapError


def _when(stamp: Stamp) -> str:
    when = stamp.saved.strftime("%d %b %Y, %H:%M UTC") if stamp.saved else "time not recorded"
    return f"Revision {stamp.revision} · {when}" + (" · submitted" if stamp.submitted else "")


def show(store: AssignmentStore, assignment: Assignment, key: str, subs: list[Submission]) -> None:
    """Pick a student; see their feedback and browse their revisions."""
    working = [s for s in subs if s.map is not None]
    if not working:
        return
    st.markdown("**One student**")
    seat = st.selectbox(
        "Student",
        [s.seat for s in working],
        format_func=lambda seat: next(
            f"{s.name} ({s.status}, {s.revision} revision{'s' if s.revision != 1 else ''})"
            for s in working
            if s.seat == seat
        ),
        key="teacher_student",
    )
    sub = next(s for s in working if s.seat == seat)
    feedback, revisions = st.tabs(["Feedback on the latest work", f"Revisions ({sub.revision})"])
    with feedback:
        result = grading.compare_cached(assignment, sub)
        if result is not None:
            feedback_panel.show(
                result, assignment.reference, assignment.text, key="teacher_feedback", everything=True
            )
    with revisions:
        revisions_of(store, assignment, key, sub)


def revisions_of(store: AssignmentStore, assignment: Assignment, key: str, sub: Submission) -> None:
    """The student's revisions with their times; one opened read-only and compared with the latest."""
    try:
        stamps = store.history(assignment.code, key, sub.seat)
    except ArgmapError as err:
        widgets.error(err)
        return
    if not stamps:
        st.caption(f"{widgets.md(sub.name, line=True)} has saved nothing yet.")
        return
    st.markdown(
        "\n".join(f"- {widgets.md(_when(s))}" for s in reversed(stamps))  # the latest first
    )
    numbers = [s.revision for s in stamps]
    rev = st.selectbox(
        "Open a revision (read-only)",
        list(reversed(numbers)),
        format_func=lambda n: _when(stamps[numbers.index(n)]),
        key=f"teacher_revision_{sub.seat}",
    )
    if rev is None:
        return
    with widgets.guard():
        old = store.revision(assignment.code, key, sub.seat, rev)
        latest = sub.map
        assert latest is not None
        then = grading.compare_cached(
            assignment, Submission.model_validate(sub.model_dump() | {"map": old, "revision": rev})
        )
        now = grading.compare_cached(assignment, sub)
        if then is not None and now is not None:
            st.caption(
                f"Score of revision {rev}: {grading.percent(then.score)}% · "
                f"latest (revision {sub.revision}): {grading.percent(now.score)}%"
            )
        if rev == sub.revision:
            st.caption("This is the latest revision.")
        else:
            found = changes(old, latest)
            st.markdown(
                f"**From revision {rev} to the latest ({sub.revision}):** "
                f"{widgets.md(summary(found, [sub.name]))}"
            )
            for line in sentences(old, latest, found, who=sub.name)[:30]:
                st.markdown(f"- {widgets.md(line)}")
        tree.show_with_words(old, assignment.text, key=f"teacher_rev_{sub.seat}_{rev}")
