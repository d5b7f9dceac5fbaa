"""The discussion of the selected node: its threads, replies, resolve and reopen, a new comment.

A comment on a stored map is posted at once (like a message, not a draft): it is added to the stored
revision and saved through ``save_merging``, then merged into the open map, so the others see it
within a few seconds while the user's own unsaved edits stay unsaved. On a map never saved it is an
edit like any other.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from argmap.app import state, widgets
from argmap.edit import comments
from argmap.edit.merge import merge
from argmap.errors import ArgmapError
from argmap.model import ArgumentMap


def _post(change: Callable[[ArgumentMap], ArgumentMap], what: str) -> None:
    """Apply ``change`` to the stored map and save it now (or to the open map, if never saved)."""
    name, mine = state.name(), state.current_map()
    if mine is None:
        return
    if name is None or state.readonly():
        state.push(change(mine), what)
        return
    store = state.store()
    stored = store.load(name)
    result = store.save_merging(change(stored), name, base=stored, author=state.author())
    if not result.saved:  # someone changed the same comment in the same second: try on theirs
        raise ArgmapError("someone changed this thread at the same moment; try again")
    base = state.base()
    merged = merge(base, mine, result.map) if base is not None else None
    if merged is not None and merged.clean:
        if not state.unsaved():
            state.mark_saved(result.map, name)
        else:
            state.catch_up(merged.map, result.map, what)
    else:
        state.push(change(mine), what)  # their save clashes with unsaved edits: keep it locally too


def _act(change: Callable[[ArgumentMap], ArgumentMap], what: str, clear: str | None = None) -> None:
    try:
        _post(change, what)
    except ArgmapError as err:
        state.flash("error", widgets.md(str(err)))
        return
    if clear:
        st.session_state[clear] = ""
    state.flash("success", widgets.md(what[:1].upper() + what[1:]) + ".")


def _new(sel: str) -> None:
    key = f"comment_new_{sel}"
    text = str(st.session_state.get(key) or "").strip()
    if not text:
        state.flash("warning", "Write something to comment first.")
        return
    who = state.author()
    _act(lambda m: comments.add_comment(m, sel, text, author=who)[0], f"commented on {sel}", key)


def _reply(cid: str) -> None:
    key = f"comment_reply_{cid}"
    text = str(st.session_state.get(key) or "").strip()
    if not text:
        state.flash("warning", "Write something to reply first.")
        return
    who = state.author()
    _act(lambda m: comments.reply(m, cid, text, author=who)[0], "replied in a thread", key)


def _resolve(cid: str, resolved: bool) -> None:
    _act(
        lambda m: comments.set_resolved(m, cid, resolved),
        "resolved a thread" if resolved else "reopened a thread",
    )


def _stamp(c) -> str:  # noqa: ANN001 - a Comment
    when = f" · {c.created:%Y-%m-%d %H:%M}" if c.created else ""
    return f"**{widgets.md(c.author or 'someone')}**{when}"


def panel(amap: ArgumentMap, sel: str) -> None:
    """The threads on ``sel`` and a box to start one."""
    threads = comments.threads(amap, sel)
    open_n = sum(not t.resolved for t in threads)
    st.markdown(f"**Discussion** ({open_n} open)" if threads else "**Discussion**")
    for t in threads:
        with st.container(border=True, key=f"thread_{t.opener.id}"):
            status = ":green[resolved]" if t.resolved else ":orange[open]"
            st.markdown(f"{_stamp(t.opener)} · {status}  \n{widgets.md(t.opener.text)}")
            for r in t.replies:
                st.markdown(f"↳ {_stamp(r)}  \n{widgets.md(r.text)}")
            if state.readonly():
                continue
            st.text_input(
                "Reply",
                key=f"comment_reply_{t.opener.id}",
                placeholder="Answer in this thread",
                label_visibility="collapsed",
            )
            b1, b2 = st.columns(2)
            b1.button("Reply", key=f"comment_reply_btn_{t.opener.id}", on_click=_reply, args=(t.opener.id,))
            b2.button(
                "Reopen" if t.resolved else "Resolve",
                key=f"comment_resolve_{t.opener.id}",
                on_click=_resolve,
                args=(t.opener.id, not t.resolved),
            )
    if state.readonly():
        return
    st.text_area(
        "Comment on this node",
        key=f"comment_new_{sel}",
        placeholder="A question, a source to check, an objection to raise…",
        height=80,
    )
    st.button("Comment", key=f"comment_post_{sel}", on_click=_new, args=(sel,))
