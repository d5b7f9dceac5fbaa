"""Source highlighting: every anchored element marked in its role's colour, text always escaped."""

from __future__ import annotations

import re
from pathlib import Path

from argmap.formats import native
from argmap.render.highlight import ROLE_COLORS, Mark, excerpt_html, legend_html, marks, to_html
from argmap.roles import derive

EXAMPLE = Path(__file__).resolve().parents[2] / "arguments" / "democrats-voter-data.json"


def _plain(html_text: str) -> str:
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


def test_every_span_is_marked_with_its_role_colour() -> None:
    amap = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    out = to_html(amap.source.text, marks(amap))
    roles = derive(amap).role
    for s in amap.statements:
        if s.span:
            assert f'data-id="{s.id}"' in out
            tag = re.search(rf'<mark data-id="{s.id}"[^>]*>', out).group(0)
            fill, border = ROLE_COLORS[roles[s.id]]
            assert fill in tag and border in tag
    for e in amap.evidence:
        if e.span:
            assert f'data-id="{e.id}"' in out
    # The text itself is unchanged once the markup is stripped.
    assert _plain(out) == amap.source.text


def test_text_is_escaped() -> None:
    text = "<script>alert(1)</script> & more"
    out = to_html(text, [Mark(0, 8, "s1", "main")])
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert _plain(out) == text


def test_nested_spans_inner_wins_and_selected_wins_where_it_covers() -> None:
    text = "aaa bbb ccc"
    outer = Mark(0, 11, "s1", "main")
    inner = Mark(4, 7, "e1", "evidence")
    out = to_html(text, [outer, inner])
    assert re.findall(r'data-id="(\w+)"', out) == ["s1", "e1", "s1"]
    sel = to_html(text, [outer, inner], selected="s1")
    assert re.findall(r'data-id="(\w+)"', sel) == ["s1"]
    assert "outline" in sel


def test_spans_outside_text_are_ignored() -> None:
    out = to_html("short", [Mark(2, 99, "s1", "premise"), Mark(3, 3, "s2", "premise")])
    assert "<mark" not in out
    assert _plain(out) == "short"


def test_legend_names_every_role() -> None:
    out = legend_html()
    for label in ("main conclusion", "premise", "objection", "rebuttal", "evidence"):
        assert label in out


def test_excerpt_shows_the_selected_words_in_context() -> None:
    text = "First sentence here. " * 20 + "The chosen claim is this one. " + "Later words follow on. " * 20
    start = text.index("The chosen")
    end = start + len("The chosen claim is this one.")
    found = [Mark(start, end, "s2", "premise"), Mark(0, 20, "s1", "main")]
    out = excerpt_html(text, found, "s2", around=40)
    assert out is not None
    plain = _plain(out)
    assert "The chosen claim is this one." in plain
    assert plain.startswith("…") and plain.endswith("…")
    assert len(plain) < 140
    assert re.search(r'<mark data-id="s2"[^>]*outline', out)
    assert 'data-id="s1"' not in out  # far away: not in the window
    assert excerpt_html(text, found, "s9") is None
    whole = excerpt_html("Short claim.", [Mark(0, 12, "s1", "main")], "s1")
    assert _plain(whole) == "Short claim."
