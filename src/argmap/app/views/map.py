"""Map: the tree beside the source text; select a node to see why it is there and to edit it."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from argmap import edit
from argmap.app import state, widgets
from argmap.errors import ArgmapError
from argmap.evaluate import evaluate
from argmap.highlight import excerpt_html, marks, to_html
from argmap.model import (
    EVIDENCE_KIND_LABELS,
    EVIDENCE_KINDS,
    ArgumentMap,
    Evidence,
    EvidenceSource,
    Statement,
)
from argmap.outline import outline
from argmap.render import ViewOptions, to_dot
from argmap.roles import ROLE_LABELS, derive

LARGE_MAP = 200  # nodes; above this the map opens folded to LARGE_DEPTH levels
LARGE_DEPTH = 4


# --- actions (widget callbacks: they run before the page is drawn, so it shows the result) ------


def _action(fn: Callable[[ArgumentMap, str], str | None]) -> Callable[[], None]:
    """Wrap an edit: run it on the open map and the selected node; errors become a message."""

    def run() -> None:
        amap, sel = state.current_map(), state.selected()
        if amap is None or sel is None:
            return
        try:
            done = fn(amap, sel)
        except ArgmapError as err:
            widgets.report(err)
        else:
            if done:
                state.flash("success", done)

    return run


def _value(key: str) -> str:
    return str(st.session_state.get(key) or "")


def edit_key(name: str, sel: str) -> str:
    """Keys of the edit form's fields name the element and the map version, so each starts from its text."""
    return f"{name}_{sel}_v{state.version()}"


def _edit_text(amap: ArgumentMap, sel: str) -> str:
    new = edit.edit_text(amap, sel, _value(edit_key("edit_text", sel)))
    implicit = bool(st.session_state.get(edit_key("edit_implicit", sel)))
    if isinstance(new.element(sel), Statement) and implicit != new.element(sel).implicit:
        new = edit.mark_implicit(new, sel, implicit)
    state.push(new)
    return f"Saved the changes to {sel}."


def _add_premise(amap: ArgumentMap, sel: str) -> str:
    mode = st.session_state.get("premise_join", "new")
    join = None if mode == "new" else mode
    new, nid = edit.add_premise(
        amap,
        sel,
        _value("premise_text"),
        join=join,
        implicit=bool(st.session_state.get("premise_implicit")),
        author=state.author(),
    )
    state.push(new)
    st.session_state["premise_text"] = ""
    how = f"a co-premise in {join}" if join else "a new reason"
    return f"Added {nid} as {how} for {sel}."


def _add_attack(amap: ArgumentMap, sel: str) -> str:
    target = st.session_state.get("attack_target") or sel
    new, nid = edit.add_attack(amap, target, _value("attack_text"), author=state.author())
    state.push(new)
    st.session_state["attack_text"] = ""
    what = "an undercut of" if target != sel else "an objection to"
    return f"Added {nid} as {what} {target}."


def _add_rebuttal(amap: ArgumentMap, sel: str) -> str:
    new, nid = edit.add_rebuttal(amap, sel, _value("rebuttal_text"), author=state.author())
    state.push(new)
    st.session_state["rebuttal_text"] = ""
    return f"Added {nid}, a rebuttal of {sel}."


def _attach_evidence(amap: ArgumentMap, sel: str) -> str:
    fields = {k: _value(f"evidence_{k}").strip() or None for k in ("title", "author", "url", "date")}
    source = EvidenceSource(**fields) if any(fields.values()) else None
    new, eid = edit.attach_evidence(
        amap,
        sel,
        _value("evidence_text"),
        kind=st.session_state.get("evidence_kind") or "other",
        source=source,
        author=state.author(),
    )
    state.push(new)
    for k in ("text", "title", "author", "url", "date"):
        st.session_state[f"evidence_{k}"] = ""
    return f"Attached evidence {eid} to {sel}."


def _move(amap: ArgumentMap, sel: str) -> str:
    target = st.session_state.get("move_target")
    if not target:
        return ""
    state.push(edit.relink(amap, sel, target))
    return f"Moved {sel} under {target}."


def _pin(amap: ArgumentMap, sel: str) -> str:
    state.push(edit.pin_main(amap, None if amap.main == sel else sel))
    return f"{sel} is now pinned as the main conclusion." if amap.main != sel else "Unpinned."


def _delete(amap: ArgumentMap, sel: str) -> str:
    if not st.session_state.get("delete_confirm"):
        state.flash("warning", "Tick the box to confirm the deletion.")
        return ""
    state.push(edit.remove(amap, sel))
    state.select(None)
    st.session_state["delete_confirm"] = False
    return f"Deleted {sel} (undo brings it back)."


# --- the page -------------------------------------------------------------------------------

amap = state.current_map()
if amap is None:
    st.title("Map")
    widgets.no_map()
    st.stop()

locked = state.readonly()
roles = derive(amap)
st.title(widgets.md(amap.title))
st.caption(widgets.map_caption(amap))
widgets.show_flash()

labels = {
    s.id: f"{s.id} · {ROLE_LABELS[roles.role[s.id]]} — {widgets.short(s.text)}" for s in amap.statements
}
labels |= {e.id: f"{e.id} · evidence — {widgets.short(e.text)}" for e in amap.evidence}
if state.selected() is None:
    state.select(roles.main or (amap.statements[0].id if amap.statements else None))

top = st.columns([5, 1, 1], vertical_alignment="bottom")
picker = state.picker_key()
sel = top[0].selectbox(
    "Select a node to inspect and edit",
    list(labels),
    index=list(labels).index(state.selected()) if state.selected() in labels else None,
    key=picker,
    on_change=lambda: state.select(st.session_state.get(picker)),
    format_func=lambda eid: labels.get(eid, eid),
    help="Choose a statement or piece of evidence: its words light up in the text; "
    "its details and edits appear below.",
)
top[1].button("↶ Undo", key="map_undo", on_click=state.undo, disabled=not state.can_undo(), width="stretch")
top[2].button("↷ Redo", key="map_redo", on_click=state.redo, disabled=not state.can_redo(), width="stretch")
st.caption(
    "Its words light up in the source text; [its details and the edit forms](#selected) are further down."
)

# A large map opens folded to its top levels: drawn at once, and readable; the user unfolds it.
nodes = len(amap.statements) + len(amap.evidence)
large = nodes > LARGE_MAP
with st.expander("View options", expanded=False):
    v1, v2, v3, v4 = st.columns(4)
    direction = v1.radio(
        "Direction",
        ["TB", "LR"],
        index=1 if large else 0,  # a large tree is wide: drawn sideways it stays readable, and scrolls
        key="view_direction",
        horizontal=True,
        format_func=lambda d: {"TB": "top → bottom", "LR": "left → right"}[d],
    )
    color_by = v2.radio("Colour by", ["role", "evaluation"], key="view_color_by", horizontal=True)
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

legend_col, layout_col = st.columns([4, 1], vertical_alignment="center")
with legend_col:
    widgets.legend(color_by)
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
        highlight=frozenset({sel}) if sel else frozenset(),
        color_by=color_by,
        evaluation=evaluate(amap) if color_by == "evaluation" else None,
    )
    st.graphviz_chart(to_dot(amap, options), width="stretch")
    if beside:
        st.caption("To read the tree large, hover over it and click the fullscreen button at its top right.")
with right:
    if amap.source and amap.source.text.strip():
        found = marks(amap)
        excerpt = excerpt_html(amap.source.text, found, sel) if sel else None
        if excerpt:  # the selected words in context, without scrolling the whole text
            st.markdown(f"**{sel} in the text**")
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
    st.info("The map is empty. Add a statement on the **Table** page, or map a text on **Analyze**.")
    st.stop()

el = amap.element(sel)
d1, d2 = st.columns([4, 7], gap="large")
with d1:
    st.subheader(
        f"{sel} · {'evidence' if isinstance(el, Evidence) else ROLE_LABELS[roles.role[sel]]}",
        anchor="selected",
    )
    st.markdown(f"> {widgets.md(el.text)}")
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
        facts.append(f"{EVIDENCE_KIND_LABELS[el.kind]} for {el.target}")
        if el.source and el.source.label():
            url = f" ({el.source.url})" if el.source.url else ""
            facts.append("source: " + widgets.md(el.source.label() + url))
    if el.author:
        facts.append(f"added by {widgets.md(el.author)}")
    st.markdown(" · ".join(facts) if facts else "")
    why = [el.reason] if el.reason else []
    if el.cues:
        why.append("cue words: " + ", ".join(f"“{c}”" for c in el.cues))
    for inf in amap.inferences:
        if sel in inf.premises or inf.conclusion == sel:
            other = (
                "supports " + inf.conclusion
                if sel in inf.premises
                else "supported by " + ", ".join(inf.premises)
            )
            bits = [f"{inf.id}: {other}"]
            if inf.cues:
                bits.append("cues " + ", ".join(f"“{c}”" for c in inf.cues))
            if inf.reason:
                bits.append(inf.reason)
            why.append(" — ".join(bits))
    for a in amap.attacks:
        if a.source == sel or a.target == sel:
            bits = [f"{a.id}: attacks {a.target}" if a.source == sel else f"{a.id}: attacked by {a.source}"]
            if a.cues:
                bits.append("cues " + ", ".join(f"“{c}”" for c in a.cues))
            if a.reason:
                bits.append(a.reason)
            why.append(" — ".join(bits))
    st.markdown("**Why it is here**")
    st.markdown(
        "\n".join(f"- {widgets.md(w)}" for w in why) if why else "_Added by hand; no cue words recorded._"
    )
    attached = [e for e in amap.evidence if e.target == sel]
    if attached:
        st.markdown("**Evidence**")
        st.markdown(
            "\n".join(
                f"- {e.id} ({EVIDENCE_KIND_LABELS[e.kind]}): {widgets.md(e.text[:160])}" for e in attached
            )
        )

with d2:
    if locked:
        st.info("Editing is off: this map is read-only (opened from a share link).")
    elif isinstance(el, Evidence):
        st.subheader("Edit this evidence")
        with st.form("form_edit_evidence"):
            st.text_area("Text (quote, figure or description)", value=el.text, key=edit_key("edit_text", sel))
            st.form_submit_button("Save changes", key="edit_submit", on_click=_action(_edit_text))
        st.button(
            "Detach this evidence",
            key="evidence_detach",
            on_click=_action(
                lambda m, s: (
                    state.push(edit.detach_evidence(m, s)),
                    state.select(m.element(s).target),
                    f"Detached {s}.",
                )[-1]
            ),
        )
    else:
        st.subheader("Edit")
        tabs = st.tabs(
            [
                "Text",
                "Premise",
                "Counterargument",
                "Rebuttal",
                "Evidence",
                "Move",
                "Delete",
            ]
        )
        with tabs[0]:
            with st.form("form_edit"):
                st.text_area("Statement", value=el.text, key=edit_key("edit_text", sel), height=100)
                st.checkbox(
                    "Implicit: an unstated premise the reader has to supply",
                    value=el.implicit,
                    key=edit_key("edit_implicit", sel),
                )
                st.form_submit_button("Save changes", key="edit_submit", on_click=_action(_edit_text))
            pinned = amap.main == sel
            st.button(
                "Unpin main conclusion" if pinned else "Pin as the main conclusion",
                key="pin_main",
                on_click=_action(_pin),
                help="Argmap finds the main conclusion itself; pin one if it chose wrongly.",
            )
        with tabs[1]:
            joins = [i.id for i in amap.inferences if i.conclusion == sel]
            with st.form("form_premise"):
                st.text_area(
                    "New premise",
                    key="premise_text",
                    height=80,
                    placeholder="A reason that supports the selected statement",
                )
                st.radio(
                    "How does it support?",
                    ["new", *joins],
                    key="premise_join",
                    format_func=lambda j: (
                        "On its own (a new reason)"
                        if j == "new"
                        else f"Only together with {', '.join(amap.element(j).premises)} (co-premise in {j})"
                    ),
                )
                st.checkbox("Implicit (unstated in the text)", key="premise_implicit")
                st.form_submit_button("Add premise", key="premise_submit", on_click=_action(_add_premise))
        with tabs[2]:
            undercuttable = [i.id for i in amap.inferences if i.conclusion == sel or sel in i.premises]
            with st.form("form_attack"):
                st.text_area(
                    "Counterargument",
                    key="attack_text",
                    height=80,
                    placeholder="Why the selected statement is false, or why it does not follow",
                )
                st.radio(
                    "What does it attack?",
                    [sel, *undercuttable],
                    key="attack_target",
                    format_func=lambda t: (
                        "The statement itself (an objection)"
                        if t == sel
                        else f"The step {', '.join(amap.element(t).premises)} → {amap.element(t).conclusion} "
                        f"(an undercut of {t}: it does not follow)"
                    ),
                )
                st.form_submit_button(
                    "Add counterargument", key="attack_submit", on_click=_action(_add_attack)
                )
        with tabs[3]:
            if any(a.source == sel for a in amap.attacks):
                with st.form("form_rebuttal"):
                    st.text_area(
                        "Rebuttal", key="rebuttal_text", height=80, placeholder="The answer to this objection"
                    )
                    st.form_submit_button(
                        "Add rebuttal", key="rebuttal_submit", on_click=_action(_add_rebuttal)
                    )
            else:
                st.info("Only an objection can be rebutted. Select a statement that attacks another one.")
        with tabs[4], st.form("form_evidence"):
            st.selectbox(
                "Kind", EVIDENCE_KINDS, key="evidence_kind", format_func=lambda k: EVIDENCE_KIND_LABELS[k]
            )
            st.text_area("Quote, figure or description", key="evidence_text", height=80)
            e1, e2 = st.columns(2)
            e1.text_input("Source title", key="evidence_title", placeholder="e.g. Annual report 2024")
            e2.text_input("Author or outlet", key="evidence_author")
            e1.text_input("URL", key="evidence_url", placeholder="https://…")
            e2.text_input("Date", key="evidence_date", placeholder="e.g. 2024-03-01")
            st.form_submit_button(
                "Attach evidence", key="evidence_submit", on_click=_action(_attach_evidence)
            )
        with tabs[5]:
            is_attacker = any(a.source == sel for a in amap.attacks)
            targets = [s.id for s in amap.statements if s.id != sel]
            if is_attacker:
                targets += [i.id for i in amap.inferences]
            with st.form("form_move"):
                st.selectbox(
                    "Attack instead" if is_attacker else "Support instead",
                    targets,
                    key="move_target",
                    format_func=lambda t: labels.get(
                        t, f"{t} (the step into {amap.element(t).conclusion})" if t.startswith("i") else t
                    ),
                )
                st.form_submit_button("Move", key="move_submit", on_click=_action(_move))
        with tabs[6], st.form("form_delete"):
            st.markdown("Deleting a statement also removes the links and evidence that hang on it only.")
            st.checkbox(f"Yes, delete {sel}", key="delete_confirm")
            st.form_submit_button("Delete", key="delete_submit", on_click=_action(_delete))

# A toggle, not an expander: the outline of a large map is long, and is only built when asked for.
if st.toggle(
    "Show the outline (the map as indented text, for screen readers and copying)", key="map_outline"
):
    st.code(outline(amap), language=None)
