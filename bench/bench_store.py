"""How fast the store is, on files and on PostgreSQL, side by side: save, load, list with 1,000 maps, and
50 editors in 2 app processes saving one map at once, two ways: each adding a statement and saving with the
three-way merge (``save_merging``: nothing to retry), and each rewriting the same statement with a plain
save (every conflict reloaded and retried, as a person would). Lost updates are counted in both.

The file store fsyncs every save; the PostgreSQL server (started here in a temporary folder, as the tests do)
keeps its durable defaults (fsync on, synchronous commit). Prints the figures; asserts nothing.
Run: ``.venv/bin/python bench/bench_store.py``.
"""

from __future__ import annotations

import multiprocessing as mp
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from argmap.errors import Conflict
from argmap.formats import native
from argmap.model import ArgumentMap
from argmap.storage.location import open_store
from argmap.storage.store import Store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"
sys.path.insert(0, str(ROOT / "tests" / "support"))
from postgres_server import postgres_server  # noqa: E402

MAPS = 1000
PROCESSES = 2
EDITORS = 25  # threads per process, as an app process serves its sessions
EDITS = 4


def ms(xs: list[float]) -> str:
    return f"{statistics.median(xs) * 1000:7.2f} ms"


def with_text(amap: ArgumentMap, text: str) -> ArgumentMap:
    data = amap.model_dump()
    data["statements"][0]["text"] = text
    return ArgumentMap.model_validate(data)


def latencies(store: Store, amap: ArgumentMap) -> dict[str, str]:
    for n in range(MAPS):
        store.save(amap, f"map-{n:04}", expected_revision=None)
    saved = store.load("map-0500")
    saves, loads, lists = [], [], []
    for k in range(50):
        t = time.perf_counter()
        saved = store.save(with_text(saved, f"v{k}"), "map-0500", expected_revision=saved.revision)
        saves.append(time.perf_counter() - t)
        t = time.perf_counter()
        store.load(f"map-{k * 7:04}")
        loads.append(time.perf_counter() - t)
    for _ in range(5):
        t = time.perf_counter()
        assert len(store.list()) == MAPS
        lists.append(time.perf_counter() - t)
    return {"save": ms(saves), "load": ms(loads), f"list of {MAPS}": ms(lists)}


def in_threads(editor: Callable[[int], None]) -> None:
    """Run ``editor(0..EDITORS-1)`` in threads, as one app process serves its sessions; wait for all."""
    threads = [threading.Thread(target=editor, args=(e,)) for e in range(EDITORS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def in_processes(target: Callable[..., None], location: str) -> tuple[list[Any], float]:
    """Start ``PROCESSES`` app processes running ``target`` at once; their reports and the seconds taken."""
    ctx = mp.get_context("fork")
    start, out = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=target, args=(location, n, start, out)) for n in range(PROCESSES)]
    for p in procs:
        p.start()
    t = time.perf_counter()
    start.set()
    results = [out.get(timeout=600) for _ in procs]
    elapsed = time.perf_counter() - t
    for p in procs:
        p.join()
    return results, elapsed


def merging_process(location: str, who: int, start: mp.synchronize.Event, out: mp.Queue) -> None:
    from argmap.edit.operations import add_statement

    store = open_store(location, keep=1000)
    added: list[str] = []
    unsaved = [0]

    def editor(e: int) -> None:
        for k in range(EDITS):
            base = store.load("merged-debate")
            marker = f"process {who} editor {e} adds point {k}."
            result = store.save_merging(
                add_statement(base, marker)[0], "merged-debate", base=base, author=f"e{who}.{e}"
            )
            if result.saved:
                added.append(marker)
            else:
                unsaved[0] += 1

    start.wait()
    in_threads(editor)
    out.put((added, unsaved[0]))


def merging(location: str, amap: ArgumentMap) -> str:
    store = open_store(location, keep=1000)
    store.save(amap, "merged-debate", expected_revision=None)
    results, elapsed = in_processes(merging_process, location)
    added = [m for r in results for m in r[0]]
    unsaved = sum(r[1] for r in results)
    texts = {s.text for s in store.load("merged-debate").statements}
    lost = sum(m not in texts for m in added)
    return (
        f"{len(added)} additions saved ({PROCESSES * EDITORS * EDITS} made), {unsaved} left unsaved, "
        f"{elapsed:.1f} s, lost {lost}"
    )


def app_process(location: str, who: int, start: mp.synchronize.Event, out: mp.Queue) -> None:
    store = open_store(location, keep=1000)
    landed: list[tuple[int, str]] = []
    conflicts = [0]

    def editor(e: int) -> None:
        for k in range(EDITS):
            marker = f"process {who} editor {e} edit {k}"
            while True:
                current = store.load("debate")
                try:
                    saved = store.save(
                        with_text(current, marker), "debate", expected_revision=current.revision
                    )
                    landed.append((saved.revision, marker))
                    break
                except Conflict:
                    conflicts[0] += 1

    start.wait()
    in_threads(editor)
    out.put((landed, conflicts[0]))


def editors(location: str, amap: ArgumentMap) -> str:
    store = open_store(location, keep=1000)
    store.save(amap, "debate", expected_revision=None)
    results, elapsed = in_processes(app_process, location)
    landed = [x for r in results for x in r[0]]
    conflicts = sum(r[1] for r in results)
    final = store.load("debate").revision
    lost = sum(store.load_revision("debate", rev).statements[0].text != marker for rev, marker in landed)
    lost += (1 + len(landed)) - final
    return (
        f"{len(landed)} edits landed ({PROCESSES * EDITORS * EDITS} made), {conflicts} conflicts retried, "
        f"{elapsed:.1f} s, lost {lost}"
    )


def main() -> None:
    amap = native.loads(EXAMPLE.read_text(encoding="utf-8")).model_copy(update={"revision": 0})
    rows: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as tmp, postgres_server(durable=True) as url:
        for backend, location in (("files", str(Path(tmp) / "arguments")), ("postgresql", url)):
            store = open_store(location, keep=20)
            rows[backend] = latencies(store, amap)
            rows[backend][f"{PROCESSES * EDITORS} adding, merged, {PROCESSES} processes"] = merging(
                location, amap
            )
            rows[backend][f"{PROCESSES * EDITORS} rewriting one text, {PROCESSES} processes"] = editors(
                location, amap
            )
    print(f"store benchmark: example map ({len(native.dumps(amap)) // 1024} KB of JSON), medians")
    for what in rows["files"]:
        if "processes" in what:
            print(f"  {what}:")
            for backend, figures in rows.items():
                print(f"    {backend + ':':12} {figures[what]}")
        else:
            print(f"  {what:28} files: {rows['files'][what]:>10}   postgresql: {rows['postgresql'][what]}")


if __name__ == "__main__":
    main()
