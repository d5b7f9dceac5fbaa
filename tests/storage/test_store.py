"""The store: saves, conflicts, revisions, trash, names, import, crashes and concurrency.

Every test that takes ``store``, ``make_store`` or ``location`` runs on both backends (files and PostgreSQL,
see conftest.py); ``file_store`` tests are about files on disk.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.errors import ArgmapError, Conflict, FormatError, InputError, MapNotFound, StoreError, UnsafeName
from argmap.formats import native
from argmap.model import ArgumentMap, Inference, Statement
from argmap.storage.location import is_database, open_store
from argmap.storage.names import check_name, slug
from argmap.storage.store import Entry, Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"


def small_map(title: str = "School uniforms", text: str = "Uniforms should be required.") -> ArgumentMap:
    return ArgumentMap(
        id="m1",
        title=title,
        statements=(
            Statement(id="s1", text=text),
            Statement(id="s2", text="They reduce bullying."),
        ),
        inferences=(Inference(id="i1", premises=("s2",), conclusion="s1"),),
    )


def with_text(amap: ArgumentMap, text: str) -> ArgumentMap:
    """The same map with its first statement's text changed (a stand-in for any edit)."""
    data = amap.model_dump()
    data["statements"][0]["text"] = text
    return ArgumentMap.model_validate(data)


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "",
        "..",
        ".",
        "../etc/passwd",
        "a/../../b",
        "a/b",
        "a\\b",
        "..\\..\\windows",
        "/etc/passwd",
        "C:evil",
        "c:\\x",
        "nul\x00byte",
        "CON",
        "con",
        "nul.json.bak",
        "Com1",
        "LPT9",
        "aux.txt",
        ".hidden",
        ".revisions",
        ".trash",
        "trailing.",
        " padded ",
        "tab\there",
        "x" * 200,
    ],
)
def test_unsafe_names_are_refused_everywhere(store: Store, location: str, name: str) -> None:
    with pytest.raises(UnsafeName):
        check_name(name)
    amap = small_map()
    for call in (
        lambda: store.load(name),
        lambda: store.save(amap, name, expected_revision=None),
        lambda: store.save_as(amap, name),
        lambda: store.delete(name),
        lambda: store.undelete(name),
        lambda: store.rename(name, "fine"),
        lambda: store.revisions(name),
        lambda: store.load_revision(name, 1),
    ):
        with pytest.raises(UnsafeName):
            call()
    # Nothing was written anywhere near or outside the store.
    assert store.list() == [] and store.trash() == []
    if not is_database(location):
        assert not (store.folder.parent / "etc").exists()
        assert [p.name for p in store.folder.glob("*.json")] == []


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("School uniforms: yes or no?", "school-uniforms-yes-or-no"),
        ("../../etc/passwd", "etc-passwd"),
        ("..", "untitled"),
        ("", "untitled"),
        ("   ", "untitled"),
        ("a\\b/c\x00d", "a-b-c-d"),
        ("Les bêtes noires", "les-betes-noires"),
        ("CON", "con-map"),
        ("nul", "nul-map"),
        ("Über_alles  --  ok", "uber-alles-ok"),
    ],
)
def test_slug_is_safe_and_readable(title: str, expected: str) -> None:
    assert slug(title) == expected
    assert check_name(slug(title)) == expected


def test_slug_of_a_long_or_non_latin_title_is_a_safe_name() -> None:
    long = slug("word " * 100)
    assert len(long) <= 80 and not long.endswith("-")
    assert check_name(slug("言論の自由" * 40))


def test_json_suffix_is_accepted_in_names(store: Store) -> None:
    store.save(small_map(), "uniforms", expected_revision=None)
    assert store.load("uniforms.json").title == "School uniforms"


# --- save, load, conflicts -------------------------------------------------------------------


def test_save_new_map_names_it_by_title_and_sets_revision(store: Store) -> None:
    saved = store.save(small_map(), expected_revision=None)
    assert saved.revision == 1
    assert saved.updated is not None and saved.created is not None
    assert store.load("school-uniforms") == saved
    assert [e.name for e in store.list()] == ["school-uniforms"]


def test_a_saved_map_is_a_readable_json_file(file_store: Store) -> None:
    saved = file_store.save(small_map(), expected_revision=None)
    path = file_store.folder / "school-uniforms.json"
    # Readable, diff-friendly JSON: exactly what the native format writes.
    assert path.read_text(encoding="utf-8") == native.dumps(saved)


def test_every_save_bumps_the_revision(store: Store) -> None:
    m = store.save(small_map(), "u", expected_revision=None)
    for n in range(2, 6):
        m = store.save(with_text(m, f"version {n}"), "u", expected_revision=m.revision)
        assert m.revision == n
    assert store.load("u").statements[0].text == "version 5"


def test_stale_save_raises_conflict_and_writes_nothing(store: Store) -> None:
    first = store.save(small_map(), "u", expected_revision=None)
    mine = store.load("u")
    theirs = store.save(with_text(first, "theirs"), "u", expected_revision=1)
    before = native.dumps(store.load("u"))
    with pytest.raises(Conflict) as info:
        store.save(with_text(mine, "mine"), "u", expected_revision=mine.revision)
    assert (info.value.expected, info.value.found) == (1, 2)
    assert "revision 1" in str(info.value) and "revision 2" in str(info.value)
    assert native.dumps(store.load("u")) == before
    assert store.load("u") == theirs


def test_saving_a_new_map_over_an_existing_one_is_a_conflict(store: Store) -> None:
    store.save(small_map(), "u", expected_revision=None)
    with pytest.raises(Conflict, match="already exists"):
        store.save(small_map(text="another"), "u", expected_revision=None)
    assert store.load("u").statements[0].text == "Uniforms should be required."


def test_saving_a_deleted_map_is_a_conflict(store: Store) -> None:
    m = store.save(small_map(), "u", expected_revision=None)
    store.delete("u")
    with pytest.raises(Conflict, match="deleted or renamed"):
        store.save(m, "u", expected_revision=m.revision)


def test_missing_map_raises_map_not_found(store: Store) -> None:
    with pytest.raises(MapNotFound):
        store.load("nope")
    with pytest.raises(MapNotFound):
        store.revisions("nope")
    with pytest.raises(MapNotFound):
        store.delete("nope")
    with pytest.raises(MapNotFound):
        store.rename("nope", "other")


def test_save_as_copies_under_a_new_name(store: Store) -> None:
    m = store.save(small_map(), "u", expected_revision=None)
    m = store.save(m, "u", expected_revision=1)
    copy = store.save_as(m, "u-copy")
    assert copy.revision == 1 and copy.id == "u-copy"
    assert store.load("u").revision == 2
    with pytest.raises(Conflict):
        store.save_as(m, "u")
    assert store.save_as(m, "Copy of u").id == "copy-of-u"  # ids are stricter than names
    assert store.save_as(m, "言論").id == "map"
    assert {e.name for e in store.list()} == {"u", "u-copy", "Copy of u", "言論"}


# --- revisions --------------------------------------------------------------------------------


def test_revisions_are_listed_loadable_and_bounded_by_keep(make_store: Callable[..., Store]) -> None:
    store = make_store(keep=3)
    m = store.save(small_map(text="v1"), "u", expected_revision=None)
    for n in range(2, 9):
        m = store.save(with_text(m, f"v{n}"), "u", expected_revision=m.revision)
    revs = store.revisions("u")
    assert [e.revision for e in revs] == [8, 7, 6, 5]  # the current one plus `keep` past ones
    assert all(isinstance(e, Entry) and e.title == "School uniforms" and e.size > 0 for e in revs)
    for rev in (5, 6, 7, 8):
        assert store.load_revision("u", rev).statements[0].text == f"v{rev}"
    with pytest.raises(MapNotFound):
        store.load_revision("u", 4)


def test_keep_zero_keeps_no_past_revisions(make_store: Callable[..., Store]) -> None:
    store = make_store(keep=0)
    m = store.save(small_map(), "u", expected_revision=None)
    store.save(m, "u", expected_revision=1)
    assert [e.revision for e in store.revisions("u")] == [2]


def test_restore_is_a_new_save_and_checks_the_revision(store: Store) -> None:
    m = store.save(small_map(text="v1"), "u", expected_revision=None)
    m = store.save(with_text(m, "v2"), "u", expected_revision=1)
    with pytest.raises(Conflict):
        store.restore("u", 1, expected_revision=1)
    back = store.restore("u", 1, expected_revision=2)
    assert back.revision == 3 and back.statements[0].text == "v1"
    assert store.load_revision("u", 2).statements[0].text == "v2"


# --- rename, delete, undelete -----------------------------------------------------------------


def test_rename_moves_the_map_and_its_revisions(store: Store) -> None:
    m = store.save(small_map(), "u", expected_revision=None)
    store.save(m, "u", expected_revision=1)
    store.rename("u", "uniforms")
    assert not store.exists("u")
    assert store.load("uniforms").revision == 2
    assert [e.revision for e in store.revisions("uniforms")] == [2, 1]
    store.save(small_map(), "other", expected_revision=None)
    with pytest.raises(Conflict):
        store.rename("uniforms", "other")
    assert store.load("other").revision == 1 and store.load("uniforms").revision == 2


def test_delete_is_recoverable(store: Store) -> None:
    m = store.save(small_map(text="v1"), "u", expected_revision=None)
    store.save(with_text(m, "v2"), "u", expected_revision=1)
    store.delete("u")
    assert [e.name for e in store.list()] == []
    assert [e.name for e in store.trash()] == ["u"]
    back = store.undelete("u")
    assert back.revision == 2 and back.statements[0].text == "v2"
    assert store.load_revision("u", 1).statements[0].text == "v1"
    assert store.trash() == []
    with pytest.raises(MapNotFound):
        store.undelete("u")


def test_undelete_refuses_to_overwrite_a_new_map_of_that_name(store: Store) -> None:
    store.save(small_map(text="old"), "u", expected_revision=None)
    store.delete("u")
    store.save(small_map(text="new"), "u", expected_revision=None)
    with pytest.raises(Conflict):
        store.undelete("u")
    assert store.load("u").statements[0].text == "new"
    store.delete("u")
    assert store.undelete("u").statements[0].text == "new"  # the latest deletion comes back first
    store.delete("u")
    assert [e.name for e in store.trash()] == ["u"]


# --- list and corrupt files -------------------------------------------------------------------


def test_list_shows_title_revision_updated_size(store: Store) -> None:
    assert store.list() == []
    store.save(small_map("B map"), expected_revision=None)
    a = store.save(small_map("A map"), expected_revision=None)
    store.save(a, expected_revision=1)
    entries = store.list()
    assert [(e.name, e.title, e.revision) for e in entries] == [("a-map", "A map", 2), ("b-map", "B map", 1)]
    assert entries[0].size == len(native.dumps(store.load("a-map")).encode("utf-8"))
    assert entries[0].updated is not None and entries[0].error is None


def test_a_corrupt_file_is_listed_and_never_overwritten(file_store: Store) -> None:
    store = file_store
    store.save(small_map(), "good", expected_revision=None)
    bad = store.folder / "bad.json"
    bad.write_text('{"revision": 3, "title": "half a fi', encoding="utf-8")
    (store.folder / "invalid.json").write_text('{"id": "x", "statements": [{"id": "s1"}]}', encoding="utf-8")
    entries = {e.name: e for e in store.list()}
    assert entries["good"].error is None
    assert entries["bad"].title.startswith("(unreadable: ") and entries["bad"].error
    assert entries["invalid"].title.startswith("(unreadable: ")
    with pytest.raises(FormatError):
        store.load("bad")
    with pytest.raises(StoreError, match="unreadable"):
        store.save(small_map(), "bad", expected_revision=3)
    with pytest.raises(Conflict):
        store.save(small_map(), "bad", expected_revision=None)
    assert bad.read_text(encoding="utf-8") == '{"revision": 3, "title": "half a fi'
    store.delete("bad")  # the way out: it goes to the trash, still recoverable by hand
    assert (store.folder / ".trash" / "bad").is_dir()


def test_list_ignores_temp_files_and_folders(file_store: Store) -> None:
    store = file_store
    store.save(small_map(), "u", expected_revision=None)
    (store.folder / ".u.json.abc.tmp").write_text("{", encoding="utf-8")
    (store.folder / "dir.json").mkdir()
    assert [e.name for e in store.list()] == ["u"]


# --- import -------------------------------------------------------------------------------------


def test_import_names_the_map_after_its_title_and_never_overwrites(store: Store) -> None:
    first = store.import_file(EXAMPLE)
    assert first.revision == 1 and first.title == "Democrats selling voter data to retailers?"
    second = store.import_file(EXAMPLE, fmt="json")
    assert [e.name for e in store.list()] == [
        "democrats-selling-voter-data-to-retailers",
        "democrats-selling-voter-data-to-retailers-2",
    ]
    assert second.statements == first.statements
    original = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert first.statements == original.statements and first.evidence == original.evidence


def test_import_of_a_bad_file_raises_and_saves_nothing(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(FormatError):
        store.import_file(bad)
    unknown = tmp_path / "x.unknownsuffix"
    unknown.write_text("hello", encoding="utf-8")
    with pytest.raises(FormatError):
        store.import_file(unknown)
    assert store.list() == []


def test_import_reads_binary_and_text_formats_alike(store: Store, tmp_path: Path) -> None:
    from argmap.formats import FORMATS

    original = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    zipped = tmp_path / "example.zip"
    zipped.write_bytes(FORMATS["csv"].dumps(original))  # a binary format (a zip of CSV tables)
    kialo = tmp_path / "example.txt"
    kialo.write_text(FORMATS["kialo"].dumps(original), encoding="utf-8")
    from_zip = store.import_file(zipped)
    from_kialo = store.import_file(kialo)
    assert [s.text for s in from_zip.statements] == [s.text for s in original.statements]
    assert len(from_kialo.statements) >= len(original.statements)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Discussion Title: caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputError, match="line 1.*not UTF-8"):
        store.import_file(latin1)
    assert len(store.list()) == 2


# --- crashes ----------------------------------------------------------------------------------


def _save_slowly(location: str, stall: str, nth: int, flag: str) -> None:
    """Child: make the ``nth`` call of ``os.<stall>`` hang (after flagging) so the parent can SIGKILL us.

    On PostgreSQL the stall is inside the save's transaction, after its UPDATE and before its commit.
    """
    if is_database(location):
        from argmap.storage import postgres

        target, attr = postgres.PostgresStore, "_notify"
    else:
        target, attr = os, stall
    real = getattr(target, attr)
    calls = [0]

    def hang(*args: object) -> None:
        calls[0] += 1
        if calls[0] == nth:
            Path(flag).write_text("stalled", encoding="utf-8")
            time.sleep(60)
        real(*args)

    setattr(target, attr, hang)
    store = open_store(location, keep=5)
    current = store.load("u")
    store.save(with_text(current, "half-saved"), "u", expected_revision=current.revision)


# A save writes the replaced revision's copy, then the map: fsync #1 is the copy's data, #2 its
# folder, #3 the new map's data (before its replace, #2 of os.replace), #4 the store folder.
# On PostgreSQL a save is one transaction: the writer dies after its UPDATE, before its commit.
@pytest.mark.parametrize(
    ("location", "stall", "nth"),
    [
        ("files", "fsync", 1),
        ("files", "fsync", 2),
        ("files", "fsync", 3),
        ("files", "replace", 1),
        ("files", "replace", 2),
        ("postgresql", "commit", 1),
    ],
    ids=["copy-data", "copy-folder", "map-data", "copy-replace", "map-replace", "postgresql-before-commit"],
    indirect=["location"],
)
def test_sigkill_mid_save_leaves_the_previous_revision(
    location: str, tmp_path: Path, stall: str, nth: int
) -> None:
    store = open_store(location, keep=5)
    m = store.save(small_map(text="v1"), "u", expected_revision=None)
    m = store.save(with_text(m, "v2"), "u", expected_revision=1)
    flag = tmp_path / "flag"
    child = mp.get_context("fork").Process(target=_save_slowly, args=(location, stall, nth, str(flag)))
    child.start()
    deadline = time.monotonic() + 30
    while not flag.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert flag.exists(), "the child never reached the stalled call"
    os.kill(child.pid, signal.SIGKILL)
    child.join()
    assert child.exitcode == -signal.SIGKILL
    if not is_database(location):
        json.loads((store.folder / "u.json").read_text(encoding="utf-8"))
    after = store.load("u")
    assert after == m and after.statements[0].text == "v2"
    assert [e.name for e in store.list()] == ["u"]
    assert [e.revision for e in store.revisions("u")] == [2, 1]
    # The dead process's lock is gone with it, and its temp file is swept on the next save.
    again = store.save(with_text(after, "v3"), "u", expected_revision=2)
    assert again.revision == 3
    if not is_database(location):
        assert list(store.folder.rglob(".*.tmp")) == []
    assert store.load_revision("u", 2).statements[0].text == "v2"


# --- concurrency ------------------------------------------------------------------------------

WRITERS = 30
ATTEMPTS = 4


def _writer(location: str, who: int, start: mp.synchronize.Event, results: mp.Queue) -> None:
    """Child: load, edit, save with the loaded revision; report each landed revision or conflict."""
    store = open_store(location, keep=WRITERS * ATTEMPTS + 5)
    start.wait()
    for attempt in range(ATTEMPTS):
        current = store.load("u")
        marker = f"writer {who} attempt {attempt}"
        try:
            saved = store.save(with_text(current, marker), "u", expected_revision=current.revision)
            results.put(("landed", saved.revision, marker))
        except Conflict as err:
            results.put(("conflict", err.found, marker))
        except Exception as err:  # reported, so the parent fails fast and says why
            results.put(("error", repr(err), marker))


def _reader(location: str, stop: mp.synchronize.Event, results: mp.Queue) -> None:
    """Child: load the map as fast as it can; report how many reads parsed and how many failed."""
    store = open_store(location)
    good = bad = 0
    while not stop.is_set():
        try:
            good += store.load("u").revision > 0
        except (ArgmapError, OSError) as err:
            bad += 1
            results.put(("bad", repr(err)))
    results.put(("reads", good, bad))


def test_thirty_processes_saving_at_once_lose_nothing(location: str) -> None:
    ctx = mp.get_context("fork")
    store = open_store(location, keep=WRITERS * ATTEMPTS + 5)
    store.save(small_map(text="v1"), "u", expected_revision=None)
    start, stop = ctx.Event(), ctx.Event()
    results: mp.Queue = ctx.Queue()
    reads: mp.Queue = ctx.Queue()
    reader = ctx.Process(target=_reader, args=(location, stop, reads))
    writers = [ctx.Process(target=_writer, args=(location, n, start, results)) for n in range(WRITERS)]
    reader.start()
    for w in writers:
        w.start()
    start.set()
    outcomes = [results.get(timeout=120) for _ in range(WRITERS * ATTEMPTS)]
    for w in writers:
        w.join(timeout=60)
        assert w.exitcode == 0
    stop.set()
    read_reports = []
    while True:
        item = reads.get(timeout=60)
        read_reports.append(item)
        if item[0] == "reads":
            break
    reader.join(timeout=60)

    landed = [(rev, marker) for kind, rev, marker in outcomes if kind == "landed"]
    conflicts = [o for o in outcomes if o[0] == "conflict"]
    assert [o for o in outcomes if o[0] == "error"] == []
    assert len(landed) + len(conflicts) == WRITERS * ATTEMPTS
    assert landed, "no save landed"
    final = store.load("u")
    assert final.revision == 1 + len(landed)
    # Each landed save got its own revision, and that revision holds exactly its edit.
    assert sorted(rev for rev, _ in landed) == list(range(2, 2 + len(landed)))
    for rev, marker in landed:
        assert store.load_revision("u", rev).statements[0].text == marker
    _, good, bad = read_reports[-1]
    assert bad == 0, read_reports[:-1]
    assert good > 0
    if not is_database(location):
        assert list(store.folder.glob(".*.tmp")) == []


def test_threads_in_one_process_serialize_too(make_store: Callable[..., Store]) -> None:
    # The app serves every browser session from threads of one process: the guard must hold there too.
    import threading

    store = make_store(keep=500)
    store.save(small_map(), "u", expected_revision=None)
    landed: list[tuple[int, str]] = []
    errors: list[BaseException] = []

    def work(who: int) -> None:
        for attempt in range(10):
            current = store.load("u")
            marker = f"thread {who} attempt {attempt}"
            try:
                saved = store.save(with_text(current, marker), "u", expected_revision=current.revision)
                landed.append((saved.revision, marker))
            except Conflict:
                pass
            except BaseException as err:  # noqa: BLE001 - collected and asserted below
                errors.append(err)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.load("u").revision == 1 + len(landed)
    for rev, marker in landed:
        assert store.load_revision("u", rev).statements[0].text == marker


def test_a_stuck_lock_times_out_with_a_clear_error(
    file_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    store = file_store
    from argmap.storage import store as store_module

    m = store.save(small_map(), "u", expected_revision=None)
    monkeypatch.setattr(store_module, "_LOCK_TIMEOUT", 0.2)
    lock = store.folder / ".revisions" / ".locks" / "u.lock"
    with open(lock, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(StoreError, match="being saved by another process"):
            store.save(m, "u", expected_revision=1)
    assert store.save(m, "u", expected_revision=1).revision == 2


def test_saved_files_are_readable_by_others(file_store: Store) -> None:
    store = file_store
    store.save(small_map(), "u", expected_revision=None)
    umask = os.umask(0o022)
    os.umask(umask)
    assert (store.folder / "u.json").stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_map_edited_by_hand_with_a_byte_order_mark_still_loads(file_store: Store) -> None:
    store = file_store
    m = store.save(small_map(), "u", expected_revision=None)
    path = store.folder / "u.json"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert store.load("u") == m
    assert [e.error for e in store.list()] == [None]
    assert store.save(m, "u", expected_revision=1).revision == 2
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
