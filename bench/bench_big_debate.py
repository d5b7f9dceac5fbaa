"""A large online debate in Argdown: read, converted and checked at 100 / 1,000 / 5,000 / 20,000 statements,
beside the Argdown CLI on the same file.

    PYTHONPATH=src python bench/bench_big_debate.py [100 1000 5000 20000]

For each size a connected map (``bench_formats.generated_map``: each statement supports or attacks an
earlier one) is written as Argdown, then timed as whole processes:

- ``argmap import F.argdown -o F.json`` (read and write Argmap JSON),
- ``argmap export F.argdown -o F.dot`` (read and draw as DOT), and ``argmap check F.argdown``,
- ``argdown json F.argdown OUTDIR`` and ``argdown map F.argdown OUTDIR --format dot`` (the peer tool),

and in process: ``formats.read`` alone (after imports). One run per figure (the 20,000 ones take
seconds); CPU time (user + system) is printed beside wall clock, the steadier figure on a shared
machine. Prints figures, asserts nothing. Needs the Argdown CLI (``npm install``).
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_formats import generated_map  # noqa: E402

from argmap.formats import argdown, read  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ARGDOWN = ROOT / "node_modules" / ".bin" / "argdown"
ARGMAP = [sys.executable, "-m", "argmap"]


def run(command: list[str], ok: tuple[int, ...] = (0,)) -> tuple[float, float, str]:
    """Wall and CPU seconds of one process, and the last line it printed (exit status must be in ``ok``)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in ok:
        return wall, cpu, f"FAILED ({done.returncode}): {(done.stderr or done.stdout).strip()[-200:]}"
    lines = (done.stderr.strip() or done.stdout.strip()).splitlines()
    return wall, cpu, re.sub(r"\x1b\[[0-9;]*m", "", lines[-1])[:90] if lines else ""


def main(sizes: list[int]) -> None:
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    have_argdown = ARGDOWN.exists()
    if not have_argdown:
        print(f"(no Argdown CLI at {ARGDOWN}: `npm install` first; its columns are left out)")
    header = f"{'statements':>10} {'what':34} {'wall s':>8} {'cpu s':>8}  result"
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in sizes:
            amap = generated_map(n, n)
            path = folder / f"debate-{n}.argdown"
            path.write_text(argdown.dumps(amap), encoding="utf-8")
            size = path.stat().st_size
            t0 = time.perf_counter()
            back, _ = read(path.read_bytes(), path.name)
            inproc = time.perf_counter() - t0
            print(f"{n:>10,} {'(file: ' + f'{size:,} bytes)':34}")
            read_line = f"{'formats.read, in process':34} {inproc:8.2f} {'':>8}"
            print(f"{'':>10} {read_line}  {len(back.statements):,} statements")
            rows = [
                ("argmap import → JSON", [*ARGMAP, "import", str(path), "-o", str(folder / "o.json")], (0,)),
                ("argmap export → DOT", [*ARGMAP, "export", str(path), "-o", str(folder / "o.dot")], (0,)),
                ("argmap check", [*ARGMAP, "check", str(path)], (0, 1, 2)),
            ]
            if have_argdown:
                rows += [
                    ("argdown json", [str(ARGDOWN), "json", str(path), str(folder / "ad")], (0,)),
                    ("argdown map --format dot", [str(ARGDOWN), "map", str(path), str(folder / "ad"),
                                                  "--format", "dot"], (0,)),
                ]  # fmt: skip
            for what, command, ok in rows:
                wall, cpu, said = run(command, ok)
                print(f"{'':>10} {what:34} {wall:8.2f} {cpu:8.2f}  {said}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1_000, 5_000, 20_000])
