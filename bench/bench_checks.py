"""How often the reasoning checks fire: findings per text on the seed pieces and the microtexts.

On a shared, busy machine the CPU time (printed beside the wall clock) is the steadier figure.
Each text is drafted with ``argmap.extractor`` and checked with ``argmap.analysis.checks.check``. Prints,
per corpus: texts, mean findings per text (all / warning+ / error), the share of texts with at
least one warning, the mean per check, and the median time of ``check`` per text. Checks are cues
for a reader, so a low warning rate on short, plain student texts (the microtexts) is the goal.
The corpus is read at run time from ../shared/corpora/arg-microtexts-en or $ARGMAP_CORPUS.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from argmap.analysis.checks import CHECKS, check
from argmap.extractor import extract
from argmap.extractor.scoring import corpus_dir

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench_extract.build: the long inputs


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


def scale() -> None:
    """check() time on long drafted maps (the seed paragraphs repeated with variations)."""
    from bench_extract import build

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
    measure("seeds", sorted(SEEDS.glob("*.txt")))
    folder = corpus_dir()
    if folder is None:
        print(
            "\nmicrotexts: corpus absent (put it at ../shared/corpora/ or set ARGMAP_CORPUS)", file=sys.stderr
        )
        return
    measure("arg-microtexts-en", sorted(folder.glob("*.txt")))
    scale()


if __name__ == "__main__":
    main()
