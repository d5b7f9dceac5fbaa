"""Markdown outline export: structure, escaping, and what a real CommonMark reader makes of it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from argmap.formats import FORMATS, markdown, native
from argmap.model import ArgumentMap, Evidence, EvidenceSource, Inference, Source, Span, Statement

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"
MARKDOWN_IT = ROOT / "node_modules" / ".bin" / "markdown-it"
needs_markdown_it = pytest.mark.skipif(
    not MARKDOWN_IT.exists() or shutil.which("node") is None,
    reason="markdown-it (npm, installed by `make test` with the Argdown CLI) is not here",
)
HOSTILE = "*bold* _it_ [link](javascript:alert(1)) <script>x</script> &amp; `code` # h ~~s~~ \\ + - 1. |a|"


@pytest.fixture(scope="module")
def example() -> ArgumentMap:
    return native.loads(EXAMPLE.read_text(encoding="utf-8"))


def _hostile() -> ArgumentMap:
    source = f"intro\n{HOSTILE}\nmore"
    return ArgumentMap(
        id="h",
        title="# Title <b>x</b>\nsecond line",
        source=Source(text=source),
        statements=(
            Statement(id="s1", text="Main claim"),
            Statement(id="s2", text=HOSTILE, span=Span(start=6, end=6 + len(HOSTILE), text=HOSTILE)),
            Statement(id="s3", text="line one\nline two\n- not a list\n# not a heading", tags=("a*b",)),
            Statement(id="s4", text="[s1]: http://example.com"),
        ),
        inferences=(Inference(id="i1", premises=("s2", "s3"), conclusion="s1"),),
        evidence=(Evidence(id="e1", target="s2", text="+ 42", source=EvidenceSource(author="<A&B>")),),
    )


def test_registered_write_only():
    fmt = FORMATS["markdown"]
    assert fmt.dumps is markdown.dumps and fmt.loads is None and ".md" in fmt.suffixes


def test_example_outline_structure(example):
    md = markdown.dumps(example)
    lines = md.splitlines()
    assert lines[0] == "# Democrats selling voter data to retailers?"
    assert lines[4].startswith("- [s1] Selling voter data") and "(main conclusion)" in lines[4]
    assert "  - \\+ together [i1]:" in lines
    assert any(line.startswith("    - & [s2] ") for line in lines)
    assert any(line.startswith("    - & [s5] ") and "implicit" in line for line in lines)
    assert any(re.match(r"^ +- − \[s9\] They say", line) for line in lines)
    assert any("◆ evidence [e1] (study)" in line and "ProPublica" in line for line in lines)
    for s in example.statements:
        assert f"[{s.id}]" in md


def test_every_line_is_one_bullet_and_breaks_become_spaces():
    md = markdown.dumps(_hostile())
    assert md.startswith("# \\# Title \\<b\\>x\\</b\\> second line\n")
    body = [line for line in md.splitlines()[4:] if line]
    assert all(re.match(r"^(( {2})*- |## Not connected)", line) for line in body)
    assert "\n- [s4] \\[s1\\]: http://example.com  (unconnected)\n" in md
    assert "line one line two - not a list \\# not a heading" in md


@needs_markdown_it
def test_commonmark_reader_sees_our_structure_and_no_user_markup(example):
    for amap in (example, _hostile()):
        md = markdown.dumps(amap)
        html = subprocess.run(
            [str(MARKDOWN_IT)], input=md.encode(), capture_output=True, check=True
        ).stdout.decode()
        tags = set(re.findall(r"<(/?[a-z0-9]+)", html))
        assert tags <= {"h1", "/h1", "h2", "/h2", "p", "/p", "ul", "/ul", "li", "/li"}, tags
        bullets = sum(1 for line in md.splitlines() if re.match(r"^ *- ", line))
        assert html.count("<li>") == bullets
    text = subprocess.run(
        [str(MARKDOWN_IT)], input=markdown.dumps(_hostile()).encode(), capture_output=True, check=True
    ).stdout.decode()
    assert "[link](javascript:alert(1))" in text
    assert "&lt;script&gt;x&lt;/script&gt;" in text and "&amp;amp;" in text
    assert "*bold* _it_" in text and "`code`" in text
    assert "[s1]: http://example.com" in text


TRICKY = hs.text(
    alphabet=hs.sampled_from(list('ab "\\{}[]()<>&;_*#+-.!|~`=\n\r\t1éß漢🙂\u2028')), min_size=1, max_size=30
).filter(lambda t: t.strip())


@needs_markdown_it
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=hs.lists(TRICKY, min_size=5, max_size=5))
def test_generated_texts_never_become_markup(texts):
    amap = ArgumentMap(
        id="gen",
        title=texts[4],
        statements=tuple(Statement(id=f"s{k}", text=t, tags=(t,)) for k, t in enumerate(texts[:4], start=1)),
        inferences=(Inference(id="i1", premises=("s2", "s3"), conclusion="s1"),),
        evidence=(Evidence(id="e1", target="s1", text=texts[0], source=EvidenceSource(title=texts[1])),),
    )
    md = markdown.dumps(amap)
    html = subprocess.run(
        [str(MARKDOWN_IT)], input=md.encode(), capture_output=True, check=True
    ).stdout.decode()
    tags = set(re.findall(r"<(/?[a-z0-9]+)", html))
    assert tags <= {"h1", "/h1", "h2", "/h2", "p", "/p", "ul", "/ul", "li", "/li"}, (md, html)
    assert html.count("<li>") == sum(1 for line in md.splitlines() if re.match(r"^ *- ", line))
