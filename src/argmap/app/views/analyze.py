"""Analyze: paste a piece, upload a file or pick a sample, and let Argmap draft its map."""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from argmap import pieces
from argmap.app import state, widgets
from argmap.edit.operations import rebuild
from argmap.errors import ArgmapError
from argmap.extractor import extract
from argmap.model import ArgumentMap, Source

LONG_TEXT = 20_000  # characters; above this the page shows a progress bar rather than a spinner
FETCHED = "analyze_fetched"  # the Piece last fetched from a web address
FETCH_HINT = (
    "Check the address and try again; or save the page from your browser and upload it, or paste its text."
)


@st.cache_data(max_entries=4, show_spinner="Reading the file…")
def _read_upload(name: str, data: bytes) -> pieces.Piece:
    """The piece in an uploaded file, read once (a PDF or Word file is not parsed again on every rerun)."""
    return pieces.read(data, name)


def _show(bar: DeltaGenerator, done: float, label: str) -> None:
    bar.progress(min(max(done, 0.0), 1.0), label)


def _draft(text: str, title: str | None) -> ArgumentMap:
    """Run the extractor: a spinner on a short text, a progress bar on a long one."""
    if len(text) <= LONG_TEXT:
        with st.spinner("Reading the argument…"):
            return extract(text, title=title)
    label = f"Reading the argument ({len(text):,} characters)…"
    bar = st.progress(0.0, text=label)
    try:
        return extract(text, title=title, progress=lambda done: _show(bar, done, label))
    finally:
        bar.empty()


st.title("Analyze a piece of writing")
st.markdown(
    "Paste an opinion piece, essay or letter (or upload one). Argmap drafts its argument map: "
    "the main conclusion, the reasons for it, the objections and the evidence. "
    "You then correct the draft on the **Map** page."
)
widgets.show_flash()

seeds = sorted(state.seeds_folder().glob("*.txt")) if state.seeds_folder().is_dir() else []
source_kind = st.radio(
    "Where is the text?",
    ["Paste text", "Upload a file", "Fetch a web page", "Pick a sample"],
    key="analyze_source",
    horizontal=True,
)

text = ""
default_title = ""
default_url = ""
if source_kind == "Paste text":
    text = st.text_area(
        "Text",
        key="analyze_text",
        height=260,
        placeholder="Paste the article here. A title on the first line is fine.",
    )
elif source_kind == "Upload a file":
    upload = st.file_uploader(
        "A text, Markdown, HTML, Word (.docx), OpenDocument (.odt), RTF or PDF file",
        type=sorted({suffix.lstrip(".") for suffix in pieces.SUFFIXES}),
        key="analyze_upload",
    )
    if upload is not None:
        with widgets.guard(
            "Upload the piece in another form (text, Word, a PDF with text in it), or paste its text."
        ):
            piece = _read_upload(upload.name, upload.getvalue())
            text = piece.text
            # The file's own title, else none: the extractor reads the piece's headline, which beats
            # the file's name ("The town library should open on Sundays", not "notepad").
            default_title = piece.title or ""
            st.caption(
                f"{len(text):,} characters read from {widgets.md(upload.name, line=True)} ({piece.kind})."
            )
            with st.expander("Show the text"):
                st.text(text)
elif source_kind == "Fetch a web page":
    c_url, c_go = st.columns([5, 1], vertical_alignment="bottom")
    address = c_url.text_input("The article's address", key="analyze_fetch_url", placeholder="https://…")
    if c_go.button("Fetch", key="analyze_fetch"):
        st.session_state.pop(FETCHED, None)
        with widgets.guard(FETCH_HINT), st.spinner("Fetching the page…"):
            st.session_state[FETCHED] = pieces.read_url(address, public_only=state.fetch_public_only())
    fetched: pieces.Piece | None = st.session_state.get(FETCHED)
    if fetched is not None:
        text, default_title, default_url = fetched.text, fetched.title or "", fetched.url or ""
        st.caption(
            f"{len(text):,} characters read from {widgets.md(fetched.url or '', line=True)} ({fetched.kind})."
        )
        with st.expander("Show the text"):
            st.text(text)
else:
    if not seeds:
        st.info("No samples found in seeds/.")
    else:
        pick = st.selectbox(
            "Sample", seeds, key="analyze_seed", format_func=lambda p: p.stem.replace("-", " ").capitalize()
        )
        text = pick.read_text(encoding="utf-8")
        # No default title: a sample opens with its own headline, which the extractor reads
        # ("Letter: Main Street Needs Protected Bike Lanes", not the file's name "Letter bike lanes").
        with st.expander("Show the text"):
            st.text(text)

c1, c2, c3 = st.columns(3)
title = c1.text_input(
    "Title",
    key="analyze_title",
    placeholder=default_title or "From the text's first line, or type one",
)
author = c2.text_input("Author or outlet", key="analyze_author")
url = c3.text_input("URL", key="analyze_url", placeholder=default_url or "https://…")

# Never disabled: a text pasted but not yet committed (no blur) arrives with the click itself.
clicked = st.button("Map it", key="analyze_go", type="primary")
if clicked and not text.strip():
    st.warning("There is no text to map yet: paste a text, upload a file or pick a sample first.")
elif widgets.replace_confirmed("Mapping this text", "analyze_go", clicked and bool(text.strip())):
    try:
        amap = _draft(text, title or default_title or None)
        given = (("author", author), ("url", url or default_url))
        extra = {k: v.strip() for k, v in given if v and v.strip()}
        if extra:
            base = amap.source or Source(text=text)
            amap = rebuild(amap, source=base.model_copy(update=extra))
    except ArgmapError as err:
        widgets.error(err)
    else:
        state.open_map(amap)
        state.flash(
            "success",
            f"Mapped “{widgets.md(amap.title, line=True)}”: {len(amap.statements)} statements, "
            f"{len(amap.inferences)} inferences, {len(amap.attacks)} attacks. "
            "Check the draft and correct it, then save it in the Library.",
        )
        st.switch_page(f"{widgets.VIEWS}/map.py")
