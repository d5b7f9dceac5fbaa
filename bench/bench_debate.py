"""A debate on one map: N debaters (processes) each make 50 random edits and save through the store.

Each debater works as a person in the app would: it holds the revision it last saw, makes one edit
(an objection, a reason, new words for a statement, a rating, a comment, removing a statement of its
own), and saves with ``Store.save_merging``. When the store moved on, the save merges; when the merge
meets a conflict, the debater settles each one (mine or theirs, at random, as a person would click)
and saves again. Edits aim at the map's first dozen statements, so people do collide.

Then it checks the end state against what every debater was told: every addition that was saved is
in the map (unless it hung on something its owner removed); every statement's words are those of
the last save that set them; every conflict met was on an element that debater had changed itself.
Prints the figures; asserts nothing. Run: ``.venv/bin/python bench/bench_debate.py [N ...]``.
"""

from __future__ import annotations

import multiprocessing as mp
import random
import statistics
import sys
import tempfile
import time
from contextlib import suppress
from pathlib import Path
from typing import Any

from argmap.edit import comments
from argmap.edit import operations as edit
from argmap.edit.merge import merge, resolve
from argmap.errors import EditError, StoreError
from argmap.formats import native
from argmap.model import ArgumentMap, Inference, Statement
from argmap.storage.store import Store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"
EDITS = 50
NAME = "debate"
HOT = 12  # edits aim at the first HOT statements: the part of a map everyone argues about


def _ids(amap: ArgumentMap) -> set[str]:
    return amap.ids() | {c.id for c in amap.comments}


def _by_id(amap: ArgumentMap) -> dict[str, Any]:
    return {
        e.id: e for e in (*amap.statements, *amap.inferences, *amap.attacks, *amap.evidence, *amap.comments)
    }


def _refs(amap: ArgumentMap, eid: str) -> tuple[str, ...]:
    """The ids an element hangs on (what removing would take it with it)."""
    for i in amap.inferences:
        if i.id == eid:
            return (*i.premises, i.conclusion)
    for a in amap.attacks:
        if a.id == eid:
            return (a.source, a.target)
    for c in amap.comments:
        if c.id == eid:
            return (c.target,)
    return ()


def one_edit(amap: ArgumentMap, rng: random.Random, me: str, mine: list[str]) -> tuple[ArgumentMap, str]:
    """A random edit by ``me``; returns the new map and what kind of edit it was."""
    hot = [s.id for s in amap.statements[:HOT]]
    everyone = [s.id for s in amap.statements]
    roll = rng.random()
    try:
        if roll < 0.35:
            return edit.add_attack(
                amap, rng.choice(hot + everyone[-5:]), f"{me} objects {rng.random():.4f}", author=me
            )[0], "objection"
        if roll < 0.55:
            return edit.add_premise(
                amap, rng.choice(hot), f"{me} gives a reason {rng.random():.4f}", author=me
            )[0], "reason"
        if roll < 0.75:
            return edit.edit_text(amap, rng.choice(hot), f"{me} rewords {rng.random():.4f}"), "words"
        if roll < 0.85:
            return edit.rate(
                amap, rng.choice(hot), rng.choice(["accepted", "doubtful", "rejected"])
            ), "rating"
        if roll < 0.95:
            return comments.add_comment(amap, rng.choice(hot), f"{me} asks {rng.random():.4f}", author=me)[
                0
            ], "comment"
        own = [sid for sid in mine if sid in amap.ids()]
        if own:
            return edit.remove(amap, rng.choice(own)), "removal"
    except EditError:
        pass
    return edit.add_statement(amap, f"{me} notes {rng.random():.4f}", author=me)[0], "statement"


def debater(folder: str, me: str, seed: int, start: Any, out: Any) -> None:
    store = Store(folder)
    rng = random.Random(seed)
    start.wait()
    base = store.load(NAME)
    added: dict[str, tuple[str, ...]] = {}  # id -> the ids it hangs on
    removed: list[str] = []
    words: list[tuple[str, str, int]] = []  # (statement, text, revision that saved it)
    own_statements: list[str] = []
    conflicts: list[tuple[str, str, bool]] = []  # (reason, key, on something I changed)
    saves = merges = retries = busy = 0
    times: list[float] = []
    for _ in range(EDITS):
        time.sleep(rng.random() * 0.004)
        mine, kind = one_edit(base, rng, me, own_statements)
        new_ids = _ids(mine) - _ids(base)
        before = _by_id(base)
        touched = {k for k, e in _by_id(mine).items() if before.get(k) != e}
        gone = _ids(base) - _ids(mine)
        texts = {
            s.id: s.text
            for s in mine.statements
            if s.id in base.ids() and s.text != base.statement(s.id).text
        }
        renamed: dict[str, str] = {}
        attempt_base = base
        while True:
            t = time.perf_counter()
            try:
                result = store.save_merging(mine, NAME, base=attempt_base, author=me)
            except StoreError:  # the lock was busy past its timeout: a person would press Save again
                busy += 1
                continue
            finally:
                times.append(time.perf_counter() - t)
            if result.merged is not None:
                merges += 1
                renamed.update(result.merged.renamed)
            if result.saved:
                break
            retries += 1
            merged = result.merged
            assert merged is not None and result.theirs is not None
            for c in merged.conflicts:
                mine_key = {v: k for k, v in renamed.items()}.get(c.key, c.key)
                conflicts.append(
                    (c.reason, c.key, mine_key in touched | gone | new_ids or c.reason == "deleted but used")
                )
                side = rng.choice(["mine", "theirs"])
                if c.key in texts and side == "theirs":
                    texts.pop(c.key)  # my words overruled by my own choice: not a lost edit
                if c.key in gone and side == "theirs":
                    gone.discard(c.key)
                with suppress(EditError):  # that side no longer fits: the other stays
                    merged = resolve(merged, c.key, side)  # type: ignore[arg-type]
            mine, attempt_base = merged.map, result.theirs
        saves += 1
        saved = result.map
        for eid in new_ids:
            final_id = renamed.get(eid, eid)
            if final_id in _ids(saved):
                added[final_id] = _refs(saved, final_id)
                if (
                    kind in ("objection", "reason", "statement")
                    and final_id in saved.ids()
                    and final_id.startswith("s")
                ):
                    own_statements.append(final_id)
        removed.extend(g for g in gone if g not in _ids(saved))
        for sid, text in texts.items():
            if sid in saved.ids() and saved.statement(sid).text == text:
                words.append((sid, text, saved.revision))
        base = saved
    out.put(
        {
            "me": me,
            "added": added,
            "removed": removed,
            "words": words,
            "conflicts": conflicts,
            "saves": saves,
            "merges": merges,
            "retries": retries,
            "busy": busy,
            "times": times,
        }
    )


def verify(final: ArgumentMap, reports: list[dict[str, Any]]) -> dict[str, int]:
    """What the end state owes everyone: each count should be 0 but 'additions'."""
    present = _ids(final)
    removed = {r for rep in reports for r in rep["removed"]}
    refs = {eid: hangs for rep in reports for eid, hangs in rep["added"].items()}

    def explained(eid: str, seen: frozenset[str] = frozenset()) -> bool:
        if eid in removed:
            return True
        return any(
            h in removed or (h in refs and h not in seen and explained(h, seen | {eid}))
            for h in refs.get(eid, ())
        )

    lost_additions = [eid for eid in refs if eid not in present and not explained(eid)]
    last: dict[str, tuple[int, str]] = {}
    for rep in reports:
        for sid, text, rev in rep["words"]:
            if sid not in last or rev > last[sid][0]:
                last[sid] = (rev, text)
    lost_words = [
        sid for sid, (_, text) in last.items() if sid in final.ids() and final.statement(sid).text != text
    ]
    stray = [c for rep in reports for c in rep["conflicts"] if not c[2]]
    return {
        "additions": len(refs),
        "lost additions": len(lost_additions),
        "lost word edits": len(lost_words),
        "conflicts not on own edits": len(stray),
    }


def run(n: int) -> None:
    amap = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = str(Path(tmp) / "arguments")
        Store(folder).save(
            ArgumentMap.model_validate({**amap.model_dump(), "revision": 0}), NAME, expected_revision=None
        )
        ctx = mp.get_context("fork")
        start, out = ctx.Event(), ctx.Queue()
        procs = [
            ctx.Process(target=debater, args=(folder, f"d{k:02}", 1000 + k, start, out)) for k in range(n)
        ]
        for p in procs:
            p.start()
        t = time.perf_counter()
        start.set()
        reports = [out.get() for _ in procs]
        wall = time.perf_counter() - t
        for p in procs:
            p.join()
        final = Store(folder).load(NAME)
    figures = verify(final, reports)
    times = sorted(x for r in reports for x in r["times"])
    reasons: dict[str, int] = {}
    for r in reports:
        for reason, _, _ in r["conflicts"]:
            reasons[reason] = reasons.get(reason, 0) + 1
    saves = sum(r["saves"] for r in reports)
    merges = sum(r["merges"] for r in reports)
    retries = sum(r["retries"] for r in reports)
    busy = sum(r["busy"] for r in reports)
    p95 = times[int(len(times) * 0.95)]
    met = ", ".join(f"{k} {v}" for k, v in sorted(reasons.items())) or "none"
    print(
        f"N = {n:2} debaters x {EDITS} edits: {wall:6.1f} s wall, final revision {final.revision}, ", end=""
    )
    print(f"{len(final.statements)} statements, {len(final.comments)} comments")
    print(
        f"   saves {saves}, merged with others' work {merges}, saved again after settling conflicts {retries}"
    )
    print(f"   saves pressed again because the store was busy past the lock's 30 s: {busy}")
    print(f"   save time: median {statistics.median(times) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, ", end="")
    print(f"worst {times[-1] * 1000:.0f} ms")
    print(f"   conflicts met: {sum(reasons.values())} ({met})")
    print("   " + ", ".join(f"{k} {v}" for k, v in figures.items()))


def big_map(n: int = 500) -> ArgumentMap:
    """A tree of ``n`` statements: each supports or attacks an earlier one."""
    rng = random.Random(7)
    statements = [
        Statement(id=f"s{k}", text=f"Statement number {k} of the big debate") for k in range(1, n + 1)
    ]
    inferences = [
        Inference(id=f"i{k}", premises=(f"s{k}",), conclusion=f"s{rng.randint(1, k - 1)}")
        for k in range(2, n + 1)
    ]
    return ArgumentMap(
        id="big", title="Big", statements=tuple(statements), inferences=tuple(inferences), revision=1
    )


def merge_time() -> None:
    rng = random.Random(3)
    base = big_map()
    sides = []
    for who in ("ann", "bob"):
        amap = base
        for _ in range(20):
            amap, _ = one_edit(amap, rng, who, [])
        sides.append(amap)
    runs = []
    for _ in range(20):
        t = time.perf_counter()
        merged = merge(base, *sides)
        runs.append(time.perf_counter() - t)
    print(f"merge of two 20-edit versions of a {len(base.statements)}-statement map: ", end="")
    print(f"median {statistics.median(runs) * 1000:.1f} ms, worst {max(runs) * 1000:.1f} ms ", end="")
    print(f"({len(merged.conflicts)} conflicts)")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "a")
        stored = store.save(
            ArgumentMap.model_validate({**base.model_dump(), "revision": 0}), "big", expected_revision=None
        )
        theirs_edit = store.save(
            edit.add_statement(stored, "theirs")[0], "big", expected_revision=stored.revision
        )
        t = time.perf_counter()
        store.save_merging(edit.add_statement(stored, "mine")[0], "big", base=stored, author="ann")
        took = (time.perf_counter() - t) * 1000
        print(
            f"save_merging on it (read, merge, validate, write) after revision {theirs_edit.revision}: ",
            end="",
        )
        print(f"{took:.0f} ms")


def main() -> None:
    ns = [int(a) for a in sys.argv[1:]] or [2, 10, 30]
    merge_time()
    for n in ns:
        run(n)


if __name__ == "__main__":
    main()
