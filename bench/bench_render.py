"""How fast a large map becomes DOT: a generated map of 5,000 statements (plus evidence).

Goal (issue 4): ``render.to_dot`` of a 5,000-statement map in ≤ 100 ms. Printed: the first call in
a fresh process (cold), the median of ``RUNS`` further calls (warm), both as wall-clock and as CPU
time (on a shared, busy machine the CPU time is the steadier figure), the same with view options
(focus + depth, a collapsed subtree, colour by evaluation), and the whole ``argmap render -o F.dot``
process for comparison. Prints the figures; asserts nothing.
Run: ``.venv/bin/python bench/bench_render.py``. Drawing a 5,000-statement map with ``dot`` takes about
two minutes (``render.DOT_TIMEOUT`` stops it at 120 s), so SVG is timed on 500 and 2,000 statements.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from argmap.formats import native
from argmap.model import ArgumentMap, Attack, Evidence, EvidenceSource, Inference, Source, Span, Statement

ROOT = Path(__file__).resolve().parents[1]
ARGMAP = Path(sys.executable).with_name("argmap")
RUNS = 7
WORDS = [
    "voters", "data", "party", "campaign", "privacy", "trust", "money", "lists", "buyers", "retailers",
    "volunteers", "doors", "cities", "schools", "budget", "policy", "survey", "costs", "risk", "safety",
    "markets", "prices", "wages", "health", "rents", "housing", "transit",
]  # fmt: skip


def generated_map(statements: int = 5_000, seed: int = 7) -> ArgumentMap:
    """A connected map with a source text: every statement after the first supports (80 %) or attacks
    an earlier one, every 10th inference is linked (two premises), every 10th statement has evidence."""
    rng = random.Random(seed)
    sentences = [
        f"Claim {k}: " + " ".join(rng.choices(WORDS, k=rng.randint(8, 30))) + "."
        for k in range(1, statements + 1)
    ]
    text, spans = "", []
    for sentence in sentences:
        spans.append(Span(start=len(text), end=len(text) + len(sentence), text=sentence))
        text += sentence + " "
    stmts = [
        Statement(id=f"s{k + 1}", text=sentences[k], span=spans[k], implicit=k % 50 == 49)
        for k in range(statements)
    ]
    inferences: list[Inference] = []
    attacks: list[Attack] = []
    k = 2
    while k <= statements:
        target = f"s{rng.randint(max(1, k - 60), k - 1)}"
        if rng.random() < 0.2:
            attacks.append(Attack(id=f"a{len(attacks) + 1}", source=f"s{k}", target=target))
            k += 1
        elif len(inferences) % 10 == 9 and k < statements:
            inferences.append(
                Inference(id=f"i{len(inferences) + 1}", premises=(f"s{k}", f"s{k + 1}"), conclusion=target)
            )
            k += 2
        else:
            inferences.append(Inference(id=f"i{len(inferences) + 1}", premises=(f"s{k}",), conclusion=target))
            k += 1
    evidence = [
        Evidence(
            id=f"e{n}", target=f"s{n * 10}", kind="statistic", text=f"Figure {n}: {rng.randint(1, 99)} %",
            source=EvidenceSource(author="Survey office", title=f"Report {n}"),
        )
        for n in range(1, statements // 10 + 1)
    ]  # fmt: skip
    return ArgumentMap(
        id="bench-render",
        title="Generated bench map",
        source=Source(text=text),
        statements=tuple(stmts),
        inferences=tuple(inferences),
        attacks=tuple(attacks),
        evidence=tuple(evidence),
    )


def median_ms(fn, runs: int = RUNS, clock=time.perf_counter) -> float:
    times = []
    for _ in range(runs):
        t0 = clock()
        fn()
        times.append(clock() - t0)
    return statistics.median(times) * 1000


def main() -> None:
    amap = generated_map()
    from argmap.analysis.evaluation import evaluate
    from argmap.render import ViewOptions, to_dot

    counts = (
        f"{len(amap.statements):,} statements, {len(amap.inferences):,} inferences, "
        f"{len(amap.attacks):,} attacks, {len(amap.evidence):,} evidence"
    )
    print(f"== DOT for a generated map: {counts}")
    t0, c0 = time.perf_counter(), time.process_time()
    dot = to_dot(amap)
    cold, cold_cpu = (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000
    warm = median_ms(lambda: to_dot(amap))
    warm_cpu = median_ms(lambda: to_dot(amap), clock=time.process_time)
    load = os.getloadavg()[0]
    print(f"({len(dot):,} characters of DOT; load average {load:.1f} on {os.cpu_count()} CPUs)")
    for label, ms in (
        ("cold", cold),
        ("warm median", warm),
        ("cold CPU", cold_cpu),
        ("warm CPU median", warm_cpu),
    ):
        print(f"to_dot {label}: {ms:.1f} ms — {'meets' if ms <= 100 else 'MISSES'} ≤ 100 ms")
    status = evaluate(amap)
    for label, options in (
        ("focus s2 + depth 3", ViewOptions(focus="s2", depth=3)),
        ("collapse s1's first reason", ViewOptions(collapsed=frozenset({amap.inferences[0].premises[0]}))),
        ("colour by evaluation + legend", ViewOptions(color_by="evaluation", evaluation=status, legend=True)),
        ("left-right, no evidence, highlight 100", ViewOptions(
            direction="LR", show_evidence=False, highlight=frozenset(f"s{k}" for k in range(1, 101))
        )),
    ):  # fmt: skip
        print(f"to_dot, {label}: warm median {median_ms(lambda o=options: to_dot(amap, o)):.1f} ms")

    from argmap.render import to_image

    for n in (500, 2_000):  # dot's layout grows much faster than linearly: 5,000 takes about 2 minutes
        smaller = generated_map(n)
        t0 = time.perf_counter()
        to_image(smaller, "svg")
        print(f"to_image svg through dot, {n:,} statements: {time.perf_counter() - t0:.2f} s")

    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "big.json", Path(tmp) / "big.dot"
        src.write_text(native.dumps(amap), encoding="utf-8")
        command = [str(ARGMAP), "render", str(src), "-o", str(out), "--no-legend"]
        whole = median_ms(lambda: subprocess.run(command, check=True, capture_output=True), runs=3)
        size = f"{src.stat().st_size:,} bytes in"
        print(f"whole process `argmap render big.json -o big.dot` ({size}): {whole:.0f} ms")


if __name__ == "__main__":
    main()
