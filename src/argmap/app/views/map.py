"""Map: the tree beside the source text; select a node to see why it is there and to edit it."""

from __future__ import annotations

import streamlit as st

from argmap import describe
from argmap.analysis.evaluation import evaluate
from argmap.app import discussion, forms, state, widgets
from argmap.model import (
    EVIDENCE_KIND_LABELS,
    ArgumentMap,
    Evidence,
    Statement,
)
from argmap.render import ViewOptions, to_dot
from argmap.render.highlight import excerpt_html, marks, to_html
from argmap.render.outline import outline
from argmap.render.view import COLOR_BYS, DIRECTIONS
from argmap.roles import derive

LARGE_MAP = 200  # nodes; above this the map opens folded to LARGE_DEPTH levels
LARGE_DEPTH = 4


# --- the page -------------------------------------------------------------------------------

opened = state.current_map()
if opened is None:
    st.title("Map")
    widgets.no_map()
    st.stop()
amap: ArgumentMap = opened  # the label functions below see the open map

roles = derive(amap)
st.title(widgets.md(amap.title, line=True))
st.caption(widgets.map_caption(amap))
widgets.show_flash()

labels = {e.id: describe.pick_label(amap, e.id, roles) for g in (amap.statements, amap.evidence) for e in g}
if state.selected() is None:
    state.select(roles.main or (amap.statements[0].id if amap.statements else None))

top = st.columns([5, 1, 1], vertical_alignment="bottom")
picker = state.picker_key()
pickable = list(labels)
shown = state.selected()
sel = top[0].selectbox(
    "Select a node to inspect" if state.readonly() else "Select a node to inspect and edit",
    pickable,
    index=pickable.index(shown) if shown is not None and shown in labels else None,
    key=picker,
    on_change=lambda: state.select(st.session_state.get(picker)),
    format_func=lambda eid: labels.get(eid, eid),
    help="Choose a statement or piece of evidence: its words light up in the text; "
    "its details and edits appear below.",
)
top[1].button(
    "↶ Undo",
    key="map_undo",
    on_click=forms.undo,
    disabled=not state.can_undo(),
    width="stretch",
    help=widgets.md(f"Undo: {state.undo_words()}") if state.can_undo() else "Nothing to undo",
)
top[2].button(
    "↷ Redo",
    key="map_redo",
    on_click=forms.redo,
    disabled=not state.can_redo(),
    width="stretch",
    help=widgets.md(f"Redo: {state.redo_words()}") if state.can_redo() else "Nothing to redo",
)
st.caption(
    "Its words light up in the source text; "
    + (
        "[its details](#selected) are"
        if state.readonly()
        else "[its details and the edit forms](#selected) are"
    )
    + " further down."
)

# A large map opens folded to its top levels: drawn at once, and readable; the user unfolds it.
nodes = len(amap.statements) + len(amap.evidence)
large = nodes > LARGE_MAP
with st.expander("View options", expanded=False):
    v1, v2, v3, v4 = st.columns(4)
    direction = v1.radio(
        "Direction",
        DIRECTIONS,
        index=1 if large else 0,  # a large tree is wide: drawn sideways it stays readable, and scrolls
        key="view_direction",
        horizontal=True,
        format_func=lambda d: {"TB": "top → bottom", "LR": "left → right"}[d],
    )
    color_by = v2.radio("Colour by", COLOR_BYS, key="view_color_by", horizontal=True)
    show_evidence = v3.toggle("Show evidence", value=True, key="view_evidence")
    depth = v4.number_input(
        "Depth (0 = all)",
        min_value=0,
        max_value=50,
        value=LARGE_DEPTH if large else 0,
        step=1,
        key="view_depth",
    )
    f1, f2 = st.columns(2)
    focus = f1.selectbox(
        "Focus on",
        [None, *(s.id for s in amap.statements)],
        key="view_focus",
        format_func=lambda eid: "the whole map" if eid is None else labels.get(eid, eid),
    )
    parents = sorted(
        {i.conclusion for i in amap.inferences}
        | {a.target for a in amap.attacks} & {s.id for s in amap.statements}
    )
    collapsed = f2.multiselect(
        "Collapse", parents, key="view_collapsed", format_func=lambda eid: labels.get(eid, eid)
    )
    signed = {e.id: e.author for e in (*amap.statements, *amap.evidence) if e.author}
    people = list(dict.fromkeys(signed.values()))
    marked_by = st.multiselect(
        "Mark what these people added",
        people,
        key="view_marked_by",
        placeholder="nobody" if people else "nobody has signed a node yet",
        help="Their nodes get a thick double border; colour by author to tell everyone apart.",
    )

legend_col, layout_col = st.columns([4, 1], vertical_alignment="center")
with legend_col:
    widgets.legend(color_by, people)
if large and depth:
    st.caption(
        f"A large map ({nodes} nodes): showing {depth} levels below the main conclusion, folded branches "
        "marked “+N hidden”. Set **Depth** to 0 under *View options* to draw it all, or **Focus on** a part."
    )
# Beside the text, a wide tree is scaled down to a third of its size and its words become too small
# to read; so by default the tree takes the full width and the text follows it.
beside = layout_col.toggle(
    "Tree beside the text",
    key="view_beside",
    help="Side by side suits a narrow tree or a wide screen; otherwise the text is below the tree.",
)
left, right = st.columns([5, 3], gap="medium") if beside else (st.container(), st.container())
with left:
    options = ViewOptions(
        direction=direction,
        focus=focus,
        depth=depth or None,
        collapsed=frozenset(collapsed),
        show_evidence=show_evidence,
        highlight=(frozenset({sel}) if sel else frozenset())
        | {eid for eid, who in signed.items() if who in marked_by},
        color_by=color_by,
        evaluation=evaluate(amap) if color_by == "evaluation" else None,
        authors=signed if color_by == "author" else None,
    )
    st.graphviz_chart(to_dot(amap, options), width="stretch")
    if beside:
        st.caption("To read the tree large, hover over it and click the fullscreen button at its top right.")
with right:
    if amap.source and amap.source.text.strip():
        found = marks(amap)
        excerpt = excerpt_html(amap.source.text, found, sel) if sel else None
        if excerpt:  # the selected words in context, without scrolling the whole text
            st.markdown(f"**{widgets.md(sel or '')} in the text**")
            st.html(excerpt)
        st.markdown("**Source text**")
        with st.container(height=(420 if excerpt else 560) if beside else 320, border=True):
            st.html(to_html(amap.source.text, found, selected=sel))
    else:
        st.markdown("**Source text**")
        st.info(
            "This map has no source text (it was built by hand or imported). Its statements are in the tree."
        )

st.divider()
if sel is None:
    if not amap.statements and not state.readonly():
        forms.first_statement()
    else:
        st.info("Nothing is selected: choose a node above, or map a text on **Analyze**.")
    st.stop()

el = amap.element(sel)
if not isinstance(el, Statement | Evidence):  # the picker offers statements and evidence only
    st.stop()
d1, d2 = st.columns([4, 7], gap="large")
with d1:
    st.subheader(
        f"{widgets.md(sel)} · {describe.kind(amap, sel, roles)}",
        anchor="selected",
    )
    st.markdown("> " + widgets.md(el.text).replace("\n", "\n> "))
    facts = []
    if isinstance(el, Statement):
        if el.implicit:
            facts.append("**implicit** (unstated in the text)")
        if el.span:
            facts.append(f"characters {el.span.start}–{el.span.end} of the text")
        if el.tags:
            facts.append("tags: " + widgets.md(", ".join(el.tags)))
        if el.rating:
            facts.append(f"rated {el.rating}")
        if amap.main == sel:
            facts.append("pinned as the main conclusion")
    else:
        target = widgets.md(widgets.short(amap.statement(el.target).text, 45))
        facts.append(f"{EVIDENCE_KIND_LABELS[el.kind]} for {widgets.md(el.target)} (“{target}”)")
        if el.source and el.source.label():
            url = f" ({el.source.url})" if el.source.url else ""
            facts.append("source: " + widgets.md(el.source.label() + url))
    if el.author or el.created:
        who = f"added by {widgets.md(el.author)}" if el.author else "added"
        facts.append(who + (f" on {el.created:%Y-%m-%d %H:%M} UTC" if el.created else ""))
    st.markdown(" · ".join(facts) if facts else "")

    why = describe.why(amap, sel, roles)
    st.markdown("**Why it is here**")
    st.markdown(
        "\n".join(f"- {widgets.md(w)}" for w in why) if why else "_Added by hand; no cue words recorded._"
    )
    if el.history:
        st.caption("Earlier: " + " · ".join(widgets.md(h) for h in reversed(el.history)))
    attached = [e for e in amap.evidence if e.target == sel]
    if attached:
        st.markdown("**Evidence**")
        st.markdown(
            "\n".join(
                f"- {widgets.md(e.id)} ({EVIDENCE_KIND_LABELS[e.kind]}): {widgets.md(e.text[:160])}"
                for e in attached
            )
        )

    discussion.panel(amap, sel)

with d2:
    forms.edit_panel(amap, sel, labels)

# A toggle, not an expander: the outline of a large map is long, and is only built when asked for.
if st.toggle(
    "Show the outline (the map as indented text, for screen readers and copying)", key="map_outline"
):
    st.code(outline(amap), language=None)
