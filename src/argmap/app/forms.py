"""The Map page's edit forms on the selected node, and the actions they run.

Actions are widget callbacks: they run before the page is drawn, so the page shows their result.
Each edits the open map through argmap.edit.operations and pushes it onto the undo history.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from argmap.app import state, widgets
from argmap.describe import name, pick_label
from argmap.edit import operations as edit
from argmap.edit.restructure import PLACEMENTS, Placement, promote
from argmap.edit.wording import sentence
from argmap.errors import ArgmapError
from argmap.model import (
    EVIDENCE_KIND_LABELS,
    EVIDENCE_KINDS,
    ArgumentMap,
    Evidence,
    EvidenceSource,
    Statement,
)
from argmap.roles import derive

EDIT_TABS = ("Text", "Premise", "Counterargument", "Rebuttal", "Evidence", "Move", "Delete")
EDIT_TAB = "edit_tab"  # session-state key of the chosen edit tab


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
            if done:  # our words around ids from the map (an id may read "www.x.com"): all plain text
                state.flash("success", widgets.md(done))

    return run


def undo() -> None:
    """The Undo button: step back, and say what was undone."""
    words = state.undo()
    if words:
        state.flash("success", widgets.md(f"Undid: {words}."))


def redo() -> None:
    """The Redo button: step forward, and say what was redone."""
    words = state.redo()
    if words:
        state.flash("success", widgets.md(f"Redid: {words}."))


def _value(key: str) -> str:
    return str(st.session_state.get(key) or "")


def edit_key(name: str, sel: str) -> str:
    """Keys of the edit form's fields name the element and the map version, so each starts from its text."""
    return f"{name}_{sel}_v{state.version()}"


def _done(amap: ArgumentMap, new: ArgumentMap, phrase: str) -> str:
    """Push ``new`` with ``phrase`` for the undo history; the confirmation says the same."""
    state.push(new, phrase)
    return sentence(phrase)


def _edit_text(amap: ArgumentMap, sel: str) -> str:
    new = edit.edit_text(amap, sel, _value(edit_key("edit_text", sel)))
    implicit = bool(st.session_state.get(edit_key("edit_implicit", sel)))
    el = new.element(sel)
    if isinstance(el, Statement) and implicit != el.implicit:
        new = edit.mark_implicit(new, sel, implicit)
    return _done(amap, new, f"edited the text of {name(amap, sel)}")


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
    st.session_state["premise_text"] = ""
    how = f"a co-premise in {name(amap, join)}" if join else "a new reason"
    return _done(amap, new, f"added {name(new, nid)} as {how} for {name(amap, sel)}")


def _add_attack(amap: ArgumentMap, sel: str) -> str:
    target = st.session_state.get("attack_target") or sel
    new, nid = edit.add_attack(amap, target, _value("attack_text"), author=state.author())
    st.session_state["attack_text"] = ""
    what = "an undercut of" if target != sel else "an objection to"
    return _done(amap, new, f"added {name(new, nid)} as {what} {name(amap, target)}")


def _add_rebuttal(amap: ArgumentMap, sel: str) -> str:
    new, nid = edit.add_rebuttal(amap, sel, _value("rebuttal_text"), author=state.author())
    st.session_state["rebuttal_text"] = ""
    return _done(amap, new, f"added {name(new, nid)}, a rebuttal of {name(amap, sel)}")


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
    for k in ("text", "title", "author", "url", "date"):
        st.session_state[f"evidence_{k}"] = ""
    return _done(amap, new, f"attached evidence {name(new, eid)} to {name(amap, sel)}")


def _move(amap: ArgumentMap, sel: str) -> str:
    target = st.session_state.get("move_target")
    if not target:
        return ""
    new = edit.relink(amap, sel, target, author=state.author())
    return _done(amap, new, f"moved {name(amap, sel)} under {name(amap, target)}")


def _pin(amap: ArgumentMap, sel: str) -> str:
    if amap.main == sel:
        return _done(amap, edit.pin_main(amap, None), f"unpinned {name(amap, sel)} as the main conclusion")
    placement: Placement = st.session_state.get("pin_old_main") or "reason"
    new = promote(
        amap, sel, old_main=placement, under=st.session_state.get("pin_under"), author=state.author()
    )
    return _done(amap, new, f"pinned {name(amap, sel)} as the main conclusion")


def _delete(amap: ArgumentMap, sel: str) -> str:
    if not st.session_state.get("delete_confirm"):
        state.flash("warning", "Tick the box to confirm the deletion.")
        return ""
    new = edit.remove(amap, sel, author=state.author())
    state.select(None)
    st.session_state["delete_confirm"] = False
    return _done(amap, new, f"deleted {name(amap, sel)}") + " Undo brings it back."


def _add_first() -> None:
    amap = state.current_map()
    if amap is None:
        return
    try:
        new, sid = edit.add_statement(amap, _value("first_text"), author=state.author())
    except ArgmapError as err:
        widgets.report(err)
        return
    state.push(new, f"added {name(new, sid)}")
    state.select(sid)
    st.session_state["first_text"] = ""
    state.flash(
        "success",
        f"Added {widgets.md(sid)}. Now add its reasons, objections and evidence with the forms below.",
    )


def first_statement() -> None:
    """The form on an empty map: its first statement, usually the main conclusion."""
    st.subheader("Start the map")
    st.markdown("The map is empty. Write the claim the piece argues for; then add its reasons to it.")
    with st.form("form_first"):
        st.text_area(
            "Main conclusion", key="first_text", height=80, placeholder="The claim the piece argues for"
        )
        st.form_submit_button("Add statement", key="first_submit", on_click=_add_first, type="primary")


def _pin_form(amap: ArgumentMap, sel: str, labels: dict[str, str]) -> None:
    """Pin the selected statement as the main conclusion, choosing where the old one goes."""
    main = derive(amap).main
    if amap.main == sel:
        st.button(
            "Unpin main conclusion",
            key="pin_main",
            on_click=_action(_pin),
            help="Argmap then finds the main conclusion itself again.",
        )
        return
    if main == sel:
        st.caption("This is the main conclusion (Argmap found it: nothing it argues for, most support).")
        return
    with st.expander("Make this the main conclusion", expanded=False):
        if main is None:
            st.markdown("The map has no main conclusion yet; this statement becomes it.")
        else:
            st.markdown(
                f"Now the main conclusion is {widgets.md(name(amap, main))}. It keeps its reasons and "
                "objections; choose where it goes:"
            )
        with st.form("form_pin"):
            if main is not None:
                st.radio(
                    "The old main conclusion",
                    list(PLACEMENTS),
                    key="pin_old_main",
                    format_func=lambda p: PLACEMENTS[p],
                )
                others = [s.id for s in amap.statements if s.id not in (sel, main)]
                st.selectbox(
                    "Another statement (if it becomes a reason for another statement)",
                    others,
                    key="pin_under",
                    format_func=lambda t: labels.get(t, t),
                )
            st.form_submit_button("Pin as the main conclusion", key="pin_main", on_click=_action(_pin))


def _detach(amap: ArgumentMap, sel: str) -> str:
    target = amap.element(sel)
    if isinstance(target, Evidence):
        state.select(target.target)
    return _done(amap, edit.detach_evidence(amap, sel), f"detached {name(amap, sel)}")


def edit_panel(amap: ArgumentMap, sel: str, labels: dict[str, str]) -> None:
    """The edit forms for the selected element ``sel`` (``labels``: the picker's labels by id)."""
    el = amap.element(sel)
    if state.readonly():
        st.info("Editing is off: this map is read-only (opened from a share link).")
    elif isinstance(el, Evidence):
        st.subheader("Edit this evidence")
        with st.form("form_edit_evidence"):
            st.text_area("Text (quote, figure or description)", value=el.text, key=edit_key("edit_text", sel))
            st.form_submit_button("Save changes", key="edit_submit", on_click=_action(_edit_text))
        st.button(
            "Detach this evidence",
            key="evidence_detach",
            on_click=_action(_detach),
        )
    elif isinstance(el, Statement):
        step = {i.id: i for i in amap.inferences}
        st.subheader("Edit")
        # Keyed and tracked, the chosen tab lives in session state: after a form is sent the page is
        # drawn again, and an untracked tab bar would fall back to "Text" (the user loses their place).
        tabs = st.tabs(list(EDIT_TABS), key=EDIT_TAB, on_change="rerun")
        with tabs[0]:
            with st.form("form_edit"):
                st.text_area("Statement", value=el.text, key=edit_key("edit_text", sel), height=100)
                st.checkbox(
                    "Implicit: an unstated premise the reader has to supply",
                    value=el.implicit,
                    key=edit_key("edit_implicit", sel),
                )
                st.form_submit_button("Save changes", key="edit_submit", on_click=_action(_edit_text))
            _pin_form(amap, sel, labels)
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
                        else widgets.md(
                            f"Only together with {', '.join(step[j].premises)} (co-premise in {j})"
                        )
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
                        else widgets.md(
                            f"The step {', '.join(step[t].premises)} → {step[t].conclusion} "
                            f"(an undercut of {t}: it does not follow)"
                        )
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
                    format_func=lambda t: labels.get(t) or pick_label(amap, t),
                )
                st.form_submit_button("Move", key="move_submit", on_click=_action(_move))
        with tabs[6], st.form("form_delete"):
            st.markdown("Deleting a statement also removes the links and evidence that hang on it only.")
            st.checkbox(f"Yes, delete {widgets.md(sel)}", key="delete_confirm")
            st.form_submit_button("Delete", key="delete_submit", on_click=_action(_delete))
