"""CSV tables (read and write): a .zip holding statements.csv, relations.csv, map.csv and source.txt.

A format's ``dumps`` gives one file, and the two tables the issue asks for are two files, so they
travel zipped: unzip it and open each table in a spreadsheet, or read them with pandas.

``statements.csv`` — one row per node: ``id, kind`` (statement | evidence), ``text, implicit, tags``
(a JSON list), ``rating, note, start, end`` (the span's offsets in source.txt), for evidence
``evidence_kind, reliability, source_title, source_author, source_url, source_date``, and
``author, created`` (ISO 8601).

``relations.csv`` — one row per arrow: ``id, kind`` (support | attack | evidence), ``source,
target, scheme, rating, note, author, created``. A linked inference is several support rows
sharing its id, one per co-premise, in order; an undercut's target is an inference id; an
evidence row repeats the evidence id as its source.

``map.csv`` — one row: ``id, title, main, created, updated, revision`` and the source piece's
``source_title, source_author, source_outlet, source_date, source_url``. ``source.txt`` — the
source text the spans point into. Only statements.csv and relations.csv are required on import.

Keeps: every statement, inference, attack and piece of evidence with texts, spans, tags, ratings,
notes, schemes, authors, dates and evidence sources; the map's id, title, dates and revision.
Drops: the extractor's cue words and reasons, and answers to critical questions.

A cell that a spreadsheet would run as a formula (starting ``=``, ``+``, ``-``, ``@``, tab or CR)
is written with a leading ``'``, which ``loads`` removes again (one more ``'`` is added to cells
that already start with ``'`` and such a character, so every text reads back exactly).
"""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
import zlib
from datetime import datetime
from typing import Any

from argmap.errors import FormatError
from argmap.formats import native, parse_json
from argmap.model import MAX_ELEMENTS, ArgumentMap

NAME = "csv"
STATEMENT_COLUMNS = (
    "id", "kind", "text", "implicit", "tags", "rating", "note", "start", "end",
    "evidence_kind", "reliability", "source_title", "source_author", "source_url", "source_date",
    "author", "created",
)  # fmt: skip
RELATION_COLUMNS = ("id", "kind", "source", "target", "scheme", "rating", "note", "author", "created")
MAP_COLUMNS = (
    "id", "title", "main", "created", "updated", "revision",
    "source_title", "source_author", "source_outlet", "source_date", "source_url",
)  # fmt: skip
MEMBERS = ("statements.csv", "relations.csv", "map.csv", "source.txt")
MAX_UNZIPPED_BYTES = 24_000_000  # a zip bomb stops here (past the 16 MB a file may be), in ~0.3 s
# What zipfile raises on a damaged archive or member, besides BadZipFile: each becomes a FormatError.
_DAMAGED = (zipfile.BadZipFile, zlib.error, struct.error, EOFError, ValueError, OSError, IndexError)

_FORMULA = re.compile(r"^'*[=+\-@\t\r]")


def dumps(amap: ArgumentMap) -> bytes:
    """The map as a zip of statements.csv, relations.csv, map.csv and source.txt (UTF-8)."""
    statements, relations = tables(amap)
    src = amap.source
    head = {
        "id": amap.id,
        "title": amap.title,
        "main": amap.main,
        "created": _time(amap.created),
        "updated": _time(amap.updated),
        "revision": amap.revision,
        "source_title": src.title if src else None,
        "source_author": src.author if src else None,
        "source_outlet": src.outlet if src else None,
        "source_date": src.date if src else None,
        "source_url": src.url if src else None,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("statements.csv", _to_csv(statements, STATEMENT_COLUMNS))
        zf.writestr("relations.csv", _to_csv(relations, RELATION_COLUMNS))
        zf.writestr("map.csv", _to_csv([head], MAP_COLUMNS))
        if src is not None:
            zf.writestr("source.txt", src.text)
    return buf.getvalue()


def losses(amap: ArgumentMap) -> list[str]:
    """What the CSV tables of ``amap`` drop, one sentence each (empty when nothing is lost)."""
    elements = (*amap.statements, *amap.inferences, *amap.attacks, *amap.evidence)
    out = []
    if any(e.cues or e.reason for e in elements):
        out.append("cue words and reasons")
    if any(r.answers for r in (*amap.inferences, *amap.attacks)):
        out.append("answers to critical questions")
    if amap.comments:
        out.append(f"the {len(amap.comments)} comment(s) of the map's discussion")
    return out


def tables(amap: ArgumentMap) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows of statements.csv and relations.csv, as plain dicts."""
    statements: list[dict[str, Any]] = []
    for s in amap.statements:
        statements.append(
            {
                "id": s.id,
                "kind": "statement",
                "text": s.text,
                "implicit": "true" if s.implicit else "false",
                "tags": json.dumps(list(s.tags), ensure_ascii=False) if s.tags else "",
                "rating": s.rating,
                "note": s.note,
                "start": s.span.start if s.span else None,
                "end": s.span.end if s.span else None,
                "author": s.author,
                "created": _time(s.created),
            }
        )
    for e in amap.evidence:
        source = e.source
        statements.append(
            {
                "id": e.id,
                "kind": "evidence",
                "text": e.text,
                "note": e.note,
                "start": e.span.start if e.span else None,
                "end": e.span.end if e.span else None,
                "evidence_kind": e.kind,
                "reliability": e.reliability,
                "source_title": source.title if source else None,
                "source_author": source.author if source else None,
                "source_url": source.url if source else None,
                "source_date": source.date if source else None,
                "author": e.author,
                "created": _time(e.created),
            }
        )
    relations: list[dict[str, Any]] = []
    for i in amap.inferences:
        for p in i.premises:
            relations.append(
                {"id": i.id, "kind": "support", "source": p, "target": i.conclusion, "scheme": i.scheme}
                | {"rating": i.rating, "note": i.note, "author": i.author, "created": _time(i.created)}
            )
    for a in amap.attacks:
        relations.append(
            {"id": a.id, "kind": "attack", "source": a.source, "target": a.target, "scheme": a.scheme}
            | {"rating": a.rating, "note": a.note, "author": a.author, "created": _time(a.created)}
        )
    for e in amap.evidence:
        relations.append({"id": e.id, "kind": "evidence", "source": e.id, "target": e.target})
    return statements, relations


def loads(data: bytes | str, path: str | None = None) -> ArgumentMap:
    """Read the zip ``dumps`` writes; errors name the member file, its line and what was expected."""
    if isinstance(data, str):
        raise FormatError("expected the bytes of a .zip file, got text", fmt=NAME, path=path)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except NotImplementedError as err:  # a member needs a newer zip than Python reads ("version 8.4")
        raise FormatError(
            f"cannot unpack it ({err}); save the zip again with plain deflate", fmt=NAME, path=path
        ) from None
    except _DAMAGED:
        raise FormatError(
            "not a zip file; expected a .zip holding statements.csv and relations.csv", fmt=NAME, path=path
        ) from None
    with zf:
        texts = _members(zf, path)
    for required in ("statements.csv", "relations.csv"):
        if required not in texts:
            raise FormatError(f"the zip has no {required}", fmt=NAME, path=path)
    statements = _read_csv(texts["statements.csv"], "statements.csv", STATEMENT_COLUMNS[:3], path)
    relations = _read_csv(texts["relations.csv"], "relations.csv", RELATION_COLUMNS[:4], path)
    heads = _read_csv(texts["map.csv"], "map.csv", ("id",), path) if "map.csv" in texts else []
    head = heads[0][1] if heads else {}
    return native.from_data(_map_data(statements, relations, head, texts.get("source.txt"), path), path)


def _members(zf: zipfile.ZipFile, path: str | None) -> dict[str, str]:
    """The known members as text, refusing oversized or non-UTF-8 content."""
    texts: dict[str, str] = {}
    total = 0
    for info in zf.infolist():
        name = info.filename.rsplit("/", 1)[-1]  # a zip made by hand may put them in a folder
        if name not in MEMBERS or name in texts:
            continue
        try:
            with zf.open(info) as fh:
                raw = fh.read(MAX_UNZIPPED_BYTES - total + 1)
        except (RuntimeError, NotImplementedError) as err:  # encrypted; a compression method zipfile lacks
            raise FormatError(
                f"cannot unpack it ({err}); save the zip again without a password, with plain deflate",
                fmt=NAME,
                path=_inside(path, name),
            ) from None
        except _DAMAGED as err:  # a bad CRC, a member cut short
            raise FormatError(f"the zip is damaged ({err})", fmt=NAME, path=_inside(path, name)) from None
        total += len(raw)
        if total > MAX_UNZIPPED_BYTES:
            raise FormatError(f"unzips to more than {MAX_UNZIPPED_BYTES:,} bytes", fmt=NAME, path=path)
        try:
            texts[name] = raw.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise FormatError(
                f"byte {err.start} is not UTF-8; save the tables as UTF-8", fmt=NAME, path=_inside(path, name)
            ) from None
    return texts


def _inside(path: str | None, member: str) -> str:
    """Where a member file is, for messages: ``maps.zip/statements.csv``."""
    return f"{path}/{member}" if path else member


def _to_csv(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    import pandas as pd  # lazy: pandas costs ~0.4 s to import, and the CLI must start fast

    frame = pd.DataFrame([{c: _cell(row.get(c)) for c in columns} for row in rows], columns=list(columns))
    # CRLF rows (RFC 4180): the csv writer then quotes any cell holding a lone \r as well as \n.
    return frame.to_csv(index=False, lineterminator="\r\n")


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return "'" + text if _FORMULA.match(text) else text


def _read_csv(
    text: str, member: str, required: tuple[str, ...], path: str | None
) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs; every cell a string ("" when empty), formula guards removed."""
    import pandas as pd  # lazy, as above

    try:
        # one row past the limit is enough to refuse: 700,000 rows took 12 s and 1 GB to turn down
        frame = pd.read_csv(
            io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False, nrows=MAX_ELEMENTS + 1
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise FormatError(f"not a readable CSV table: {err}", fmt=NAME, path=_inside(path, member)) from None
    if len(frame) > MAX_ELEMENTS:
        raise FormatError(
            f"more than {MAX_ELEMENTS:,} rows; a map holds at most {MAX_ELEMENTS:,} elements",
            fmt=NAME,
            path=_inside(path, member),
        )
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise FormatError(
            f"missing column(s) {', '.join(missing)}; expected {', '.join(required)} at least",
            fmt=NAME,
            path=_inside(path, member),
        )
    rows = []
    line = 2  # line 1 is the header; a quoted cell may span several lines
    for record in frame.to_dict("records"):
        row = {str(k): _uncell(v) for k, v in record.items()}
        rows.append((line, row))
        line += 1 + sum(v.count("\n") for v in record.values())
    return rows


def _uncell(value: str) -> str:
    return value[1:] if value.startswith("'") and _FORMULA.match(value) else value


def _meta(row: dict[str, str]) -> dict[str, str | None]:
    return {k: row.get(k) or None for k in ("rating", "note", "author", "created")}


def _map_data(
    statements: list[tuple[int, dict[str, str]]],
    relations: list[tuple[int, dict[str, str]]],
    head: dict[str, str],
    source_text: str | None,
    path: str | None,
) -> dict[str, Any]:
    """The native JSON structure the tables describe (validated by the caller)."""

    def fail(member: str, line: int, message: str) -> FormatError:
        return FormatError(message, fmt=NAME, path=_inside(path, member), line=line)

    def span(member: str, line: int, row: dict[str, str]) -> dict[str, Any] | None:
        if not row.get("start") and not row.get("end"):
            return None
        try:
            start, end = int(row["start"]), int(row["end"])
        except (KeyError, ValueError):
            raise fail(member, line, "start and end must both be whole numbers (or both empty)") from None
        if source_text is None:
            raise fail(member, line, "a span (start, end) needs source.txt in the zip")
        return {"start": start, "end": end, "text": source_text[start:end]}

    out_statements: list[dict[str, Any]] = []
    out_evidence: dict[str, dict[str, Any]] = {}
    for line, row in statements:
        kind, sid = row.get("kind") or "statement", row["id"]
        where = ("statements.csv", line)
        if kind == "statement":
            implicit = (row.get("implicit") or "false").lower()
            if implicit not in ("true", "false"):
                raise fail(*where, f"implicit must be true or false, found {row['implicit']!r}")
            try:
                tags = parse_json(row["tags"], fmt=NAME) if row.get("tags") else []
            except FormatError:
                raise fail(
                    *where, f'tags must be a JSON list like ["a", "b"], found {row["tags"]!r}'
                ) from None
            out_statements.append(
                {
                    "id": sid,
                    "text": row["text"],
                    "implicit": implicit == "true",
                    "tags": tags,
                    "rating": row.get("rating") or None,
                    "note": row.get("note") or None,
                    "span": span(*where, row),
                    "author": row.get("author") or None,
                    "created": row.get("created") or None,
                }
            )
        elif kind == "evidence":
            origin = {k: row.get(f"source_{k}") or None for k in ("title", "author", "url", "date")}
            out_evidence[sid] = {
                "id": sid,
                "target": None,
                "kind": row.get("evidence_kind") or "other",
                "text": row["text"],
                "note": row.get("note") or None,
                "reliability": row.get("reliability") or None,
                "source": origin if any(origin.values()) else None,
                "span": span(*where, row),
                "author": row.get("author") or None,
                "created": row.get("created") or None,
                "_line": line,
            }
        else:
            raise fail(*where, f"kind must be statement or evidence, found {kind!r}")

    inferences: dict[str, dict[str, Any]] = {}
    attacks = []
    for line, row in relations:
        kind, rid = row["kind"], row["id"]
        where = ("relations.csv", line)
        if kind == "support":
            inf = inferences.setdefault(
                rid,
                {"id": rid, "premises": [], "conclusion": row["target"], "scheme": row.get("scheme") or None}
                | _meta(row),
            )
            if inf["conclusion"] != row["target"]:
                raise fail(
                    *where, f"inference '{rid}' has rows with different targets; one conclusion expected"
                )
            inf["premises"].append(row["source"])
        elif kind == "attack":
            attacks.append(
                {
                    "id": rid,
                    "source": row["source"],
                    "target": row["target"],
                    "scheme": row.get("scheme") or None,
                }
                | _meta(row)
            )
        elif kind == "evidence":
            if rid not in out_evidence:
                raise fail(*where, f"evidence '{rid}' is not a row of kind evidence in statements.csv")
            out_evidence[rid]["target"] = row["target"]
        else:
            raise fail(*where, f"kind must be support, attack or evidence, found {kind!r}")
    for ev in out_evidence.values():
        at = ev.pop("_line")
        if ev["target"] is None:
            raise fail("statements.csv", at, f"evidence '{ev['id']}' backs nothing: add a relations.csv row")

    source = None
    if source_text is not None or any(head.get(f"source_{k}") for k in ("title", "author", "outlet", "url")):
        source = {k: head.get(f"source_{k}") or None for k in ("title", "author", "outlet", "date", "url")}
        source["text"] = source_text or ""
    data: dict[str, Any] = {
        "id": head.get("id") or "imported-csv",
        "title": head.get("title") or "Untitled map",
        "main": head.get("main") or None,
        "created": head.get("created") or None,
        "updated": head.get("updated") or None,
        "revision": head.get("revision") or 0,
        "source": source,
        "statements": out_statements,
        "inferences": list(inferences.values()),
        "attacks": attacks,
        "evidence": list(out_evidence.values()),
    }
    return data
