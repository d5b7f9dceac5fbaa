"""Speed of ``argmap.extractor``: median time for a 1,000-word piece, and cost at 1k/10k/100k words.

Goals (issues 3 and 10): a 1,000-word piece in <= 50 ms (median); linear cost, <= 5 s at 100,000 words, also
when the 100,000 words come on ONE line (no paragraph breaks: pysbd is then handed the line in chunks).
The long inputs repeat the seed pieces with numbered variations so no two paragraphs are identical.

Each figure is printed twice: wall time, and the process's CPU time (``time.process_time``). On a machine
that other jobs share, the wall time counts their turns too (a load of 9 on 2 cores made a 33 ms extraction
take 110 ms); the CPU time is the extractor's own cost, the figure to hold against the goals there.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from argmap.extractor import extract

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def build(words: int) -> str:
    """A text of about ``words`` words made of the seed pieces' paragraphs, each varied by a number."""
    paragraphs = [p for f in sorted(SEEDS.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n")]
    out: list[str] = []
    count = n = 0
    while count < words:
        p = paragraphs[n % len(paragraphs)]
        take = p.split()
        if count + len(take) > words:
            take = take[: words - count]
        out.append(f"In case {n}, " + " ".join(take))
        count += len(take) + 2
        n += 1
    return "\n\n".join(out)


def timed(text: str, runs: int, progress: Callable[[float], None] | None = None) -> list[tuple[float, float]]:
    """(wall, CPU) times of ``runs`` extractions of ``text``, in seconds."""
    times = []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        extract(text, progress=progress)
        times.append((time.perf_counter() - t0, time.process_time() - c0))
    return times


def _best(times: list[tuple[float, float]]) -> tuple[float, float]:
    return min(t for t, _ in times), min(c for _, c in times)


def main() -> None:
    """Print the median for 1,000 words and the times for 1k, 10k and 100k words."""
    extract(build(200))  # warm-up: imports and pysbd's compiled patterns
    one_k = build(1_000)
    runs = timed(one_k, 21)
    wall, cpu = statistics.median(t for t, _ in runs), statistics.median(c for _, c in runs)
    print(
        f"1,000 words: median {wall * 1000:.1f} ms wall, {cpu * 1000:.1f} ms CPU over 21 runs (goal <= 50 ms)"
    )
    for words, n in ((1_000, 5), (10_000, 3), (100_000, 1)):
        t, c = _best(timed(build(words), n))
        print(
            f"{words:>7,} words: {t:7.3f} s wall {c:7.3f} s CPU  {words / c:>9,.0f} words/s  "
            f"{c / words * 1e6:6.1f} us/word (CPU)"
        )
    print("goal: linear cost, <= 5 s at 100,000 words")
    heard: list[float] = []
    big = build(100_000)
    t, c = _best(timed(big, 1, heard.append))
    print(f"100,000 words with a progress callback: {t:.3f} s wall, {c:.3f} s CPU, {len(heard)} calls")
    for words in (14_000, 100_000):
        line = build(words).replace("\n\n", " ")
        t, c = _best(timed(line, 1))
        print(f"{words:>7,} words on one line ({len(line):,} characters): {t:7.3f} s wall {c:7.3f} s CPU")


if __name__ == "__main__":
    main()
