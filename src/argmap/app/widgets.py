"""Small UI pieces the pages share: error guard, messages, banners, legend, labels."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from argmap.app import state
from argmap.errors import (
    ArgmapError,
    ClassroomError,
    Conflict,
    EditError,
    FormatError,
    InputError,
    MapInvalid,
    RenderError,
)
from argmap.model import ArgumentMap
from argmap.render.highlight import STATUS_COLORS, legend_html, lines_html
from argmap.render.style import NOBODY, author_colors

VIEWS = "src/argmap/app/views"  # the pages, relative to streamlit_app.py

# What to do next, by kind of error: the message says what went wrong, this says what to try.
_HINTS: tuple[tuple[type[ArgmapError], str], ...] = (
    (Conflict, "Open the Library page to compare both versions and choose."),
    (EditError, "The map is unchanged; correct the input and try again."),
    (MapInvalid, "Fix the file (each problem names its element) and import it again."),
    (FormatError, "Check that the file is in the format its name says, or pick the format by hand."),
    (InputError, "Paste plain text (an article or essay) of a reasonable length."),
    (ClassroomError, "Nothing was saved or sent."),
    (
        RenderError,
        "Install Graphviz (`apt-get install graphviz`) for image downloads; "
        "the map on screen works without it.",
    ),
)


# Streamlit renders Markdown (GitHub's, with $…$ maths, :emoji: and :colour[…] directives, bare URLs
# made links) in st.markdown, captions, alerts, toasts, headings and most widget labels. Words taken
# from a text, a file, a link or a store name must never become markup there: a title could show a
# phishing link or a tracking image. CommonMark lets a backslash make ANY ASCII punctuation literal, so
# every one is escaped (links, images, HTML, entities, maths, directives, list and heading marks);
# leading spaces (an indented code block) are dropped and each line break is kept as a hard break.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_LINE = re.compile(r"[ \t]*\r?\n[ \t]*")
# Streamlit makes links of bare "https://…", "www.…" and "name@host" even when escaped (checked in
# Chromium: tests/e2e/test_untrusted_text.py); an invisible word joiner inside each breaks the pattern.
_BARE_LINK = re.compile(r"(?i)(:)(?=/)|(www)(?=\.)|()(?=@)")
_JOINER = "\u2060"


def md(text: str, *, line: bool = False) -> str:
    """``text`` (a statement, a title, a file name, an error message) to show literally inside Markdown;
    ``line``: on one line (for headings and labels, where a line break would end them)."""
    text = " ".join(text.split()) if line else text.strip()
    text = _BARE_LINK.sub(lambda m: (m.group(1) or m.group(2) or "") + _JOINER, text)
    escaped = _PUNCTUATION.sub(r"\\\1", text)
    return _LINE.sub("  \n", escaped)


def hint(err: ArgmapError) -> str:
    """What the user can do about ``err``."""
    for kind, text in _HINTS:
        if isinstance(err, kind):
            return text
    return "Nothing was changed; try again, or reload the page."


def error(err: ArgmapError, what_to_do: str | None = None) -> None:
    """Show an Argmap error as a message (never a traceback); ``what_to_do`` overrides the hint."""
    st.error(f"{md(str(err))}\n\n{what_to_do or hint(err)}", icon=":material/error:")


@contextmanager
def guard(what_to_do: str | None = None) -> Iterator[None]:
    """Run a block; an ``ArgmapError`` inside it becomes an on-page message (``what_to_do``: the
    hint that fits the place better than the one by kind of error)."""
    try:
        yield
    except ArgmapError as err:
        error(err, what_to_do)


def report(err: ArgmapError) -> None:
    """From a callback: queue the error to be shown on the next run."""
    state.flash("error", f"{md(str(err))}\n\n{hint(err)}")


_TOAST_ICONS = {
    "success": ":material/check_circle:",
    "warning": ":material/warning:",
    "error": ":material/error:",
}


def show_flash() -> None:
    """Show the message queued by the last action, if any."""
    queued = state.take_flash()
    if queued is None:
        return
    kind, message = queued
    getattr(st, kind, st.info)(message)
    # The message sits at the top of the page; the form that caused it may be far below, so a
    # toast (drawn over the page wherever it is scrolled) says it too.
    st.toast(message, icon=_TOAST_ICONS.get(kind, ":material/info:"))


def readonly_banner() -> None:
    """The banner over a map opened from a share link, with the way out."""
    if not state.readonly():
        return
    with st.container(border=True):
        st.warning(
            "**Read-only:** you opened this map from a share link. Editing is switched off; "
            "make your own copy to change it or save it.",
            icon=":material/lock:",
        )
        if st.button("Make an editable copy", key="make_editable", type="primary"):
            state.make_editable()
            st.query_params.clear()
            st.rerun()


def no_map() -> None:
    """The empty state shown where a page needs an open map."""
    if state.student():  # a student maps the assignment's piece, from the Classroom page
        st.info("No map is open yet. Start your map of the assignment's piece on the **Classroom** page.")
        st.page_link(f"{VIEWS}/classroom.py", label="Go to Classroom", icon=":material/school:")
        return
    st.info(
        "No map is open yet. Map a piece of text on **Analyze**, or open a saved map from the **Library**."
    )
    c1, c2 = st.columns(2)
    c1.page_link(f"{VIEWS}/analyze.py", label="Go to Analyze", icon=":material/edit_note:")
    c2.page_link(f"{VIEWS}/library.py", label="Go to Library", icon=":material/folder_open:")


def legend(color_by: str = "role", people: list[str] | None = None) -> None:
    """The colours as chips: roles (tree and text), or evaluation / authors (tree) and roles (text)."""
    if color_by == "author":
        chips = {**author_colors(people or []), "nobody (drafted or imported)": NOBODY}
        st.html(
            '<div style="font-size:0.85em;color:#555">Tree, by who added each node:</div>'
            + legend_html(chips)
            + '<div style="font-size:0.85em;color:#555">Text, by role:</div>'
            + legend_html()
            + lines_html()
        )
        return
    if color_by == "evaluation":
        st.html(
            '<div style="font-size:0.85em;color:#555">Tree, by evaluation:</div>'
            + legend_html(STATUS_COLORS)
            + '<div style="font-size:0.85em;color:#555">Text, by role:</div>'
            + legend_html()
            + lines_html()
        )
    else:
        st.html(legend_html() + lines_html())


def short(text: str, width: int = 70) -> str:
    """The start of ``text`` on one line (line breaks become spaces), at most ``width`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def map_caption(amap: ArgumentMap) -> str:
    """One line: counts and where the map is stored."""
    if state.name():
        where = f"saved as **{md(state.name() or '', line=True)}** (revision {state.revision()})"
    elif state.in_assignment():  # a student saves to the assignment, never the Library
        where = (
            "not saved to your assignment yet"
            if state.unsaved_in_assignment()
            else "saved to your assignment"
        )
    else:
        where = "not saved yet"
    changed = " · **unsaved changes**" if state.name() and state.unsaved() else ""
    return (
        f"{len(amap.statements)} statements · {len(amap.inferences)} inferences · "
        f"{len(amap.attacks)} attacks · {len(amap.evidence)} evidence — {where}{changed}"
    )


def replace_confirmed(what: str, key: str, clicked: bool, *, valuable: bool | None = None) -> bool:
    """True when ``what`` may replace the open map now: nothing unsaved is open, or the user said yes.

    Call it on every run with the button's click: a click over unsaved work shows the question
    (kept across reruns) with "Replace it" and "Keep my map"; "Replace it" returns True once.
    ``valuable`` overrides the default test (the open map has statements not saved in the Library).
    """
    pending = f"{key}_confirm"
    amap = state.current_map()
    if valuable is None:
        valuable = amap is not None and bool(amap.statements) and state.unsaved()
    if clicked and not valuable:
        st.session_state.pop(pending, None)
        return True
    if clicked:
        st.session_state[pending] = True
    if not st.session_state.get(pending):
        return False
    with st.container(border=True):
        title = amap.title if amap is not None else ""
        n = len(amap.statements) if amap is not None else 0
        st.warning(
            f"{what} replaces the open map “{md(title, line=True)}” ({n} statements), "
            "whose changes are not saved. Replace it?",
            icon=":material/warning:",
        )
        c1, c2 = st.columns(2)
        if c1.button("Replace it", key=f"{key}_yes", type="primary"):
            st.session_state.pop(pending, None)
            return True
        if c2.button("Keep my map", key=f"{key}_no"):
            st.session_state.pop(pending, None)
            st.rerun()
    return False


# Streamlit greys its captions to rgba(49, 51, 63, 0.6): 3.8:1 on the sidebar, under WCAG's 4.5:1.
_PAGE_STYLE = (
    "<style>[data-testid='stCaptionContainer'],[data-testid='stCaptionContainer'] *"
    "{color:#4d4d4d !important;opacity:1 !important}</style>"
)


def page_style() -> None:
    """Style fixes for the whole app (legible captions); call once per run, before the page."""
    st.html(_PAGE_STYLE)
