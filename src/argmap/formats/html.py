"""HTML page (write only): one self-contained file to hand out or attach — map, legend, text, outline.

The page holds the map as inline SVG (drawn by Graphviz's ``dot``; without it ``dumps`` raises
``RenderError``), the legend, the source text with every statement's and evidence's words
highlighted in its role's colour, and the outline. Links run both ways: a node links to its words
in the text (or, for an implicit premise, to its outline line), and every highlight and outline
reference links back to its node (``#map-<id>``); the linked target is outlined.

Nothing is fetched: no external scripts, style sheets, fonts or images, and a
Content-Security-Policy that forbids any request should a browser find one. One inline script
(``panzoom.js``, allowed by its hash in that policy, and it makes no request) adds zoom buttons
and drag-to-pan; without it the map still opens at reading size and scrolls. Every piece of user
text is escaped (Graphviz escapes the SVG's, ``html.escape`` the rest); the source's URL is shown
as text, never as a link. Keeps: what the picture, the text and the outline show. Not read back.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable
from pathlib import Path

from argmap.model import ArgumentMap
from argmap.render.outline import outline
from argmap.roles import ROLE_LABELS, derive

NAME = "html"
_INDENT = "\t"
_REF = re.compile(r"\[([A-Za-z0-9_.:\-]{1,64})\]")
# The element an outline line introduces: "[s1] …", "+ [s3] …", "& [s2] …", "− [s9] …",
# "+ together [i1]:", "− undercuts [i1]: [s12] …", "◆ evidence [e1] …".
_SUBJECT = re.compile(
    r"^(?:[+&\u2212] )?(?:together |undercuts \[[^\]]+\]: |\u25c6 evidence )?\[([A-Za-z0-9_.:\-]{1,64})\]"
)
_PANZOOM = (Path(__file__).with_name("panzoom.js")).read_text(encoding="utf-8")
# The one script the page runs is named by its hash: no other script, inline or fetched, may run.
SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(_PANZOOM.encode("utf-8")).digest()).decode()
CSP = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '{SCRIPT_HASH}'"


def dumps(amap: ArgumentMap) -> str:
    """The whole page as one HTML string (needs Graphviz's ``dot`` for the picture)."""
    from argmap.render import ViewOptions, inline_svg, legend_dot, run_dot, to_digraph  # lazy: graphviz
    from argmap.render.cards import summary

    outline_html, outline_ids = _outline(amap)
    spans = {s.id for s in amap.statements if s.span is not None} | {
        e.id for e in amap.evidence if e.span is not None
    }
    links = {eid: f"#src-{eid}" for eid in spans}
    links |= {eid: f"#outline-{eid}" for eid in outline_ids if eid not in spans}
    from argmap.render.layout import choose_direction

    view = ViewOptions(direction=choose_direction(amap, width_px=1350))
    svg = inline_svg(run_dot(to_digraph(amap, view, links=links).source, "svg"))
    # The drawing's text alternative (its nodes stay links a keyboard reaches).
    svg = svg.replace("<svg", f'<svg role="group" aria-label="{_esc(summary(amap))}"', 1)
    legend = inline_svg(run_dot(legend_dot(), "svg"), id_prefix="legend-")
    esc = _esc
    src = amap.source
    meta = []
    if src is not None:
        for label, value in (("Title", src.title), ("Author", src.author), ("Outlet", src.outlet)):
            if value and value != amap.title:
                meta.append(f"<dt>{label}</dt><dd>{esc(value)}</dd>")
        if src.date:
            meta.append(f"<dt>Date</dt><dd>{esc(src.date)}</dd>")
        if src.url:
            meta.append(f"<dt>URL</dt><dd><code>{esc(src.url)}</code></dd>")
    counts = (
        f"{len(amap.statements)} statements, {len(amap.inferences)} inferences, "
        f"{len(amap.attacks)} attacks, {len(amap.evidence)} pieces of evidence"
    )
    meta_html = f"<dl>{''.join(meta)}</dl>" if meta else ""
    text_html = _source_html(amap) if src is not None and src.text else "<p><em>No source text.</em></p>"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Argmap">
<title>{esc(amap.title)}</title>
<style>{_css()}</style>
</head>
<body>
<header><h1>{esc(amap.title)}</h1><p class="counts">{counts}</p>{meta_html}</header>
<section id="map"><h2>Map</h2>
<p class="hint">{esc(summary(amap))}</p>
<div class="figure tree" tabindex="0" role="region" aria-label="The map (scrolls)">{svg}</div>
<details open><summary>Legend</summary><div class="figure legend">{legend}</div></details></section>
<div class="columns">
<section id="text"><h2>Text</h2>
<p class="hint">Highlighted words are statements and evidence; each links to its node.</p>
<div class="source">{text_html}</div></section>
<section id="outline"><h2>Outline</h2>{outline_html}</section>
</div>
<script id="argmap-panzoom">{_PANZOOM}</script>
</body>
</html>
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _outline(amap: ArgumentMap) -> tuple[str, set[str]]:
    """The outline as nested lists (references linked to nodes) and the ids given an anchor."""
    from argmap.formats.markdown import one_line_texts  # the one-line copy a line-based outline needs

    ids = amap.ids()
    anchored: set[str] = set()
    out: list[str] = []
    depth = -1
    for line in outline(one_line_texts(amap), indent=_INDENT).splitlines()[1:]:
        if not line.strip():
            continue
        level = len(line) - len(line.lstrip(_INDENT))
        body = line.lstrip(_INDENT)
        if level > depth:
            out.append("<ul>" * (level - depth))
        elif level < depth:
            out.append("</li></ul>" * (depth - level) + "</li>")
        else:
            out.append("</li>")
        depth = level
        subject = _SUBJECT.match(body)
        anchor = ""
        if subject and subject.group(1) in ids and subject.group(1) not in anchored:
            anchored.add(subject.group(1))
            anchor = f' id="outline-{subject.group(1)}"'

        def link(m: re.Match[str]) -> str:
            eid = m.group(1)
            return f'<a href="#map-{eid}">[{eid}]</a>' if eid in ids else m.group(0)

        out.append(f"<li{anchor}>{_REF.sub(link, _esc(body))}")
    out.append("</li></ul>" * (depth + 1))
    return "".join(out), anchored


def _source_html(amap: ArgumentMap) -> str:
    """The source text with each span as a highlighted link to its node; overlaps go to the innermost."""
    text = amap.source.text if amap.source else ""
    role = derive(amap).role
    marks: list[tuple[int, int, str, str]] = [
        (s.span.start, s.span.end, s.id, role[s.id]) for s in amap.statements if s.span
    ]
    marks += [(e.span.start, e.span.end, e.id, "evidence") for e in amap.evidence if e.span]
    marks = [m for m in marks if m[0] < m[1]]
    starts: dict[int, list[tuple[int, int, str, str]]] = {}
    for m in marks:
        starts.setdefault(m[0], []).append(m)
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    pieces: list[str] = []
    open_marks: list[tuple[int, int, str, str]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        open_marks = [m for m in open_marks if m[1] > a] + starts.get(a, [])
        for m in sorted(starts.get(a, []), key=lambda m: m[1] - m[0], reverse=True):
            # Each element's anchor and id tag stand where its words begin.
            pieces.append(f'<a class="idtag" id="src-{m[2]}" href="#map-{m[2]}">{m[2]}</a>')
        chunk = _esc(text[a:b])
        if not open_marks:
            pieces.append(chunk)
            continue
        inner = min(open_marks, key=lambda m: (m[1] - m[0], m[2]))
        title = " · ".join(f"{m[2]} {ROLE_LABELS.get(m[3], m[3])}" for m in _by_size(open_marks))
        ids = " ".join(m[2] for m in open_marks)
        attrs = f'class="hl r-{inner[3]}" href="#map-{inner[2]}" data-ids="{ids}" title="{_esc(title)}"'
        pieces.append(f"<a {attrs}>{chunk}</a>")
    return "".join(pieces)


def _by_size(marks: Iterable[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    return sorted(marks, key=lambda m: (m[1] - m[0], m[2]))


def _css() -> str:
    from argmap.render.style import ROLE_STYLE

    roles = "".join(
        f".r-{role}{{background:{fill};border-bottom:2px solid {border}}}"
        for role, (fill, border) in ROLE_STYLE.items()
    )
    return (
        "body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:0 auto;"
        "max-width:1400px;padding:1rem 1.5rem;color:#111;background:#fff}"
        "h1{font-size:1.6rem;margin:.2rem 0}"
        "h2{font-size:1.2rem;border-bottom:1px solid #ddd;margin-top:1.5rem}"
        ".counts,.hint{color:#555;font-size:.9rem;margin:.2rem 0}"
        "dl{display:grid;grid-template-columns:max-content 1fr;gap:0 1rem;font-size:.9rem}dt{color:#555}"
        "dd{margin:0;overflow-wrap:anywhere}"
        ".figure{overflow:auto;border:1px solid #e4e4e4;border-radius:6px;padding:.5rem;background:#fff}"
        # The map opens at Graphviz's own size (its smallest label 10 pt = 13 px) and scrolls: a
        # wide map shrunk to the page had 5 px labels. The legend stays small.
        ".figure.tree{max-height:80vh;cursor:grab}.figure svg{display:block;margin:0 auto}"
        ".legend svg{max-width:100%;height:auto;max-height:200px}"
        ".zoombar{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin:.4rem 0}"
        ".zoombar button{min-height:32px;min-width:32px;padding:2px 10px;font:inherit;font-size:.9rem;"
        "border:1px solid #767676;border-radius:6px;background:#fff;color:#111;cursor:pointer}"
        ".zoombar button:focus-visible{outline:3px solid #CC79A7}.zoom-level{min-width:3em;text-align:center}"
        "summary{cursor:pointer;color:#333;margin:.5rem 0}"
        ".columns{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:2rem}"
        "@media (max-width:900px){.columns{grid-template-columns:1fr}}"
        ".source{white-space:pre-wrap;line-height:1.8;overflow-wrap:anywhere}"
        "a.hl{color:inherit;text-decoration:none;border-radius:2px;padding:0 1px}"
        "a.hl:hover{outline:2px solid #333}"
        "a.idtag{font-size:.7rem;vertical-align:super;color:#333;text-decoration:none;margin:0 1px;"
        "font-weight:600}"
        "#outline ul{padding-left:1.2rem;margin:.2rem 0}#outline li{margin:.15rem 0;overflow-wrap:anywhere}"
        "#outline a{color:#0072B2}"
        ":target{outline:3px solid #CC79A7;outline-offset:2px;scroll-margin-top:4rem}"
        "g:target polygon,g:target path{stroke:#CC79A7;stroke-width:4px}" + roles
    )


def losses(amap: ArgumentMap) -> list[str]:
    """What the HTML page of ``amap`` drops (it is for reading: nothing is read back)."""
    out = ["the page cannot be imported again; keep the JSON to edit the map"]
    if any(e.note or e.author or e.cues for e in (*amap.statements, *amap.inferences, *amap.attacks)):
        out.append("notes, authors and cue words")
    if any(s.rating for s in amap.statements) or any(r.rating for r in (*amap.inferences, *amap.attacks)):
        out.append("ratings")
    if amap.comments:
        out.append(f"the {len(amap.comments)} comment(s) of the map's discussion")
    return out
