"""Draw a map as a Graphviz digraph: nodes, junctions, edges and the legend.

DOT node names are element ids: statements (``s1``), evidence (``e1``) and, for each linked
inference (or an inference that is undercut), a small junction point named after the inference
(``i1``). Premises meet at the junction, one arrow leaves it. Every node and edge also gets an SVG
id ``map-<element id>`` so an HTML page can link to it.

Lines are written directly into the digraph's body (not one ``Digraph.node`` call per node):
the same DOT, several times faster on maps of thousands of nodes. ``to_dot`` and ``legend_dot``
assemble that DOT without the graphviz package (its import is a fair share of a one-map command);
``to_digraph`` hands the same parts to ``graphviz.Digraph``, whose ``.source`` is the same text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from argmap.model import ArgumentMap, Evidence, Statement
from argmap.render import style
from argmap.render.style import dot_id, dot_string, html_text
from argmap.render.view import Selection, ViewOptions, select
from argmap.roles import ROLE_LABELS, derive

if TYPE_CHECKING:
    import graphviz  # type: ignore[import-untyped]  # graphviz ships no type hints

_RANKDIR = {"TB": "BT", "LR": "RL"}  # arrows point at conclusions, so conclusions come first
EVIDENCE_SHAPE = "note"
STATEMENT_SHAPE = "box"
LEGEND_PREFIX = "legend/"  # "/" never occurs in an element id, so legend nodes cannot clash
_NODE_ATTR = {"fontname": style.FONT, "fontsize": "12", "margin": "0.12,0.06"}
HEADER_POINTS = 10  # the smallest text in a node: the layout scales the drawing so it stays legible
_EDGE_ATTR = {"fontname": style.FONT, "fontsize": "13", "arrowsize": "0.8"}
# graphviz.quoting's rule for what a DOT identifier may be without quotes, and its keywords.
_PLAIN_ID = re.compile(r"([a-zA-Z_][a-zA-Z0-9_]*|-?(\.[0-9]+|[0-9]+(\.[0-9]*)?))$")
_KEYWORDS = {"node", "edge", "graph", "digraph", "subgraph", "strict"}


def to_digraph(
    amap: ArgumentMap, options: ViewOptions | None = None, *, links: Mapping[str, str] | None = None
) -> graphviz.Digraph:
    """The map as a ``graphviz.Digraph`` under ``options``; ``links`` maps element ids to hrefs."""
    import graphviz  # lazy: to_dot needs no graphviz package

    options = options or ViewOptions()
    return graphviz.Digraph(
        name=amap.id,
        graph_attr=_graph_attrs(options),
        node_attr=dict(_NODE_ATTR),
        edge_attr=dict(_EDGE_ATTR),
        body=_body(amap, options, links or {}),
    )


def to_dot(amap: ArgumentMap, options: ViewOptions | None = None) -> str:
    """The map as DOT source; pure Python, no ``dot`` binary needed (the browser can draw it)."""
    options = options or ViewOptions()
    return _source(amap.id, _graph_attrs(options), _body(amap, options, {}))


def _body(amap: ArgumentMap, options: ViewOptions, links: Mapping[str, str]) -> list[str]:
    roles = derive(amap)
    sel = select(amap, options, roles.main)
    body: list[str] = []
    add = body.append
    if options.title:
        add(f'\tlabel=<<B>{html_text(options.title, 80)}</B>> labelloc="t" fontsize="20"\n')

    for s in amap.statements:
        if s.id in sel.visible:
            add(_statement_line(s, roles.role[s.id], options, sel, links.get(s.id)))
    if options.show_evidence:
        for e in amap.evidence:
            if e.id in sel.visible and e.target in sel.visible:
                add(_evidence_line(e, options, sel, links.get(e.id)))
                hi = e.id in options.highlight
                add(_edge(e.id, e.target, style.EVIDENCE_EDGE, eid=e.id, highlight=hi, id_prefix="edge-"))

    undercut = {a.target for a in amap.attacks if a.source in sel.visible}
    drawn_inferences: set[str] = set()
    for inf in amap.inferences:
        premises = [p for p in inf.premises if p in sel.visible]
        if inf.conclusion not in sel.visible or not premises:
            continue
        drawn_inferences.add(inf.id)
        hi = inf.id in options.highlight
        if len(inf.premises) > 1 or inf.id in undercut:
            add(_junction_line(inf.id, inf.premises, inf.conclusion, hi, links.get(inf.id)))
            for p in premises:
                add(_edge(p, inf.id, style.SUPPORT_EDGE, mark=False, arrow=False, highlight=hi))
            add(
                _edge(inf.id, inf.conclusion, style.SUPPORT_EDGE, eid=inf.id, highlight=hi, id_prefix="edge-")
            )
        else:
            add(_edge(premises[0], inf.conclusion, style.SUPPORT_EDGE, eid=inf.id, highlight=hi))

    for a in amap.attacks:
        if a.source in sel.visible and (a.target in sel.visible or a.target in drawn_inferences):
            add(_edge(a.source, a.target, style.ATTACK_EDGE, eid=a.id, highlight=a.id in options.highlight))

    if options.legend:
        body.extend(_legend_lines(options, cluster=True))
    return body


def legend_dot(options: ViewOptions | None = None) -> str:
    """A small separate graph explaining the shapes, colours, line styles and marks."""
    options = options or ViewOptions()
    return _source("legend", _graph_attrs(options), _legend_lines(options, cluster=False))


def _source(name: str, graph_attrs: dict[str, str], body: list[str]) -> str:
    """The text ``graphviz.Digraph(name, graph_attrs, _NODE_ATTR, _EDGE_ATTR, body).source`` gives."""
    head = [f"digraph {_quote(name)} {{\n"]
    for kind, attrs in (("graph", graph_attrs), ("node", _NODE_ATTR), ("edge", _EDGE_ATTR)):
        pairs = " ".join(f"{_quote(k)}={_quote(v)}" for k, v in sorted(attrs.items()))
        head.append(f"\t{kind} [{pairs}]\n")
    head.extend(body)
    head.append("}\n")
    return "".join(head)  # one join: the text of a large map runs to megabytes


def _quote(value: str) -> str:
    """``graphviz.quoting.quote`` for the names and values used here (none holds a quote)."""
    return value if _PLAIN_ID.match(value) and value.lower() not in _KEYWORDS else f'"{value}"'


def _graph_attrs(options: ViewOptions) -> dict[str, str]:
    attrs = {
        "rankdir": _RANKDIR.get(options.direction, "BT"),
        "fontname": style.FONT,
        "nodesep": "0.3",
        "ranksep": "0.45",
        "bgcolor": "white",
    }
    return attrs


def _attrs(pairs: dict[str, str]) -> str:
    """Attribute pairs as DOT; values must already be quoted or be HTML-like labels."""
    return " ".join(f"{k}={v}" for k, v in pairs.items())


_palette_memo: list[tuple[Mapping[str, str], dict[str, tuple[str, str]]]] = []


def _author_palette(authors: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """The authors' colours, worked out once per drawing (not once per node)."""
    if not _palette_memo or _palette_memo[0][0] is not authors:
        _palette_memo[:] = [(authors, style.author_colors(authors.values()))]
    return _palette_memo[0][1]


def _fill(eid: str, role: str, options: ViewOptions) -> tuple[str, str, str]:
    """(fill, border, header text) of a node under the colour scheme chosen."""
    if options.color_by == "evaluation":
        status = (options.evaluation or {}).get(eid, "unrated")
        fill, border, mark = style.STATUS_STYLE.get(status, style.STATUS_STYLE["unrated"])
        return fill, border, f"{mark} {status}"
    if options.color_by == "change":
        status = (options.changes or {}).get(eid, "unchanged")
        fill, border = style.CHANGE_STYLE.get(status, style.CHANGE_STYLE["unchanged"])
        return fill, border, status
    if options.color_by == "author":
        authors = options.authors or {}
        who = authors.get(eid)
        fill, border = _author_palette(authors).get(who or "", style.NOBODY)
        return fill, border, f"by {who}" if who else ROLE_LABELS.get(role, role)
    fill, border = style.ROLE_STYLE[role]
    return fill, border, ROLE_LABELS.get(role, role)


def _header(eid: str, what: str, extra: list[str], ids: bool = True) -> str:
    # One short line: escaping is all it needs (an evaluation status may be any string).
    bits = style.html_escape(style.clean(" \u00b7 ".join([eid, what, *extra] if ids else [what, *extra])))
    return f'<FONT POINT-SIZE="{HEADER_POINTS}" COLOR="#444444">{bits}</FONT>'


def _hidden_marker(eid: str, sel: Selection) -> str:
    n = sel.hidden_below.get(eid)
    return f'<BR/><FONT POINT-SIZE="{HEADER_POINTS}"><B>+{n} hidden</B></FONT>' if n else ""


def _statement_line(s: Statement, role: str, options: ViewOptions, sel: Selection, href: str | None) -> str:
    fill, border, what = _fill(s.id, role, options)
    extra = (["implicit"] if s.implicit else []) + (
        [ROLE_LABELS[role]] if options.color_by == "evaluation" else []
    )
    short = style.shorten(s.text, options.label_chars)
    text = html_text(short, options.wrap)
    if role == "main":
        text = f"<B>{text}</B>"
    label = f"<{_header(s.id, what, extra, options.ids)}<BR/>{text}{_hidden_marker(s.id, sel)}>"
    attrs = {
        "id": f'"map-{s.id}"',
        "label": label,
        "shape": STATEMENT_SHAPE,
        "style": '"rounded,filled,dashed"' if s.implicit else '"rounded,filled"',
        "fillcolor": f'"{fill}"',
        "color": f'"{border}"',
        "penwidth": "2.5" if role == "main" else "1.2",
    }
    # A tooltip when the label was cut (it carries more), and with a link (Graphviz would
    # otherwise show the label's markup as the link's title).
    if short is not s.text or href:
        attrs["tooltip"] = dot_string(style.shorten(f"{s.id}: {s.text}", style.MAX_TOOLTIP_CHARS))
    _mark(attrs, s.id in options.highlight, href)
    return f"\t{dot_id(s.id)} [{_attrs(attrs)}]\n"


def _evidence_line(e: Evidence, options: ViewOptions, sel: Selection, href: str | None) -> str:
    fill, border, what = _fill(e.id, "evidence", options)
    extra: list[str] = [e.kind] if options.color_by == "role" else ["evidence", e.kind]
    short = style.shorten(e.text, options.label_chars // 2)
    text = html_text(short, options.wrap)
    source = e.source.label() if e.source else ""
    src = (
        f'<BR/><FONT POINT-SIZE="{HEADER_POINTS}"><I>{html_text("— " + source, options.wrap)}</I></FONT>'
        if source
        else ""
    )
    label = f"<{_header(e.id, what, extra, options.ids)}<BR/>{text}{src}{_hidden_marker(e.id, sel)}>"
    attrs = {
        "id": f'"map-{e.id}"',
        "label": label,
        "shape": EVIDENCE_SHAPE,
        "style": '"filled"',
        "fillcolor": f'"{fill}"',
        "color": f'"{border}"',
    }
    if short is not e.text or href:
        tip = f"{e.id} ({e.kind}): {e.text}" + (f" — {source}" if source else "")
        attrs["tooltip"] = dot_string(style.shorten(tip, style.MAX_TOOLTIP_CHARS))
    _mark(attrs, e.id in options.highlight, href)
    return f"\t{dot_id(e.id)} [{_attrs(attrs)}]\n"


def _junction_line(iid: str, premises: tuple[str, ...], conclusion: str, hi: bool, href: str | None) -> str:
    together = " + ".join(premises)
    attrs = {
        "id": f'"map-{iid}"',
        "shape": "point",
        "width": "0.11" if hi else "0.08",
        "color": f'"{style.HIGHLIGHT_COLOR if hi else style.SUPPORT_COLOR}"',
        "tooltip": f'"{iid}: {together} \u2192 {conclusion}"',
    }
    if href:
        attrs["href"] = dot_string(href)
    return f"\t{dot_id(iid)} [{_attrs(attrs)}]\n"


def _mark(attrs: dict[str, str], highlighted: bool, href: str | None) -> None:
    if highlighted:
        attrs["peripheries"] = "2"
        attrs["color"] = f'"{style.HIGHLIGHT_COLOR}"'
        attrs["penwidth"] = "3"
    if href:
        attrs["href"] = dot_string(href)


def _edge_attrs(kind: tuple[str, str, str], mark: bool, arrow: bool, highlight: bool) -> str:
    color, line, sign = kind
    attrs = {"color": f'"{color}"', "style": f'"{line}"'}
    if mark and sign:
        attrs["label"] = f'" {sign} "'
        attrs["fontcolor"] = f'"{color}"'
    if not arrow:
        attrs["arrowhead"] = "none"
    attrs["penwidth"] = "3.5" if highlight else "1.4" if line == "solid" else "1.6"
    return _attrs(attrs)


# (kind, mark, arrow, highlight) -> the attributes they give
_EDGE_ATTRS: dict[tuple[tuple[str, str, str], bool, bool, bool], str] = {}


def _edge(
    tail: str,
    head: str,
    kind: tuple[str, str, str],
    *,
    eid: str | None = None,
    mark: bool = True,
    arrow: bool = True,
    highlight: bool = False,
    id_prefix: str = "map-",
) -> str:
    """One edge line. Its SVG id is ``map-<eid>`` where the edge is the element's only drawing
    (a single-premise inference, an attack), ``edge-<eid>`` where a node already has ``map-<eid>``."""
    key = (kind, mark, arrow, highlight)
    common = _EDGE_ATTRS.get(key)
    if common is None:  # a handful of combinations: build each once
        common = _EDGE_ATTRS[key] = _edge_attrs(kind, mark, arrow, highlight)
    named = f' id="{id_prefix}{eid}" tooltip="{eid}"' if eid else ""
    return f"\t{dot_id(tail)} -> {dot_id(head)} [{common}{named}]\n"


def _legend_lines(options: ViewOptions, *, cluster: bool) -> list[str]:
    """Sample nodes and edges; in a cluster when drawn inside a map."""
    p = LEGEND_PREFIX
    lines = []
    if cluster:
        lines.append('\tsubgraph "cluster_legend" {\n')
        lines.append('\t\tlabel="Legend" fontsize="11" style="rounded" color="#999999"\n')
    samples: list[tuple[str, str, str, str, bool]] = []  # name, header, fill, border, dashed
    if options.color_by == "evaluation":
        for status, (fill, border, mark) in style.STATUS_STYLE.items():
            samples.append((status, f"{mark} {status}", fill, border, False))
    else:
        for role in ("main", "intermediate", "premise", "objection", "rebuttal"):
            fill, border = style.ROLE_STYLE[role]
            samples.append((role, ROLE_LABELS[role], fill, border, False))
    plain_fill = (
        style.STATUS_STYLE["unrated"][:2] if options.color_by == "evaluation" else style.ROLE_STYLE["premise"]
    )
    samples.append(("implicit", "implicit premise", *plain_fill, True))
    for name, header, fill, border, dashed in samples:
        node_style = "rounded,filled" + (",dashed" if dashed else "")
        lines.append(
            f"\t{dot_id(p + name)} [label=<{html_text(header)}> shape=box style={dot_string(node_style)} "
            f"fillcolor={dot_string(fill)} color={dot_string(border)} fontsize=10]\n"
        )
    ev_fill, ev_border = style.ROLE_STYLE["evidence"]
    lines.append(
        f"\t{dot_id(p + 'evidence')} [label=<evidence<BR/><I>— its source</I>> shape={EVIDENCE_SHAPE} "
        f"style=filled fillcolor={dot_string(ev_fill)} color={dot_string(ev_border)} fontsize=10]\n"
    )
    plain = "shape=box style=rounded fontsize=10"
    for name, text in (
        ("claim", "claim"),
        ("reason", "reason: supports (+)"),
        ("objection-sample", f"objection: attacks ({style.MINUS})"),
        ("co1", "co-premise"),
        ("co2", "co-premise"),
        ("linked", "linked premises join"),
        ("undercut", "undercut: attacks the inference"),
    ):
        lines.append(f"\t{dot_id(p + name)} [label={dot_string(text)} {plain}]\n")
    lines.append(
        f"\t{dot_id(p + 'junction')} [shape=point width=0.08 color={dot_string(style.SUPPORT_COLOR)}]\n"
    )
    lines.append(_edge(p + "reason", p + "claim", style.SUPPORT_EDGE))
    lines.append(_edge(p + "objection-sample", p + "claim", style.ATTACK_EDGE))
    lines.append(_edge(p + "evidence", p + "claim", style.EVIDENCE_EDGE))
    lines.append(_edge(p + "co1", p + "junction", style.SUPPORT_EDGE, mark=False, arrow=False))
    lines.append(_edge(p + "co2", p + "junction", style.SUPPORT_EDGE, mark=False, arrow=False))
    lines.append(_edge(p + "junction", p + "linked", style.SUPPORT_EDGE))
    lines.append(_edge(p + "undercut", p + "junction", style.ATTACK_EDGE))
    if cluster:
        lines.append("\t}\n")
    return lines
