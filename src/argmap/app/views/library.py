"""Library: the maps in the store — open, save (never over someone else's save), revisions, import."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from argmap.analysis.changes import changes, sentences, summary
from argmap.app import collab, state, widgets
from argmap.errors import ArgmapError, Conflict
from argmap.formats import FORMATS
from argmap.render.draw import to_dot
from argmap.render.highlight import legend_html
from argmap.render.outline import outline
from argmap.render.style import CHANGE_STYLE
from argmap.render.view import ViewOptions
from argmap.storage.backend import Entry
from argmap.storage.names import slug

_CONFLICT = "library_conflict"  # (name, None, message) after a save found the map deleted or renamed

st.title("Library")
st.caption(f"Maps are kept as {state.store().describe()}; every save keeps the previous revision.")
widgets.show_flash()
store = state.store()
amap = state.current_map()


def _open(name: str) -> None:
    state.open_map(store.load(name), name=name)
    st.session_state["_library_pick_next"] = name
    st.session_state.pop(_CONFLICT, None)
    state.flash("success", f"Opened “{widgets.md(name)}”.")


def _save_as(new_name: str) -> None:
    saved = store.save_as(state.current_map(), new_name, author=state.author())
    state.mark_saved(saved, new_name)
    st.session_state["_library_pick_next"] = new_name
    st.session_state.pop(_CONFLICT, None)
    state.flash("success", f"Saved as “{widgets.md(new_name)}” (revision {saved.revision}).")


def _compare_revisions(pick: str, revs: list[Entry], rev: int) -> None:
    """What changed between two revisions: in words, with changed words marked, and as a map."""
    numbers = [r.revision for r in revs]
    earlier = [n for n in numbers if n < rev] or [n for n in numbers if n != rev]
    with st.expander(f"Compare revision {rev} with another", expanded=False):
        other = st.selectbox("Compare with revision", earlier, key=f"library_compare_{pick}_{rev}")
        with widgets.guard():
            old, new = store.load_revision(pick, min(other, rev)), store.load_revision(pick, max(other, rev))
            found = changes(old, new)
            who = [e.saved_by for e in revs if min(other, rev) < e.revision <= max(other, rev) and e.saved_by]
            st.markdown(f"**{widgets.md(summary(found, who))}** (revision {old.revision} → {new.revision})")
            for line in sentences(old, new, found, who=new.saved_by):
                st.markdown(f"- {widgets.md(line)}")
            marks = {c.id: c.op for c in found.items if c.op != "removed" and c.group != "map"}
            st.html(legend_html({k: CHANGE_STYLE[k] for k in ("added", "changed", "unchanged")}))
            st.graphviz_chart(
                to_dot(new, ViewOptions(color_by="change", changes=marks, highlight=frozenset(marks))),
                width="stretch",
            )
            st.caption(f"Revision {new.revision}; what it removed is listed above.")


# --- the open map ---------------------------------------------------------------------------
st.subheader("The open map")
if amap is None:
    st.info("No map is open. Open one below, import a file, or map a text on **Analyze**.")
elif state.readonly():
    st.info(
        "This map came from a share link and is read-only: make an editable copy (banner above) to save it."
    )
else:
    st.markdown(f"**{widgets.md(amap.title, line=True)}** — {widgets.map_caption(amap)}")
    c1, c2 = st.columns(2)
    with c1:
        saved_as = state.name()
        if saved_as:
            if st.button(
                f"Save “{widgets.md(saved_as)}”",
                key="library_save",
                type="primary",
                icon=":material/save:",
                disabled=not state.unsaved(),
            ):
                try:
                    collab.save()
                except Conflict as err:  # deleted or renamed meanwhile: nothing to merge with
                    st.session_state[_CONFLICT] = (saved_as, None, str(err))
                except ArgmapError as err:
                    widgets.error(err)
                else:
                    st.rerun()
            if not state.unsaved():
                st.caption("No unsaved changes.")
        else:
            st.caption("This map has not been saved yet: give it a name.")
    with c2, st.form("form_save_as", border=False):
        st.text_input("Save as (a new map)", key="library_save_as_name", value=slug(amap.title))
        if st.form_submit_button("Save as", key="library_save_as"):
            with widgets.guard():
                _save_as(st.session_state["library_save_as_name"].strip())
                st.rerun()

collab.conflicts()  # a save that met someone else's changes to the same elements
conflict = st.session_state.get(_CONFLICT)
if conflict and amap is not None:
    name, _, message = conflict
    with st.container(border=True):
        st.error(f"**Not saved.** {widgets.md(message)}", icon=":material/error:")
        st.text_input("Save yours as a new map", key="conflict_new_name", value=f"{name}-mine")
        if st.button("Save as a new map", key="conflict_save_new"):
            with widgets.guard():
                _save_as(st.session_state["conflict_new_name"].strip())
                st.rerun()

# --- saved maps ------------------------------------------------------------------------------
st.subheader("Saved maps")
entries = []
with widgets.guard():
    entries = store.list()
if not entries:
    st.info("No saved maps yet. Save the open map above, or import a file below.")
else:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "name": e.name,
                    "title": e.title,
                    "revision": e.revision,
                    "updated": e.updated.strftime("%Y-%m-%d %H:%M") if e.updated else "",
                    "size (KB)": round(e.size / 1024, 1),
                }
                for e in entries
            ]
        ),
        hide_index=True,
        key="library_table",
    )
    names = [e.name for e in entries]
    if st.session_state.get("_library_pick_next") in names:  # just opened or saved: pick that one
        st.session_state["library_pick"] = st.session_state.pop("_library_pick_next")
    if st.session_state.get("library_pick") not in names:  # first visit, or the picked map is gone
        st.session_state["library_pick"] = state.name() if state.name() in names else names[0]
    pick = st.selectbox(
        "Map",
        names,
        key="library_pick",
        format_func=lambda n: next(f"{e.title} ({n})" for e in entries if e.name == n),
    )
    # Keyed and tracked (as on the Map page): after a rename or restore the same tab stays open.
    tab_open, tab_rev, tab_rename, tab_delete = st.tabs(
        ["Open", "Revisions", "Rename", "Delete"], key="library_tab", on_change="rerun"
    )
    with tab_open:
        risky = state.unsaved() and amap is not None and not state.readonly()
        ok = True
        if risky:
            ok = st.checkbox("The open map has unsaved changes: discard them", key="library_discard")
        if st.button("Open", key="library_open", type="primary", disabled=not ok):
            with widgets.guard():
                _open(pick)
                st.switch_page(f"{widgets.VIEWS}/map.py")
    with tab_rev:
        revs = []
        with widgets.guard():
            revs = store.revisions(pick)
        if revs:
            rev = st.selectbox(
                "Revision",
                [r.revision for r in revs],
                key="library_revision",
                format_func=lambda n: next(
                    f"revision {n}"
                    + (f" — {r.updated:%Y-%m-%d %H:%M}" if r.updated else "")
                    + (f" by {r.saved_by}" if r.saved_by else "")
                    + (" (current)" if i == 0 else "")
                    for i, r in enumerate(revs)
                    if r.revision == n
                ),
            )
            st.dataframe(
                pd.DataFrame(
                    [
                        {
                            "revision": r.revision,
                            "saved by": r.saved_by or "—",
                            "when": r.updated.strftime("%Y-%m-%d %H:%M:%S") if r.updated else "",
                        }
                        for r in revs
                    ]
                ),
                hide_index=True,
                key="library_revision_table",
            )
            with widgets.guard():
                old = store.load_revision(pick, rev)
                with st.expander(f"View revision {rev}"):
                    st.code(outline(old), language=None)
            if len(revs) > 1:
                _compare_revisions(pick, revs, rev)
            restore = rev != revs[0].revision and st.button(f"Restore revision {rev}", key="library_restore")
            if rev != revs[0].revision and widgets.replace_confirmed(
                f"Restoring revision {rev}", "library_restore", restore
            ):
                with widgets.guard():
                    restored = store.restore(
                        pick, rev, expected_revision=revs[0].revision, author=state.author()
                    )
                    state.open_map(restored, name=pick)
                    state.flash(
                        "success",
                        f"Restored revision {rev} of “{widgets.md(pick)}” as revision {restored.revision}.",
                    )
                    st.rerun()
    with tab_rename:
        st.text_input("New name", key="library_new_name", placeholder="letters, digits and dashes")
        if st.button("Rename", key="library_rename"):
            with widgets.guard():
                new = st.session_state["library_new_name"].strip()
                store.rename(pick, new)
                if state.name() == pick:
                    st.session_state["argmap_name"] = new
                state.flash("success", f"Renamed “{widgets.md(pick)}” to “{widgets.md(new)}”.")
                st.rerun()
    with tab_delete:
        st.caption("Deleted maps go to the trash (with their revisions) and can be brought back.")
        if st.button(f"Delete “{widgets.md(pick)}”", key="library_delete"):
            with widgets.guard():
                store.delete(pick)
                state.flash(
                    "success", f"Deleted “{widgets.md(pick)}”. It is in the trash below: undelete it there."
                )
                st.rerun()

trash = []
with widgets.guard():
    trash = store.trash()
if trash:
    with st.expander(f"Trash ({len(trash)})"):
        gone = st.selectbox("Deleted map", [e.name for e in trash], key="library_trash_pick")
        if st.button("Undelete", key="library_undelete"):
            with widgets.guard():
                store.undelete(gone)
                state.flash("success", f"“{widgets.md(gone)}” is back.")
                st.rerun()

# --- import ---------------------------------------------------------------------------------
st.subheader("Import a file")
readable = {name: f for name, f in FORMATS.items() if f.loads is not None}
st.caption(
    "Readable formats: " + ", ".join(f"{f.label} ({', '.join(f.suffixes)})" for f in readable.values())
)
upload = st.file_uploader("A map file", key="library_upload")
fmt = st.selectbox(
    "Format",
    ["auto", *readable],
    key="library_import_format",
    format_func=lambda n: "tell from the file" if n == "auto" else readable[n].label,
)


# A wrong file here is most often a text to map, an image or a file in another format: say what fits.
_IMPORT_HINT = (
    "Argmap imports map files only: "
    + ", ".join(f"{f.label} ({', '.join(f.suffixes)})" for f in readable.values())
    + ". Pick the format by hand if the file's name does not tell it; to map a piece of writing, "
    "paste it on **Analyze**."
)
importing = st.button("Import", key="library_import", disabled=upload is None) and upload is not None
if widgets.replace_confirmed("Importing this file", "library_import", importing) and upload is not None:
    with widgets.guard(_IMPORT_HINT):
        chosen = None if fmt == "auto" else fmt
        name, imported = store.import_bytes(upload.getvalue(), upload.name, chosen)
        state.open_map(imported, name=name)
        state.flash(
            "success",
            f"Imported “{widgets.md(imported.title, line=True)}” as “{widgets.md(name)}”; "
            "it is now the open map.",
        )
        st.rerun()
