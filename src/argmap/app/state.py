"""The one source of truth for the app: the open map's undo history and where it came from.

Everything lives in ``st.session_state`` under the keys below; pages read it through these
functions and change it only through ``open_map``, ``push``, ``undo``, ``redo`` and ``mark_saved``.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path
from typing import Any

import streamlit as st

from argmap.edit.history import SOME_EDIT, History
from argmap.errors import ArgmapError, EditError
from argmap.model import ArgumentMap

EXAMPLE = "democrats-voter-data"  # the hand-made example map, open on first start

_HISTORY = "argmap_history"  # history.History of the open map
_NAME = "argmap_name"  # store name the map was loaded from / saved as (None: not saved yet)
_REVISION = "argmap_revision"  # store revision it was loaded at (None: not saved yet)
_SAVED = "argmap_saved"  # the map as last loaded or saved, to tell unsaved changes
_VERSION = "argmap_version"  # bumped on every change: versions the table editors' keys
_READONLY = "argmap_readonly"  # opened from a share link
_SHARE_TOKEN = "argmap_share_token"  # the share token already opened in this session
_ROOT = "argmap_root"  # folder of streamlit_app.py: arguments/ and seeds/ are found from it
_FLASH = "argmap_flash"  # (kind, message) to show once on the next run
_SESSION = "argmap_session"  # this browser session's random id (presence records)
AUTHOR = "author"  # the sidebar's author text input
SELECTED = "selected_node"  # the id of the element selected on the Map page


def configure(root: Path) -> None:
    """Remember the app's root folder (where arguments/ and seeds/ are)."""
    st.session_state.setdefault(_ROOT, str(root))


def root() -> Path:
    """The app's root folder."""
    return Path(st.session_state.get(_ROOT, "."))


def store_location() -> str:
    """The store: ``$ARGMAP_STORE`` if set (a folder or a postgresql:// URL), else ``<root>/arguments``."""
    return os.environ.get("ARGMAP_STORE") or str(root() / "arguments")


def store():  # -> argmap.storage.backend.MapStore (imported lazily: only needed on demand)
    """The store the app reads and writes; on PostgreSQL this process listens for other servers' saves."""
    from argmap.storage.location import open_store

    opened = open_store(store_location())
    opened.listen()  # once per process; a no-op for the file store
    return opened


def seeds_folder() -> Path:
    """The folder of sample pieces offered on the Analyze page."""
    return root() / "seeds"


def fetch_public_only() -> bool:
    """Whether the Analyze page refuses web addresses on a private network (the default: the server
    must not fetch its own network for a visitor); ``ARGMAP_FETCH_PRIVATE=1`` allows them (a laptop,
    tests)."""
    return os.environ.get("ARGMAP_FETCH_PRIVATE") != "1"


# --- the open map -------------------------------------------------------------------------


def has_map() -> bool:
    """Whether a map is open."""
    return _HISTORY in st.session_state


def history() -> History | None:
    """The open map's undo history (None when no map is open)."""
    return st.session_state.get(_HISTORY)


def current_map() -> ArgumentMap | None:
    """The open map as it stands now (None when no map is open)."""
    h = history()
    return h.present if h is not None else None


def open_map(amap: ArgumentMap, *, name: str | None = None, readonly: bool = False) -> None:
    """Open ``amap`` with a fresh history; ``name`` is its store name when it came from the store."""
    st.session_state[_HISTORY] = History(present=amap)
    st.session_state[_NAME] = name
    st.session_state[_REVISION] = amap.revision if name else None
    st.session_state[_SAVED] = amap if name else None
    st.session_state[_READONLY] = readonly
    st.session_state.pop(SELECTED, None)
    _bump()


def push(amap: ArgumentMap, what: str = SOME_EDIT) -> None:
    """Record an edited map as the present (undoable); ``what`` says what changed, in words, for
    Undo and Redo to repeat. Refused in a read-only map."""
    if readonly():
        raise EditError("this map is read-only (opened from a share link): make an editable copy first")
    h = history()
    st.session_state[_HISTORY] = History(present=amap) if h is None else h.push(amap, what)
    _bump()


def undo() -> str | None:
    """Step back one edit; returns what it undid, in words (None if nothing)."""
    h = history()
    if h is None or not h.can_undo or readonly():
        return None
    words = h.undo_words
    st.session_state[_HISTORY] = h.undo()
    _bump()
    return words


def redo() -> str | None:
    """Step forward one undone edit; returns what it redid, in words (None if nothing)."""
    h = history()
    if h is None or not h.can_redo or readonly():
        return None
    words = h.redo_words
    st.session_state[_HISTORY] = h.redo()
    _bump()
    return words


def undo_words() -> str | None:
    """What Undo would undo, in words."""
    h = history()
    return h.undo_words if h is not None and not readonly() else None


def redo_words() -> str | None:
    """What Redo would redo, in words."""
    h = history()
    return h.redo_words if h is not None and not readonly() else None


def can_undo() -> bool:
    h = history()
    return bool(h and h.can_undo and not readonly())


def can_redo() -> bool:
    h = history()
    return bool(h and h.can_redo and not readonly())


def name() -> str | None:
    """The store name of the open map (None if never saved)."""
    return st.session_state.get(_NAME)


def revision() -> int | None:
    """The store revision the open map was loaded or last saved at."""
    return st.session_state.get(_REVISION)


def mark_saved(saved: ArgumentMap, name: str) -> None:
    """After a save: the saved map (new revision) becomes the present, without losing undo."""
    h = history()
    st.session_state[_HISTORY] = History(present=saved) if h is None else h.push(saved, f"saved as {name}")
    st.session_state[_NAME] = name
    st.session_state[_REVISION] = saved.revision
    st.session_state[_SAVED] = saved
    _bump()


def base() -> ArgumentMap | None:
    """The revision the open map was loaded or last saved at: what a save merges against."""
    return st.session_state.get(_SAVED)


def catch_up(merged: ArgumentMap, theirs: ArgumentMap, what: str) -> None:
    """Others saved ``theirs``; ``merged`` is the open map with their work in (undoable, as ``what``).

    The open map's base becomes ``theirs``: what is still unsaved is the user's own work.
    """
    h = history()
    st.session_state[_HISTORY] = History(present=merged) if h is None else h.push(merged, what)
    st.session_state[_REVISION] = theirs.revision
    st.session_state[_SAVED] = theirs
    _bump()


def session_id() -> str:
    """A random id for this browser session (who has a map open is recorded by it)."""
    from argmap.edit.operations import new_tag

    return str(st.session_state.setdefault(_SESSION, f"tab-{new_tag()}{new_tag()}"))


def unsaved() -> bool:
    """Whether the open map differs from what was last loaded from or saved to the store."""
    amap = current_map()
    if amap is None:
        return False
    saved = st.session_state.get(_SAVED)
    if saved is None:
        return True
    return _content(amap) != _content(saved)


def in_assignment() -> bool:
    """Whether this session is a student in an assignment (they save there, not in the Library)."""
    return st.session_state.get("classroom_role") == "student" and bool(
        st.session_state.get("classroom_token")
    )


def student() -> bool:
    """Whether this session is a student's: in an assignment, or arriving by a student's link
    (``?join=``). A student sees only their own map and the piece: no example, no Library."""
    return st.session_state.get("classroom_role") == "student" or bool(st.query_params.get("join"))


def close_map() -> None:
    """Close the open map (nothing is open afterwards)."""
    for key in (_HISTORY, _NAME, _REVISION, _SAVED):
        st.session_state.pop(key, None)
    st.session_state[_READONLY] = False
    st.session_state.pop(SELECTED, None)
    _bump()


def unsaved_in_assignment() -> bool:
    """For a student: whether the open map differs from what they last saved or submitted there."""
    amap, saved = current_map(), st.session_state.get("classroom_saved")
    if amap is None:
        return False
    return saved is None or _content(amap) != _content(saved)


def _content(amap: ArgumentMap) -> dict[str, Any]:
    # Saving sets revision and updated; they are not a change the user made.
    return amap.model_dump(exclude={"revision", "updated", "created", "saved_by"})


def version() -> int:
    """A counter bumped on every change of the open map (keys of the table editors include it)."""
    return int(st.session_state.get(_VERSION, 0))


def _bump() -> None:
    st.session_state[_VERSION] = version() + 1


def readonly() -> bool:
    """Whether the open map came from a share link and may not be edited."""
    return bool(st.session_state.get(_READONLY, False))


def make_editable() -> None:
    """Turn a shared, read-only map into the user's own editable (unsaved) copy."""
    st.session_state[_READONLY] = False
    st.session_state[_NAME] = None
    st.session_state[_REVISION] = None
    st.session_state[_SAVED] = None
    _bump()


def author() -> str | None:
    """The session's author name, recorded on every node the user adds."""
    value = str(st.session_state.get(AUTHOR) or "").strip()
    return value or None


def selected() -> str | None:
    """The id of the element selected on the Map page, if it still exists."""
    sid = st.session_state.get(SELECTED)
    amap = current_map()
    return sid if amap is not None and sid in amap.ids() else None


def select(eid: str | None) -> None:
    """Select an element (the Map page's picker shows it on its next run)."""
    st.session_state[SELECTED] = eid


def picker_key() -> str:
    """The key of the Map page's node picker: a new one with every change of the map.

    The browser sends a selectbox's choice back as its label; an edit changes labels (text, role),
    so a picker kept across an edit would come back with a label that no longer exists, and fall
    back to the first node: the next form would then act on the wrong node.
    """
    return f"node_picker_v{version()}"


# --- view settings: kept for the session, across pages ---------------------------------------

_VIEW = "argmap_view"  # {widget key: value} of the view settings the user chose


def view_setting(key: str, default: object) -> None:
    """Give the view widget ``key`` the value the user chose earlier in this session (else
    ``default``) before it is drawn. Streamlit forgets a widget's value on a page without it; this
    copy outlives page changes. Pair with ``keep_view`` as the widget's ``on_change``."""
    saved = st.session_state.setdefault(_VIEW, {})
    if key not in st.session_state:
        st.session_state[key] = saved.get(key, default)


def keep_view(key: str) -> None:
    """Remember the view widget ``key``'s current value for the rest of the session."""
    st.session_state.setdefault(_VIEW, {})[key] = st.session_state.get(key)


def view_value(key: str) -> object:
    """The view setting ``key`` as the user left it (None if never set), from any page."""
    return st.session_state.get(_VIEW, {}).get(key)


def set_view(key: str, value: object) -> None:
    """Change a view setting from code (a button that folds a branch, say)."""
    st.session_state[key] = value
    st.session_state.setdefault(_VIEW, {})[key] = value


# --- messages that survive one rerun --------------------------------------------------------


_SEVERITY = ("success", "info", "warning", "error")


def flash(kind: str, message: str) -> None:
    """Queue a message ("success", "info", "warning", "error") for the next run of the page.

    A message already queued is kept (two things can happen in one run: others' work merged in,
    then a save): both are shown, under the graver kind.
    """
    queued = st.session_state.get(_FLASH)
    if queued is not None and queued[1] != message:
        grave = max(queued[0], kind, key=lambda k: _SEVERITY.index(k) if k in _SEVERITY else 1)
        kind, message = grave, f"{queued[1]}  \n{message}"
    st.session_state[_FLASH] = (kind, message)


def take_flash() -> tuple[str, str] | None:
    """The queued message, once."""
    queued: tuple[str, str] | None = st.session_state.pop(_FLASH, None)
    return queued


# --- first start and share links ------------------------------------------------------------


def start() -> None:
    """Open what this session should show: a shared map from the link, else the example map."""
    from argmap.storage.share import PARAM, decode

    token = st.query_params.get(PARAM)
    if token and token != st.session_state.get(_SHARE_TOKEN):
        st.session_state[_SHARE_TOKEN] = token
        try:
            open_map(decode(token), readonly=True)
            return
        except ArgmapError as err:
            from argmap.app.widgets import md  # widgets imports this module

            flash(
                "error",
                f"The share link could not be opened ({md(str(err))}). Ask whoever sent it for a fresh link.",
            )
    if student():
        # A map from the Library (the example the app opened before the student joined) is not
        # theirs: closed, unless they changed it (that is work of theirs, kept).
        if name() is not None and not unsaved():
            close_map()
        return
    if has_map():
        return
    try:
        open_map(store().load(EXAMPLE), name=EXAMPLE)
        return
    except ArgmapError:
        pass  # no example in this store: draft it from the seed piece instead
    seed = seeds_folder() / f"{EXAMPLE}.txt"
    if seed.is_file():
        from argmap.extractor import extract

        with suppress(ArgmapError):  # if even this fails, the pages explain how to start
            open_map(extract(seed.read_text(encoding="utf-8")))
