"""How often the reasoning checks fire: findings per text on the seed pieces and the microtexts.

On a shared, busy machine the CPU time (printed beside the wall clock) is the steadier figure.
Each text is drafted with ``argmap.extractor`` and checked with ``argmap.analysis.checks.check``. Prints,
per corpus: texts, mean findings per text (all / warning+ / error), the share of texts with at
least one warning, the mean per check, and the median time of ``check`` per text. Checks are cues
for a reader, so a low warning rate on short, plain student texts (the microtexts) is the goal.
The corpus is read at run time from ../shared/corpora/arg-microtexts-en or $ARGMAP_CORPUS.
"""

from __future__ import annotations

import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from argmap.analysis.audit import audit, statement_of
from argmap.analysis.checks import CHECKS, check
from argmap.analysis.evaluation import evaluation
from argmap.extractor import extract
from argmap.extractor.scoring import corpus_dir
from argmap.model import (
    MAX_SOURCE_CHARS,
    MAX_STATEMENTS,
    ArgumentMap,
    Attack,
    Evidence,
    Inference,
    Source,
    Span,
    Statement,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench_app.build: the 500-node map


def measure(name: str, paths: list[Path]) -> None:
    per_text, warned, errors, seconds, cpu = [], 0, 0, [], []
    by_check: Counter[str] = Counter()
    by_check_warn: Counter[str] = Counter()
    for p in paths:
        amap = extract(p.read_text(encoding="utf-8"))
        t0, c0 = time.perf_counter(), time.process_time()
        found = check(amap)
        seconds.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        per_text.append(len(found))
        warn = [f for f in found if f.severity != "info"]
        warned += bool(warn)
        errors += sum(f.severity == "error" for f in found)
        by_check.update(f.check for f in found)
        by_check_warn.update(f.check for f in warn)
    n = len(paths)
    warn_total = sum(by_check_warn.values())
    print(f"\n== {name}: {n} texts")
    print(
        f"findings per text: mean {sum(per_text) / n:.2f}, median {statistics.median(per_text):.1f}, "
        f"max {max(per_text)}"
    )
    print(
        f"warnings+errors per text: mean {warn_total / n:.2f}; texts with a warning: {warned / n:.0%}; "
        f"errors: {errors}"
    )
    print(
        f"check() time per text: median {statistics.median(seconds) * 1000:.1f} ms, "
        f"max {max(seconds) * 1000:.1f} ms; CPU median {statistics.median(cpu) * 1000:.1f} ms"
    )
    print(f"{'check':32} {'per text':>8} {'warn+/text':>10}")
    for c in CHECKS:
        k = c.__name__
        print(f"{k:32} {by_check[k] / n:8.2f} {by_check_warn[k] / n:10.2f}")


def big_map(statements: int, seed: int = 7) -> ArgumentMap:
    """A generated map of ``statements`` varied claims (words drawn from the seed pieces, 6-24 a
    claim): a tree three reasons wide, every 10th claim an objection, evidence on every 8th, and
    every 50th claim a near-copy of an earlier one (a word changed), so near_duplicate has work.

    Past the model's limits (statements, source characters) the map is assembled without validation
    (its elements are still validated one by one): the checks must cope with what a limit let in.
    """
    rng = random.Random(seed)
    seeds = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    words = sorted({w.lower() for w in re.findall(r"[A-Za-z]+", seeds)})
    texts: list[str] = []
    for n in range(statements):
        if n % 50 == 49:
            copy = texts[rng.randrange(n)].split()
            copy[rng.randrange(len(copy))] = rng.choice(words)
            texts.append(" ".join(copy))
        else:
            texts.append(" ".join(rng.choice(words) for _ in range(rng.randint(6, 24))).capitalize() + ".")
    source, spans = "", []
    for t in texts:
        spans.append(Span(start=len(source), end=len(source) + len(t), text=t))
        source += t + " "
    stmts = tuple(Statement(id=f"s{n + 1}", text=t, span=spans[n]) for n, t in enumerate(texts))
    infs, attacks = [], []
    for n in range(1, statements):
        parent = f"s{(n - 1) // 3 + 1}"
        if n % 10 == 0:
            attacks.append(Attack(id=f"a{len(attacks) + 1}", source=f"s{n + 1}", target=parent))
        else:
            infs.append(Inference(id=f"i{len(infs) + 1}", premises=(f"s{n + 1}",), conclusion=parent))
    evidence = tuple(
        Evidence(id=f"e{k + 1}", target=f"s{8 * k + 1}", kind="statistic", text=f"{k * 3} percent")
        for k in range(statements // 8)
    )
    fields = dict(
        id="bench",
        title="generated",
        source=Source(text=source),
        statements=stmts,
        inferences=tuple(infs),
        attacks=tuple(attacks),
        evidence=evidence,
    )
    if statements <= MAX_STATEMENTS and len(source) <= MAX_SOURCE_CHARS:
        return ArgumentMap(**fields)
    return ArgumentMap.model_construct(**fields)


def scale() -> None:
    """check() and evaluation() time on generated maps of 100 to 20,000 statements, with the slowest checks.

    Goal (issue 11): ``check`` on 5,000 statements <= 2 s; every check linear or n log n. CPU time is
    printed beside wall time: on a shared machine the wall clock measures the neighbours too.
    """
    print("\n== check() and evaluation() on generated maps (goal: check <= 2 s at 5,000 statements)")
    for n in (100, 1_000, 5_000, 20_000):
        amap = big_map(n)
        check(amap)  # warm: the first call pays for imports
        t0, c0 = time.perf_counter(), time.process_time()
        found = check(amap)
        took, cpu = time.perf_counter() - t0, time.process_time() - c0
        c0 = time.process_time()
        evaluation(amap)
        ev = time.process_time() - c0
        slow = []
        for c in CHECKS:
            c0 = time.process_time()
            list(c(amap))
            slow.append((time.process_time() - c0, c.__name__))
        top = ", ".join(f"{name} {t:.2f}" for t, name in sorted(slow, reverse=True)[:3])
        print(
            f"{n:>6,} statements: check {cpu:5.2f} s CPU ({took:5.2f} s wall, {len(found)} findings), "
            f"evaluation {ev:4.2f} s; slowest (s CPU): {top}"
        )


PIECES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "audit"


def audit_pieces() -> None:
    """Per piece: findings by level, what the Check page shows by default before (every finding, one
    by one) and after (the audit's top points and one line per group of notices), and the rank of the
    planted weak point (tests/fixtures/audit/expectations.json; goal: in the top three, <= 5 shown)."""
    import json

    expected = json.loads((PIECES / "expectations.json").read_text(encoding="utf-8"))
    paths = sorted(SEEDS.glob("*.txt")) + sorted(PIECES.glob("*.txt"))
    print("\n== the audit on the seeds and the written pieces (goal: <= 5 warnings shown, planted in top 3)")
    print(
        f"{'piece':32} {'words':>5} {'info':>4} {'warn':>4} {'err':>3}  {'shown before':>12} → after  planted"
    )
    for p in paths:
        text = p.read_text(encoding="utf-8")
        amap = extract(text)
        found = check(amap)
        result = audit(amap, found)
        levels = Counter(f.severity for f in found)
        after = f"{len(result.top)} points + {len(result.notices)} lines"
        planted = "-"
        if p.name in expected:
            want = expected[p.name]["planted"]
            ranks = [
                n
                for n, pt in enumerate(result.points, 1)
                if (s := statement_of(amap, pt.finding.node_ids[0])) is not None and want in s.text
            ]
            planted = f"#{ranks[0]}" if ranks else "missed"
        print(
            f"{p.name:32} {len(text.split()):>5} "
            f"{levels['info']:>4} {levels['warning']:>4} {levels['error']:>3}  "
            f"{len(found):>12} → {after}  {planted}"
        )


def audit_speed() -> None:
    """check + audit on the 500-node map of bench_app (first call, then again), and the Check page's
    rerun time on it (AppTest; the page keeps the audit while the map does not change). Goal: <= 150 ms."""
    import os
    import shutil
    import tempfile

    from bench_app import EXAMPLE, build  # type: ignore[import-not-found]

    from argmap.formats import native

    amap = build()
    print("\n== the audit of a 500-node map (goal: <= 150 ms a rerun after the first run)")
    for label, m in (("first", amap), ("again, same map", amap), ("a changed copy", amap.model_copy())):
        t0, c0 = time.perf_counter(), time.process_time()
        audit(m)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"  check + audit, {label}: {cpu * 1000:7.1f} ms CPU ({wall * 1000:.1f} ms wall)")
    store = Path(tempfile.mkdtemp(prefix="argmap-bench-"))
    try:
        (store / f"{EXAMPLE}.json").write_text(native.dumps(amap), encoding="utf-8")
        os.environ["ARGMAP_STORE"] = str(store)
        from streamlit.testing.v1 import AppTest

        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120).run()
        c0 = time.process_time()
        at.switch_page("src/argmap/app/views/check.py").run()
        first = time.process_time() - c0
        assert not at.exception, at.exception
        reruns = []
        for _ in range(9):
            c0 = time.process_time()
            at.run()
            reruns.append(time.process_time() - c0)
        print(
            f"  Check page (AppTest, CPU, AppTest's own parsing included): first run {first * 1000:7.1f} ms; "
            f"rerun: median {statistics.median(reruns) * 1000:.1f} ms"
        )
    finally:
        shutil.rmtree(store, ignore_errors=True)


def scale_texts() -> None:
    """check() time on long drafted maps (the seed paragraphs repeated with variations)."""
    from bench_extract import build  # type: ignore[import-not-found]

    print("\n== check() on long texts")
    for words in (1_000, 10_000, 50_000):
        amap = extract(build(words))
        t0, c0 = time.perf_counter(), time.process_time()
        found = check(amap)
        took, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(
            f"{words:>6} words, {len(amap.statements):>5} statements: {took:6.2f} s (CPU {cpu:6.2f} s), "
            f"{len(found)} findings"
        )


def main() -> None:
    check(extract("We should act. Costs will rise."))  # warm up: imports and compiled patterns
    if "--scale" in sys.argv:  # only the generated maps of 100 to 20,000 statements
        scale()
        return
    audit_pieces()
    audit_speed()
    measure("seeds", sorted(SEEDS.glob("*.txt")))
    folder = corpus_dir()
    if folder is None:
        print(
            "\nmicrotexts: corpus absent (put it at ../shared/corpora/ or set ARGMAP_CORPUS)", file=sys.stderr
        )
    else:
        measure("arg-microtexts-en", sorted(folder.glob("*.txt")))
    scale()
    scale_texts()


if __name__ == "__main__":
    main()
