"""Working on one map together: save with a merge, settle conflicts in one click, see who else is here.

``save()`` saves the open map through ``MapStore.save_merging``: others' work since it was loaded is
merged in; a conflict is kept in the session and shown by ``conflicts()`` as that element's two
versions side by side, the changed words marked, each settled with one click. ``watch()`` is a
fragment the sidebar runs every few seconds: it beats the presence heartbeat, lists who else has the
map open, and when the stored revision moved it merges the others' work into the open map (or says
that a save will ask, where their work clashes with unsaved changes).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import streamlit as st

from argmap.analysis.changes import changes, choice_label, conflict_words, summary, version_pieces
from argmap.app import state, widgets
from argmap.edit.merge import Merged, merge, resolve
from argmap.errors import ArgmapError

POLL_SECONDS = 3.0
_PENDING = "collab_pending"  # (Merged, theirs map, their names) while conflicts wait for a choice
_SEEN = "collab_seen_revision"  # the stored revision the watcher last told the user about
_HERE = "collab_here"  # the map this session last said it has open
_BEATS = "collab_beats"  # watcher runs since the last full run of the app (see ``watch``)


def _names(people: tuple[str, ...] | list[str]) -> str:
    return ", ".join(people) if people else "someone"


def _them(pending: tuple[Merged, object, tuple[str, ...]]) -> str:
    return _names(pending[2])


# --- saving --------------------------------------------------------------------------------


def save() -> None:
    """Save the open map with a merge; on conflicts keep them for ``conflicts()`` to show."""
    amap, name = state.current_map(), state.name()
    if amap is None or name is None:
        return
    result = state.store().save_merging(amap, name, base=state.base(), author=state.author())
    if result.saved:
        state.mark_saved(result.map, name)
        st.session_state.pop(_PENDING, None)
        st.session_state[_SEEN] = result.map.revision
        if result.theirs is not None and result.base is not None:
            did = summary(changes(result.base, result.theirs), result.authors)
            state.flash("success", f"Saved revision {result.map.revision}. {widgets.md(did)} — merged.")
        else:
            state.flash("success", f"Saved revision {result.map.revision}.")
        return
    assert result.merged is not None and result.theirs is not None
    st.session_state[_PENDING] = (result.merged, result.theirs, result.authors)


def pending() -> bool:
    """Whether a save is waiting for conflicts to be settled."""
    return _PENDING in st.session_state


def _settle(key: str, side: str) -> None:
    merged, theirs, names = st.session_state[_PENDING]
    try:
        merged = resolve(merged, key, side)  # type: ignore[arg-type]
    except ArgmapError as err:
        state.flash("error", f"That choice no longer fits the map: {widgets.md(str(err))}")
        return
    if merged.conflicts:
        st.session_state[_PENDING] = (merged, theirs, names)
        return
    # Everything settled: the merge is the open map (their revision its base), saved straight away.
    st.session_state.pop(_PENDING)
    state.catch_up(merged.map, theirs, f"merged with {_names(names)}")
    try:
        save()
    except ArgmapError as err:
        state.flash("error", widgets.md(str(err)))


def _pieces_markdown(pieces: Sequence[tuple[str, str]]) -> str:
    out = []
    for kind, words in pieces:
        text = widgets.md(words, line=True)
        if not text:
            continue
        if kind == "added":
            out.append(f":green-background[**{text}**]")
        elif kind == "removed":
            out.append(f":red-background[~~{text}~~]")
        else:
            out.append(text)
    return " ".join(out)


def conflicts() -> None:
    """The conflicts a save met, each as two versions side by side with one-click choices."""
    if not pending():
        return
    merged, theirs, names = st.session_state[_PENDING]
    them = _names(names)
    with st.container(border=True, key="collab_conflicts"):
        st.warning(
            f"**Not saved yet.** {widgets.md(them)} saved this map meanwhile; everything that did not "
            f"clash is merged. {len(merged.conflicts)} change(s) clash: choose a version for each "
            "(the map is saved when the last one is settled).",
            icon=":material/merge_type:",
        )
        for n, c in enumerate(merged.conflicts):
            st.markdown(f"**{n + 1}. {widgets.md(conflict_words(c, them))}**")
            cols = st.columns(2)
            for col, side, title in ((cols[0], "mine", "Yours"), (cols[1], "theirs", f"{them}'s")):
                with col, st.container(border=True, key=f"collab_{side}_{c.key}"):
                    st.caption(widgets.md(title))
                    for field, pieces in version_pieces(c, side):
                        label = f"{widgets.md(field)}: " if field and field != "text" else ""
                        st.markdown(label + _pieces_markdown(pieces))
                    st.button(
                        choice_label(c, side, them),
                        key=f"collab_keep_{side}_{c.key}",
                        on_click=_settle,
                        args=(c.key, side),
                        type="primary" if side == "mine" else "secondary",
                    )


# --- watching the store ----------------------------------------------------------------------


def start_run() -> None:
    """Call once at the top of every full run of the app, before ``watch``."""
    st.session_state[_BEATS] = 0


def _refresh() -> None:
    """Redraw the whole page after taking in others' work (the watcher runs alone, as a fragment)."""
    if st.session_state.get(_BEATS, 0) > 1:
        st.rerun(scope="app")


@st.fragment(run_every=timedelta(seconds=POLL_SECONDS))
def watch() -> None:
    """Every few seconds: say we are here, show who else is, and take in what others saved."""
    st.session_state[_BEATS] = st.session_state.get(_BEATS, 0) + 1
    name = state.name()
    if name is None or state.readonly():
        return
    store = state.store()
    try:
        before = st.session_state.get(_HERE)
        if before is not None and before != name:
            store.leave(before, state.session_id())  # this tab opened another map
        st.session_state[_HERE] = name
        store.mark_present(name, state.session_id(), state.author())
        others = [p for p in store.present(name) if p.session != state.session_id()]
        latest = store.latest_revision(name)
    except ArgmapError:
        return  # the store is away for a moment: try again on the next beat
    if others:
        people = list(dict.fromkeys(p.who or "someone unnamed" for p in others))
        st.caption(f"Also here: {widgets.md(', '.join(people))}")
    else:
        st.caption("Nobody else has this map open.")
    revision = state.revision() or 0
    if latest <= revision or st.session_state.get(_SEEN) == latest or pending():
        return
    if st.session_state.get(_BEATS, 0) <= 1:
        return  # a full run: the user just acted (a Save merges by itself); the next beat takes it in
    take_in(name)


def take_in(name: str) -> None:
    """Merge what others saved of ``name`` into the open map and say what they did; redraw the page."""
    store = state.store()
    latest = store.latest_revision(name)
    st.session_state[_SEEN] = latest
    try:
        theirs = store.load(name)
    except ArgmapError:
        return
    base, mine = state.base(), state.current_map()
    if base is None or mine is None:
        return
    did = summary(changes(base, theirs), _authors(base, theirs))
    if not state.unsaved():
        state.catch_up(theirs, theirs, f"{did} (revision {theirs.revision})")
        state.flash("info", f"{widgets.md(did)} — merged.")
        _refresh()
        return
    merged = merge(base, mine, theirs)
    if merged.clean:
        state.catch_up(merged.map, theirs, f"merged: {did}")
        state.flash("info", f"{widgets.md(did)} — merged into your unsaved map.")
    else:
        state.flash(
            "warning",
            f"{widgets.md(did)}, and {len(merged.conflicts)} of those changes clash with yours: "
            "saving will show both versions for you to choose.",
        )
    _refresh()


def _authors(base, theirs) -> tuple[str, ...]:  # noqa: ANN001 - two maps
    from argmap.storage.merging import authors

    return authors(base, theirs)
