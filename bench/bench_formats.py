"""Interchange speed, whole processes against the reference tools, ratios printed.

1. Argdown → DOT. An Argdown file of 2,000 statements (written by ``argmap.formats.argdown`` from a
   generated map) is turned into DOT by our CLI (``argmap export F.argdown --to dot -o F.dot``, one
   process; the two-step import-then-export is printed too) and by the Argdown CLI
   (``argdown map F.argdown OUTDIR --format dot``). Goal: ours ≤ 0.25× Argdown's time.
2. AIF import. An AIF file of 2,000 claims and 2,000 RA/CA nodes is read by ``argmap import`` and by
   arguebuf (``python -c "import arguebuf; arguebuf.load.file(F)"``). Goal: ours ≤ 0.1× arguebuf's.
   In-process times (parsing alone, after imports) are printed beside the whole-process ones.

Each figure is the median of ``RUNS`` runs; ours and theirs run in turn, and each ratio is printed
by wall clock and by CPU time (user + system), the steadier figure when the machine is shared. The
load average is printed first. Needs ``make test``'s tools (node_modules, arguebuf).

3. Floors. What no change to Argmap's own code can go below: a Python process that starts,
   imports pydantic and builds our model (every command that reads a map validates it), and, in
   process, ``json.loads`` of the AIF file plus one ``ArgumentMap.model_validate`` of the map it holds.
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from argmap.formats import aif, argdown
from argmap.model import ArgumentMap

ROOT = Path(__file__).resolve().parents[1]
ARGDOWN = ROOT / "node_modules" / ".bin" / "argdown"
ARGMAP = Path(sys.executable).with_name("argmap")
RUNS = 7
_VOCABULARY = (
    "voters data cities cars lanes budget schools policy evidence survey costs risk safety trust markets "
    "prices wages health clinics rents housing transit emissions growth jobs taxes"
)
_WORDS = _VOCABULARY.split()


def generated_map(statements: int, relations: int, seed: int = 4) -> ArgumentMap:
    """A connected map: each statement after the first supports (mostly) or attacks an earlier one;
    a few inferences gain a co-premise; extra relations bring the total to ``relations``."""
    rng = random.Random(seed)

    def sentence(k: int) -> str:
        words = rng.choices(_WORDS, k=rng.randint(6, 16))
        return f"Claim {k}: " + " ".join(words).capitalize() + rng.choice([".", "!", "?", " (really)."])

    stmts = [{"id": f"s{k}", "text": sentence(k)} for k in range(1, statements + 1)]
    inferences: list[dict] = []
    attacks: list[dict] = []
    for k in range(2, statements + 1):
        target = rng.randint(max(1, k - 50), k - 1)
        if rng.random() < 0.2:
            attacks.append({"id": f"a{len(attacks) + 1}", "source": f"s{k}", "target": f"s{target}"})
        elif inferences and rng.random() < 0.1:
            inferences[-1]["premises"].append(f"s{k}")
        else:
            inferences.append(
                {"id": f"i{len(inferences) + 1}", "premises": [f"s{k}"], "conclusion": f"s{target}"}
            )
    while len(inferences) + len(attacks) < relations:
        a, b = rng.randint(2, statements), rng.randint(1, statements)
        if a != b:
            attacks.append({"id": f"a{len(attacks) + 1}", "source": f"s{a}", "target": f"s{b}"})
    return ArgumentMap(
        id="bench", title="Generated bench map", statements=stmts, inferences=inferences, attacks=attacks
    )


def timed(command: list[str] | Callable[[], object], runs: int = RUNS) -> float:
    """Median seconds of ``runs`` runs of a command (a process, which must exit 0) or a function."""
    seconds = []
    for _ in range(runs):
        t0 = time.perf_counter()
        if callable(command):
            command()
        else:
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode != 0:
                raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
        seconds.append(time.perf_counter() - t0)
    return statistics.median(seconds)


def run(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, of the process and its children) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def race(what: str, ours: list[str], theirs: list[str], goal: float) -> None:
    """Run the two commands in turn ``RUNS`` times (so a change in load hits both alike) and print
    the medians and ratios, by wall clock and by CPU time (the steadier figure on a busy machine)."""
    times: dict[str, list[tuple[float, float]]] = {"ours": [], "theirs": []}
    for _ in range(RUNS):
        times["ours"].append(run(ours))
        times["theirs"].append(run(theirs))
    for k, clock in enumerate(("wall", "CPU")):
        a = statistics.median(t[k] for t in times["ours"])
        b = statistics.median(t[k] for t in times["theirs"])
        report(f"{what}, {clock}", a, b, goal)


def report(what: str, ours: float, theirs: float, goal: float) -> None:
    ratio = ours / theirs
    verdict = "meets" if ratio <= goal else "MISSES"
    print(
        f"{what}: ours {ours * 1000:.0f} ms, theirs {theirs * 1000:.0f} ms, "
        f"ratio {ratio:.3f}× ({verdict} ≤ {goal}×)"
    )


def bench_argdown_to_dot(folder: Path) -> None:
    if not ARGDOWN.exists():
        raise SystemExit(f"{ARGDOWN} is missing: `make test` installs the Argdown CLI")
    amap = generated_map(2000, 2000)
    source = folder / "big.argdown"
    source.write_text(argdown.dumps(amap), encoding="utf-8")
    as_json, as_dot = folder / "big.json", folder / "big.dot"
    print(
        f"\n== Argdown → DOT: {len(amap.statements)} statements, {source.stat().st_size:,} bytes of Argdown"
    )
    race(
        "Argdown file → DOT (argmap export F.argdown --to dot)",
        [str(ARGMAP), "export", str(source), "--to", "dot", "-o", str(as_dot)],
        [str(ARGDOWN), "map", str(source), str(folder / "argdown-out"), "--format", "dot"],
        0.25,
    )
    imported = timed([str(ARGMAP), "import", str(source), "-o", str(as_json)])
    exported = timed([str(ARGMAP), "export", str(as_json), "--to", "dot", "-o", str(as_dot)])
    print(f"two steps: argmap import {imported * 1000:.0f} ms + export --to dot {exported * 1000:.0f} ms")
    text = source.read_text(encoding="utf-8")
    parse = timed(lambda: argdown.loads(text))
    print(f"in process: argdown.loads of the file {parse * 1000:.0f} ms")


def bench_aif_import(folder: Path) -> None:
    try:
        import arguebuf  # noqa: PLC0415
    except ImportError:
        raise SystemExit("arguebuf is missing: `make test` installs it (requirements-dev.txt)") from None
    amap = generated_map(2000, 2000)
    source = folder / "big-aif.json"
    source.write_text(aif.dumps(amap), encoding="utf-8")
    claims = len(amap.statements)
    schemes = len(amap.inferences) + len(amap.attacks)
    print(f"\n== AIF import: {claims} I nodes, {schemes} RA/CA nodes, {source.stat().st_size:,} bytes")
    race(
        "AIF file → map (whole processes)",
        [str(ARGMAP), "import", str(source), "--from", "aif", "-o", str(folder / "from-aif.json")],
        [sys.executable, "-c", f"import arguebuf; arguebuf.load.file({str(source)!r})"],
        0.1,
    )
    text = source.read_text(encoding="utf-8")
    ours_in = timed(lambda: aif.loads(text), runs=15)
    theirs_in = timed(lambda: arguebuf.load.file(source))
    report("AIF file → map (in process, parsing only)", ours_in, theirs_in, 0.1)
    data = aif.loads(text).model_dump(exclude_defaults=True)
    decode = timed(lambda: json.loads(text), runs=15)
    validate = timed(lambda: ArgumentMap.model_validate(data), runs=15)
    floor = decode + validate
    print(
        f"floor in process: json.loads {decode * 1000:.1f} ms + ArgumentMap.model_validate "
        f"{validate * 1000:.1f} ms = {floor * 1000:.1f} ms ({floor / theirs_in:.3f}× arguebuf); "
        f"the rest of aif.loads (reading the graph) {(ours_in - floor) * 1000:.1f} ms"
    )


def bench_floors() -> None:
    print("\n== Floors: whole processes that do no work")
    python = timed([sys.executable, "-c", "pass"])
    model = timed([sys.executable, "-c", "import argmap.model"])
    print(f"python -c pass: {python * 1000:.0f} ms")
    print(f"python -c 'import argmap.model' (Python + pydantic + our model): {model * 1000:.0f} ms")


def main() -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average {load} on {os.cpu_count()} CPUs; medians of {RUNS} runs")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_argdown_to_dot(folder)
        bench_aif_import(folder)
    bench_floors()


if __name__ == "__main__":
    main()
