"""Interchange formats: one module per format, each with a symmetric ``loads``/``dumps`` pair.

``FORMATS`` is the one written-out table; adding a format is a module plus one line here.
``guess`` picks a format from a name or suffix, sniffing content only where a suffix is shared.

A table entry holds its functions themselves. The format modules are small and import their heavy
third-party code (pandas, graphviz, networkx) where it is used, so the whole table costs little to
import (bench/bench_cli.py).
"""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from argmap.errors import FormatError, InputError, UnknownFormat

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

Loads = Callable[..., "ArgumentMap"]
Dumps = Callable[["ArgumentMap"], str | bytes]


@dataclass(frozen=True)
class Format:
    """One interchange format: its name, file suffixes, codec functions and media type.

    ``loads``: text (bytes when ``binary``) and ``path=`` → ``ArgumentMap``, None if write-only;
    ``dumps``: ``ArgumentMap`` → text (bytes when ``binary``), None if read-only.
    """

    name: str
    suffixes: tuple[str, ...]
    loads: Loads | None
    dumps: Dumps | None
    media_type: str
    label: str
    # What one export of a given map drops, one sentence each (None: the format keeps everything).
    losses: Callable[[ArgumentMap], list[str]] | None = None
    # True when the file is bytes (loads takes bytes, dumps gives bytes), not UTF-8 text.
    binary: bool = False


MAX_INPUT_BYTES = 16_000_000  # a file larger than this is refused before it is parsed


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def parse_json(text: str, *, fmt: str, path: str | None = None) -> Any:
    """``json.loads`` whose failure is a ``FormatError`` naming the format, file, line and column.

    Also refused, in a sentence: nesting deeper than Python's stack (RecursionError at ~1,000
    levels), integers past Python's 4,300 digits, NaN and Infinity (no JSON number), and strings
    holding a lone UTF-16 surrogate (``"\\ud800"``: no file can store it, so every later save failed).
    """
    try:
        data = _loads(text)
    except json.JSONDecodeError as err:
        raise FormatError(
            f"not valid JSON: {err.msg} (column {err.colno})", fmt=fmt, path=path, line=err.lineno
        ) from None
    except RecursionError:
        raise FormatError("not valid here: the JSON is nested too deeply", fmt=fmt, path=path) from None
    except ValueError as err:  # integers past 4,300 digits, NaN, Infinity
        raise FormatError(f"not valid here: {str(err).split(':')[0]}", fmt=fmt, path=path) from None
    if "\\u" in text and _SURROGATE_ESCAPE.search(text):
        where = lone_surrogate(data)
        if where is not None:
            raise FormatError(
                "holds a lone UTF-16 surrogate (\\ud800-\\udfff), which is not text",
                fmt=fmt,
                path=path,
                element=where,
            )
    return data


# Within one ``read`` the same text was parsed up to three times (the .json check, the sniff, the
# reader): 3.5 s for 16 MB of keys. The last parse of this read is kept, by the text's identity, and
# dropped when the read ends (never kept between reads: it can be hundreds of MB).
_SHARED: ContextVar[list[tuple[str, Any]] | None] = ContextVar("argmap_shared_parse", default=None)


def _loads(text: str) -> Any:
    """``json.loads`` (NaN and Infinity refused), parsed once per ``read``."""
    shared = _SHARED.get()
    if shared and shared[0][0] is text:
        return shared[0][1]
    data = json.loads(text, parse_constant=_no_constant)
    if shared is not None:
        shared[:] = [(text, data)]
    return data


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(data: Any, where: str = "") -> str | None:
    """Where in parsed data a string holds a lone surrogate (JSON pairs them up when it can), or None."""
    if isinstance(data, str):
        return where or "text" if not data.isascii() and _SURROGATE.search(data) else None
    if isinstance(data, dict):
        items: Any = data.items()
    elif isinstance(data, list | tuple):
        items = enumerate(data)
    else:
        return None
    for key, value in items:
        if isinstance(key, str) and not key.isascii() and _SURROGATE.search(key):
            return f"{where}.{key}".strip(".")
        found = lone_surrogate(
            value, f"{where}[{key}]" if isinstance(key, int) else f"{where}.{key}".lstrip(".")
        )
        if found is not None:
            return found
    return None


def validated(data: dict[str, Any], fail: Callable[[str], Exception]) -> ArgumentMap:
    """Validate a reader's plain data as a map: the one place readers build maps. Broken
    invariants become the reader's own error (``fail`` gets the first 20 problems as one sentence).

    The size limits are checked first, on the plain data."""
    from pydantic import ValidationError

    from argmap.errors import listed
    from argmap.model import ArgumentMap, size_problems

    too_big = size_problems(data)
    if too_big:
        raise fail(listed(too_big))
    try:
        return ArgumentMap.model_validate(data)
    except ValidationError as err:
        from argmap.formats.native import first_problems

        found, total = first_problems(err, data)
        raise fail(listed(found, total=total)) from None


@contextmanager
def pause_gc() -> Iterator[None]:
    """Hold Python's cyclic garbage collector while a file is read.

    Reading builds tens of thousands of small objects and no reference cycles, yet each thousand
    or so allocations wakes the collector, which then walks every object alive (all imported
    modules included): about a third of reading a 2,000-statement Argdown file in a fresh process.
    Reference counting still frees everything; the collector runs again afterwards. Nesting is
    fine: only the call that paused it starts it again.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def decode(data: bytes, path: str | None = None) -> str:
    """UTF-8 text (a BOM is dropped), or an ``InputError`` naming the first bad byte's line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(
            f"{path or 'input'}: line {line}: byte {err.start} is not UTF-8; save the file as UTF-8"
        ) from None


def read(data: bytes, filename: str | None = None, fmt: str | None = None) -> tuple[ArgumentMap, Format]:
    """Read a file's bytes in any readable format: the one named, else from the suffix or content.

    The one door for imports (CLI, store, app), so each treats binary formats, bad UTF-8 and bad
    JSON alike. Returns the map and the format it was read as.
    """
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"{filename or 'input'}: {len(data):,} bytes; the limit is {MAX_INPUT_BYTES:,} bytes"
        )
    token = _SHARED.set([])
    try:
        return _read(data, filename, fmt)
    finally:
        _SHARED.reset(token)


def _read(data: bytes, filename: str | None, fmt: str | None) -> tuple[ArgumentMap, Format]:
    binary = (fmt in FORMATS and FORMATS[fmt].binary) or data[:4] == b"PK\x03\x04"
    text = None if binary else decode(data, filename)
    if fmt is None and filename is None:  # stdin: the content must tell
        fmt = "csv" if binary else _sniff(text or "")
        if fmt is None:
            raise UnknownFormat(
                f"cannot tell the format of unnamed input from its content (formats: {', '.join(FORMATS)}); "
                "name the format"
            )
    if fmt is None and text is not None and (filename or "").lower().endswith(".json"):
        # .json could be several formats: bad JSON is reported as such, with its line
        parse_json(text, fmt="json", path=filename)
    try:
        format_ = guess(filename, text, fmt)
    except FormatError:
        if fmt is not None or not (filename or "").lower().endswith(".json"):
            raise
        format_ = FORMATS["json"]  # JSON no key identifies: native's validation says what is wrong
    loads = format_.loads
    if loads is None:
        raise FormatError(
            f"{format_.name} files can be written but not read", fmt=format_.name, path=filename
        )
    with pause_gc():
        if format_.binary:
            return loads(data, path=filename), format_
        return loads(text if text is not None else decode(data, filename), path=filename), format_


def guess(
    filename: str | None, text: str | None = None, name: str | None = None, *, writing: bool = False
) -> Format:
    """The format named ``name``, else the one a suffix (or, for shared suffixes, content) implies.

    ``writing``: the format to write ``filename`` in; only formats with a writer count, and ``.json``
    means Argmap's own JSON (AIF is asked for by name).
    """
    if name:
        if name not in FORMATS:
            raise FormatError(f"unknown format '{name}'; known: {', '.join(FORMATS)}")
        return FORMATS[name]
    suffix = ""
    if filename and "." in filename:
        suffix = "." + filename.rsplit(".", 1)[1].lower()
    matches = [f for f in FORMATS.values() if suffix in f.suffixes and (f.dumps is not None or not writing)]
    if writing and FORMATS["json"] in matches:
        return FORMATS["json"]
    if suffix in _SNIFFED and text is not None:
        # A suffix that also names pieces of writing: the content must show the format.
        sniffed = _sniff(text)
        if sniffed not in {f.name for f in matches}:
            raise FormatError(
                f"not a {' or '.join(f.label for f in matches)} ({_SNIFFED[suffix]}); "
                "it reads as a piece of writing, whose map Argmap drafts",
                path=filename,
            )
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1 and text is not None:
        sniffed = _sniff(text)
        if sniffed in {f.name for f in matches}:
            return FORMATS[sniffed]
    if not matches:
        known = sorted({s for f in FORMATS.values() for s in f.suffixes})
        raise UnknownFormat(
            f"cannot tell the format of '{filename}' from its suffix (Argmap knows {', '.join(known)}; "
            f"formats: {', '.join(FORMATS)}); name the format"
        )
    raise UnknownFormat(f"'{filename}' could be {' or '.join(f.name for f in matches)}; name the format")


# Suffixes shared with pieces of writing, and what the content must show to be the map format.
_SNIFFED = {".txt": "a Kialo export starts with 'Discussion Title:'"}


def is_map_file(data: bytes, filename: str | None) -> bool:
    """Whether a file is a map in a format Argmap reads (else it is a piece of writing to draft, or
    nothing Argmap reads): by suffix, and by content where the suffix is shared with pieces (``.txt``)
    or missing (stdin: a JSON object, a Kialo export)."""
    suffix = "." + filename.rsplit(".", 1)[1].lower() if filename and "." in filename else ""
    readable = {f.name for f in FORMATS.values() if f.loads and suffix in f.suffixes}
    if suffix in _SNIFFED or not suffix:
        head = data[:4096].decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
        if not suffix and head.startswith("{"):
            return True
        return _sniff(head) == "kialo"
    return bool(readable)


def _sniff(text: str) -> str | None:
    """Tell shared suffixes apart by content: JSON by its top-level keys (arguebuf's rule: AIF has
    "locutions", OVA3 wraps it in "AIF"), text by Kialo's first line."""
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("Discussion Title:"):
        return "kialo"
    if not head.startswith("{"):
        return None
    try:
        data = _loads(head)
    except (ValueError, RecursionError):
        try:  # NaN or Infinity: not JSON, but the keys may still say which format was meant
            data = json.loads(head)
        except (ValueError, RecursionError):
            return None
    if not isinstance(data, dict):
        return None
    if "locutions" in data or isinstance(data.get("AIF"), dict) or ("nodes" in data and "edges" in data):
        return "aif"
    if data.get("kind") in ("argmap-exercise", "argmap-exercise-student"):
        return "exercise"
    if "schema_version" in data or "statements" in data:
        return "json"
    return None


# The table last: each format's module uses the helpers above (parse_json, validated, pause_gc), so it is
# imported once they exist. A module imports its heavy third-party code (pandas, graphviz) where it is
# used, so importing every format stays cheap (bench/bench_cli.py prints the figure).
from argmap.formats import (  # noqa: E402
    aif,
    argdown,
    csv_table,
    drawing,
    exercise,
    html,
    kialo,
    markdown,
    native,
)

FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("json", (".json",), native.loads, native.dumps, "application/json", "Argmap JSON"),
        Format(
            "argdown",
            (".argdown", ".ad"),
            argdown.loads,
            argdown.dumps,
            "text/plain",
            "Argdown",
            argdown.losses,
        ),
        Format("aif", (".json",), aif.loads, aif.dumps, "application/json", "AIF (AIFdb, OVA)", aif.losses),
        Format(
            "exercise",
            (".json",),
            exercise.loads,
            None,
            "application/json",
            "Argmap exercise (its reference map)",
        ),
        Format(
            "kialo",
            (".txt",),
            kialo.loads,
            kialo.dumps,
            "text/plain",
            "Kialo text export",
            kialo.losses,
        ),
        Format("markdown", (".md",), None, markdown.dumps, "text/markdown", "Markdown", markdown.losses),
        Format(
            "csv",
            (".zip",),
            csv_table.loads,
            csv_table.dumps,
            "application/zip",
            "CSV tables (zip)",
            csv_table.losses,
            binary=True,
        ),
        Format("html", (".html", ".htm"), None, html.dumps, "text/html", "HTML page", html.losses),
        Format("dot", (".dot", ".gv"), None, drawing.dumps_dot, "text/vnd.graphviz", "DOT", drawing.losses),
        Format("svg", (".svg",), None, drawing.dumps_svg, "image/svg+xml", "SVG", drawing.losses),
        Format("png", (".png",), None, drawing.dumps_png, "image/png", "PNG", drawing.losses, binary=True),
        Format(
            "pdf",
            (".pdf",),
            None,
            drawing.dumps_pdf,
            "application/pdf",
            "PDF",
            drawing.losses,
            binary=True,
        ),
    )
}
