"""A student's feedback: the score, its parts, and the ranked points, each linked to its words.

The points are a list to pick from (five, the rest behind "Show all"); the piece beside them shows
the picked point's words highlighted (``argmap.classroom.feedback_words``): the author's words in
the colour their role has in the tree, the student's own in yellow. On a phone the columns stack:
the points, then the words.
"""

from __future__ import annotations

import streamlit as st

from argmap.app import widgets
from argmap.classroom import feedback_words
from argmap.classroom.compare import PART_LABELS, SHOWN, Comparison
from argmap.classroom.grading import percent
from argmap.model import ArgumentMap


def show(
    result: Comparison, reference: ArgumentMap, text: str, *, key: str = "feedback", everything: bool = False
) -> None:
    """The score, its parts and the ranked points; the picked point's words marked in the piece."""
    st.metric("Score", f"{percent(result.score)}%")
    # One line that wraps, not five metrics: their labels are cut off on a tablet and fill a phone.
    st.markdown(
        " · ".join(
            f"{PART_LABELS.get(part, part)} **{percent(value)}%**" for part, value in result.parts.items()
        )
    )
    items = result.feedback
    if not items:
        st.info("There is nothing to say about this map yet.")
        return
    show_all = everything or st.toggle(
        f"Show all {len(items)} points", key=f"{key}_all", disabled=len(items) <= SHOWN
    )
    shown = items if show_all else result.shown()
    left, right = st.columns([3, 2], gap="medium")
    with left:
        picked = st.radio(
            "Pick a point to see its words in the piece",
            range(len(shown)),
            format_func=lambda n: ("✓ " if shown[n].kind == "right" else "• ") + widgets.md(shown[n].message),
            key=f"{key}_pick",
        )
    item = shown[picked if picked is not None and picked < len(shown) else 0]
    with right:
        found = feedback_words.words(item, reference, text)
        parts = feedback_words.excerpts(text, found.marks)
        if not parts:
            st.caption("This point has no words marked in the piece (its statement was typed, not quoted).")
            return
        st.markdown("**In the piece**")
        for html in parts:
            with st.container(border=True):
                st.html(html)
        st.caption(widgets.md(found.legend))
