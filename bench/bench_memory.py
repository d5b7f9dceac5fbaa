"""Memory of reading a hostile upload just under the 16 MB limit, of every kind a user can upload.

    PYTHONPATH=src python bench/bench_memory.py [--cap-mb 4000] [--only json-empty,argdown-deep]

Each input (about 15.9 MB: many empty statements, deep nesting, one huge string, many keys...) is written
to a file, then read in a fresh process under an address-space cap (``RLIMIT_AS``, as ``ulimit -v``:
4 GB by default) through the door the CLI, the store and the app use (``formats.read`` for maps,
``pieces.read`` for pieces of writing, ``share.decode`` for a link). Prints, per input: the outcome (a
map, or the first words of the ArgmapError; a MemoryError or any other exception is a failure), the
peak resident memory of the process (``ru_maxrss``) and how much of it the reading added, and the CPU
time. Asserts nothing; the issue's figure: 15.9 MB blew a 4 GB cap.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

SIZE = 15_900_000  # just under formats.MAX_INPUT_BYTES and pieces.MAX_BYTES (16,000,000)


def _repeat(head: bytes, item: Callable[[int], bytes], sep: bytes, tail: bytes) -> bytes:
    """``head`` + items joined by ``sep`` + ``tail``, as many items as fit in SIZE."""
    parts, size, n = [head], len(head) + len(tail), 0
    while True:
        chunk = item(n)
        if size + len(chunk) + len(sep) > SIZE:
            break
        parts.append(chunk if n == 0 else sep + chunk)
        size += len(chunk) + len(sep)
        n += 1
    return b"".join(parts) + tail


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return buf.getvalue()


def _csv_zip() -> bytes:
    """The CSV zip of the example map with its statements table grown to fill the zip's unpack cap."""
    from argmap.formats import FORMATS, native

    amap = native.loads((ROOT / "arguments" / "democrats-voter-data.json").read_text(encoding="utf-8"))
    data = FORMATS["csv"].dumps(amap)  # type: ignore[misc]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    name = next(n for n in members if n.startswith("statements"))
    head = members[name].split(b"\n", 1)[0]
    members[name] = head + b"\n" + b"".join(b"x%d,,,,\n" % n for n in range(700_000))
    return _zip(members)


def _docx_huge() -> bytes:
    from tests.pieces import samples

    data = samples.docx_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    body = members["word/document.xml"]
    para = b"<w:p><w:r><w:t>We act.</w:t></w:r></w:p>"
    members["word/document.xml"] = body.replace(b"<w:body>", b"<w:body>" + para * 2_500_000, 1)
    return _zip(members)


# name -> (what it is, how to make it, how it is read: "map" formats.read under the name, "piece", "share")
CASES: dict[str, tuple[str, Callable[[], bytes], str, str]] = {
    "json-empty": (
        "native JSON, empty statements",
        lambda: _repeat(
            b'{"id":"m","title":"t","statements":[', lambda n: b'{"id":"s%d","text":""}' % n, b",", b"]}"
        ),
        "map.json",
        "map",
    ),
    "json-deep": (
        "native JSON, nested 7.9 M deep",
        lambda: b"[" * (SIZE // 2) + b"]" * (SIZE // 2),
        "map.json",
        "map",
    ),
    "json-string": (
        "native JSON, one 15.9 MB string",
        lambda: b'{"id":"m","title":"' + b"a" * (SIZE - 40) + b'","statements":[]}',
        "map.json",
        "map",
    ),
    "json-keys": (
        "native JSON, 1 M keys",
        lambda: _repeat(b"{", lambda n: b'"k%d":0' % n, b",", b"}"),
        "map.json",
        "map",
    ),
    "json-numbers": (
        "native JSON, a list of 5 M numbers",
        lambda: _repeat(b"[", lambda n: b"1", b",", b"]"),
        "map.json",
        "map",
    ),
    "aif-empty": (
        "AIF, empty I-nodes",
        lambda: _repeat(
            b'{"nodes":[', lambda n: b'{"nodeID":"%d","text":"","type":"I"}' % n, b",", b'],"edges":[]}'
        ),
        "map.json",
        "aif",
    ),
    "exercise-empty": (
        "exercise file, empty statements",
        lambda: _repeat(
            b'{"kind":"argmap-exercise","statements":[', lambda n: b'{"id":"s%d","text":""}' % n, b",", b"]}"
        ),
        "exercise.json",
        "exercise",
    ),
    "argdown-empty": (
        "Argdown, empty statements",
        lambda: _repeat(b"", lambda n: b"[s%d]: " % n, b"\n", b""),
        "map.argdown",
        "map",
    ),
    "argdown-deep": (
        "Argdown, a list nested 2,800 deep",
        lambda: b"".join(b"  " * k + b"+ <a%d>\n" % k for k in range(2_800)) * 1,
        "map.argdown",
        "map",
    ),
    "argdown-line": (
        "Argdown, one 15.9 MB line",
        lambda: b"[a]: " + b"word " * (SIZE // 5 - 2),
        "map.argdown",
        "map",
    ),
    "argdown-data": (
        "Argdown, flow data nested 5 M deep",
        lambda: b"[a]: x {k: " + b"[" * (SIZE // 2 - 10) + b"]" * (SIZE // 2 - 10) + b"}",
        "map.argdown",
        "map",
    ),
    "kialo-many": (
        "Kialo, 800,000 claims",
        lambda: (
            b"Discussion Title: t\n\n1. Thesis\n" + _repeat(b"", lambda n: b"1.%d. Pro: x" % n, b"\n", b"")
        ),
        "map.txt",
        "kialo",
    ),
    "csv-rows": ("CSV zip, 700,000 statement rows", _csv_zip, "map.zip", "map"),
    "text-huge": ("a text piece, 15.9 MB", lambda: b"We act now. " * (SIZE // 12), "piece.txt", "piece"),
    "html-tags": (
        "an HTML page, 15.9 MB of paragraphs",
        lambda: b"<html><body>" + b"<p>a</p>" * (SIZE // 8 - 4),
        "page.html",
        "piece",
    ),
    "html-text": (
        "an HTML page, one 15.9 MB paragraph",
        lambda: b"<html><body><p>" + b"word " * (SIZE // 5 - 5),
        "page.html",
        "piece",
    ),
    "docx-many": ("a Word document of 2.5 M paragraphs", _docx_huge, "piece.docx", "piece"),
    "rtf-huge": (
        "an RTF file, 15.9 MB",
        lambda: b"{\\rtf1 " + b"We act. " * (SIZE // 8 - 2) + b"}",
        "piece.rtf",
        "piece",
    ),
    "share-huge": ("a share link, 15.9 MB", lambda: b"A" * SIZE, "", "share"),
}


def child(path: str, name: str, how: str) -> None:
    """Read one input and print a JSON line: outcome, peak RSS before and after, CPU seconds."""
    from argmap import pieces
    from argmap.errors import ArgmapError
    from argmap.formats import read
    from argmap.storage import share

    data = Path(path).read_bytes()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    c0 = time.process_time()
    try:
        if how == "piece":
            piece = pieces.read(data, name)
            outcome = f"read: {len(piece.text):,} characters"
        elif how == "share":
            share.decode(data.decode("ascii"))
            outcome = "a map"
        else:
            amap, _ = read(data, name, None if how == "map" else how)
            outcome = f"a map of {len(amap.statements):,} statements"
    except ArgmapError as err:
        outcome = "refused: " + str(err).replace("\n", " ")[:90]
    except MemoryError:
        outcome = "FAILED: MemoryError"
    except Exception as err:  # noqa: BLE001 - reported, not hidden
        outcome = f"FAILED: {type(err).__name__}: {str(err)[:60]}"
    cpu = time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"outcome": outcome, "before_kb": before, "peak_kb": peak, "cpu": cpu}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cap-mb", type=int, default=4_000, help="address-space cap of each reading process")
    parser.add_argument("--only", default="", help="comma-separated case names")
    parser.add_argument("--child", nargs=3, metavar=("PATH", "NAME", "HOW"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    cap = args.cap_mb * 1_000_000
    folder = Path(tempfile.mkdtemp(prefix="argmap-memory-"))
    print(f"Each input read in a fresh process capped at {args.cap_mb:,} MB of address space (ulimit -v)")
    print(f"{'input':42} {'bytes':>11} {'peak RSS':>9} {'added':>8} {'CPU':>7}  outcome")
    for key, (label, make, name, how) in CASES.items():
        if args.only and key not in args.only.split(","):
            continue
        data = make()
        path = folder / (name or "link.txt")
        path.write_bytes(data)
        del data

        def limit(cap: int = cap) -> None:
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

        run = subprocess.run(
            [sys.executable, __file__, "--child", str(path), name or "link", how],
            capture_output=True, text=True, preexec_fn=limit, timeout=600,
        )  # fmt: skip
        size = path.stat().st_size
        path.unlink()
        lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
        if not lines:
            tail = (run.stderr.strip().splitlines() or ["(no output)"])[-1][:80]
            print(f"{label:42} {size:>11,} {'':>9} {'':>8} {'':>7}  FAILED (exit {run.returncode}): {tail}")
            continue
        r = json.loads(lines[-1])
        peak, added = r["peak_kb"] / 1000, (r["peak_kb"] - r["before_kb"]) / 1000
        print(f"{label:42} {size:>11,} {peak:>6,.0f} MB {added:>5,.0f} MB {r['cpu']:>6.2f}s  {r['outcome']}")


if __name__ == "__main__":
    main()
