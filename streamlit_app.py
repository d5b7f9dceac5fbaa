"""Argmap's app: `streamlit run streamlit_app.py`. The frame: page setup, sidebar, navigation.

The pages live in src/argmap/app/views/ (not pages/, Streamlit's legacy auto-discovery folder);
the open map and its history live in argmap.app.state.
"""

from pathlib import Path

import streamlit as st

from argmap.app import collab, state, widgets
from argmap.errors import ArgmapError

ROOT = Path(__file__).resolve().parent
VIEWS = ROOT / widgets.VIEWS

st.set_page_config(page_title="Argmap", page_icon=":material/account_tree:", layout="wide")
widgets.page_style()
state.configure(ROOT)
state.start()
collab.start_run()

# (file, title, icon, url path, default); pages whose file is not there yet are left out.
_PAGES = (
    ("analyze.py", "Analyze", ":material/edit_note:", "analyze", False),
    ("map.py", "Map", ":material/account_tree:", "map", True),
    ("table.py", "Table", ":material/table_chart:", "table", False),
    ("check.py", "Check", ":material/fact_check:", "check", False),
    ("classroom.py", "Classroom", ":material/school:", "classroom", False),
    ("library.py", "Library", ":material/folder_open:", "library", False),
    ("share.py", "Export & share", ":material/ios_share:", "share", False),
)
# A student in an assignment sees only their own map and the piece: not the Library's maps.
_STUDENT_HIDDEN = {"library.py"}
student = state.student()
pages = [
    st.Page(VIEWS / file, title=title, icon=icon, url_path=url, default=default)
    for file, title, icon, url, default in _PAGES
    if (VIEWS / file).is_file() and not (student and file in _STUDENT_HIDDEN)
]

with st.sidebar:
    st.markdown("## Argmap")
    st.caption("Draft an argument map from a piece of writing, then correct, check and share it.")
    st.text_input(
        "Your name",
        key=state.AUTHOR,
        placeholder="e.g. Sam (recorded on what you add)",
        help="Every statement, link and piece of evidence you add records this name.",
    )
    amap = state.current_map()
    if amap is not None:
        st.markdown(f"**Open map:** {widgets.md(amap.title, line=True)}")
        st.caption(widgets.map_caption(amap))
        if not student:  # a student's map is theirs alone: nobody else is "here"
            collab.watch()  # who else is here; others' saves merged in as they land

page = st.navigation(pages, position="top")
if amap is not None and state.unsaved() and not state.readonly():
    # Saving lives on the Library page; a newcomer who edited the map should not have to find it.
    # A student in an assignment saves to the assignment instead (the Library is shared by everyone).
    # Not yet seated: joining comes first. What they saved or submitted there is not worth the nudge.
    if student:
        if state.in_assignment() and state.unsaved_in_assignment():
            st.sidebar.page_link(
                f"{widgets.VIEWS}/classroom.py", label="Save it to your assignment", icon=":material/save:"
            )
    else:
        st.sidebar.page_link(
            f"{widgets.VIEWS}/library.py", label="Save it in the Library", icon=":material/save:"
        )
widgets.readonly_banner()
try:
    page.run()
except ArgmapError as err:  # a last net: every page guards its own actions too
    widgets.error(err)
