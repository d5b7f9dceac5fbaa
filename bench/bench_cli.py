"""How fast the CLI starts: ``python -m argmap --help`` (goal: well under 0.5 s), and the map commands.

Each command runs in a fresh interpreter, as a user would run it; the median, best and worst of
several runs are printed. Prints the figures; asserts nothing. Run: ``.venv/bin/python bench/bench_cli.py``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"
RUNS = 10


CPU: list[float] = []  # CPU seconds of each run timed() made last (user + system of the child)


def timed(args: list[str]) -> list[float]:
    """Wall-clock seconds of ``RUNS`` fresh runs of ``python -m argmap ARGS`` (one warm-up first); their
    CPU seconds go to ``CPU`` (on a busy machine the steadier figure)."""
    cmd = [sys.executable, "-m", "argmap", *args]
    subprocess.run(cmd, capture_output=True, check=True, cwd=ROOT)
    out = []
    CPU.clear()
    for _ in range(RUNS):
        started, before = time.perf_counter(), os.times()
        subprocess.run(cmd, capture_output=True, check=True, cwd=ROOT)
        after = os.times()
        out.append(time.perf_counter() - started)
        CPU.append(
            after.children_user - before.children_user + after.children_system - before.children_system
        )
    return out


def main() -> None:
    baseline = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        baseline.append(time.perf_counter() - started)
    print(f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    print(f"{'command':42} {'median':>8} {'best':>8} {'worst':>8} {'CPU':>8}   (seconds, {RUNS} fresh runs)")
    print(
        f"{'python -c pass (interpreter alone)':42} {statistics.median(baseline):8.3f} {min(baseline):8.3f} "
        f"{max(baseline):8.3f}"
    )
    for args in (
        ["--help"],
        ["validate", "--help"],
        ["validate", str(EXAMPLE)],
        ["show", str(EXAMPLE)],
        ["show", str(EXAMPLE), "--json"],
        ["list"],
        ["schema"],
        ["export", str(EXAMPLE), "--to", "dot", "-o", "-"],
        ["export", str(EXAMPLE), "--to", "argdown", "-o", "-"],
    ):
        t = timed(args)
        label = "argmap " + " ".join(a.replace(str(ROOT) + "/", "") for a in args)
        spread = f"{statistics.median(t):8.3f} {min(t):8.3f} {max(t):8.3f}"
        print(f"{label:42} {spread} {statistics.median(CPU):8.3f}")
    print("goal: argmap --help well under 0.5 s")
    imports()


# Third-party packages imported where they are used (not with the modules that use them) when this
# shows them slow; the project's own modules are imported at the top.
LIBRARIES = (
    "networkx",
    "pandas",
    "streamlit",
    "graphviz",
    "rapidfuzz",
    "pysbd",
    "pydantic",
    "argmap.formats",
)


def imports() -> None:
    """CPU time of importing each library in a fresh interpreter (the steadier figure on a busy machine)."""
    print(f"\n{'import (fresh interpreter)':42} {'median':>8}   (CPU ms, {RUNS // 2} runs)")
    for name in LIBRARIES:
        code = f"import time; t = time.process_time(); import {name}; print(time.process_time() - t)"
        cpu = [
            float(
                subprocess.run(
                    [sys.executable, "-c", code], capture_output=True, text=True, check=True
                ).stdout
            )
            for _ in range(RUNS // 2)
        ]
        print(f"{name:42} {statistics.median(cpu) * 1000:8.0f}")


if __name__ == "__main__":
    main()
