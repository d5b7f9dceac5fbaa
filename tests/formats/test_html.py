"""The HTML page: self-contained, every span highlighted and linked both ways, all user text escaped."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from argmap.errors import RenderError
from argmap.formats import FORMATS, html, native
from argmap.model import ArgumentMap, Attack, Evidence, EvidenceSource, Inference, Source, Span, Statement

EXAMPLE = Path(__file__).resolve().parents[2] / "arguments" / "democrats-voter-data.json"
pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")
HOSTILE = '<script>alert("x")</script> <img src=x onerror=alert(1)> &amp; \\N {b} ]]> <!-- \n\u2028 漢字 🙂'
XLINK = "xlink:href"


class Page(HTMLParser):
    """Every start tag with its attributes, the text of the source section, and list nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.source_text: list[str] = []
        self.stack: list[str] = []
        self.in_source = 0
        self.in_idtag = False
        self.balanced = True

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in ("ul", "li", "div", "section", "a", "g", "svg"):
            self.stack.append(tag)
        if tag == "div" and a.get("class") == "source":
            self.in_source = len(self.stack)
        self.in_idtag = tag == "a" and a.get("class") == "idtag"

    def handle_endtag(self, tag):
        if tag in ("ul", "li", "div", "section", "a", "g", "svg"):
            if not self.stack or self.stack.pop() != tag:
                self.balanced = False
            if self.in_source and len(self.stack) < self.in_source:
                self.in_source = 0
        if tag == "a":
            self.in_idtag = False

    def handle_data(self, data):
        if self.in_source and not self.in_idtag:
            self.source_text.append(data)


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    return p


@pytest.fixture(scope="module")
def example() -> ArgumentMap:
    return native.loads(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def example_page(example) -> str:
    return html.dumps(example)


def hostile_map() -> ArgumentMap:
    text = f"Intro. {HOSTILE} middle {HOSTILE} end."
    first = text.index(HOSTILE)
    second = text.index(HOSTILE, first + 1)
    return ArgumentMap(
        id="hostile",
        title=HOSTILE,
        source=Source(text=text, title=HOSTILE, url="javascript:alert(1)", author='"><script>'),
        statements=(
            Statement(id="s1", text=HOSTILE, span=Span(start=first, end=first + len(HOSTILE), text=HOSTILE)),
            Statement(
                id="s2", text="inner", span=Span(start=first, end=first + 8, text=text[first : first + 8])
            ),
            Statement(id="s3", text=HOSTILE, implicit=True),
            Statement(id="s4", text="[s1](javascript:alert(1))"),
        ),
        inferences=(Inference(id="i1", premises=("s2", "s3"), conclusion="s1"),),
        attacks=(Attack(id="a1", source="s4", target="i1"),),
        evidence=(
            Evidence(
                id="e1",
                target="s1",
                text=HOSTILE,
                span=Span(start=second, end=second + len(HOSTILE), text=HOSTILE),
                source=EvidenceSource(author=HOSTILE, url="javascript:alert(2)"),
            ),
        ),
    )


def test_registered_write_only():
    fmt = FORMATS["html"]
    assert fmt.dumps is html.dumps and fmt.loads is None and ".html" in fmt.suffixes


@pytest.mark.parametrize("which", ["example", "hostile"])
def test_self_contained_no_scripts_no_requests(which, example_page):
    page = example_page if which == "example" else html.dumps(hostile_map())
    parsed = parse(page)
    tags = {t for t, _ in parsed.tags}
    assert not tags & {"link", "img", "iframe", "object", "embed", "image", "use", "foreignobject"}
    # One script: the page's own pan and zoom, inline, allowed by its hash and by nothing else.
    scripts = [a for t, a in parsed.tags if t == "script"]
    assert scripts == [{"id": "argmap-panzoom"}]
    assert f"script-src '{html.SCRIPT_HASH}'" in page and "unsafe-inline'; img" in page
    for _, attrs in parsed.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), name
            if name in ("href", XLINK, "src", "action"):
                assert (value or "").startswith("#"), (name, value)
    assert "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page
    assert parsed.balanced


def test_map_is_inline_svg_with_node_ids(example, example_page):
    assert "<?xml" not in example_page and "<!DOCTYPE svg" not in example_page
    parsed = parse(example_page)
    node_ids = {a["id"] for t, a in parsed.tags if t == "g" and a.get("class") == "node"}
    assert {f"map-{s.id}" for s in example.statements} | {"map-i1", "map-e1"} <= node_ids
    titles = [a.get(XLINK.replace("href", "title")) for t, a in parsed.tags if t == "a" and XLINK in a]
    assert titles and not any("<FONT" in (t or "") for t in titles)  # tooltips are text, not label markup
    # the legend is a second picture whose ids cannot clash with the map's
    ids = re.findall(r' id="([^"]+)"', example_page)
    assert len(ids) == len(set(ids))
    assert 'id="legend-graph0"' in example_page


def test_every_span_is_highlighted_and_linked_both_ways(example, example_page):
    parsed = parse(example_page)
    anchors = {a.get("id") for t, a in parsed.tags if t == "a" and a.get("id")}
    highlight_links = {a["href"] for t, a in parsed.tags if t == "a" and "hl" in (a.get("class") or "")}
    node_links = {a[XLINK] for t, a in parsed.tags if t == "a" and XLINK in a}
    spanned = [e for e in (*example.statements, *example.evidence) if e.span]
    assert len(spanned) > len(example.statements)  # statements and evidence alike
    for e in spanned:
        assert f"src-{e.id}" in anchors  # the text has an anchor where its words begin
        assert f"#map-{e.id}" in highlight_links  # the words link to the node
        assert f"#src-{e.id}" in node_links  # the node links to the words
    # The implicit premise has no words: its node links to its outline line.
    assert "#outline-s5" in node_links and 'id="outline-s5"' in example_page


def test_source_text_is_shown_exactly(example, example_page):
    assert "".join(parse(example_page).source_text) == example.source.text


def test_outline_lists_every_statement_linked_to_its_node(example, example_page):
    outline = example_page[example_page.index('<section id="outline">') :]
    for s in example.statements:
        assert f'<a href="#map-{s.id}">[{s.id}]</a>' in outline
    assert outline.count("<ul>") == outline.count("</ul>")


def test_hostile_text_is_shown_as_text():
    amap = hostile_map()
    page = html.dumps(amap)
    parsed = parse(page)
    assert "".join(parsed.source_text) == amap.source.text
    assert "<script>" not in page and "<img" not in page
    assert page.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") >= 3  # title, header, text
    assert "<code>javascript:alert(1)</code>" in page  # the URL shown, never linked
    # Nested spans: s2 sits inside s1; its words link to s2, and both have their anchor.
    assert 'id="src-s1"' in page and 'id="src-s2"' in page
    assert re.search(r'<a class="hl r-[a-z]+" href="#map-s2" data-ids="s1 s2"', page)


def test_without_dot_the_page_is_refused_clearly(example, monkeypatch):
    monkeypatch.setenv("PATH", "")
    with pytest.raises(RenderError, match="'dot' program is not installed"):
        html.dumps(example)


def test_map_without_source_text():
    amap = ArgumentMap(
        id="bare",
        statements=(Statement(id="a", text="A"), Statement(id="b", text="B")),
        inferences=(Inference(id="i", premises=("b",), conclusion="a"),),
    )
    page = html.dumps(amap)
    assert "No source text." in page and 'id="outline-a"' in page and parse(page).balanced


TRICKY = hs.text(
    alphabet=hs.sampled_from(list("ab <>&\"'\\;=/\n\t{}[]é漢🙂\u2028")), min_size=10, max_size=80
).filter(lambda t: t.strip())


@hs.composite
def spanned_maps(draw) -> ArgumentMap:
    """Maps whose statements and evidence quote random, possibly nested or overlapping, stretches."""
    text = draw(TRICKY)
    cuts = hs.integers(min_value=0, max_value=len(text))

    def span() -> Span | None:
        a, b = sorted((draw(cuts), draw(cuts)))
        return Span(start=a, end=b, text=text[a:b]) if b > a and draw(hs.booleans()) else None

    statements = tuple(Statement(id=f"s{k}", text=draw(TRICKY), span=span()) for k in range(1, 5))
    return ArgumentMap(
        id="gen",
        title=draw(TRICKY),
        source=Source(text=text),
        statements=statements,
        inferences=(Inference(id="i1", premises=("s2", "s3"), conclusion="s1"),),
        attacks=(Attack(id="a1", source="s4", target="i1"),),
        evidence=(Evidence(id="e1", target="s2", text=draw(TRICKY), span=span()),),
    )


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spanned_maps())
def test_generated_maps_keep_text_exact_and_every_span_anchored(amap):
    page = html.dumps(amap)
    parsed = parse(page)
    assert parsed.balanced
    assert "".join(parsed.source_text) == amap.source.text
    assert not {t for t, _ in parsed.tags} & {"img", "iframe", "object", "embed", "link"}
    assert [a for t, a in parsed.tags if t == "script"] == [{"id": "argmap-panzoom"}]
    for _, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs)
    anchors = {a.get("id") for t, a in parsed.tags if t == "a"}
    for e in (*amap.statements, *amap.evidence):
        if e.span:
            assert f"src-{e.id}" in anchors


def test_the_one_script_is_the_hashed_pan_and_zoom_and_asks_for_nothing():
    import base64
    import hashlib

    body = html._PANZOOM
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
    assert f"sha256-{digest}" == html.SCRIPT_HASH
    for api in ("fetch", "XMLHttpRequest", "import", "WebSocket", "sendBeacon", "innerHTML", "eval"):
        assert api not in body, api
