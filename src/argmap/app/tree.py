"""The Map page's tree as a bidirectional component: click or press Enter on a node to select it.

Graphviz draws the SVG on the server (``dot``, cached by DOT source); ``tree.js`` shows it at a
legible size with pan and zoom, makes every node a keyboard-operable button, and offers the map
one node at a time as cards (the default on a narrow screen). Without ``dot`` the browser-side
``st.graphviz_chart`` draws the map instead (readable, not clickable), with a note saying so.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from argmap.app import state
from argmap.errors import RenderError
from argmap.model import ArgumentMap
from argmap.render import ViewOptions, inline_svg, run_dot, to_dot
from argmap.render.cards import card_data, node_labels, summary
from argmap.render.layout import MIN_LABEL_PX
from argmap.roles import main_conclusion

_HERE = Path(__file__).resolve().parent
_COMPONENT = st.components.v2.component(
    "argmap_tree",
    js=(_HERE / "tree.js").read_text(encoding="utf-8"),
    css=(_HERE / "tree.css").read_text(encoding="utf-8"),
    isolate_styles=False,
)


@st.cache_data(max_entries=32, show_spinner=False)
def _svg(dot: str) -> str:
    """Graphviz's SVG for ``dot``, without the XML prolog and comments (ready to sit in a page)."""
    return inline_svg(run_dot(dot, "svg"))


@st.cache_data(max_entries=16, show_spinner=False)
def _cards(map_json: str) -> tuple[dict[str, dict[str, object]], dict[str, str], str]:
    from argmap.formats import native

    amap = native.loads(map_json)
    return card_data(amap), node_labels(amap), summary(amap)


def choose(eid: str) -> None:
    """Select ``eid`` as a click in the tree does: the node list follows."""
    state.select(eid)
    st.session_state[state.picker_key()] = eid


def _on_select(key: str, pick: Callable[[str], None]) -> None:
    value = st.session_state.get(key)
    chosen = getattr(value, "select", None) if value is not None else None
    if chosen is None and isinstance(value, dict):
        chosen = value.get("select")
    if chosen:
        pick(str(chosen))


def show(
    amap: ArgumentMap,
    options: ViewOptions,
    selected: str | None,
    *,
    key: str = "map_tree",
    on_pick: Callable[[str], None] = choose,
) -> None:
    """Draw ``amap`` under ``options``; a click calls ``on_pick`` with the node's id (by default it
    selects it in the open map, ``state.select``) and the page reruns."""
    dot = to_dot(amap, options)
    try:
        svg = _svg(dot)
    except RenderError as err:
        st.graphviz_chart(dot, width="stretch")
        st.caption(f"Boxes cannot be clicked here: {err}. Choose a node in the list above instead.")
        return
    from argmap.formats import native

    cards, labels, alt = _cards(native.dumps(amap))
    _COMPONENT(
        key=key,
        data={
            "svg": svg,
            "dot": dot,  # what the SVG was drawn from (tests read it; the browser does not need it)
            "selected": selected,
            "main": main_conclusion(amap),
            "nodes": labels,
            "texts": {s.id: s.text for s in amap.statements} | {e.id: e.text for e in amap.evidence},
            "cards": cards,
            "title": alt,
            "minPx": MIN_LABEL_PX,
            "mode": "auto",
        },
        on_select_change=lambda: _on_select(key, on_pick),
    )


def show_with_words(
    amap: ArgumentMap, text: str | None, *, key: str, selected: str | None = None, own: bool = False
) -> None:
    """A tree whose clicked node shows its words in the piece beneath it.

    ``own``: the open map (a click selects in it, as on the Map page); otherwise another map (a
    reference, a revision), whose pick is kept under ``key`` for this session only.
    """
    from argmap.render.highlight import excerpt_html, marks

    picked_key = f"{key}_picked"
    if own:
        picked, pick = selected, choose
    else:
        picked = st.session_state.get(picked_key)

        def pick(eid: str) -> None:
            st.session_state[picked_key] = eid

    picked = picked if picked in amap.ids() else None
    show(
        amap,
        ViewOptions(highlight=frozenset({picked}) if picked else frozenset()),
        picked,
        key=key,
        on_pick=pick,
    )
    if not picked:
        st.caption("Click a box to see its words in the piece.")
        return
    shown = excerpt_html(text, marks(amap), picked) if text else None
    if shown:
        st.html(shown)
    else:
        st.caption("This box has no words marked in the piece (it was typed, not quoted).")
