"""How often the reasoning checks fire: findings per text on the seed pieces and the microtexts.

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

from argmap.analysis.checks import CHECKS, check
from argmap.analysis.evaluation import evaluation
from argmap.extractor import extract
from argmap.extractor.scoring import corpus_dir
from argmap.model import MAX_STATEMENTS, ArgumentMap, Attack, Evidence, Inference, Source, Span, Statement

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def measure(name: str, paths: list[Path]) -> None:
    per_text, warned, errors, seconds = [], 0, 0, []
    by_check: Counter[str] = Counter()
    by_check_warn: Counter[str] = Counter()
    for p in paths:
        amap = extract(p.read_text(encoding="utf-8"))
        t0 = time.perf_counter()
        found = check(amap)
        seconds.append(time.perf_counter() - t0)
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
        f"max {max(seconds) * 1000:.1f} ms"
    )
    print(f"{'check':32} {'per text':>8} {'warn+/text':>10}")
    for c in CHECKS:
        k = c.__name__
        print(f"{k:32} {by_check[k] / n:8.2f} {by_check_warn[k] / n:10.2f}")


def big_map(statements: int, seed: int = 7) -> ArgumentMap:
    """A generated map of ``statements`` varied claims (words drawn from the seed pieces, 6-24 a
    claim): a tree three reasons wide, every 10th claim an objection, evidence on every 8th, and
    every 50th claim a near-copy of an earlier one (a word changed), so near_duplicate has work.

    Past the model's statement limit the map is assembled without validation (its elements are
    still validated one by one): the checks must cope with what a raised limit would let in.
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
    if statements <= MAX_STATEMENTS:
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


def main() -> None:
    check(extract("We should act. Costs will rise."))  # warm up: imports and compiled patterns
    measure("seeds", sorted(SEEDS.glob("*.txt")))
    folder = corpus_dir()
    if folder is None:
        print(
            "\nmicrotexts: corpus absent (put it at ../shared/corpora/ or set ARGMAP_CORPUS)", file=sys.stderr
        )
    else:
        measure("arg-microtexts-en", sorted(folder.glob("*.txt")))
    scale()


if __name__ == "__main__":
    main()
