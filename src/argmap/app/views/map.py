"""Map: the tree beside the source text; select a node to see why it is there and to edit it."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from argmap import describe
from argmap.analysis.evaluation import evaluate
from argmap.app import discussion, forms, state, tree, widgets
from argmap.model import (
    EVIDENCE_KIND_LABELS,
    ArgumentMap,
    Evidence,
    Statement,
)
from argmap.render import ViewOptions
from argmap.render.cards import overview
from argmap.render.highlight import excerpt_html, marks, to_html
from argmap.render.layout import breadcrumb, choose_direction
from argmap.render.outline import outline
from argmap.render.view import COLOR_BYS, DIRECTIONS
from argmap.roles import derive

LARGE_MAP = 200  # nodes; above this the map opens focused on the selection, LARGE_LAYERS around it
LARGE_LAYERS = 2
LAYER_CHOICES = (0, 1, 2, 3, 4)


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

# A read-only map (a share link) has nothing to undo: no greyed-out buttons for what cannot be done.
top = st.columns([3, 1, 1] if not state.readonly() else [1], vertical_alignment="bottom")
picker = state.picker_key()
pickable = list(labels)
shown = state.selected()
sel = top[0].selectbox(
    "Select a node to inspect" if state.readonly() else "Select a node to inspect and edit",
    pickable,
    # The first time from the selection; after that the widget's own value (a click in the tree sets it).
    index=pickable.index(shown) if shown in labels and picker not in st.session_state else None,
    key=picker,
    on_change=lambda: state.select(st.session_state.get(picker)),
    format_func=lambda eid: labels.get(eid, eid),
    help="Choose a statement or piece of evidence: its words light up in the text; "
    "its details and edits appear below.",
)
if not state.readonly():
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

# View settings live in the session: they survive a visit to another page (Streamlit forgets a
# widget's value on a page that does not draw it; state keeps a copy).
nodes = len(amap.statements) + len(amap.evidence)
large = nodes > LARGE_MAP  # a large map opens focused on the selection, a few layers around it
for key, default in (
    ("view_direction", "auto"),
    ("view_color_by", "role"),
    ("view_evidence", True),
    ("view_layers", LARGE_LAYERS if large else 0),
    ("view_depth", 0),
    ("view_focus", None),
    ("view_collapsed", []),
    ("view_beside", False),
    ("view_ids", False),
    ("view_marked_by", []),
):
    state.view_setting(key, default)
with st.expander("View options", expanded=False):
    v1, v2, v3 = st.columns(3)
    v1.radio(
        "Direction",
        ["auto", *DIRECTIONS],
        key="view_direction",
        horizontal=True,
        format_func=lambda d: {"auto": "fit the shape", "TB": "top → bottom", "LR": "left → right"}[d],
        on_change=state.keep_view,
        args=("view_direction",),
        help="“Fit the shape” draws a wide, shallow tree left → right and a deep one top → bottom.",
    )
    v2.radio(
        "Colour by", COLOR_BYS, key="view_color_by", horizontal=True, on_change=state.keep_view,
        args=("view_color_by",),
    )  # fmt: skip
    v3.selectbox(
        "Around the selected node",
        LAYER_CHOICES,
        key="view_layers",
        format_func=lambda n: "the whole map" if n == 0 else f"{n} layer{'s' if n > 1 else ''} each way",
        on_change=state.keep_view,
        args=("view_layers",),
        help="Show only the selected node and the nodes this many steps above and below it.",
    )
    f1, f2, f3 = st.columns(3)
    f1.selectbox(
        "Focus on",
        [None, *(s.id for s in amap.statements)],
        key="view_focus",
        format_func=lambda eid: "the selected node" if eid is None else labels.get(eid, eid),
        on_change=state.keep_view,
        args=("view_focus",),
        help="With “Around the selected node” set: centre on this node instead of the selection.",
    )
    parents = sorted(
        {i.conclusion for i in amap.inferences}
        | {a.target for a in amap.attacks} & {s.id for s in amap.statements}
    )
    st.session_state["view_collapsed"] = [c for c in st.session_state["view_collapsed"] if c in parents]
    f2.multiselect(
        "Folded branches",
        parents,
        key="view_collapsed",
        format_func=lambda eid: labels.get(eid, eid),
        on_change=state.keep_view,
        args=("view_collapsed",),
    )
    f3.number_input(
        "Levels below the main conclusion (0 = all)",
        min_value=0,
        max_value=50,
        step=1,
        key="view_depth",
        on_change=state.keep_view,
        args=("view_depth",),
    )
    t1, t2, t3 = st.columns(3)
    t1.toggle("Show evidence", key="view_evidence", on_change=state.keep_view, args=("view_evidence",))
    t2.toggle("Show ids on the boxes", key="view_ids", on_change=state.keep_view, args=("view_ids",))
    # Beside the text, the tree gets less room; it scrolls rather than shrinks, so it stays legible.
    t3.toggle(
        "Tree beside the text",
        key="view_beside",
        on_change=state.keep_view,
        args=("view_beside",),
        help="Side by side suits a narrow tree or a wide screen; otherwise the text is below the tree.",
    )
    signed = {e.id: e.author for e in (*amap.statements, *amap.evidence) if e.author}
    people = list(dict.fromkeys(signed.values()))
    st.session_state["view_marked_by"] = [p for p in st.session_state["view_marked_by"] if p in people]
    marked_by = st.multiselect(
        "Mark what these people added",
        people,
        key="view_marked_by",
        on_change=state.keep_view,
        args=("view_marked_by",),
        placeholder="nobody" if people else "nobody has signed a node yet",
        help="Their nodes get a thick double border; colour by author to tell everyone apart.",
    )

color_by = st.session_state["view_color_by"]
layers = int(st.session_state["view_layers"] or 0)
depth = int(st.session_state["view_depth"] or 0)
focus = st.session_state["view_focus"] or (sel if layers else None)
beside = bool(st.session_state["view_beside"])
widgets.legend(color_by, people)
if sel is not None and layers:
    st.caption(
        f"Showing {layers} layer{'s' if layers > 1 else ''} around "
        f"{widgets.md(describe.name(amap, focus or sel, 50))}: "
        "“+N hidden” marks more beneath a box. Choose *the whole map* under View options to see it all."
    )
left, right = st.columns([5, 3], gap="medium") if beside else (st.container(), st.container())
with left:
    base = ViewOptions(
        focus=focus,
        depth=(layers or depth) or None,
        collapsed=frozenset(st.session_state["view_collapsed"]),
        show_evidence=bool(st.session_state["view_evidence"]),
        highlight=(frozenset({sel}) if sel else frozenset())
        | {eid for eid, who in signed.items() if who in marked_by},
        color_by=color_by,
        evaluation=evaluate(amap) if color_by == "evaluation" else None,
        authors=signed if color_by == "author" else None,
        ids=bool(st.session_state["view_ids"]),
    )
    chosen = st.session_state["view_direction"]
    direction = chosen if chosen in DIRECTIONS else choose_direction(amap, base, 560 if beside else 1000)
    tree.show(amap, replace(base, direction=direction), sel)
    if large:  # the whole map as an outline, branch by branch, beside the focused tree
        # A toggle, not an expander: each branch is an expander of its own (they may not nest).
        state.view_setting("view_overview", True)
        if st.toggle(
            f"Overview: the whole map, branch by branch ({nodes} nodes)",
            key="view_overview",
            on_change=state.keep_view,
            args=("view_overview",),
        ):
            for n, branch in enumerate(overview(amap)):
                root = widgets.md(describe.name(amap, branch.root, 60))
                label = f"{branch.mark} {root} · {len(branch.lines)} below"
                with st.expander(label):
                    st.button(
                        "Show this branch",
                        key=f"overview_{n}",
                        on_click=tree.choose,
                        args=(branch.root,),
                    )
                    st.markdown(
                        "\n".join(
                            f"{'    ' * (depth - 1)}- {mark} {widgets.md(describe.name(amap, eid, 70))}"
                            for depth, mark, eid in branch.lines[:300]
                        )
                        or "Nothing argues for or against it yet."
                    )
with right:
    if amap.source and amap.source.text.strip():
        found = marks(amap)
        excerpt = excerpt_html(amap.source.text, found, sel) if sel else None
        if excerpt:  # the selected words in context, without scrolling the whole text
            st.markdown(f"**{widgets.md(sel or '')} in the text**")
            st.html(excerpt)
        st.markdown("**Source text**")
        # A scrolling box a keyboard can reach (it takes focus and scrolls with the arrow keys).
        height = (420 if excerpt else 560) if beside else 320
        st.html(
            f'<div tabindex="0" role="region" aria-label="Source text" style="max-height:{height}px;'
            'overflow:auto;border:1px solid #d5d5d5;border-radius:8px;padding:8px 12px">'
            + to_html(amap.source.text, found, selected=sel)
            + "</div>"
        )
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
path = breadcrumb(amap, sel)
if len(path) > 1:  # where the node sits: from the main conclusion down to it
    st.markdown("**Where it sits:** " + " › ".join(widgets.md(describe.name(amap, p, 32)) for p in path))
b1, b2 = st.columns([1, 3])
folded = list(st.session_state.get("view_collapsed") or [])
if sel in parents:
    b1.button(
        "Unfold this branch" if sel in folded else "Fold this branch",
        key="map_fold",
        on_click=lambda: state.set_view(
            "view_collapsed", [c for c in folded if c != sel] if sel in folded else [*folded, sel]
        ),
        help="Hide (or show again) everything that argues for or against the selected node.",
    )
# The details, then the edit forms below them: side by side, the forms' seven tabs ran off a
# 1024 px screen.
d1, d2 = st.container(), st.container()
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
