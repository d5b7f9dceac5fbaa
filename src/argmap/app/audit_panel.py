"""The Check page's opening: the editor's audit (``argmap.analysis.audit``) — the top five points in
plain sentences, each beside its words in the text and the tree around it, with what to ask the
writer; the other cues grouped; the check-worthy claims; the one-page report to download.

The audit is computed once per version of the map (a rerun that changes nothing reuses it).
"""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from argmap.analysis import claims as claim_export
from argmap.analysis.audit import Audit, Point, audit, statement_of
from argmap.analysis.checks import Finding, check
from argmap.analysis.report import render
from argmap.app import state, widgets
from argmap.edit import operations as edit
from argmap.errors import ArgmapError
from argmap.model import ArgumentMap
from argmap.render import ViewOptions, to_dot
from argmap.render.highlight import excerpt_html, marks

CHOSEN = "audit_point"  # session key: the key of the point shown beside its words
_CACHE = "audit_cache"
_MORE = 20  # points listed past the top five
_STATUS_WORDS = {"asked": "asked the writer", "answered": "answered", "dismissed": "dismissed"}


def findings_and_audit(amap: ArgumentMap) -> tuple[list[Finding], Audit]:
    """Every finding and the audit of the open map, reused while the map does not change."""
    key = (state.version(), amap.id, amap.revision, len(amap.reviews), id(amap))
    cached = st.session_state.get(_CACHE)
    if cached is not None and cached[0] == key:
        return cached[1], cached[2]
    found = check(amap)
    result = audit(amap, found)
    st.session_state[_CACHE] = (key, found, result)
    return found, result


def _decide(key: str, status: str | None) -> None:
    amap = state.current_map()
    if amap is None:
        return
    try:
        if status == "asked":  # a review and a comment thread on the finding's statement
            node = _anchor(amap, key)
            question = str(st.session_state.get(f"audit_q_{key}") or "")
            new = edit.ask_writer(amap, key, question, node=node, author=state.author())
        else:
            new = edit.review(amap, key, status, author=state.author())
    except ArgmapError as err:
        widgets.report(err)
        return
    state.push(new)
    done = {
        "asked": "Asked: the question is in the report and in a comment on the statement.",
        None: "Reopened.",
    }
    state.flash("success", done.get(status, f"Marked {_STATUS_WORDS.get(status or '', status)}."))


def _anchor(amap: ArgumentMap, key: str) -> str:
    """The statement a finding's key is about (its first node; evidence: the claim it backs)."""
    first = key.split(":", 1)[-1].split("+")[0]
    s = statement_of(amap, first)
    return s.id if s else first


def _choose(key: str) -> None:
    st.session_state[CHOSEN] = None if st.session_state.get(CHOSEN) == key else key


def chosen_nodes(result: Audit) -> frozenset[str]:
    """The nodes of the point chosen to be shown, for the tree's highlight (empty when none)."""
    key = st.session_state.get(CHOSEN)
    point = next((p for p in result.points if p.key == key), None)
    return frozenset(point.finding.node_ids) if point else frozenset()


def _beside(amap: ArgumentMap, point: Point) -> None:
    """The point's words in the text, marked, and the part of the tree around its node."""
    s = statement_of(amap, point.finding.node_ids[0])
    # The first of its nodes with words in the text (one added by hand has none).
    quoted = [x for n in point.finding.node_ids if (x := statement_of(amap, n)) is not None and x.span]
    if amap.source is not None and quoted:
        if s is not None and s.span is None:
            st.caption(f"“{widgets.short(s.text, 60)}” is not in the text; these are the words it answers:")
        excerpt = excerpt_html(amap.source.text, marks(amap), quoted[0].id, around=220)
        if excerpt:
            st.html(excerpt)
    if s is not None:
        options = ViewOptions(focus=s.id, depth=1, highlight=frozenset(point.finding.node_ids), wrap=28)
        try:
            st.graphviz_chart(to_dot(amap, options), width="content")
        except ArgmapError as err:
            widgets.error(err)


def _point(amap: ArgumentMap, n: int, point: Point, readonly: bool) -> None:
    with st.container(border=True):
        status = f" · *{_STATUS_WORDS[point.status]}*" if point.status in _STATUS_WORDS else ""
        st.markdown(f"**{n}.** {widgets.md(point.sentence)}{status}  \n*Ask:* {widgets.md(point.question)}")
        shown = st.session_state.get(CHOSEN) == point.key
        # Buttons as wide as their words, in one row (they wrap on a phone).
        with st.container(horizontal=True, gap="small"):
            st.button(
                "Hide the words" if shown else "Show the words",
                key=f"audit_show_{point.key}",
                on_click=_choose,
                args=(point.key,),
            )
            if not readonly:
                with st.popover("Ask the writer"):
                    st.text_area("Question for the writer", value=point.question, key=f"audit_q_{point.key}")
                    st.button(
                        "Add to the report",
                        key=f"audit_ask_{point.key}",
                        on_click=_decide,
                        args=(point.key, "asked"),
                        type="primary",
                    )
                if point.status == "answered":
                    st.button(
                        "Reopen", key=f"audit_open_{point.key}", on_click=_decide, args=(point.key, None)
                    )
                else:
                    st.button(
                        "Answered",
                        key=f"audit_done_{point.key}",
                        on_click=_decide,
                        args=(point.key, "answered"),
                    )
                st.button(
                    "Dismiss", key=f"audit_drop_{point.key}", on_click=_decide, args=(point.key, "dismissed")
                )
        if shown:
            _beside(amap, point)


def show(amap: ArgumentMap, result: Audit) -> None:
    """The audit section: top points, grouped notices, claims to check, downloads."""
    readonly = state.readonly()
    st.subheader("What to raise first")
    st.caption(
        f"{len(result.points)} points to raise, ranked by how much of the main conclusion rests on each; "
        f"{len(result.claims)} factual claims to check. Cues, not verdicts."
    )
    if not result.top:
        st.info("Nothing at warning level: no weak point stands out. The other cues are listed below.")
    for n, point in enumerate(result.top, 1):
        _point(amap, n, point, readonly)
    rest = result.points[len(result.top) :]
    if rest:
        # One block of text, not a card each: a long map has hundreds (every finding is listed below).
        shown = rest[:_MORE]
        lines = [f"{n}. {widgets.md(p.sentence)}" for n, p in enumerate(shown, len(result.top) + 1)]
        if len(rest) > len(shown):
            lines.append(f"… and {len(rest) - len(shown)} more, under Every finding below.")
        with st.expander(f"{len(rest)} more point{'' if len(rest) == 1 else 's'}"):
            st.markdown("  \n".join(lines))
    if result.notices:
        st.markdown("**Also noticed:** " + " ".join(widgets.md(n.sentence) for n in result.notices))
    if result.dismissed:
        with st.expander(f"{len(result.dismissed)} dismissed"):
            for point in result.dismissed:
                cols = st.columns([6, 1], vertical_alignment="center")
                cols[0].markdown(widgets.md(point.sentence))
                if not readonly:
                    cols[1].button(
                        "Restore", key=f"audit_back_{point.key}", on_click=_decide, args=(point.key, None)
                    )
    with st.expander(f"Claims to check ({len(result.claims)})"):
        if result.claims:
            st.dataframe(
                [
                    {"claim": c.text, "kind": ", ".join(c.kinds), "source given": c.source or "none"}
                    for c in result.claims
                ],
                hide_index=True,
                width="stretch",
            )
        else:
            st.caption("No factual claim (figure, event, attribution) carries the conclusion.")
    _downloads(amap, result)


def _downloads(amap: ArgumentMap, result: Audit) -> None:
    stem = (state.name() or amap.id or "map").replace("/", "-")
    cols = st.columns(3)
    cols[0].download_button(
        "Download the report",
        render(amap, result, "markdown"),
        file_name=f"{stem}-audit.md",
        mime="text/markdown",
        key="audit_report",
        help="One page for the writer: the top points, your questions, the claims to check.",
        width="stretch",
    )
    cols[1].download_button(
        "Claims as CSV",
        claim_export.claims_csv(result.claims),
        file_name=f"{stem}-claims.csv",
        mime="text/csv",
        key="audit_claims_csv",
        width="stretch",
    )
    reviews: list[dict[str, Any]] = claim_export.claim_reviews(amap, result.claims)
    cols[2].download_button(
        "ClaimReview JSON-LD",
        json.dumps(reviews, indent=2, ensure_ascii=False),
        file_name=f"{stem}-claims.jsonld",
        mime="application/ld+json",
        key="audit_claims_ld",
        help="ClaimReview skeletons for a fact-checker: the claim, where it appeared, who wrote it.",
        width="stretch",
    )
