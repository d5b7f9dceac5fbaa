"""The Library page: save, a save that meets someone else's save, revisions, rename, delete, import."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.edit import operations as edit
from argmap.formats import native
from argmap.storage.store import Store
from tests.app.conftest import EXAMPLE, current, messages

NAME = EXAMPLE.stem


def _change(at, text: str = "An added point.") -> None:
    amap, _ = edit.add_statement(current(at), text)
    at.session_state["argmap_history"] = at.session_state["argmap_history"].push(amap)


def test_save_bumps_the_revision(app, store_dir: Path) -> None:
    at = app("library")
    assert at.button(key="library_save").disabled  # nothing to save yet
    _change(at)
    at.run()
    at.button(key="library_save").click().run()
    assert not at.exception
    stored = Store(store_dir).load(NAME)
    assert stored.revision == 2 and stored.statements[-1].text == "An added point."
    assert at.session_state["argmap_revision"] == 2
    assert any("revision 2" in m for m in messages(at)["success"])


def test_a_save_on_a_full_disk_is_one_sentence_and_keeps_the_map_open_and_the_file(
    app, store_dir: Path
) -> None:
    import errno
    import os

    at = app("library")
    before = (store_dir / f"{NAME}.json").read_bytes()
    _change(at, "A point the disk has no room for.")
    at.run()

    def full(fd: int) -> None:  # a full disk shows at the latest when the written data is flushed
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.MonkeyPatch.context() as patch:  # its own: undoing the fixture's would drop ARGMAP_STORE
        patch.setattr(os, "fsync", full)
        at.button(key="library_save").click().run()
    assert not at.exception
    (error,) = messages(at)["error"]
    assert "could not write it (No space left on device)" in error and "Nothing was changed" in error
    assert (store_dir / f"{NAME}.json").read_bytes() == before  # the saved map as it was
    assert current(at).statements[-1].text == "A point the disk has no room for."  # the work still open
    assert at.button(key="library_save").disabled is False  # and still unsaved: it can be saved again
    at.button(key="library_save").click().run()
    assert Store(store_dir).load(NAME).statements[-1].text == "A point the disk has no room for."


def test_a_save_after_someone_elses_merges_both_additions(app, store_dir: Path) -> None:
    at = app("library")
    at.text_input(key="author").input("ann").run()
    _change(at, "My point.")
    at.run()
    store = Store(store_dir)  # meanwhile bob saves the same map
    theirs, _ = edit.add_statement(store.load(NAME), "Their point.", author="bob")
    store.save(theirs, NAME, expected_revision=1, author="bob")
    at.button(key="library_save").click().run()
    assert not at.exception
    stored = store.load(NAME)
    assert stored.revision == 3 and stored.saved_by == "ann"
    assert {"My point.", "Their point."} <= {s.text for s in stored.statements}
    said = " ".join(m for ms in messages(at).values() for m in ms)
    assert "bob added 1 statement — merged" in said and "Saved revision 3" in said
    assert {"My point.", "Their point."} <= {s.text for s in current(at).statements}


def _clash(app, store_dir: Path):
    at = app("library")
    at.text_input(key="author").input("ann").run()
    mine = edit.edit_text(current(at), "s1", "My words for the first claim.")
    at.session_state["argmap_history"] = at.session_state["argmap_history"].push(mine)
    at.run()
    store = Store(store_dir)
    store.save(
        edit.edit_text(store.load(NAME), "s1", "Bob's words for it."), NAME, expected_revision=1, author="bob"
    )
    at.button(key="library_save").click().run()
    assert not at.exception
    assert Store(store_dir).load(NAME).statement("s1").text == "Bob's words for it."  # nothing overwritten
    body = " ".join(m.value for m in at.markdown)
    assert "You and bob both changed" in body
    assert "My" in body and "Bob" in body  # both versions shown, changed words marked
    return at


def test_a_clash_shows_both_versions_and_keeping_mine_saves(app, store_dir: Path) -> None:
    at = _clash(app, store_dir)
    at.button(key="collab_keep_mine_s1").click().run()
    assert not at.exception
    stored = Store(store_dir).load(NAME)
    assert stored.revision == 3 and stored.statement("s1").text == "My words for the first claim."
    assert [r.revision for r in Store(store_dir).revisions(NAME)][:3] == [3, 2, 1]  # theirs kept


def test_a_clash_settled_with_theirs_keeps_their_words(app, store_dir: Path) -> None:
    at = _clash(app, store_dir)
    at.button(key="collab_keep_theirs_s1").click().run()
    assert current(at).statement("s1").text == "Bob's words for it."
    assert not any(b.key == "collab_keep_mine_s1" for b in at.button)


def test_saving_a_map_deleted_meanwhile_offers_a_new_name(app, store_dir: Path) -> None:
    at = app("library")
    _change(at, "My point.")
    at.run()
    Store(store_dir).delete(NAME)
    at.button(key="library_save").click().run()
    assert any("deleted or renamed" in e.value for e in at.error)
    at.text_input(key="conflict_new_name").input("my-version").run()
    at.button(key="conflict_save_new").click().run()
    assert Store(store_dir).load("my-version").statements[-1].text == "My point."
    assert at.session_state["argmap_name"] == "my-version"


def test_save_as_rename_delete_undelete_open(app, store_dir: Path) -> None:
    at = app("library")
    at.text_input(key="library_save_as_name").input("copy-one")
    at.button(key="library_save_as").click().run()
    assert Store(store_dir).exists("copy-one")
    at.selectbox(key="library_pick").select("copy-one").run()
    at.text_input(key="library_new_name").input("copy-two")
    at.button(key="library_rename").click().run()
    store = Store(store_dir)
    assert store.exists("copy-two") and not store.exists("copy-one")
    assert at.session_state["argmap_name"] == "copy-two"
    at.selectbox(key="library_pick").select("copy-two").run()
    at.button(key="library_delete").click().run()
    assert not store.exists("copy-two")
    at.selectbox(key="library_trash_pick").select("copy-two").run()
    at.button(key="library_undelete").click().run()
    assert store.exists("copy-two")
    at.selectbox(key="library_pick").select(NAME).run()
    at.button(key="library_open").click().run()
    assert at.session_state["argmap_name"] == NAME


def test_revisions_view_and_restore(app, store_dir: Path) -> None:
    at = app("library")
    _change(at, "Second revision point.")
    at.run()
    at.button(key="library_save").click().run()
    at.selectbox(key="library_pick").select(NAME).run()
    at.selectbox(key="library_revision").select(1).run()
    assert not any("Second revision point." in c.value for c in at.code)
    at.button(key="library_restore").click().run()
    assert not at.exception
    stored = Store(store_dir).load(NAME)
    assert stored.revision == 3 and "Second revision point." not in {s.text for s in stored.statements}
    assert current(at) == stored


def test_the_chosen_library_tab_stays_open_after_an_action(app, store_dir: Path) -> None:
    at = app("library")
    at.session_state["library_tab"] = "Rename"
    at.run()
    at.text_input(key="library_new_name").input("voter-data-sales")
    at.button(key="library_rename").click().run()
    assert not at.exception
    assert "voter-data-sales" in {e.name for e in Store(store_dir).list()}
    assert at.session_state["library_tab"] == "Rename"  # not back on "Open"


def test_open_with_unsaved_changes_asks_first(app) -> None:
    at = app("library")
    _change(at)
    at.run()
    assert at.button(key="library_open").disabled
    at.checkbox(key="library_discard").check().run()
    at.button(key="library_open").click().run()
    assert not at.exception


def test_import_a_file(app, store_dir: Path) -> None:
    at = app("library")
    amap = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    other = edit.rebuild(amap, title="An imported map", id="imported")
    at.get("file_uploader")[0].upload("imported.json", native.dumps(other).encode(), "application/json")
    at.run()
    at.button(key="library_import").click().run()
    assert not at.exception
    assert current(at).title == "An imported map"
    name = at.session_state["argmap_name"]
    assert Store(store_dir).load(name).title == "An imported map"


def test_import_a_bad_file_says_why(app) -> None:
    at = app("library")
    before = current(at)
    at.get("file_uploader")[0].upload("broken.json", b'{"id": "x", "statements": [{"id": "s1"}]}')
    at.run()
    at.button(key="library_import").click().run()
    assert not at.exception
    assert at.error and "s1" in at.error[0].value
    assert current(at) == before


def test_import_every_readable_format(app, store_dir: Path) -> None:
    from argmap.formats import FORMATS

    amap = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    for fmt in (f for f in FORMATS.values() if f.loads is not None and f.dumps is not None):
        at = app("library")
        data = fmt.dumps(edit.rebuild(amap, title=f"Imported from {fmt.name}"))
        raw = data.encode("utf-8") if isinstance(data, str) else data
        at.get("file_uploader")[0].upload(f"map{fmt.suffixes[0]}", raw)
        at.run()
        at.selectbox(key="library_import_format").select(fmt.name).run()
        at.button(key="library_import").click().run()
        assert not at.exception, fmt.name
        assert not at.error, (fmt.name, [e.value for e in at.error])
        got = current(at)
        # Every statement comes back (a lossy format such as Kialo may turn evidence into statements).
        assert {s.text for s in amap.statements} <= {s.text for s in got.statements}, fmt.name
        assert Store(store_dir).exists(at.session_state["argmap_name"])


def test_revisions_name_who_saved_them_and_compare_in_words(app, store_dir: Path) -> None:
    store = Store(store_dir)
    first = store.load(NAME)
    second, _ = edit.add_attack(first, "s1", "Nobody reads privacy notices.", author="bob")
    store.save(second, NAME, expected_revision=1, author="bob")
    at = app("library")
    at.selectbox(key="library_pick").select(NAME).run()
    at.selectbox(key="library_revision").select(2).run()
    assert not at.exception
    labels = at.selectbox(key="library_revision").options  # as shown: formatted
    assert any("by bob" in label for label in labels), labels
    body = " ".join(m.value for m in at.markdown)
    assert "bob added 1 statement and 1 attack" in body
    assert "bob added an objection to" in body and "Nobody reads privacy notices" in body
    assert at.get("graphviz_chart")  # the newer revision drawn with what changed marked


def test_import_over_unsaved_changes_asks_first_and_imports_nothing_until_yes(app, store_dir: Path) -> None:
    at = app("library")
    _change(at, "My unsaved point.")
    at.run()
    mine = current(at)
    other = edit.rebuild(native.loads(EXAMPLE.read_text(encoding="utf-8")), title="An imported map", id="imp")
    at.get("file_uploader")[0].upload("imported.json", native.dumps(other).encode(), "application/json")
    at.run()
    at.button(key="library_import").click().run()
    assert current(at) == mine and "Importing this file replaces the open map" in " ".join(
        messages(at)["warning"]
    )
    assert len(Store(store_dir).list()) == 1  # nothing imported while the question stands
    at.button(key="library_import_no").click().run()
    assert current(at) == mine
    at.button(key="library_import").click().run()
    at.button(key="library_import_yes").click().run()
    assert not at.exception
    assert current(at).title == "An imported map"


def test_restoring_a_revision_over_unsaved_changes_asks_first(app, store_dir: Path) -> None:
    at = app("library")
    _change(at, "Second revision point.")
    at.run()
    at.button(key="library_save").click().run()
    _change(at, "Unsaved third point.")
    at.run()
    mine = current(at)
    at.selectbox(key="library_pick").select(NAME).run()
    at.selectbox(key="library_revision").select(1).run()
    at.button(key="library_restore").click().run()
    assert current(at) == mine and Store(store_dir).load(NAME).revision == 2  # asked, not restored
    assert "Restoring revision 1 replaces the open map" in " ".join(messages(at)["warning"])
    at.button(key="library_restore_yes").click().run()
    assert not at.exception
    assert Store(store_dir).load(NAME).revision == 3 and current(at) == Store(store_dir).load(NAME)
