"""Export & share: a download per format; a share link opens the map read-only, with a way to copy it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from argmap.edit import operations as edit
from argmap.formats import FORMATS, native
from argmap.storage import share
from tests.app.conftest import APP, EXAMPLE, current, dot, messages


def test_a_download_for_every_writable_format(app) -> None:
    at = app("share")
    keys = {b.key for b in at.get("download_button")}
    expected = {f"download_{f.name}" for f in FORMATS.values() if f.dumps is not None}
    assert keys <= expected
    # A format that cannot be written here (an image without Graphviz) says why instead.
    assert len(keys) + len(at.warning) == len(expected)
    code = at.code[0].value
    assert f"?{share.PARAM}=" in code


def test_share_link_opens_read_only(store_dir) -> None:
    amap = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    shared, _ = edit.add_statement(amap, "Only in the shared copy.")
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params[share.PARAM] = share.encode(shared)
    at.run()
    assert not at.exception
    assert current(at) == shared
    assert any("Read-only" in w.value for w in at.warning)
    assert not [b for b in at.button if b.key in ("map_undo", "map_redo")]  # nothing greyed out to undo
    assert not [b for b in at.button if b.key == "attack_submit"]  # the edit forms are off
    assert any("read-only" in i.value for i in at.info)
    assert "Only in the shared copy." in dot(at)
    picker = next(b for b in at.selectbox if b.key and b.key.startswith("node_picker"))
    assert picker.label == "Select a node to inspect"  # no promise of edits that are switched off
    assert "edit forms" not in " ".join(c.value for c in at.caption)

    at.button(key="make_editable").click().run()
    assert not at.exception
    assert not at.session_state["argmap_readonly"]
    assert at.session_state["argmap_name"] is None  # a copy: saving asks for a name
    assert [b for b in at.button if b.key == "attack_submit"]
    picker = next(b for b in at.selectbox if b.key and b.key.startswith("node_picker"))
    assert picker.label == "Select a node to inspect and edit"


def test_damaged_share_link_says_so(store_dir) -> None:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params[share.PARAM] = "not-a-map"
    at.run()
    assert not at.exception
    assert any("share link could not be opened" in m for m in messages(at)["error"])
    assert current(at).id  # the example map opens instead


def test_too_large_for_a_link_points_to_a_file(app) -> None:
    at = app("share")
    big = current(at)
    for n in range(400):
        big, _ = edit.add_statement(big, f"Claim {n}: {hash((n, 'y')) % 10**12} reasons")
    at.session_state["argmap_history"] = at.session_state["argmap_history"].push(big)
    at.run()
    assert not at.code
    assert any("too large for a link" in i.value for i in at.info)
