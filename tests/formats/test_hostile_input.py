"""Hostile and damaged files: each ends in a map or one ArgmapError sentence, never a Python exception.

One test per defect the fuzz of issue 11 found (each failed before the fix), then a property test per
reader: any bytes, and mutations of a real file, give a map or an ``ArgmapError``.
"""

from __future__ import annotations

import base64
import io
import json
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from argmap.classroom import exercise
from argmap.errors import ArgmapError, FormatError, MapInvalid
from argmap.formats import FORMATS, argdown, csv_table, native, read
from argmap.model import MAX_ELEMENTS, MAX_STATEMENTS, ArgumentMap
from argmap.storage import share

EXAMPLE = Path(__file__).resolve().parents[2] / "arguments" / "democrats-voter-data.json"


@pytest.fixture(scope="module")
def example() -> ArgumentMap:
    return native.loads(EXAMPLE.read_text(encoding="utf-8"))


def packed(text: str) -> str:
    """A share token carrying ``text`` (whatever it is)."""
    return base64.urlsafe_b64encode(zlib.compress(text.encode("utf-8"), 9)).decode().rstrip("=")


# --- JSON: depth, integers, constants, surrogates ------------------------------------------------

DEEP = "[" * 100_000 + "]" * 100_000
JSON_READERS = {
    "native": lambda text: read(text.encode("utf-8"), "m.json", "json"),
    "guessed": lambda text: read(text.encode("utf-8"), "m.json"),
    "aif": lambda text: read(text.encode("utf-8"), "m.json", "aif"),
    "exercise": lambda text: exercise.loads(text, "ex.json"),
    "share": lambda text: share.decode(packed(text)),
}


@pytest.mark.parametrize("reader", sorted(JSON_READERS))
def test_json_nested_too_deeply_is_a_format_error(reader: str) -> None:
    with pytest.raises(FormatError, match="nested too deeply"):
        JSON_READERS[reader]('{"id": "m", "x": ' + "[" * 5_000 + "]" * 5_000 + "}")


def test_deep_json_under_a_shared_suffix_is_a_format_error_not_a_crash_in_sniffing() -> None:
    with pytest.raises(FormatError):
        read(DEEP.encode(), "deep.json")


@pytest.mark.parametrize("reader", sorted(JSON_READERS))
def test_an_integer_past_4300_digits_is_a_format_error(reader: str) -> None:
    with pytest.raises(FormatError, match="4300 digits"):
        JSON_READERS[reader]('{"id": "m", "revision": ' + "9" * 5_000 + "}")


def test_nan_and_infinity_are_no_json_numbers() -> None:
    with pytest.raises(FormatError, match="NaN is not a JSON number"):
        read(b'{"id": "m", "revision": NaN}', "m.json", "json")


@pytest.mark.parametrize("reader", sorted(JSON_READERS))
def test_a_lone_surrogate_is_refused_at_read(reader: str, example: ArgumentMap) -> None:
    text = native.dumps(example).replace('"text": "', '"text": "\\ud800', 1)
    with pytest.raises(FormatError, match="lone UTF-16 surrogate"):
        JSON_READERS[reader](text)


def test_a_surrogate_pair_is_a_character_and_reads() -> None:
    amap = read(b'{"id": "m", "title": "\\ud83d\\ude00"}', "m.json", "json")[0]
    assert amap.title == "\U0001f600"


def test_a_lone_surrogate_in_argdown_data_stays_as_typed_and_the_map_saves() -> None:
    text = '[s1]: A claim. {note: "\\ud800 here"}\n'
    amap = argdown.loads(text)
    native.dumps(amap).encode("utf-8")  # raised UnicodeEncodeError before: the map could never be saved


def test_argdown_data_nested_deeply_or_keyed_by_a_collection_reads_as_text() -> None:
    for data in ("{a: " + "[" * 40 + "]" * 40 + "}", "{{{{{{a: 1}: 2}: 3}: 4}: 5}: 6}"):
        amap = argdown.loads(f"[s1]: A claim. {data}\n")
        assert amap.statements[0].text.startswith("A claim")


# --- AIF --------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [["I"], {"t": "I"}, 3, None])
def test_an_aif_node_whose_type_is_not_a_string_is_a_format_error(kind: object) -> None:
    doc = {"nodes": [{"nodeID": "1", "text": "x", "type": kind}], "edges": [], "locutions": []}
    with pytest.raises(FormatError, match="node '1'"):
        read(json.dumps(doc).encode(), "m.json", "aif")


# --- the CSV zip --------------------------------------------------------------------------------


def _damaged(example: ArgumentMap, how: str) -> bytes:
    data = bytearray(csv_table.dumps(example))
    at = data.index(b"PK\x03\x04")  # the first member's local header
    central = data.index(b"PK\x01\x02")
    if how == "crc":
        data[at + 14] ^= 0xFF
        data[central + 16] ^= 0xFF
    elif how == "encrypted":
        data[at + 6] |= 1
        data[central + 8] |= 1
    else:
        data[at + 8 : at + 10] = (99).to_bytes(2, "little")
        data[central + 10 : central + 12] = (99).to_bytes(2, "little")
    return bytes(data)


@pytest.mark.parametrize("how", ["crc", "encrypted", "method"])
def test_a_damaged_zip_member_is_a_format_error_naming_it(example: ArgumentMap, how: str) -> None:
    with pytest.raises(FormatError, match=r"maps\.zip/statements\.csv"):
        read(_damaged(example, how), "maps.zip")


def needs_a_newer_zip(data: bytes) -> bytes:
    """``data`` with its first member marked as needing zip version 8.4 to extract (Python reads 6.3)."""
    out = bytearray(data)
    central = out.find(b"PK\x01\x02")
    out[central + 6 : central + 8] = (84).to_bytes(2, "little")
    return bytes(out)


def test_a_zip_that_needs_a_newer_zip_version_is_a_format_error(example: ArgumentMap) -> None:
    # zipfile raised NotImplementedError("zip file version 8.4") from its constructor (found by the fuzz)
    with pytest.raises(
        FormatError, match=r"m\.zip.*cannot unpack it \(zip file version 8\.4\); save the zip"
    ):
        read(needs_a_newer_zip(csv_table.dumps(example)), "m.zip")


def test_a_zip_cut_short_is_a_format_error(example: ArgumentMap) -> None:
    data = csv_table.dumps(example)
    for cut in range(10, len(data), max(len(data) // 40, 1)):
        with pytest.raises(ArgmapError):
            read(data[:cut] + data[cut + 7 :], "maps.zip")


def test_a_zip_member_is_unpacked_only_up_to_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("statements.csv", "id,kind,text\n" + "s1,statement," + "a" * 2_000_000 + "\n")
        zf.writestr("relations.csv", "id,kind,source,target\n")
    monkeypatch.setattr(csv_table, "MAX_UNZIPPED_BYTES", 100_000)
    with pytest.raises(FormatError, match="unzips to more than 100,000 bytes"):
        read(buf.getvalue(), "bomb.zip")


# --- sizes before elements; at most 20 problems ------------------------------------------------


def test_too_many_statements_are_refused_before_each_is_validated() -> None:
    data = {"id": "m", "statements": [{"id": f"s{n}", "text": ""} for n in range(MAX_STATEMENTS + 1)]}
    with pytest.raises(MapInvalid) as err:
        read(json.dumps(data).encode(), "m.json")
    assert [p.where for p in err.value.problems] == ["statements"]  # not 20,001 "text is empty"
    assert len(str(err.value)) < 300


def test_too_many_elements_in_an_exercise_are_refused_before_each_is_validated() -> None:
    reference = {"id": "r", "attacks": [{"id": f"a{n}"} for n in range(MAX_ELEMENTS + 1)]}
    doc = {"kind": "argmap-exercise", "title": "t", "text": "x", "reference": reference}
    with pytest.raises(FormatError, match="elements; the limit is") as err:
        exercise.loads(json.dumps(doc), "ex.json")
    assert len(str(err.value)) < 300


def test_a_message_lists_the_first_20_problems_and_counts_the_rest() -> None:
    data = {"id": "m", "statements": [{"id": f"s{n}", "text": ""} for n in range(100)]}
    with pytest.raises(MapInvalid) as err:
        read(json.dumps(data).encode(), "m.json")
    message = str(err.value)
    assert "(100 problem(s))" in message and message.count("text is empty") == 20
    assert message.endswith("... and 80 more")


def test_thousands_of_broken_elements_name_20_and_count_every_problem() -> None:
    data = {"id": "m", "attacks": [{"id": f"a{n}", "text": ""} for n in range(5_000)]}
    with pytest.raises(MapInvalid) as err:
        read(json.dumps(data).encode(), "m.json")
    message = str(err.value)
    assert "(15000 problem(s))" in message  # source and target missing, text not allowed: 3 each
    assert message.count("\n  - ") == 20 and message.endswith("... and 14980 more")


@pytest.mark.parametrize("where", ["map", "source", "statements[0]", "statements[0].span"])
def test_an_object_of_thousands_of_keys_is_refused_before_each_is_listed(where: str) -> None:
    # a million unknown keys made a million problems: 1.6 GB and 4.4 s (bench/bench_memory.py)
    keys = {f"k{n}": 0 for n in range(10_000)}
    data: dict = {"id": "m", "title": "t", "source": {"text": "We act."}}
    data["statements"] = [{"id": "s1", "text": "We act.", "span": {"start": 0, "end": 7, "text": "We act."}}]
    target = {"map": data, "source": data["source"], "statements[0]": data["statements"][0]}.get(where)
    (target if target is not None else data["statements"][0]["span"]).update(keys)
    with pytest.raises(MapInvalid) as err:
        read(json.dumps(data).encode(), "m.json")
    (problem,) = err.value.problems
    assert problem.where == where and problem.message.endswith("fields; no part of a map has 64")
    assert len(str(err.value)) < 300


def test_a_kialo_file_of_more_claims_than_a_map_holds_is_refused_as_it_is_read() -> None:
    # 800,000 claims took 6.1 s and 1.4 GB before the limit refused them
    text = "Discussion Title: t\n\n1. Thesis\n" + "".join(f"1.{n}. Pro: x\n" for n in range(MAX_ELEMENTS + 5))
    with pytest.raises(
        FormatError, match=f"line {MAX_ELEMENTS + 3}: more than 60,000 claims; a map holds at most"
    ):
        read(text.encode(), "big.txt", "kialo")


def test_a_csv_table_of_more_rows_than_a_map_holds_is_refused_before_the_rows_are_read(example) -> None:
    # 700,000 rows took 12.5 s and 1 GB (the zip is 1.6 MB)
    data = csv_table.dumps(example)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    head = members["statements.csv"].split(b"\n", 1)[0]
    members["statements.csv"] = head + b"\n" + b"".join(b"x%d,,,,\n" % n for n in range(MAX_ELEMENTS + 1))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    with pytest.raises(
        FormatError, match=r"statements\.csv: more than 60,000 rows; a map holds at most 60,000"
    ):
        read(buf.getvalue(), "big.zip")


def test_the_same_limit_in_argdown_names_the_limit_only() -> None:
    text = "".join(f"[s{n}]: claim {n}\n" for n in range(MAX_STATEMENTS + 1))
    with pytest.raises(FormatError, match=f"the limit is {MAX_STATEMENTS}") as err:
        read(text.encode(), "big.argdown")
    assert len(str(err.value)) < 300


# --- share links --------------------------------------------------------------------------------


def test_a_share_link_longer_than_any_link_argmap_makes_is_refused_first() -> None:
    with pytest.raises(FormatError, match="a link holds at most"):
        share.decode("A" * (share.MAX_TOKEN_CHARS + 1))


def test_a_share_link_with_thousands_of_bad_elements_gives_a_short_message() -> None:
    bad = json.dumps({"id": "m", "statements": [{"id": "s1", "text": ""}] * 4_000})
    token = packed(bad)
    assert len(token) < 2_000  # the 462-character link of the issue made a 9.4 MB message
    with pytest.raises(MapInvalid) as err:
        share.decode(token)
    assert len(str(err.value)) < 2_000


def test_spans_over_a_long_source_are_checked_by_length_before_slicing() -> None:
    # 2,000 spans claiming most of a 200,000-character source, each quoting one word: the check used to
    # copy the whole stretch for each (a 4 KB link, half a minute); now their length tells at once.
    source = "x" * 200_000
    data = {
        "id": "m",
        "source": {"text": source},
        "statements": [
            {"id": f"s{n}", "text": "x", "span": {"start": 0, "end": 199_999, "text": "x"}}
            for n in range(2_000)
        ],
    }
    with pytest.raises(MapInvalid) as err:
        native.from_data(data)
    assert "does not match its quoted words" in str(err.value)


# --- any bytes, per reader --------------------------------------------------------------------


def _seeds() -> dict[str, bytes]:
    amap = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    out = {}
    for name in ("json", "aif", "argdown", "kialo", "csv"):
        data = FORMATS[name].dumps(amap)  # type: ignore[misc]
        out[name] = data if isinstance(data, bytes) else data.encode("utf-8")
    out["exercise"] = exercise.dumps(exercise.create(amap)).encode("utf-8")
    out["share"] = share.encode(amap).encode("ascii")
    return out


SEEDS = _seeds()
READERS = {
    "json": lambda b: read(b, "m.json", "json"),
    "aif": lambda b: read(b, "m.json", "aif"),
    "argdown": lambda b: read(b, "m.argdown"),
    "kialo": lambda b: read(b, "m.txt", "kialo"),
    "csv": lambda b: read(b, "m.zip"),
    "exercise": lambda b: read(b, "exercise.json", "exercise"),
    "share": lambda b: share.decode(b.decode("latin-1")),
}


@hs.composite
def mutated(draw: hs.DrawFn, seed: bytes) -> bytes:
    """``seed`` with a few bytes replaced, inserted, deleted or repeated."""
    data = bytearray(seed)
    for _ in range(draw(hs.integers(1, 4))):
        at = draw(hs.integers(0, max(len(data) - 1, 0)))
        how = draw(hs.sampled_from(["replace", "insert", "delete", "repeat", "cut"]))
        chunk = draw(hs.binary(min_size=1, max_size=8))
        if how == "replace":
            data[at : at + len(chunk)] = chunk
        elif how == "insert":
            data[at:at] = chunk
        elif how == "delete":
            del data[at : at + draw(hs.integers(1, 64))]
        elif how == "repeat":
            data[at:at] = data[at : at + draw(hs.integers(1, 100))] * draw(hs.integers(2, 20))
        else:
            del data[at:]
    return bytes(data)


def _read_or_refuse(reader: str, data: bytes) -> None:
    try:
        result = READERS[reader](data)
    except ArgmapError as err:
        assert str(err)  # one sentence (at least one), never empty
        return
    amap = result[0] if isinstance(result, tuple) else result
    native.dumps(amap).encode("utf-8")  # what was read can be saved


@pytest.mark.parametrize("reader", sorted(READERS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=hs.data())
def test_any_bytes_give_a_map_or_an_argmap_error(reader: str, data: hs.DataObject) -> None:
    raw = data.draw(hs.one_of(hs.binary(max_size=400), mutated(SEEDS[reader])), label="input")
    _read_or_refuse(reader, raw)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=hs.one_of(hs.binary(max_size=300), mutated(SEEDS["argdown"]), mutated(SEEDS["json"])))
def test_argmap_import_of_any_bytes_ends_in_a_file_or_one_message(tmp_path_factory, raw: bytes) -> None:
    from argmap.cli import main

    folder = tmp_path_factory.mktemp("import")
    for name in ("in.argdown", "in.json", "in.zip"):
        (folder / name).write_bytes(raw)
        result = CliRunner().invoke(main, ["import", str(folder / name), "-o", str(folder / "out.json")])
        assert result.exit_code in (0, 1), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert "Traceback" not in result.output


def test_a_json_file_is_parsed_once_per_read(example: ArgumentMap, monkeypatch: pytest.MonkeyPatch) -> None:
    # the .json check, the sniff and the reader each parsed it: 16 MB of keys took 3.5 s, now 1.2 s
    calls = []
    real = json.loads

    def counting(text, *args, **kwargs):
        calls.append(len(text))
        return real(text, *args, **kwargs)

    monkeypatch.setattr(json, "loads", counting)
    for name, fmt in (("m.json", None), (None, None), ("m.json", "json")):
        calls.clear()
        amap, _ = read(native.dumps(example).encode(), name, fmt)
        assert amap == example and len(calls) == 1, (name, fmt, calls)
    aif_text = FORMATS["aif"].dumps(example)  # type: ignore[misc]
    calls.clear()
    read(aif_text.encode(), "m.json")
    assert len(calls) == 1
