"""CSV tables (a zip of statements.csv and relations.csv): round trips, pandas reads them, rejections."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from argmap.errors import FormatError, MapInvalid
from argmap.formats import FORMATS, csv_table, guess, native
from argmap.model import (
    Answer,
    ArgumentMap,
    Attack,
    Evidence,
    EvidenceSource,
    Inference,
    Source,
    Span,
    Statement,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "arguments" / "democrats-voter-data.json"


@pytest.fixture(scope="module")
def example() -> ArgumentMap:
    return native.loads(EXAMPLE.read_text(encoding="utf-8"))


def kept(amap: ArgumentMap) -> ArgumentMap:
    """``amap`` as the CSV tables keep it: without cue words, reasons and critical-question answers."""
    data = amap.model_dump()
    for group in ("statements", "inferences", "attacks", "evidence"):
        for item in data[group]:
            item["cues"], item["reason"] = (), None
            if "answers" in item:
                item["answers"] = ()
    return ArgumentMap.model_validate(data)


def members(blob: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        return {n: zf.read(n).decode("utf-8") for n in zf.namelist()}


def rezip(files: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, text in files.items():
            zf.writestr(name, text)
    return buf.getvalue()


def test_registered_as_binary_read_and_write():
    fmt = FORMATS["csv"]
    assert fmt.loads is csv_table.loads and fmt.dumps is csv_table.dumps and fmt.binary
    assert guess("tables.zip") is fmt


def test_example_round_trips_within_what_the_tables_keep(example):
    back = csv_table.loads(csv_table.dumps(example))
    assert back == kept(example)
    assert csv_table.losses(example) == ["cue words and reasons"]


def test_tables_are_what_the_docstring_says(example):
    files = members(csv_table.dumps(example))
    assert set(files) == {"statements.csv", "relations.csv", "map.csv", "source.txt"}
    statements = pd.read_csv(io.StringIO(files["statements.csv"]), dtype=str, keep_default_na=False)
    relations = pd.read_csv(io.StringIO(files["relations.csv"]), dtype=str, keep_default_na=False)
    assert list(statements.columns) == list(csv_table.STATEMENT_COLUMNS)
    assert list(relations.columns) == list(csv_table.RELATION_COLUMNS)
    assert (statements["kind"] == "statement").sum() == len(example.statements)
    assert (statements["kind"] == "evidence").sum() == len(example.evidence)
    linked = relations[relations["id"] == "i1"]
    assert list(linked["source"]) == ["s2", "s5"] and set(linked["target"]) == {"s1"}
    assert set(relations[relations["kind"] == "attack"]["id"]) == {"a1", "a2", "a3"}
    s3 = statements[statements["id"] == "s3"].iloc[0]
    assert files["source.txt"][int(s3["start"]) : int(s3["end"])] == example.statement("s3").span.text
    assert statements[statements["id"] == "s5"].iloc[0]["implicit"] == "true"


def test_undercut_and_hostile_cells_survive():
    text = '=HYPERLINK("http://x","y") "quoted", comma\nnew line; NA null None -1 +2 @3 \'=4 \t tab'
    amap = ArgumentMap(
        id="m",
        title="NA",
        source=Source(text=f"pre {text} post", url="http://example.com/?a=1,b=2"),
        statements=(
            Statement(id="s1", text="NA", tags=("a,b", 'q"t', "=x")),
            Statement(id="s2", text=text, span=Span(start=4, end=4 + len(text), text=text), 
                      rating="rejected"),
            Statement(id="-s3", text="''", note="=1+1"),
        ),
        inferences=(
            Inference(id="i1", premises=("s2", "-s3"), conclusion="s1", scheme="sign", rating="weak"),
        ),
        attacks=(Attack(id="a1", source="-s3", target="i1", answers=(Answer(question="q?"),)),),
        evidence=(
            Evidence(
                id="e1", target="s1", text="+44 people", kind="statistic", reliability="low",
                source=EvidenceSource(title="@home", url="=cmd|' /C calc'!A0"),
            ),
        ),
    )  # fmt: skip
    files = members(csv_table.dumps(amap))
    for line in files["statements.csv"].splitlines()[1:]:
        for cell in line.split(","):
            assert not cell.lstrip('"').startswith(("=", "+", "-", "@")), line
    assert csv_table.loads(csv_table.dumps(amap)) == kept(amap)


ids = hs.from_regex(r"[a-z][a-z0-9_.:-]{0,6}", fullmatch=True)
texts = hs.text(
    alphabet=hs.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=40
).filter(lambda t: t.strip())


@hs.composite
def maps(draw) -> ArgumentMap:
    sids = draw(hs.lists(ids, min_size=2, max_size=6, unique=True))
    statements = [Statement(id=s, text=draw(texts), implicit=draw(hs.booleans())) for s in sids]
    concl, *rest = sids
    inferences = [Inference(id="inf.1", premises=tuple(rest[:2]), conclusion=concl)]
    attacks = []
    if len(rest) > 2:
        attacks.append(Attack(id="att.1", source=rest[2], target=draw(hs.sampled_from(["inf.1", concl]))))
    evidence = [
        Evidence(id="ev.1", target=concl, text=draw(texts), source=EvidenceSource(author=draw(texts)))
    ]
    return ArgumentMap(
        id="gen", title=draw(texts), statements=tuple(statements), inferences=tuple(inferences),
        attacks=tuple(attacks), evidence=tuple(evidence),
    )  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_generated_maps_round_trip(amap):
    assert csv_table.loads(csv_table.dumps(amap)) == kept(amap)


def test_only_the_two_tables_are_required_even_in_a_folder():
    blob = rezip(
        {
            "data/statements.csv": "id,text,kind\nc,Claim,\np,Reason,statement\n",
            "data/relations.csv": "id,kind,source,target\ni1,support,p,c\n",
        }
    )
    amap = csv_table.loads(blob)
    assert amap.id == "imported-csv" and [s.text for s in amap.statements] == ["Claim", "Reason"]
    assert amap.inferences[0].premises == ("p",) and amap.source is None


def test_a_span_needs_the_source_text(example):
    files = members(csv_table.dumps(example))
    del files["source.txt"]
    with pytest.raises(FormatError, match=r"csv: statements.csv: line 2: a span .* needs source.txt") as err:
        csv_table.loads(rezip(files))
    assert err.value.line == 2


@pytest.mark.parametrize(
    ("statements", "relations", "message", "line"),
    [
        (
            "id,kind,text\ns1,statement,A\ns2,thing,B\n",
            "id,kind,source,target\n",
            "kind must be statement or",
            3,
        ),
        ("id,kind,text,implicit\ns1,statement,A,maybe\n", "id,kind,source,target\n", "implicit must be", 2),
        (
            "id,kind,text,tags\ns1,statement,A,not json\n",
            "id,kind,source,target\n",
            "tags must be a JSON list",
            2,
        ),
        ("id,kind,text,start,end\ns1,statement,A,x,2\n", "id,kind,source,target\n", "whole numbers", 2),
        (
            "id,kind,text\ns1,statement,A\n",
            "id,kind,source,target\ni1,supports,s1,s1\n",
            "support, attack",
            2,
        ),
        ("id,text\ns1,A\n", "id,kind,source,target\n", "missing column", None),
        ("id,kind,text\ns1,statement,A\n", "id,kind,source\n", "missing column", None),
        ("id,kind,text\ne1,evidence,A\n", "id,kind,source,target\n", "backs nothing", 2),
        (
            "id,kind,text\ns1,statement,A\n",
            "id,kind,source,target\ne9,evidence,e9,s1\n",
            "not a row of kind",
            2,
        ),
        (
            "id,kind,text\ns1,statement,A\ns2,statement,B\ns3,statement,C\n",
            "id,kind,source,target\ni1,support,s2,s1\ni1,support,s3,s2\n",
            "different targets",
            3,
        ),
    ],
)
def test_bad_tables_are_refused_with_file_line_and_expectation(statements, relations, message, line):
    with pytest.raises(FormatError, match=message) as err:
        csv_table.loads(rezip({"statements.csv": statements, "relations.csv": relations}), path="t.zip")
    assert err.value.line == line
    assert "t.zip" in str(err.value)


def test_broken_map_names_the_element():
    blob = rezip(
        {
            "statements.csv": "id,kind,text\ns1,statement,A\n",
            "relations.csv": "id,kind,source,target\ni1,support,s9,s1\n",
        }
    )
    with pytest.raises(MapInvalid, match="premise 's9' is not a statement"):
        csv_table.loads(blob)


@pytest.mark.parametrize(
    ("blob", "message"),
    [
        (b"id,kind,text\n", "not a zip file"),
        (rezip({"statements.csv": "id,kind,text\n"}), "no relations.csv"),
        ("text, not bytes", "expected the bytes of a .zip"),
    ],
)
def test_not_our_zip(blob, message):
    with pytest.raises(FormatError, match=message):
        csv_table.loads(blob)


def test_non_utf8_member_is_named():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("statements.csv", "id,kind,text\ns1,statement,caf\xe9\n".encode("latin-1"))
        zf.writestr("relations.csv", "id,kind,source,target\n")
    with pytest.raises(FormatError, match="statements.csv: byte .* is not UTF-8"):
        csv_table.loads(buf.getvalue())


def test_zip_bomb_is_stopped(monkeypatch):
    monkeypatch.setattr(csv_table, "MAX_UNZIPPED_BYTES", 1000)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("statements.csv", "id,kind,text\n" + "s1,statement,A\n" * 500)
        zf.writestr("relations.csv", "id,kind,source,target\n")
    assert len(buf.getvalue()) < 1000
    with pytest.raises(FormatError, match="unzips to more than 1,000 bytes"):
        csv_table.loads(buf.getvalue())
