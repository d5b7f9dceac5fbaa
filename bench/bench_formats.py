"""Interchange speed, whole processes against the reference tools, ratios printed.

1. Argdown → DOT. An Argdown file of 2,000 statements (written by ``argmap.formats.argdown`` from a
   generated map) is turned into DOT by our CLI (``argmap export F.argdown --to dot -o F.dot``, one
   process; the two-step import-then-export is printed too) and by the Argdown CLI
   (``argdown map F.argdown OUTDIR --format dot``). Goal: ours ≤ 0.25× Argdown's time.
2. AIF import. An AIF file of 2,000 claims and 2,000 RA/CA nodes is read by ``argmap import`` and by
   arguebuf (``python -c "import arguebuf; arguebuf.load.file(F)"``). Goal: ours ≤ 0.1× arguebuf's.
   In-process times (parsing alone, after imports) are printed beside the whole-process ones.

Each figure is the median of ``RUNS`` runs. Needs ``make test``'s tools (node_modules, arguebuf).
Other sections (DOT rendering on its own) may be appended as separate functions called from main().
"""

from __future__ import annotations

import random
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
RUNS = 5
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
    direct = timed([str(ARGMAP), "export", str(source), "--to", "dot", "-o", str(as_dot)])
    theirs = timed([str(ARGDOWN), "map", str(source), str(folder / "argdown-out"), "--format", "dot"])
    report("Argdown file → DOT (argmap export F.argdown --to dot)", direct, theirs, 0.25)
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
    ours = timed([str(ARGMAP), "import", str(source), "--from", "aif", "-o", str(folder / "from-aif.json")])
    theirs = timed([sys.executable, "-c", f"import arguebuf; arguebuf.load.file({str(source)!r})"])
    report("AIF file → map (whole processes)", ours, theirs, 0.1)
    text = source.read_text(encoding="utf-8")
    ours_in = timed(lambda: aif.loads(text))
    theirs_in = timed(lambda: arguebuf.load.file(source))
    report("AIF file → map (in process, parsing only)", ours_in, theirs_in, 0.1)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_argdown_to_dot(folder)
        bench_aif_import(folder)


if __name__ == "__main__":
    main()
