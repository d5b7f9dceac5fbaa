"""Check: the map's weak points as questions, argument schemes with their critical questions,
and ratings propagated through the map (coloured by evaluation)."""

from __future__ import annotations

import streamlit as st

from argmap import describe
from argmap.analysis.checks import SEVERITIES, Finding, at_least, by_node
from argmap.analysis.evaluation import evaluation
from argmap.analysis.schemes import SCHEMES, answers_for, scheme, suggest
from argmap.app import audit_panel, state, widgets
from argmap.app import tree as apptree
from argmap.edit import operations as edit
from argmap.edit.comments import open_questions
from argmap.errors import ArgmapError
from argmap.model import Answer, ArgumentMap, Attack, Evidence, Inference
from argmap.render import ViewOptions
from argmap.render.highlight import STATUS_COLORS, legend_html
from argmap.render.view import DIRECTIONS
from argmap.roles import derive

# Plain symbols, not emoji: a browser without an emoji font shows emoji as empty boxes.
_ICON = {"info": "ℹ", "warning": "⚠", "error": "✖"}
_NO_SCHEME = "(no scheme)"
_STATEMENT_RATINGS = ("accepted", "doubtful", "rejected")
_RELATION_RATINGS = ("strong", "weak", "none")
_RELIABILITY = ("high", "medium", "low")
_UNRATED = "(not rated)"
_PAGE = 40  # nodes whose findings are listed at once


def cq_key(rid: str, n: int, part: str = "answer") -> str:
    """The widget key of critical question ``n`` of relation ``rid`` (part: answer or note)."""
    return f"cq_{part}_{rid}_{n}"


def _finding_label(amap: ArgumentMap, f: Finding) -> str:
    """The finding in the words every page uses, after its severity's symbol."""
    return f"{_ICON[f.severity]} {describe.finding_label(amap, f.node_ids, f.check, f.cue)}"


# --- actions (callbacks: they run before the page is drawn) ------------------------------------


def _save_scheme() -> None:
    amap, rid = state.current_map(), st.session_state.get("scheme_target")
    name = st.session_state.get("scheme_name")
    if amap is None or rid is None:
        return
    try:
        if name in (None, _NO_SCHEME):
            new = edit.set_scheme(amap, rid, None)
        else:
            questions = scheme(name).questions  # type: ignore[union-attr]
            answers = tuple(
                Answer(
                    question=q,
                    answer=st.session_state.get(cq_key(rid, n)) or "open",
                    note=(st.session_state.get(cq_key(rid, n, "note")) or "").strip() or None,
                )
                for n, q in enumerate(questions)
            )
            new = edit.set_scheme(amap, rid, name, answers)
        if new != amap:
            state.push(new)
        state.flash("success", f"Saved the scheme of {widgets.md(rid)}.")
    except ArgmapError as err:
        widgets.report(err)


def _save_rating() -> None:
    amap, eid = state.current_map(), st.session_state.get("rate_target")
    value = st.session_state.get("rate_value")
    if amap is None or eid is None:
        return
    try:
        new = edit.rate(amap, eid, None if value in (None, _UNRATED) else value)
        if new != amap:
            state.push(new)
            state.flash("success", f"Rated {widgets.md(eid)}: {value}. The evaluation is updated.")
    except ArgmapError as err:
        widgets.report(err)


def _pick(eid: str) -> None:
    """A box clicked in the tree: selected, and the one the Ratings tab rates."""
    apptree.choose(eid)
    st.session_state["rate_target"] = eid


def _new_list() -> None:
    """Another severity, another list: the chosen finding and the page of nodes no longer apply."""
    for key in ("check_finding", "check_findings_page"):
        st.session_state.pop(key, None)


# --- page --------------------------------------------------------------------------------------

st.title("Check")
widgets.show_flash()
opened = state.current_map()
if opened is None:
    widgets.no_map()
    st.stop()
amap: ArgumentMap = opened  # the pickers' label functions below see the open map

ev = evaluation(amap)
roles = derive(amap)  # once: every picker label names a role
every, result = audit_panel.findings_and_audit(amap)  # computed once per version of the map
floor = st.session_state.get("check_severity") or "info"
findings = [f for f in every if at_least(f.severity, floor)]
audit_panel.show(amap, result)
st.subheader("Every finding")

# The finding picker and the tree come first, the tree at full width: beside the findings a wide tree
# was scaled down until its words could not be read. A toggle puts it beside them, as on the Map page.
bar = st.columns([2, 3], vertical_alignment="bottom")
bar[0].radio(
    "Show findings at or above",
    SEVERITIES,
    horizontal=True,
    key="check_severity",
    on_change=_new_list,
)
if findings:
    bar[1].selectbox(
        "Show a finding on the map",
        range(len(findings)),
        index=None,
        format_func=lambda n: _finding_label(amap, findings[n]),
        key="check_finding",
        placeholder="Choose a finding to highlight its nodes",
    )
switches = st.columns([2, 2, 3], vertical_alignment="center")
color = switches[0].toggle("Colour by evaluation", value=True, key="check_color_eval")
beside = switches[1].toggle(
    "Tree beside the findings",
    key="check_beside",
    help="Side by side suits a narrow tree or a wide screen; otherwise the findings are below the tree.",
)
direction = switches[2].radio(
    "Direction",
    DIRECTIONS,
    key="check_direction",
    horizontal=True,
    label_visibility="collapsed",
    format_func=lambda d: {"TB": "top → bottom", "LR": "left → right"}[d],
)
if findings:
    counts = {s: sum(f.severity == s for f in findings) for s in SEVERITIES}
    st.caption(
        " · ".join(f"{_ICON[s]} {n} {s}" for s, n in counts.items() if n)
        + " — cues, not verdicts: each finding is a question to ask of the argument (listed below"
        + (" on the left)." if beside else " the tree).")
    )
else:
    st.success("No findings at this severity.")
if beside:
    panel, tree = st.columns([5, 6], gap="medium")
else:
    tree, panel = st.container(), st.container()
with panel:
    # Keyed and tracked, like the Map page's edit tabs: saving a rating keeps the Ratings tab open.
    tab_findings, tab_schemes, tab_ratings, tab_questions = st.tabs(
        ["Findings", "Schemes", "Ratings", "Open questions"], key="check_tab", on_change="rerun"
    )

# Only the open tab's content is worked out and sent (the tabs rerun the page when one is chosen): on
# a 500-node map the closed tabs' pickers, forms and 450-row table were a third of every rerun.
with tab_questions:
    questions = open_questions(amap) if tab_questions.open is not False else []
    if tab_questions.open is False:
        pass
    elif not questions:
        st.info(
            "No open questions: no comment thread on this map is open. Comment on a node on the Map page."
        )
    for t in questions:
        with st.container(border=True):
            label = describe.tag_label(amap, t.target, roles) if t.target in amap.ids() else t.target
            people = ", ".join(t.people)
            st.markdown(
                f"**{widgets.md(label)}**  \n{widgets.md(t.opener.text)}  \n"
                f"*{len(t.replies)} repl{'y' if len(t.replies) == 1 else 'ies'} · {widgets.md(people)}*"
            )

with tab_findings:
    if tab_findings.open is False:
        pass
    elif not findings:
        lowest = (st.session_state.get("check_severity") or "info") == SEVERITIES[0]
        st.info(
            "Nothing to ask of this map."
            if lowest
            else f"Nothing to ask at this severity. Choose **{SEVERITIES[0]}** above to see every cue."
        )
    else:
        every_group = list(by_node(amap, findings).items())
        groups = every_group
        if len(every_group) > _PAGE:  # a 500-node map has hundreds: a page of them at a time
            n_groups = len(every_group)
            first = st.selectbox(
                "Nodes",
                range(0, n_groups, _PAGE),
                format_func=lambda a: f"nodes {a + 1}\u2013{min(a + _PAGE, n_groups)} of {n_groups}",
                key="check_findings_page",
            )
            groups = every_group[first or 0 : (first or 0) + _PAGE]
        for nid, group in groups:
            with st.container(border=True):
                st.markdown(
                    f"**{widgets.md(describe.tag_label(amap, nid, roles))}**"
                    if nid in amap.ids()
                    else f"**{widgets.md(nid)}**"
                )
                for f in group:
                    others = [n for n in f.node_ids if n != nid]
                    with_ = widgets.md(f" (with {', '.join(others)})") if others else ""
                    name = f.check.replace("_", " ")
                    st.markdown(
                        f"{_ICON[f.severity]} **{f.severity}** · {name}{with_}: {widgets.md(f.message)}  \n"
                        f"Cue: {widgets.md(f.cue)}  \n*Ask:* {widgets.md(f.question)}"
                    )

relations = [r.id for r in (*amap.inferences, *amap.attacks)]
with tab_schemes:
    if tab_schemes.open is False:
        pass
    elif not relations:
        st.info("The map has no inferences or attacks yet.")
    else:
        rid = (
            st.selectbox(
                "Inference or attack",
                relations,
                format_func=lambda r: describe.tag_label(amap, r, roles),
                key="scheme_target",
            )
            or relations[0]
        )  # a selectbox over a non-empty list always has a choice
        rel = amap.element(rid)
        suggestions = suggest(amap, rid)
        if suggestions:
            st.caption(
                "Suggested: "
                + "; ".join(
                    f"**{s.scheme.name}** ({widgets.md(', '.join(s.cues[:3]), line=True)})"
                    for s in suggestions[:3]
                )
            )
        names = [_NO_SCHEME, *(s.name for s in SCHEMES)]
        current = rel.scheme if isinstance(rel, Inference | Attack) and rel.scheme in names else None
        default = current or (suggestions[0].scheme.name if suggestions else _NO_SCHEME)
        if st.session_state.get("scheme_for") != rid:
            st.session_state["scheme_for"] = rid
            st.session_state["scheme_name"] = default
        name = st.selectbox("Scheme", names, key="scheme_name")
        chosen = scheme(name) if name != _NO_SCHEME else None
        if chosen is not None:
            st.markdown(f"*{chosen.form}*")
            for n, a in enumerate(answers_for(amap, rid, chosen.name)):
                st.radio(
                    widgets.md(a.question, line=True),
                    ("open", "yes", "no"),
                    index=("open", "yes", "no").index(a.answer),
                    horizontal=True,
                    key=cq_key(rid, n),
                )
                st.text_input(
                    "Note",
                    value=a.note or "",
                    key=cq_key(rid, n, "note"),
                    label_visibility="collapsed",
                    placeholder="A note on your answer (optional)",
                )
        st.button("Save scheme and answers", key="scheme_save", on_click=_save_scheme, type="primary")

with tab_ratings:
    targets = [e.id for g in (amap.statements, amap.inferences, amap.attacks, amap.evidence) for e in g]
    if tab_ratings.open is not False:
        st.caption(
            "Rate statements, links and evidence; every conclusion's status follows from the ratings "
            "(see the explanation below each)."
        )
    if tab_ratings.open is False:
        pass
    elif not targets:
        st.info("The map has nothing to rate yet.")
    else:
        eid = (
            st.selectbox(
                "Rate", targets, format_func=lambda e: describe.tag_label(amap, e, roles), key="rate_target"
            )
            or targets[0]
        )  # a selectbox over a non-empty list always has a choice
        el = amap.element(eid)
        options: tuple[str, ...]
        now: str | None
        if isinstance(el, Evidence):
            options, now = _RELIABILITY, el.reliability
        elif isinstance(el, Inference | Attack):
            options, now = _RELATION_RATINGS, el.rating
        else:
            options, now = _STATEMENT_RATINGS, el.rating
        choices = (_UNRATED, *options)
        if st.session_state.get("rate_for") != (eid, state.version()):
            st.session_state["rate_for"] = (eid, state.version())
            st.session_state["rate_value"] = now or _UNRATED
        st.radio("Rating", choices, horizontal=True, key="rate_value")
        st.button("Save rating", key="rate_save", on_click=_save_rating, type="primary")
        st.markdown(f"**{widgets.md(eid)} is {ev.status[eid]}.** {widgets.md(ev.why[eid])}")
        st.dataframe(
            [{"id": s.id, "status": ev.status[s.id], "why": ev.why[s.id]} for s in amap.statements],
            hide_index=True,
            width="stretch",
        )

with tree:
    chosen_n = st.session_state.get("check_finding")
    highlight = (
        frozenset(findings[chosen_n].node_ids)
        if chosen_n is not None and chosen_n < len(findings)
        else audit_panel.chosen_nodes(result)
    )
    view = ViewOptions(
        direction=direction or "TB",
        highlight=highlight,
        color_by="evaluation" if color else "role",
        evaluation=ev.status if color else None,
    )
    try:
        # The app's tree: a click on a box selects it (as on the Map page) and makes it the one rated.
        apptree.show(amap, view, state.selected(), key="check_tree", on_pick=_pick)
    except ArgmapError as err:
        widgets.error(err)
    if color:
        st.html(legend_html(STATUS_COLORS))
    st.caption(
        "A double border marks the nodes of the chosen finding. To read the tree large, hover over it and "
        "click the fullscreen button at its top right."
    )
