"""Table: statements and relations as editable grids; every change is validated through the model."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from argmap.app import forms, state, widgets
from argmap.edit.grid import (
    RELATION_COLUMNS,
    RELATION_KINDS,
    STATEMENT_COLUMNS,
    apply_relation_changes,
    apply_statement_changes,
    describe_changes,
    relation_rows,
    statement_rows,
)
from argmap.errors import ArgmapError
from argmap.model import ArgumentMap
from argmap.roles import ROLE_LABELS


def editor_key(table: str) -> str:
    """The data editor's key: it changes with the map, so applied edits never apply twice."""
    return f"table_{table}_v{state.version()}"


def _apply(table: str, apply) -> None:  # noqa: ANN001 - one of the tables.apply_* functions
    amap = state.current_map()
    changes = st.session_state.get(editor_key(table))
    if amap is None or not changes:
        return
    if not any(changes.get(k) for k in ("edited_rows", "added_rows", "deleted_rows")):
        return
    try:
        new = apply(amap, changes, author=state.author())
    except ArgmapError as err:
        # The grid keeps the user's edits (same key), so they can fix the cell; the map is untouched.
        state.flash(
            "error",
            f"Not applied: {widgets.md(str(err))}\n\n"
            "Correct the cell (or undo it with Ctrl+Z) and try again.",
        )
        return
    if new != amap:
        state.push(new)
        state.flash("success", f"{widgets.md(describe_changes(amap, new))} Undo brings it back.")


st.title("Table")
_apply("statements", apply_statement_changes)
_apply("relations", apply_relation_changes)
amap: ArgumentMap | None = state.current_map()
if amap is None:
    widgets.no_map()
    st.stop()
locked = state.readonly()
st.caption(
    "Edit cells directly; add a row at the bottom, delete rows by selecting them. Every change is checked: "
    "an edit that would break the map is refused with the reason, and the map stays as it was."
)
widgets.show_flash()
if not locked:
    st.button("↶ Undo", key="table_undo", on_click=forms.undo, disabled=not state.can_undo())

st.subheader("Statements")
statements = pd.DataFrame(statement_rows(amap), columns=list(STATEMENT_COLUMNS))
st.data_editor(
    statements,
    key=editor_key("statements"),
    num_rows="fixed" if locked else "dynamic",
    disabled=True if locked else ["id", "role", "author"],
    hide_index=True,
    placeholder="",
    column_config={
        "id": st.column_config.TextColumn("id", width="small", help="Made by Argmap; cannot be edited"),
        "role": st.column_config.SelectboxColumn(  # shown in the words every other page uses
            "role",
            width=175,
            options=list(ROLE_LABELS),
            format_func=lambda role: ROLE_LABELS.get(str(role), str(role)),
            help="Derived from the links; change the links to change it",
        ),
        "text": st.column_config.TextColumn("text", width="large", required=True),
        "implicit": st.column_config.CheckboxColumn("implicit", help="An unstated premise"),
        "rating": st.column_config.SelectboxColumn("rating", options=["accepted", "doubtful", "rejected"]),
        "tags": st.column_config.TextColumn("tags", help="Comma-separated"),
    },
)

st.subheader("Relations")
st.caption(
    "**support**: the statements in *from* (comma-separated ids; several = linked co-premises) support *to*. "
    "**attack**: the statement in *from* attacks *to* (a statement, or an inference id for an undercut)."
)
relations = pd.DataFrame(relation_rows(amap), columns=list(RELATION_COLUMNS))
st.data_editor(
    relations,
    key=editor_key("relations"),
    num_rows="fixed" if locked else "dynamic",
    disabled=True if locked else ["id", "author"],
    hide_index=True,
    placeholder="",
    column_config={
        "id": st.column_config.TextColumn("id", width="small"),
        "kind": st.column_config.SelectboxColumn("kind", options=list(RELATION_KINDS), required=True),
        "from": st.column_config.TextColumn("from", help="Statement ids, comma-separated"),
        "to": st.column_config.TextColumn("to", help="A statement id (or an inference id for an undercut)"),
        "rating": st.column_config.SelectboxColumn("rating", options=["strong", "weak", "none"]),
    },
)
if amap.evidence:
    st.subheader("Evidence")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "id": e.id,
                    "for": e.target,
                    "kind": e.kind,
                    "text": e.text,
                    "source": e.source.label() if e.source else "",
                }
                for e in amap.evidence
            ]
        ),
        hide_index=True,
        key="table_evidence",
    )
    st.caption("Edit evidence on the **Map** page (select it there).")
