"""How fast the arguments/ store is: save, load, list, and many processes saving one map at once.

Figures on the example map (about 17 KB of JSON) in a temporary folder. Every save fsyncs the file
and the folder, so the disk, not Python, sets the pace. Prints the figures; asserts nothing.
Run: ``.venv/bin/python bench/bench_store.py``.
"""

from __future__ import annotations

import multiprocessing as mp
import statistics
import tempfile
import time
from pathlib import Path

from argmap.errors import Conflict
from argmap.formats import native
from argmap.storage.store import Store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"
WRITERS = 30
ATTEMPTS = 10


def ms(xs: list[float]) -> str:
    return f"median {statistics.median(xs) * 1000:7.2f} ms   worst {max(xs) * 1000:7.2f} ms"


def writer(folder: str, start: mp.synchronize.Event, out: mp.Queue) -> None:
    store = Store(folder, keep=1000)
    start.wait()
    landed = conflicts = 0
    for _ in range(ATTEMPTS):
        amap = store.load("voter-data")
        try:
            store.save(amap, "voter-data", expected_revision=amap.revision)
            landed += 1
        except Conflict:
            conflicts += 1
    out.put((landed, conflicts))


def main() -> None:
    amap = native.loads(EXAMPLE.read_text(encoding="utf-8")).model_copy(update={"revision": 0})
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "arguments", keep=20)
        saved = store.save(amap, "voter-data", expected_revision=None)
        saves, loads = [], []
        for _ in range(100):
            t = time.perf_counter()
            saved = store.save(saved, "voter-data", expected_revision=saved.revision)
            saves.append(time.perf_counter() - t)
            t = time.perf_counter()
            store.load("voter-data")
            loads.append(time.perf_counter() - t)
        print(f"save (fsync, revision kept, pruned to 20): {ms(saves)}")
        print(f"load (parse + validate):                   {ms(loads)}")
        for n in range(99):
            store.save(amap, f"map-{n:03}", expected_revision=None)
        t = time.perf_counter()
        entries = store.list()
        took = (time.perf_counter() - t) * 1000
        print(f"list of {len(entries)} maps:                          {took:7.2f} ms")

        ctx = mp.get_context("fork")
        start, out = ctx.Event(), ctx.Queue()
        procs = [ctx.Process(target=writer, args=(str(store.folder), start, out)) for _ in range(WRITERS)]
        for p in procs:
            p.start()
        t = time.perf_counter()
        start.set()
        results = [out.get(timeout=300) for _ in procs]
        elapsed = time.perf_counter() - t
        for p in procs:
            p.join()
        landed = sum(r[0] for r in results)
        conflicts = sum(r[1] for r in results)
        final = store.load("voter-data").revision
        print(
            f"{WRITERS} processes x {ATTEMPTS} load+save: {landed} landed, {conflicts} conflicts, "
            f"{elapsed:.2f} s ({landed / elapsed:.0f} landed saves/s); revision went "
            f"{saved.revision} -> {final} (lost: {saved.revision + landed - final})"
        )


if __name__ == "__main__":
    main()
