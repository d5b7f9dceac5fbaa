"""Untrusted text is never markup: a map, an exercise file, a store name or a share link whose words
carry links, images, HTML, maths or Streamlit directives shows those words as text on every page."""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from argmap.edit.history import History
from argmap.edit.operations import rebuild
from argmap.formats import native
from argmap.model import Evidence, EvidenceSource, Statement
from argmap.storage import share
from tests.app.conftest import APP, EXAMPLE, VIEWS, page_html
from tests.app.markup import markup, text_of

# Each line is a different kind of markup; every one renders as something other than its words.
HOSTILE = (
    "Click [here](https://evil.example/login) ![t](https://evil.example/t.png)\n"
    "<img src=x onerror=alert(1)> <b>bold</b> $x^2$ www.evil.example mail@evil.example\n"
    "# Heading :red[alert] :material/warning: &amp; <https://evil.example/a>"
)
# The same on one line: a title, a name, a cue.
LINE = " ".join(HOSTILE.split())
SHOWN_WORDS = ("Click [here](https://evil.example/login)", "<img src=x onerror=alert(1)>", "$x^2$")


def hostile_map():
    """The example map with hostile words in every field a user or a file can fill."""
    amap = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    first, *rest = amap.statements
    statements = (
        Statement.model_validate(
            first.model_dump()
            | {
                "text": HOSTILE,
                "span": None,
                "note": HOSTILE,
                "reason": HOSTILE,
                "cues": (LINE,),
                "tags": (LINE,),
                "author": LINE,
            }
        ),
        *rest,
    )
    evidence = tuple(
        Evidence.model_validate(
            e.model_dump()
            | {
                "text": HOSTILE,
                "span": None,
                "source": EvidenceSource(title=LINE, author=LINE, url="javascript:alert(1)"),
            }
        )
        for e in amap.evidence
    )
    return rebuild(amap, title=LINE, statements=statements, evidence=evidence)


def _texts(node) -> Iterator[tuple[str, str]]:  # noqa: ANN001 - an AppTest tree node
    """(what, body) for every string on the page that Streamlit renders as Markdown."""
    kind = type(node).__name__
    proto = getattr(node, "proto", None)
    if kind in ("Markdown", "Caption", "Title", "Header", "Subheader", "Error", "Warning", "Info", "Success"):
        yield kind, node.value
    elif kind == "Toast":
        yield kind, node.proto.body
    elif kind in ("Expander", "Tab"):
        yield kind, node.label
    elif hasattr(node, "label") and proto is not None:  # widgets: their labels and help are Markdown
        yield f"{kind} label", node.label
        if getattr(proto, "help", ""):
            yield f"{kind} help", proto.help
        if kind == "Radio":  # radio options are Markdown too (selectbox options are plain)
            yield from ((f"{kind} option", str(o)) for o in node.options)
    for child in getattr(node, "children", {}).values():
        yield from _texts(child)


def injected(at: AppTest) -> list[str]:
    """Every piece of markup on the page (our own page anchors aside), named with where it is."""
    assert not at.exception, at.exception
    found = [f"{what}: {m} in {body[:60]!r}" for what, body in _texts(at._tree) for m in markup(body)]
    raw = page_html(at)  # the highlighted source text and legends: escaped HTML
    found += [f"html: {tag}" for tag in ("<img src=x", "<b>bold") if tag in raw]
    return found


def shows(at: AppTest, words: str) -> bool:
    """Whether some Markdown on the page shows ``words`` literally."""
    return any(words in text_of(body) for _, body in _texts(at._tree))


def start(page: str, amap) -> AppTest:  # noqa: ANN001 - an ArgumentMap
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state["argmap_history"] = History(present=amap)
    at.run()
    at.switch_page(f"{VIEWS}/{page}.py").run()
    return at


@pytest.mark.parametrize("page", ["map", "table", "check", "library", "share", "classroom"])
def test_hostile_words_in_a_map_show_as_text_on_every_page(store_dir: Path, page: str) -> None:
    at = start(page, hostile_map())
    assert injected(at) == []
    if page in ("map", "library", "share"):
        assert shows(at, LINE[:40])  # the title, as written


def test_hostile_words_show_as_text_on_the_map_page_for_statement_and_evidence(store_dir: Path) -> None:
    amap = hostile_map()
    at = start("map", amap)
    for eid in (amap.statements[0].id, amap.evidence[0].id):
        at.session_state["selected_node"] = eid
        at.run()
        assert injected(at) == []
        for words in SHOWN_WORDS:
            assert shows(at, words), words


def test_a_hostile_assignment_shows_title_instructions_and_source_as_text(store_dir: Path) -> None:
    from argmap.classroom.assignment import AssignmentStore

    reference = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    made, _ = AssignmentStore(store_dir).create(reference, title=LINE, instructions=HOSTILE, source=HOSTILE)
    at = start("classroom", reference)
    at.text_input(key="join_code").input(made.code)
    at.button(key="join_go").click().run()
    at.text_input(key="join_name").input(LINE[:60])
    at.button(key="join_seat").click().run()
    assert injected(at) == []
    subheaders = [text_of(s.value) for s in at.subheader]
    assert LINE in subheaders
    for words in SHOWN_WORDS:
        assert shows(at, words), words


def test_a_hostile_store_name_and_title_show_as_text_in_the_library(store_dir: Path) -> None:
    (store_dir / "www.evil.example.json").write_text(native.dumps(hostile_map()), encoding="utf-8")
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page(f"{VIEWS}/library.py").run()
    at.selectbox(key="library_pick").select("www.evil.example").run()
    assert injected(at) == []
    at.button(key="library_open").click().run()  # opens it on the Map page, saying so
    assert injected(at) == []
    assert any("Opened “www.evil.example”" in text_of(s.value) for s in at.success), at.success


def test_a_share_link_with_hostile_words_in_its_error_shows_them_as_text(store_dir: Path) -> None:
    bad = {"id": "m", "title": "x", "statements": [{"id": "www.evil.example", "text": " "}]}
    token = base64.urlsafe_b64encode(zlib.compress(json.dumps(bad).encode())).decode().rstrip("=")
    with pytest.raises(Exception, match="www.evil.example"):
        share.decode(token)  # the error names the element, and so repeats the link's words
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params[share.PARAM] = token
    at.run()
    assert at.error and "could not be opened" in text_of(at.error[0].value)
    assert injected(at) == []
