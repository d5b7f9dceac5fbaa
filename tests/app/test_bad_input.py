"""Bad input anywhere in the app: a message that says what is wrong and what to do; never a
traceback, never a silent drop, and the open map (and anything saved) is kept."""

from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from argmap.formats import native
from argmap.storage import share
from tests.app.conftest import APP, EXAMPLE, current, dot, messages, page_html, select
from tests.app.markup import markup, text_of

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00" + bytes(200)
EVIL = "<script>alert('x')</script> \"quoted\" {braces} back\\slash \\n <b>bold</b> & ' ;"


def reference():
    return native.loads(EXAMPLE.read_text(encoding="utf-8"))


def errors(at: AppTest) -> list[str]:
    return messages(at)["error"]


# --- Analyze -----------------------------------------------------------------------------------


def test_whitespace_only_text_says_there_is_nothing_to_map(app) -> None:
    at = app("analyze")
    before = current(at)
    at.text_area(key="analyze_text").input(" \n\t \n")
    at.button(key="analyze_go").click().run()
    assert not at.exception
    assert any("no text to map" in w.value for w in at.warning)
    assert current(at) == before


def test_a_very_long_text_is_refused_or_mapped_never_a_traceback(app) -> None:
    at = app("analyze")
    before = current(at)
    sentence = "Cities should build bike lanes because cycling is cheap and clean. "
    at.text_area(key="analyze_text").input(sentence * (3_000_000 // len(sentence)))
    at.button(key="analyze_go").click().run()
    assert not at.exception
    if current(at) == before:  # refused: the message says why and what to do
        assert errors(at) and any("long" in e or "characters" in e for e in errors(at)), messages(at)
    else:
        assert current(at).statements


def test_pasted_html_with_script_is_mapped_as_text_and_never_run(app) -> None:
    at = app("analyze")
    html = (
        "<html><body><script>alert('gotcha')</script><p>Towns should plant more trees.</p>"
        "<p>Trees cool the streets, because shade lowers the temperature.</p></body></html>"
    )
    at.text_area(key="analyze_text").input(html)
    at.button(key="analyze_go").click().run()
    assert not at.exception
    assert current(at).statements
    assert "<script>" not in page_html(at)  # the words are shown escaped, never as live markup
    assert "<script>" not in dot(at)


def test_uploading_a_binary_file_as_text_says_so(app) -> None:
    at = app("analyze")
    before = current(at)
    at.radio(key="analyze_source").set_value("Upload a file").run()
    at.get("file_uploader")[0].upload("photo.txt", PNG, "text/plain")
    at.run()
    assert not at.exception
    assert errors(at), messages(at)
    at.button(key="analyze_go").click().run()
    assert not at.exception
    assert current(at) == before


# --- Library import ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("photo.png", PNG, "photo.png"),
        ("map.json", b'{"id": "x", "title": "T", "statements": [', "map.json"),
        (
            "debate.txt",
            b"Discussion Title: Cats\n\n1. Cats.\n1.1. Pro: They purr.\n1.1.1.1. Pro: a level skipped\n",
            "line 5",
        ),
        ("empty.json", b"", "empty.json"),
    ],
)
def test_import_of_a_bad_file_says_what_is_wrong(
    app, store_dir: Path, name: str, data: bytes, says: str
) -> None:
    at = app("library")
    before = current(at)
    saved = sorted(p.name for p in store_dir.iterdir())
    at.get("file_uploader")[0].upload(name, data)
    at.run()
    at.button(key="library_import").click().run()
    assert not at.exception
    assert current(at) == before
    assert any(says in e for e in errors(at)), messages(at)
    assert any("Argmap imports map files only" in e for e in errors(at))  # and what to do
    assert sorted(p.name for p in store_dir.iterdir()) == saved  # nothing written


def test_import_of_a_huge_file_is_refused_before_reading(app, store_dir: Path) -> None:
    at = app("library")
    before = current(at)
    at.get("file_uploader")[0].upload("huge.json", b" " * (60 * 1024 * 1024))
    at.run()
    at.button(key="library_import").click().run()
    assert not at.exception
    assert current(at) == before
    assert any("huge.json" in e and "limit" in e for e in errors(at)), messages(at)


# --- Map page forms ----------------------------------------------------------------------------


def test_evil_text_through_the_forms_is_kept_exactly_and_shown_escaped(app) -> None:
    at = select(app("map"), "s3")
    at.text_area(key="attack_text").input(EVIL)
    at.button(key="attack_submit").click().run()
    assert not at.exception
    new = current(at).statements[-1]
    assert new.text == EVIL.strip()
    select(at, new.id)
    assert not at.exception
    assert "<script>alert" not in page_html(at)
    source = dot(at)
    assert new.id in source
    # and the rest of the app copes with it
    for page in ("table", "check", "share", "library"):
        at.switch_page(f"src/argmap/app/views/{page}.py").run()
        assert not at.exception, page


def test_a_10000_character_statement_is_kept_and_drawn_shortened(app) -> None:
    at = select(app("map"), "s3")
    long = ("word " * 2000).strip()
    at.text_area(key="attack_text").input(long)
    at.button(key="attack_submit").click().run()
    assert not at.exception
    new = current(at).statements[-1]
    assert new.text == long
    line = next(x for x in dot(at).splitlines() if x.strip().startswith(f'"{new.id}" ['))
    assert len(line) < 3000  # the tree shows the start of it, not 10,000 characters


def test_evil_evidence_fields_are_kept_and_escaped(app) -> None:
    at = select(app("map"), "s11")
    at.text_area(key="evidence_text").input(EVIL)
    at.text_input(key="evidence_title").input('{title} \\ "x"')
    at.text_input(key="evidence_url").input("javascript:alert(1)")
    at.button(key="evidence_submit").click().run()
    assert not at.exception
    if errors(at):  # refused: it says which field and why
        assert any("url" in e.lower() or "URL" in e for e in errors(at))
        return
    ev = current(at).evidence[-1]
    assert ev.text == EVIL.strip()


# --- share links -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "token",
    [
        "",
        "%%%",
        share.encode(reference())[:-20],  # cut short
        base64.urlsafe_b64encode(zlib.compress(b"{not json")).decode(),
        base64.urlsafe_b64encode(
            zlib.compress(json.dumps({"id": "x", "statements": [{}]}).encode())
        ).decode(),
        "A" * 200_000,  # oversized
    ],
)
def test_a_damaged_or_oversized_share_link_says_so(store_dir, token: str) -> None:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params[share.PARAM] = token
    at.run()
    assert not at.exception
    amap = current(at)
    assert amap == reference() or not token  # the example opens instead
    if token:
        assert any("share link could not be opened" in m for m in errors(at)), messages(at)


def test_a_zip_bomb_share_link_is_refused(store_dir) -> None:
    bomb = base64.urlsafe_b64encode(zlib.compress(b"{" + b" " * 200_000_000 + b"}", 9)).decode()
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params[share.PARAM] = bomb
    at.run()
    assert not at.exception
    assert any("share link could not be opened" in m for m in errors(at)), messages(at)


# --- Table -------------------------------------------------------------------------------------


def _edit(at, table: str, edited=None, added=None, deleted=None):
    at.session_state[f"table_{table}_v{at.session_state['argmap_version']}"] = {
        "edited_rows": edited or {},
        "added_rows": added or [],
        "deleted_rows": deleted or [],
    }
    return at.run()


def test_deleting_a_statement_row_that_others_refer_to_says_what_happens(app) -> None:
    at = app("table")
    before = current(at)
    row = [s.id for s in before.statements].index("s3")  # a conclusion: links and evidence point at it
    _edit(at, "statements", deleted=[row])
    assert not at.exception
    after = current(at)
    if after == before:
        assert errors(at) and any("s3" in e for e in errors(at))
    else:
        assert "s3" not in after.ids()
        said = " ".join(messages(at)["success"] + messages(at)["warning"] + messages(at)["info"])
        assert "s3" in said, messages(at)  # what went with it is said, and undo brings it back


# --- Classroom ---------------------------------------------------------------------------------


def _teacher(at, store_dir) -> None:  # noqa: ANN001 - an AppTest
    from argmap.classroom.assignment import AssignmentStore

    made, key = AssignmentStore(store_dir).create(reference())
    at.session_state["classroom_role"] = "teacher"
    at.session_state["classroom_code"] = made.code
    at.session_state["classroom_key"] = key
    at.run()


def test_classroom_bad_student_files_are_named_and_the_rest_graded(app, store_dir) -> None:
    at = app("classroom")
    _teacher(at, store_dir)
    files = [
        ("ada.json", native.dumps(reference()).encode(), "application/json"),
        ("photo.json", PNG, "application/json"),
        ("bad.json", b"{", "application/json"),
    ]
    next(u for u in at.get("file_uploader") if u.proto.label == "Student map files").set_value(files).run()
    assert not at.exception
    said = errors(at)
    assert any("photo.json" in e for e in said) and any("bad.json" in e for e in said), said
    table = next(d for d in at.dataframe if list(d.value["student"]) == ["ada"])
    assert table.value["score"].iloc[0] == 100  # the good one is graded, in whole percents


def test_classroom_broken_reference_file_says_so(app) -> None:
    at = app("classroom")
    at.radio(key="as_ref_kind").set_value("A file (Argdown, AIF, Kialo, Argmap JSON)").run()
    next(u for u in at.get("file_uploader") if u.proto.label == "Reference file").upload(
        "reference.json", b"\x89PNG not json"
    )
    at.run()
    assert not at.exception
    assert any("reference.json" in e for e in errors(at)), messages(at)
    assert "classroom_code" not in at.session_state


def test_dollars_stars_and_brackets_in_a_statement_show_literally(app) -> None:
    # Markdown would turn "$5 … $10" into a formula and "*now*" into italics.
    text = "It costs $5 and saves $10 *now* [see](x) <b>"
    at = select(app("map"), "s3")
    at.text_area(key="attack_text").input(text)
    at.button(key="attack_submit").click().run()
    select(at, current(at).statements[-1].id)
    quote = next(m.value for m in at.markdown if m.value.startswith("> "))
    assert markup(quote) == [] and text_of(quote) == text
