"""The drawing of a map: DOT structure, styling that survives greyscale, view options, escaping."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import graphviz
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from argmap.errors import RenderError
from argmap.formats import native
from argmap.model import ArgumentMap, Attack, Evidence, EvidenceSource, Inference, Statement
from argmap.render import ViewOptions, legend_dot, to_digraph, to_dot, to_image
from argmap.render import style as st

EXAMPLE = Path(__file__).resolve().parents[2] / "arguments" / "democrats-voter-data.json"
HAS_DOT = shutil.which("dot") is not None
needs_dot = pytest.mark.skipif(not HAS_DOT, reason="Graphviz 'dot' is not installed (make test installs it)")

HOSTILE = (
    'He said "stop" \\ then {braces} [brackets] <b>bold</b> <script>alert(1)</script> & &amp; '
    "]]> --> <!-- \\N \\G \\l \n second line\r\nthird\ttab \x00\x07 nul é 漢字 🙂 \u202e rtl \ud800 > <"
)
SVG = "{http://www.w3.org/2000/svg}"
WORD_JOINER = "\u2060"


@pytest.fixture(scope="module")
def example() -> ArgumentMap:
    return native.loads(EXAMPLE.read_text(encoding="utf-8"))


# A small DOT reader, enough for the lines render.draw writes: `"a" [k=v ...]` and `"a" -> "b" [...]`.
_TOKEN = re.compile(r'\s*(\w+)=("(?:[^"\\]|\\.)*"|<|[^\s\]]+)')


def _value_at(text: str, pos: int) -> tuple[str, int]:
    """An HTML-like label starting at ``pos`` (just after '<'): read up to its matching '>'."""
    depth, i = 1, pos
    while depth:
        depth += {"<": 1, ">": -1}.get(text[i], 0)
        i += 1
    return text[pos : i - 1], i


def parse_attrs(text: str) -> dict[str, str]:
    attrs, pos = {}, 0
    while True:
        m = _TOKEN.match(text, pos)
        if not m:
            return attrs
        key, raw = m.group(1), m.group(2)
        if raw == "<":
            value, pos = _value_at(text, m.end())
        else:
            value, pos = (raw[1:-1] if raw.startswith('"') else raw), m.end()
        attrs[key] = value


def nodes(dot: str) -> dict[str, dict[str, str]]:
    out = {}
    for line in dot.splitlines():
        m = re.match(r'\t"([^"]+)" \[(.*)\]$', line)
        if m:
            out[m.group(1)] = parse_attrs(m.group(2))
    return out


def edges(dot: str) -> dict[tuple[str, str], dict[str, str]]:
    out = {}
    for line in dot.splitlines():
        m = re.match(r'\t"([^"]+)" -> "([^"]+)" \[(.*)\]$', line)
        if m:
            out[(m.group(1), m.group(2))] = parse_attrs(m.group(3))
    return out


def svg_of(dot: str) -> ET.Element:
    return ET.fromstring(graphviz.Source(dot).pipe(format="svg"))


def positions(dot: str) -> dict[str, tuple[float, float]]:
    """Node centres from `dot -Tplain` (y grows upwards)."""
    plain = graphviz.Source(dot).pipe(format="plain").decode()
    out = {}
    for line in plain.splitlines():
        parts = line.split(" ")
        if parts[0] == "node":
            out[parts[1].strip('"')] = (float(parts[2]), float(parts[3]))
    return out


# ---- structure of the example map -------------------------------------------------------------


def test_node_names_are_element_ids(example):
    found = nodes(to_dot(example))
    assert {s.id for s in example.statements} <= set(found)
    assert {e.id for e in example.evidence} <= set(found)
    assert found["s1"]["id"] == "map-s1"


def test_linked_premises_meet_at_a_junction_before_one_arrow(example):
    dot = to_dot(example)
    n, e = nodes(dot), edges(dot)
    assert n["i1"]["shape"] == "point"
    for premise in ("s2", "s5"):
        assert e[(premise, "i1")]["arrowhead"] == "none"
        assert (premise, "s1") not in e
    assert e[("i1", "s1")]["label"].strip() == "+"
    # Convergent / single reasons arrive on their own arrow with no junction.
    assert "i2" not in n
    assert e[("s4", "s1")]["label"].strip() == "+"


def test_attacks_differ_from_supports_in_colour_line_and_mark(example):
    e = edges(to_dot(example))
    attack, support = e[("s9", "s7")], e[("s8", "s7")]
    assert attack["color"] == st.ATTACK_COLOR and support["color"] == st.SUPPORT_COLOR
    assert attack["style"] == "dashed" and support["style"] == "solid"
    assert attack["label"].strip() == "\u2212" and support["label"].strip() == "+"
    assert st.ATTACK_COLOR in st.OKABE_ITO.values() and st.SUPPORT_COLOR in st.OKABE_ITO.values()


def test_evidence_has_its_own_shape_and_shows_its_source(example):
    n, e = nodes(to_dot(example)), edges(to_dot(example))
    assert n["e1"]["shape"] == "note" != n["s3"]["shape"]
    assert "ProPublica" in n["e1"]["label"] and "study" in n["e1"]["label"]
    assert e[("e1", "s3")]["style"] == "dotted"


def test_implicit_premise_is_dashed_and_explicit_ones_are_not(example):
    n = nodes(to_dot(example))
    assert "dashed" in n["s5"]["style"] and "implicit" in n["s5"]["label"]
    assert "dashed" not in n["s2"]["style"]


def test_roles_name_every_node_so_greyscale_reads(example):
    n = nodes(to_dot(example))
    assert "main conclusion" in n["s1"]["label"]
    assert "objection" in n["s9"]["label"] and "rebuttal" in n["s10"]["label"]
    assert n["s1"]["penwidth"] == "2.5"


def test_text_is_wrapped_to_the_chosen_width(example):
    label = nodes(to_dot(example, ViewOptions(wrap=20)))["s2"]["label"]
    body = label.split("</FONT><BR/>", 1)[1]
    lines = body.split('<BR ALIGN="CENTER"/>')
    assert len(lines) >= 6
    assert all(len(line) <= 20 for line in lines)


@needs_dot
def test_main_conclusion_is_drawn_at_the_top_or_left(example):
    pos = positions(to_dot(example))
    assert pos["s1"][1] == max(y for _, y in pos.values())
    pos = positions(to_dot(example, ViewOptions(direction="LR")))
    assert pos["s1"][0] == min(x for x, _ in pos.values())


@needs_dot
def test_example_renders_to_svg_with_node_titles(example):
    root = ET.fromstring(to_image(example, "svg"))
    titles = {g.find(f"{SVG}title").text for g in root.iter(f"{SVG}g") if g.get("class") == "node"}
    assert {"s1", "s5", "e1", "i1"} <= titles


@needs_dot
@pytest.mark.parametrize("fmt,magic", [("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_png_and_pdf(example, fmt, magic):
    assert to_image(example, fmt).startswith(magic)


def test_image_without_dot_is_a_clear_render_error(example, monkeypatch):
    monkeypatch.setenv("PATH", "")
    with pytest.raises(RenderError, match="'dot' program is not installed"):
        to_image(example, "svg")


@needs_dot
def test_dot_failure_and_timeout_are_render_errors(example, monkeypatch):
    import argmap.render as render

    with pytest.raises(RenderError, match="Graphviz could not draw the map: .*syntax error"):
        render.run_dot("digraph { a -> }", "svg")
    monkeypatch.setattr(render, "DOT_TIMEOUT", 0.001)
    with pytest.raises(RenderError, match="took longer than 0.001 s"):
        to_image(example, "png")


def test_unknown_image_format_is_refused(example):
    with pytest.raises(RenderError, match="choose one of svg, png, pdf"):
        to_image(example, "gif")


# ---- undercuts ----------------------------------------------------------------------------------


def _undercut_map() -> ArgumentMap:
    return ArgumentMap(
        id="u",
        statements=(
            Statement(id="c", text="Claim"),
            Statement(id="p", text="Reason"),
            Statement(id="u1", text="The reason does not bear on the claim"),
        ),
        inferences=(Inference(id="i1", premises=("p",), conclusion="c"),),
        attacks=(Attack(id="a1", source="u1", target="i1"),),
    )


def test_undercut_points_at_the_junction_of_the_inference_it_attacks():
    dot = to_dot(_undercut_map())
    n, e = nodes(dot), edges(dot)
    assert n["i1"]["shape"] == "point"
    assert e[("u1", "i1")]["style"] == "dashed"
    assert e[("p", "i1")]["arrowhead"] == "none" and ("i1", "c") in e
    assert ("u1", "c") not in e


# ---- view options ---------------------------------------------------------------------------------


def test_direction_sets_rankdir(example):
    assert "rankdir=BT" in to_dot(example)
    assert "rankdir=RL" in to_dot(example, ViewOptions(direction="LR"))


def test_focus_keeps_ancestors_descendants_and_co_premises(example):
    n = nodes(to_dot(example, ViewOptions(focus="s3")))
    # s3 → s2 → s1 upwards (s5 is s2's co-premise, drawn so the linked argument stays whole)
    assert {"s3", "s2", "s1", "s5", "i1"} <= set(n)
    # downwards: s7 and everything beneath it, and s3's evidence
    assert {"s7", "s8", "s9", "s10", "s11", "e1", "e2", "e3", "e4"} <= set(n)
    # not related: the other branch under s1, and the objection to s2
    assert not {"s4", "s6", "s12"} & set(n)


def test_focus_with_depth_limit_and_frontier_marker(example):
    n = nodes(to_dot(example, ViewOptions(focus="s3", depth=1)))
    assert {"s3", "s2", "s7", "e1"} <= set(n)
    assert not {"s1", "s8", "s9"} & set(n)
    assert "+5 hidden" in n["s7"]["label"]  # s8, s9, s10, s11 and the evidence e4
    assert "+1 hidden" in n["s2"]["label"]  # its objection s12; s3's subtree counts under s7
    without_evidence = nodes(to_dot(example, ViewOptions(focus="s3", depth=1, show_evidence=False)))
    assert "+4 hidden" in without_evidence["s7"]["label"]


def test_depth_without_focus_counts_from_the_main_conclusion(example):
    n = nodes(to_dot(example, ViewOptions(depth=1)))
    statements = {k for k in n if k.startswith("s")}
    assert statements == {"s1", "s2", "s4", "s5"}


def test_unknown_focus_is_ignored(example):
    assert set(nodes(to_dot(example, ViewOptions(focus="nope")))) == set(nodes(to_dot(example)))


def test_collapse_hides_a_subtree_behind_a_count(example):
    n = nodes(to_dot(example, ViewOptions(collapsed=frozenset({"s7"}))))
    assert "s7" in n
    assert not {"s8", "s9", "s10", "s11", "e4"} & set(n)
    assert "+5 hidden" in n["s7"]["label"]
    e = edges(to_dot(example, ViewOptions(collapsed=frozenset({"s7"}))))
    assert not any("s9" in pair for pair in e)


def test_collapse_keeps_nodes_reachable_another_way():
    amap = ArgumentMap(
        id="dag",
        statements=tuple(Statement(id=x, text=x.upper()) for x in ("c", "a", "b", "shared")),
        inferences=(
            Inference(id="i1", premises=("a",), conclusion="c"),
            Inference(id="i2", premises=("b",), conclusion="c"),
            Inference(id="i3", premises=("shared",), conclusion="a"),
            Inference(id="i4", premises=("shared",), conclusion="b"),
        ),
    )
    n = nodes(to_dot(amap, ViewOptions(collapsed=frozenset({"a"}))))
    assert "shared" in n
    assert "hidden" not in n["a"]["label"]


def test_evidence_can_be_hidden(example):
    dot = to_dot(example, ViewOptions(show_evidence=False))
    assert not any(k.startswith("e") for k in nodes(dot))
    assert not any(tail.startswith("e") for tail, _ in edges(dot))


def test_highlight_double_borders_nodes_and_thickens_relations(example):
    opts = ViewOptions(highlight=frozenset({"s4", "a1", "i1"}))
    dot = to_dot(example, opts)
    n, e = nodes(dot), edges(dot)
    assert n["s4"]["peripheries"] == "2" and n["s4"]["color"] == st.HIGHLIGHT_COLOR
    assert "peripheries" not in n["s6"]
    assert e[("s9", "s7")]["penwidth"] == "3.5"
    assert n["i1"]["color"] == st.HIGHLIGHT_COLOR


def test_colour_by_evaluation_with_marks(example):
    opts = ViewOptions(
        color_by="evaluation", evaluation={"s1": "accepted", "s2": "doubtful", "s9": "rejected"}
    )
    n = nodes(to_dot(example, opts))
    assert n["s1"]["fillcolor"] == st.STATUS_STYLE["accepted"][0]
    assert "\u2713 accepted" in n["s1"]["label"]
    assert "? doubtful" in n["s2"]["label"] and "\u2717 rejected" in n["s9"]["label"]
    assert "unrated" in n["s3"]["label"] and n["s3"]["fillcolor"] == st.STATUS_STYLE["unrated"][0]
    assert len({n[x]["fillcolor"] for x in ("s1", "s2", "s9", "s3")}) == 4
    # the role is still said, so colour is not the only carrier
    assert "main conclusion" in n["s1"]["label"]


def test_colour_by_role_differs_by_role(example):
    n = nodes(to_dot(example))
    assert n["s9"]["fillcolor"] == st.ROLE_STYLE["objection"][0]
    assert n["s10"]["fillcolor"] == st.ROLE_STYLE["rebuttal"][0]
    assert n["s1"]["fillcolor"] != n["s9"]["fillcolor"]


def test_to_digraph_is_a_graphviz_digraph(example):
    g = to_digraph(example)
    assert isinstance(g, graphviz.Digraph)
    assert g.source == to_dot(example)


@needs_dot
@pytest.mark.parametrize("color_by", ["role", "evaluation"])
def test_legend_as_separate_graph_and_as_cluster(example, color_by):
    root = svg_of(legend_dot(ViewOptions(color_by=color_by)))
    text = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "implicit premise" in text and "supports" in text and "undercut" in text
    assert ("accepted" in text) == (color_by == "evaluation")
    dot = to_dot(example, ViewOptions(legend=True, color_by=color_by))
    assert 'subgraph "cluster_legend"' in dot
    svg_of(dot)  # parses and lays out


# ---- escaping ---------------------------------------------------------------------------------------


def _hostile_map() -> ArgumentMap:
    return ArgumentMap(
        id="hostile",
        title=HOSTILE,
        statements=(
            Statement(id="s1", text=HOSTILE),
            Statement(id="s2", text="x" * 500, implicit=True),
            Statement(id="s:3", text='"; node [label=pwned]; "'),
        ),
        inferences=(Inference(id="i1", premises=("s2", "s:3"), conclusion="s1"),),
        evidence=(
            Evidence(
                id="e1",
                target="s1",
                text=HOSTILE,
                source=EvidenceSource(author=HOSTILE, title="<i>t</i>", url="javascript:alert(1)"),
            ),
        ),
    )


def test_hostile_text_stays_inside_its_label():
    dot = to_dot(_hostile_map())
    found = nodes(dot)
    assert set(found) >= {"s1", "s2", "s:3", "e1", "i1"}
    assert "pwned" not in found["s:3"].get("shape", "")
    for node in found.values():
        label = node.get("label", "")
        assert "<script" not in label and "<b>" not in label and "<i>" not in label
        assert "&lt;script&gt;" in label or node is not found["s1"]
    assert "second line\ufffd" not in dot  # \r\n is a line break, not a bad character
    assert "\x00" not in dot and "\ud800" not in dot


@needs_dot
@pytest.mark.parametrize("color_by", ["role", "evaluation"])
def test_hostile_text_parses_and_injects_nothing_into_svg(color_by):
    amap = _hostile_map()
    dot = to_dot(
        amap, ViewOptions(color_by=color_by, legend=True, highlight=frozenset({"s1"}), label_chars=280)
    )
    result = subprocess.run(["dot", "-Tsvg"], input=dot.encode(), capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
    assert b"Warning" not in result.stderr and b"Error" not in result.stderr
    root = ET.fromstring(result.stdout)
    allowed = {"svg", "g", "title", "text", "polygon", "path", "ellipse", "a", "polyline"}
    tags = {el.tag.removeprefix(SVG) for el in root.iter()}
    assert tags <= allowed, tags - allowed
    titles = {g.find(f"{SVG}title").text: g for g in root.iter(f"{SVG}g") if g.get("class") == "node"}
    assert {"s1", "s2", "s:3", "e1", "i1"} <= set(titles)
    # The label shows exactly the wrapped text: nothing expanded (\\N = the node's name), lost or added.
    shown = [(t.text or "").replace(WORD_JOINER, "") for t in titles["s1"].iter(f"{SVG}text")]
    assert shown[1:] == [line.strip() for line in st.wrap(st.clean(HOSTILE), 32)]
    for fragment in ("<script>alert(1)</script>", '"stop"', "{braces}", "&amp;", "漢字", "🙂", "\\N \\G"):
        assert fragment in " ".join(shown), fragment
    # The long text is cut in the label, and its tooltip carries more of it
    link_titles = [a.get("{http://www.w3.org/1999/xlink}title") or "" for a in root.iter(f"{SVG}a")]
    assert any("x" * 400 in t for t in link_titles)
    tip = next(t for t in link_titles if t.startswith("e1"))
    assert tip.replace(WORD_JOINER, "").startswith("e1 (other): " + st.clean(HOSTILE)[:200])


TRICKY = hs.text(
    alphabet=hs.sampled_from(list('ab "\\{}[]<>&;_*#\n\r\t\x00\x1féß漢🙂\u2028\u202e-:|=NGl')),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip())


@needs_dot
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=hs.lists(TRICKY, min_size=4, max_size=4), width=hs.integers(min_value=8, max_value=40))
def test_generated_texts_always_parse_and_show_as_written(texts, width):
    amap = ArgumentMap(
        id="gen",
        statements=tuple(Statement(id=f"s{k}", text=t) for k, t in enumerate(texts[:3], start=1)),
        inferences=(Inference(id="i1", premises=("s2", "s3"), conclusion="s1"),),
        attacks=(Attack(id="a1", source="s3", target="i1"),),
        evidence=(Evidence(id="e1", target="s1", text=texts[3], source=EvidenceSource(author=texts[3])),),
    )
    dot = to_dot(amap, ViewOptions(wrap=width, legend=True))
    done = subprocess.run(["dot", "-Tsvg"], input=dot.encode(), capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    root = ET.fromstring(done.stdout)
    nodes_by_title = {g.find(f"{SVG}title").text: g for g in root.iter(f"{SVG}g") if g.get("class") == "node"}
    for k, text in enumerate(texts[:3], start=1):
        shown = [
            (t.text or "").replace(WORD_JOINER, "").replace("\xa0", " ").strip()  # SVG writes "  " as " \xa0"
            for t in nodes_by_title[f"s{k}"].iter(f"{SVG}text")
        ]
        expected = [line.replace("\xa0", " ").strip() for line in st.wrap(st.clean(text), width)]
        expected = [line for line in expected if line]
        assert [line for line in shown[1:] if line] == expected


@needs_dot
@pytest.mark.parametrize("text", ["]", "a\n]", "::::::::]", "]]>", "x\\", "\\N"])
def test_graphviz_quirks_lose_no_character(text):
    """Found by the property test: Graphviz drops a line holding only "]" (written as &#93; now)."""
    amap = ArgumentMap(id="q", statements=(Statement(id="s1", text=text),))
    root = svg_of(to_dot(amap, ViewOptions(wrap=8)))
    node = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "node")
    shown = [(t.text or "").replace(WORD_JOINER, "") for t in node.iter(f"{SVG}text")][1:]
    assert shown == [line for line in st.wrap(text, 8) if line]


@pytest.mark.parametrize(
    "map_id", ["example", "bench", "node", "Graph", "1", "-1.5", ".5", "1.2.3", "a_b", "9a"]
)
@pytest.mark.parametrize(
    "options",
    [ViewOptions(), ViewOptions(direction="LR", legend=True, color_by="evaluation")],
    ids=["", "lr"],
)
def test_to_dot_is_the_text_graphviz_would_write(example, map_id, options):
    # to_dot assembles the DOT itself (no graphviz import); it must be what Digraph.source gives,
    # map ids that DOT must quote (keywords, dashes, several dots) and ones it must not included.
    amap = (
        example if map_id == "example" else ArgumentMap.model_validate({**example.model_dump(), "id": map_id})
    )
    assert to_dot(amap, options) == to_digraph(amap, options).source
    reference = graphviz.Digraph(
        name="legend",
        graph_attr={"rankdir": "RL" if options.direction == "LR" else "BT", "fontname": st.FONT,
                    "nodesep": "0.3", "ranksep": "0.45", "bgcolor": "white"},
        node_attr={"fontname": st.FONT, "fontsize": "12", "margin": "0.12,0.06"},
        edge_attr={"fontname": st.FONT, "fontsize": "13", "arrowsize": "0.8"},
    )  # fmt: skip
    legend = legend_dot(options)
    assert legend.split("\n", 4)[:4] == reference.source.split("\n", 4)[:4]


def test_to_dot_does_not_import_graphviz():
    code = (
        "import sys\nfrom argmap.formats import native\nfrom argmap.render import to_dot\n"
        f"to_dot(native.loads(open({str(EXAMPLE)!r}, encoding='utf-8').read()))\n"
        "print('graphviz' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_colour_by_author_gives_each_person_a_colour_and_greys_the_unsigned() -> None:
    from argmap.edit import operations as edit
    from argmap.render.style import NOBODY, author_colors

    amap = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    amap, a = edit.add_attack(amap, "s1", "Ann objects", author="ann")
    amap, b = edit.add_attack(amap, "s1", "Bob objects", author="bob")
    amap, nobody = edit.add_attack(amap, "s1", "Nobody signed this")
    signed = {s.id: s.author for s in amap.statements if s.author}
    dot = to_dot(amap, ViewOptions(color_by="author", authors=signed))

    def fill(eid: str) -> str:
        line = next(
            x
            for x in dot.splitlines()
            if x.strip().startswith(f'"{eid}" [') or x.strip().startswith(f"{eid} [")
        )
        return line.split('fillcolor="')[1].split('"')[0]

    colours = author_colors(signed.values())
    assert fill(a) == colours["ann"][0] and fill(b) == colours["bob"][0] and fill(a) != fill(b)
    assert fill(nobody) == NOBODY[0]
    assert "by ann" in dot and "by bob" in dot


def test_colour_by_change_marks_what_a_revision_added_and_changed() -> None:
    from argmap.render.style import CHANGE_STYLE

    amap = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    dot = to_dot(amap, ViewOptions(color_by="change", changes={"s1": "added", "s2": "changed"}))
    lines = {x.strip().split(" ")[0].strip('"'): x for x in dot.splitlines() if "fillcolor=" in x}
    assert f'fillcolor="{CHANGE_STYLE["added"][0]}"' in lines["s1"] and "added" in lines["s1"]
    assert f'fillcolor="{CHANGE_STYLE["changed"][0]}"' in lines["s2"]
    assert f'fillcolor="{CHANGE_STYLE["unchanged"][0]}"' in lines["s3"]
