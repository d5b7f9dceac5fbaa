"""Fuzz every importer: mutated and generated inputs; print unhandled exceptions and the slowest inputs.

    PYTHONPATH=src python bench/fuzz_readers.py [-n 100000] [--seed 1] [--only json,aif] [--save DIR]

Every input must end in a map or an ``ArgmapError`` (one sentence) within 2 s. The inputs: the example
map written in each readable format (native JSON, AIF, Argdown, Kialo, CSV zip, an exercise file, a
share link) and one opinion piece as each kind of file people have (Word .docx, PDF, OpenDocument .odt,
RTF, an HTML page, a UTF-16 text file: the ``pieces`` readers behind ``argmap extract`` and the Analyze
page), then mutated — bytes flipped, inserted, deleted, repeated, spliced, cut — and, for JSON, values
swapped for other types, deep nesting, huge integers and lone surrogates; for zips (the CSV zip, .docx,
.odt), damaged members (bad CRC, encryption flag, unknown method, a bomb); for HTML, RTF and text, deep
nesting, huge tokens and stray encodings. ``argmap import`` runs through the CLI; ``extract`` maps a
mutated piece end to end (read, extract, save). Prints the count per reader, every unhandled exception's
signature with its count and a short example, and the slowest inputs per reader.
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import os
import random
import signal
import sys
import tempfile
import time
import traceback
import zipfile
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]  # argmap, and tests.pieces.samples

from argmap.classroom import exercise  # noqa: E402
from argmap.errors import ArgmapError  # noqa: E402
from argmap.formats import FORMATS, native, read  # noqa: E402
from argmap.storage import share  # noqa: E402
from tests.pieces import samples  # noqa: E402  (the piece as each kind of file, made, not committed)

EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"
LIMIT_S = 2.0
INTERESTING = [b"{", b"}", b"[", b"]", b'"', b"\\", b"\x00", b"\xff", b"\xed\xa0\x80", b"9" * 20, b",",
               b":", b"\n", b"-", b"#", b"<", b">", b"[[", b"\\ud800", b"null", b"true", b"1e999",
               b"PK\x03\x04"]  # fmt: skip


def seeds() -> dict[str, bytes]:
    """The example map in every readable format, keyed by reader."""
    amap = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    out: dict[str, bytes] = {}
    for name in ("json", "aif", "argdown", "kialo", "csv"):
        data = FORMATS[name].dumps(amap)  # type: ignore[misc]
        out[name] = data if isinstance(data, bytes) else data.encode("utf-8")
    out["exercise"] = exercise.dumps(exercise.create(amap)).encode("utf-8")
    out["share"] = share.encode(amap).encode("ascii")
    out["import"] = out["argdown"]
    out.update(PIECE_SEEDS)
    out["extract"] = samples.TEXT.encode("utf-8")
    return out


PIECE_SEEDS: dict[str, bytes] = {
    "docx": samples.docx_bytes(),
    "pdf": samples.pdf_bytes(),
    "odt": samples.odt_bytes(),
    "rtf": samples.rtf_bytes(),
    "html": samples.html_bytes(),
    "text": samples.utf16_bytes(),
}
PIECE_NAMES = {k: [f"piece.{'txt' if k == 'text' else k}", "upload", "download.txt"] for k in PIECE_SEEDS}


def _read_piece(kind: str) -> Callable[[bytes], Any]:
    """``pieces.read`` under the file's own name, no name, or a lying one; what it reads must save."""
    from argmap import pieces

    def run(data: bytes) -> None:
        piece = pieces.read(data, PIECE_NAMES[kind][len(data) % 3])
        piece.text.encode("utf-8")
        (piece.title or "").encode("utf-8")

    return run


def _extract_piece(data: bytes) -> Any:
    """A piece end to end: read (as text or whatever its content says), mapped, and the map saved."""
    from argmap import pieces
    from argmap.extractor import extract

    piece = pieces.read(data, "piece.txt")
    return extract(piece.text, piece.title)


# --- readers: bytes in, a map or an ArgmapError out ----------------------------------------------


def _cli_import() -> Callable[[bytes], Any]:
    from click.testing import CliRunner

    from argmap.cli import main

    runner = CliRunner()
    folder = Path(tempfile.mkdtemp(prefix="fuzz-import-"))
    names = ["in.argdown", "in.json", "in.txt", "in.zip"]

    def run(data: bytes) -> None:
        path = folder / names[len(data) % len(names)]
        path.write_bytes(data)
        result = runner.invoke(main, ["import", str(path), "-o", str(folder / "out.json")])
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        if result.exit_code not in (0, 1):
            raise RuntimeError(f"exit status {result.exit_code}: {result.output[-200:]}")
        if result.exit_code == 1 and "Traceback" in result.output:
            raise RuntimeError(result.output[-300:])

    return run


READERS: dict[str, Callable[[bytes], Any]] = {
    "json": lambda b: read(b, "map.json", "json"),
    "aif": lambda b: read(b, "map.json", "aif"),
    "argdown": lambda b: read(b, "map.argdown"),
    "kialo": lambda b: read(b, "map.txt", "kialo"),
    "csv": lambda b: read(b, "map.zip"),
    "exercise": lambda b: read(b, "exercise.json", "exercise"),
    "share": lambda b: share.decode(b.decode("latin-1")),
    **{kind: _read_piece(kind) for kind in PIECE_SEEDS},
    "extract": _extract_piece,
}


# --- mutations ----------------------------------------------------------------------------------


def mutate_bytes(rng: random.Random, data: bytes, pool: list[bytes]) -> tuple[bytes, str]:
    b = bytearray(data)
    kind = rng.choice(["flip", "insert", "delete", "repeat", "splice", "cut", "interesting"])
    n = max(len(b), 1)
    at = rng.randrange(n)
    if kind == "flip":
        for _ in range(rng.randint(1, 8)):
            if b:
                i = rng.randrange(len(b))
                b[i] ^= 1 << rng.randrange(8)
    elif kind == "insert":
        b[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    elif kind == "delete":
        del b[at : at + rng.randint(1, 64)]
    elif kind == "repeat":
        chunk = b[at : at + rng.randint(1, 200)]
        b[at:at] = chunk * rng.randint(2, 50)
    elif kind == "splice":
        other = rng.choice(pool)
        j = rng.randrange(max(len(other), 1))
        b = b[:at] + bytearray(other[j : j + rng.randint(1, 400)]) + b[at:]
    elif kind == "cut":
        b = b[:at]
    else:
        b[at:at] = rng.choice(INTERESTING)
    return bytes(b), kind


def _hostile_value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(11)
    if kind == 0:
        return None
    if kind == 1:
        return [] if rng.random() < 0.5 else [_hostile_value(rng, depth + 1)]
    if kind == 2:
        return {} if rng.random() < 0.5 else {"x": _hostile_value(rng, depth + 1)}
    if kind == 3:
        return rng.choice([0, -1, 2**63, 1.5, float("1e308")])
    if kind == 4:
        return rng.choice(["", " ", "\ud800", "a\udfffb", "x" * 100_000, "-", "[", "\x00"])
    if kind == 5:
        return rng.choice([True, False])
    if kind == 6:
        return "s1"
    return rng.choice(["I", "RA", "CA", "L", "statement", "support", "attack", "2024-01-01"])


def mutate_json(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """Swap a random value of the parsed JSON for another type, or wrap the whole in hostile structure."""
    doc = json.loads(data)
    kind = rng.choice(["value", "value", "value", "deep", "bigint", "surrogate", "many"])
    if kind == "deep":
        depth = rng.choice([500, 990, 1_000, 5_000, 100_000])
        text = "[" * depth + "]" * depth if rng.random() < 0.5 else '{"a":' * depth + "1" + "}" * depth
        if rng.random() < 0.5 and isinstance(doc, dict):
            body = json.dumps(doc)
            text = body[:-1] + ', "deep": ' + text + "}"
        return text.encode(), f"deep {depth}"
    if kind == "bigint":
        digits = rng.choice([4_300, 4_301, 50_000])
        body = json.dumps(doc)
        return body.replace('"revision": 1', '"revision": ' + "9" * digits, 1).replace(
            "{", '{"n": ' + "9" * digits + ", ", 1
        ).encode(), f"bigint {digits}"
    if kind == "surrogate":
        body = json.dumps(doc)
        return body.replace('"text": "', '"text": "\\ud800', 1).encode(), "surrogate"
    if kind == "many" and isinstance(doc, dict):
        key = rng.choice(["statements", "nodes", "edges", "inferences", "attacks", "evidence"])
        count = rng.choice([5_001, 20_001, 60_000])
        doc[key] = [{"id": f"x{i}", "text": ""} for i in range(count)]
        return json.dumps(doc).encode(), f"many {key} {count}"
    # one value somewhere in the tree, replaced
    paths: list[tuple[Any, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                paths.append((node, k))
                walk(v)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                paths.append((node, i))
                walk(v)

    walk(doc)
    for _ in range(rng.randint(1, 3)):
        if paths:
            parent, key = rng.choice(paths)
            parent[key] = _hostile_value(rng)
    return json.dumps(doc).encode(), "value"


def mutate_zip(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """A zip with one member damaged the ways real zips are: bad CRC, encrypted, unknown method, a bomb."""
    kind = rng.choice(["crc", "encrypted", "method", "bomb", "member-bytes", "names"])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    biggest = max(members, key=lambda name: len(members[name]))
    if kind == "bomb":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
            for name, body in members.items():
                out.writestr(name, body if name != biggest else b"a" * rng.choice([80_000_000, 250_000_000]))
        return buf.getvalue(), "bomb"
    if kind == "names":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
            for name, body in members.items():
                out.writestr(rng.choice([name, name.upper(), "../" + name, name + "/"]), body)
        return buf.getvalue(), "names"
    if kind == "member-bytes":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
            for name, body in members.items():
                if rng.random() < 0.5:
                    body, _ = mutate_bytes(rng, body, [body])
                out.writestr(name, body)
        return buf.getvalue(), "member-bytes"
    b = bytearray(data)
    # the local header of a random member: signature PK\x03\x04, flags at +6, method at +8, CRC at +14
    starts = [i for i in range(len(b) - 4) if b[i : i + 4] == b"PK\x03\x04"]
    central = [i for i in range(len(b) - 4) if b[i : i + 4] == b"PK\x01\x02"]
    if not starts:
        return bytes(b), kind
    k = rng.randrange(len(starts))
    at = starts[k]
    cat = central[k] if k < len(central) else None
    if kind == "crc":
        b[at + 14] ^= 0xFF
        if cat is not None:
            b[cat + 16] ^= 0xFF
    elif kind == "encrypted":
        b[at + 6] |= 1
        if cat is not None:
            b[cat + 8] |= 1
    else:
        method = rng.choice([1, 6, 9, 12, 14, 93, 98, 99])
        b[at + 8 : at + 10] = method.to_bytes(2, "little")
        if cat is not None:
            b[cat + 10 : cat + 12] = method.to_bytes(2, "little")
    return bytes(b), kind


def mutate_share(rng: random.Random, token: bytes, amap_json: bytes) -> tuple[bytes, str]:
    """A share token: mutated as text, or a hostile JSON document packed as a token."""
    if rng.random() < 0.5:
        return mutate_bytes(rng, token, [token])
    body, kind = mutate_json(rng, amap_json)
    packed = base64.urlsafe_b64encode(zlib.compress(body, 9)).rstrip(b"=")
    return packed, f"packed {kind}"


def mutate_markup(rng: random.Random, reader: str, data: bytes) -> tuple[bytes, str]:
    """Hostile structure for the text-like pieces: deep nesting, one huge token, a stray encoding."""
    kind = rng.choice(["deep", "huge", "many", "encoding"])
    at = rng.randrange(max(len(data), 1))
    if kind == "deep":
        depth = rng.choice([1_000, 10_000, 100_000])
        pairs = {"html": (b"<div>", b"</div>"), "rtf": (b"{", b"}"), "argdown": (b"{", b"}")}
        open_, close = pairs.get(reader, (b"(", b")"))
        chunk = open_ * depth + b"x" + close * rng.choice([0, depth])
    elif kind == "huge":
        chunk = rng.choice([b"a", b"\\u9999?", b"&#x1F600;", b"<", b"\\par ", b". "]) * rng.choice(
            [10_000, 100_000, 1_000_000]
        )
    elif kind == "many":
        chunk = rng.choice([b"<p>a</p>", b"\\par\n", b"\r\n\r\n", b"<br>", b"<li>", b"\x00"]) * 100_000
    else:
        text = samples.TEXT + "\ud800" * rng.randint(0, 1)
        codec = rng.choice(["utf-16", "utf-16-le", "utf-32", "cp1252", "shift_jis", "gb18030", "koi8_r"])
        return text.encode(codec, errors="surrogatepass" if codec.startswith("utf") else "replace"), codec
    return data[:at] + chunk + data[at:], kind


def generate(
    rng: random.Random, reader: str, seed: bytes, pool: list[bytes], amap_json: bytes
) -> tuple[bytes, str]:
    """One input for ``reader``: mostly mutated bytes, some structure-aware."""
    if reader == "share":
        return mutate_share(rng, seed, amap_json)
    if reader in ("json", "aif", "exercise") and rng.random() < 0.4:
        return mutate_json(rng, seed)
    if reader in ("csv", "docx", "odt") and rng.random() < 0.5:
        return mutate_zip(rng, seed)
    if reader in ("html", "rtf", "text", "argdown") and rng.random() < 0.1:  # (extract: bench_extract)
        return mutate_markup(rng, reader, seed)
    data, kind = seed, "seed"
    for _ in range(rng.choice([1, 1, 2, 4])):
        data, kind = mutate_bytes(rng, data, pool)
    return data, kind


# --- the run ------------------------------------------------------------------------------------


def signature(err: BaseException) -> str:
    """The exception's type and the innermost frame inside argmap (where it escaped from)."""
    frames = [f for f in traceback.extract_tb(err.__traceback__) if "argmap" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    return f"{type(err).__name__} at {where}: {str(err)[:80]}"


@dataclass
class Tally:
    """What a run found so far, per reader: inputs, refusals, unhandled exceptions, the slowest."""

    counts: Counter[str] = field(default_factory=Counter)
    handled: Counter[str] = field(default_factory=Counter)
    unhandled: dict[str, list[tuple[str, str, bytes]]] = field(default_factory=lambda: defaultdict(list))
    slowest: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    slow: list[tuple[float, str, str, int]] = field(default_factory=list)
    over: int = 0  # inputs over LIMIT_S of CPU
    over_wall: int = 0


def feed(reader: str, read: Callable[[bytes], Any], data: bytes, kind: str, tally: Tally, save: str) -> None:
    """One input through one reader, timed, its outcome counted."""
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        result = read(data)
        amap = result[0] if isinstance(result, tuple) else result
        if amap is not None:  # what was read must save: a lone surrogate made every later save fail
            native.dumps(amap).encode("utf-8")
    except ArgmapError:
        tally.handled[reader] += 1
    except Exception as err:  # noqa: BLE001 - the point: find what escapes
        tally.unhandled[signature(err)].append((reader, kind, data))
    # the bound is on CPU time: on a shared machine the wall clock also counts other processes' turns
    elapsed, wall = time.process_time() - c0, time.perf_counter() - t0
    tally.counts[reader] += 1
    tally.over_wall += wall > LIMIT_S
    if elapsed > LIMIT_S:
        tally.over += 1
        if save:
            Path(save).mkdir(parents=True, exist_ok=True)
            (Path(save) / f"slow-{tally.over:03}-{reader}.bin").write_bytes(data)
    tally.slowest[reader] = max(tally.slowest[reader], elapsed)
    if len(tally.slow) < 8 or elapsed > tally.slow[-1][0]:
        tally.slow = sorted([*tally.slow, (elapsed, reader, kind, len(data))], reverse=True)[:8]


def report(tally: Tally, names: list[str], took: float, seed: int, save: str) -> int:
    """Print the figures; the number of unhandled exceptions."""
    total = sum(len(v) for v in tally.unhandled.values())
    print(f"{sum(tally.counts.values()):,} inputs in {took:.0f} s (seed {seed})")
    for reader in names:
        print(
            f"  {reader:9} {tally.counts[reader]:>7,} inputs, {tally.handled[reader]:>7,} refused with an "
            f"ArgmapError, slowest {tally.slowest[reader] * 1000:,.0f} ms CPU"
        )
    print(f"unhandled exceptions: {total} ({len(tally.unhandled)} signatures)")
    for sig, cases in sorted(tally.unhandled.items(), key=lambda kv: -len(kv[1])):
        reader, kind, data = cases[0]
        print(f"  {len(cases):>6} × {sig}  [first: {reader}, {kind}, {len(data):,} bytes]")
    wall = f"over {LIMIT_S:.0f} s of wall clock: {tally.over_wall}"
    print(f"inputs over {LIMIT_S:.0f} s of CPU: {tally.over} ({wall})")
    print("slowest (CPU):")
    for elapsed, reader, kind, size in tally.slow:
        print(f"  {elapsed * 1000:8.0f} ms  {reader:9} {kind:16} {size:>10,} bytes")
    if save and tally.unhandled:
        folder = Path(save)
        folder.mkdir(parents=True, exist_ok=True)
        for i, (sig, cases) in enumerate(tally.unhandled.items()):
            reader, kind, data = cases[0]
            (folder / f"{i:03}-{reader}.bin").write_bytes(data)
            (folder / f"{i:03}-{reader}.txt").write_text(sig + "\n", encoding="utf-8")
    return total


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000, help="inputs in all (shared among the readers)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", default="", help="comma-separated readers (default: all)")
    parser.add_argument("--save", default="", help="folder to write each unhandled input into")
    args = parser.parse_args()

    readers = dict(READERS)
    readers["import"] = _cli_import()
    if args.only:
        readers = {k: v for k, v in readers.items() if k in args.only.split(",")}
    base = seeds()
    pool = list(base.values())
    rng = random.Random(args.seed)
    tally = Tally()
    names = list(readers)
    t_all = time.perf_counter()
    signal.signal(signal.SIGTERM, _stop)  # stopped early (kill, Ctrl-C): the figures so far
    try:
        for n in range(args.n):
            if n and n % 1_000 == 0:
                print(
                    f"{n:,} inputs, {time.perf_counter() - t_all:.0f} s, unhandled "
                    f"{sum(map(len, tally.unhandled.values()))}, over {LIMIT_S:.0f} s of CPU {tally.over}",
                    file=sys.stderr,
                    flush=True,
                )
            reader = names[n % len(names)]
            data, kind = generate(rng, reader, base[reader], pool, base["json"])
            feed(reader, readers[reader], data, kind, tally, args.save)
    except KeyboardInterrupt:
        print("(stopped early)")
    sys.exit(1 if report(tally, names, time.perf_counter() - t_all, args.seed, args.save) else 0)


if __name__ == "__main__":
    os.environ.setdefault("ARGMAP_STORE", tempfile.mkdtemp(prefix="fuzz-store-"))
    main()
