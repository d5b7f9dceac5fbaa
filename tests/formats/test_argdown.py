"""Argdown: round trips within what Argdown keeps, hand-written files, rejections, and the Argdown CLI."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from map_strategies import maps

from argmap.errors import FormatError
from argmap.formats import argdown, guess, native
from argmap.formats.argdown import _read
from argmap.model import ArgumentMap

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"
FIXTURES = ROOT / "tests" / "fixtures" / "argdown"
ARGDOWN = ROOT / "node_modules" / ".bin" / "argdown"


def example() -> ArgumentMap:
    return native.loads(EXAMPLE.read_text(encoding="utf-8"))


def kept(amap: ArgumentMap) -> dict:
    """What Argdown keeps of a map (see the module docstring of argmap.formats.argdown)."""
    k = argdown.kept_text
    inference_ids = {i.id for i in amap.inferences}
    return {
        "map": (amap.id, amap.title, amap.main),
        "statements": [
            (
                s.id,
                k(s.text),
                tuple(dict.fromkeys(t.strip() for t in s.tags if t.strip() and not set(t) & set(")\r\n"))),
                s.implicit,
                s.rating,
                s.note,
            )
            for s in amap.statements
        ],
        "inferences": [
            (
                i.id,
                i.premises,
                i.conclusion,
                k(i.scheme) or None if i.scheme else None,
                i.rating,
                k(i.note) or None if i.note else None,
            )
            for i in amap.inferences
        ],
        # Argdown merges a relation stated twice: an attack repeated between two statements comes back once.
        "attacks": sorted({(a.source, a.target, a.target in inference_ids) for a in amap.attacks}),
        "evidence": [
            (
                e.id,
                e.target,
                k(e.text),
                e.kind,
                e.reliability,
                e.source.model_dump(exclude_none=True) if e.source else {},
                e.note,
            )
            for e in amap.evidence
        ],
    }


def test_argdown_round_trip_keeps_the_example_map() -> None:
    amap = example()
    assert kept(argdown.loads(argdown.dumps(amap))) == kept(amap)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_argdown_round_trip_keeps_generated_maps(amap: ArgumentMap) -> None:
    assert kept(argdown.loads(argdown.dumps(amap))) == kept(amap)


def test_argdown_escapes_markup_in_statement_text() -> None:
    text = "a_b *c* [d] <e> #f {g} @h 1.2.3 x:y // z /* w === v \\ end"
    amap = ArgumentMap(id="m", statements=[{"id": "s1", "text": text}])
    line = next(line for line in argdown.dumps(amap).splitlines() if line.startswith("[s1]:"))
    for raw in ("_", "*", "[d]", "<e>", "#f", "{g}", "1.2", "x:y", "//", "/*", "==="):
        assert not re.search(r"(?<!\\)" + re.escape(raw), line.removeprefix("[s1]:")), raw
    assert argdown.loads(argdown.dumps(amap)).statements[0].text == text


def test_argdown_says_line_breaks_become_spaces() -> None:
    amap = ArgumentMap(id="m", statements=[{"id": "s1", "text": "two\nlines"}])
    assert argdown.loads(argdown.dumps(amap)).statements[0].text == "two lines"
    assert any("line breaks" in line for line in argdown.losses(amap))


def test_argdown_reads_a_hand_written_file() -> None:
    path = FIXTURES / "bikes.argdown"
    text = path.read_text(encoding="utf-8")
    assert guess(path.name, text).name == "argdown"
    amap = argdown.loads(text, str(path))
    assert amap.title == "Should the city build protected bike lanes?"
    texts = {s.id: s.text for s in amap.statements}
    assert texts["Bike-lanes"] == "The city should build protected bike lanes."
    assert texts["Cheap-in-the-long-run"] == "They pay for themselves through fewer injuries."
    assert texts["Parking"] == "Shops lose the parking their customers need."  # an argument without a PCS
    assert amap.statement("Cost").tags == ("budget matters",)
    assert amap.statement("untitled-3").note == "an untitled statement"
    steps = {i.id: (i.premises, i.conclusion, i.scheme) for i in amap.inferences}
    assert steps == {
        "Safety.1": (("Separation", "untitled-1"), "Safer", "Causal reasoning"),
        "Safety": (("Safer", "untitled-2"), "Bike-lanes", None),
    }
    assert amap.element("Safety").note == "Separated lanes make cycling safer."
    attacks = {(a.source, a.target) for a in amap.attacks}
    assert attacks == {
        ("Cost", "Bike-lanes"),
        ("Cheap-in-the-long-run", "Cost"),
        ("Parking", "Bike-lanes"),
        ("Few-drivers", "Parking"),  # an undercut of an argument without a PCS attacks it
        ("Safer", "Risk-compensation"),  # a contradiction is two attacks
        ("Risk-compensation", "Safer"),
    }


def test_argdown_reads_relations_in_every_direction() -> None:
    text = """
[A]: a
  + [B]: b
  <+ [C]: c
  - [D]: d
  <- [E]: e
  +> [F]: f
  -> [G]: g

<Arg>

(1) [P]: p
----
(2) [Q]: q

[U]: u
  _> <Arg>
"""
    amap = argdown.loads(text)
    supports = {(i.premises, i.conclusion) for i in amap.inferences}
    assert supports == {(("B",), "A"), (("C",), "A"), (("A",), "F"), (("P",), "Q")}
    attacks = {(a.source, a.target) for a in amap.attacks}
    assert attacks == {("D", "A"), ("E", "A"), ("A", "G"), ("U", "Arg")}


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("===\ntitle: x\n", 1, "front matter opened with '===' is never closed"),
        ("[A]: a\n\n----\n(1) [B]\n", 3, "outside a premise-conclusion structure"),
        ("<A>\n\n(1) [P]: p\n(2) [Q]: q\n", 3, "needs a '----' line before its conclusion"),
        ("<A>\n\n(1) [P]: p\n----\n", 4, "expected a conclusion"),
        ("<A>\n\n(1) [P]: p\n--\nrule\n", 4, "never closed"),
        ("<A>\n\n(1) <B>\n----\n(2) [C]\n", 3, "expected a statement after the number"),
        ("  + [B]: b\n", 1, "has no statement or argument above it"),
        ("[A]: a\n  +\n", 2, "names nothing"),
        ("[A]: a\n  _> [B]: b\n", 2, "an undercut must point at an argument"),
    ],
)
def test_argdown_rejects_malformed_files_with_the_line(text: str, line: int, expected: str) -> None:
    with pytest.raises(FormatError) as caught:
        argdown.loads(text, "bad.argdown")
    assert caught.value.line == line
    assert expected in str(caught.value)
    assert "bad.argdown" in str(caught.value)


_PIECES = st.sampled_from(
    [
        *"[]<>():+-_#{}\\ \n\t*=.,/\"'1",
        "[A]",
        "<B>",
        "[A]: a",
        "(1) ",
        "----",
        "--\n",
        "  + ",
        "  - ",
        "  _> ",
    ]
    + ["===\n", "><", "<_", "{a: 1}", "{]}", "#(t)", "a b", "\n\n", "// c", "/* c"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_argdown_refuses_any_garbage_with_a_format_error_only(text: str) -> None:
    try:
        amap = argdown.loads(text)
    except FormatError as err:
        assert err.fmt == "argdown"  # a located, named refusal; anything else escaping is a bug
    else:
        assert isinstance(amap, ArgumentMap)


# --- checked by a reader we did not write: the Argdown CLI ------------------------------------------


def _run_argdown(folder: Path) -> dict[str, dict]:
    """Run ``argdown json`` once over every .argdown file in ``folder``; its JSON per file stem."""
    if not ARGDOWN.exists():
        pytest.fail(f"the Argdown CLI is missing at {ARGDOWN}: `make test` installs it (npm, @argdown/cli)")
    out = folder / "json"
    done = subprocess.run(
        [str(ARGDOWN), "json", str(folder / "*.argdown"), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")}


def _plain(member: dict) -> str:
    """A statement's text as Argdown read it, its tags cut out (by Argdown's own ranges, whose stop is
    inclusive), whitespace collapsed (Argdown's lexer skips some spaces)."""
    units = member["text"].encode("utf-16-le")  # Argdown's ranges count UTF-16 code units, as JavaScript does
    for tag in sorted((r for r in member.get("ranges", ()) if r["type"] == "tag"), key=lambda r: -r["start"]):
        units = units[: 2 * tag["start"]] + " ".encode("utf-16-le") + units[2 * (tag["stop"] + 1) :]
    return " ".join(units.decode("utf-16-le").split())


def _check_argdown_json(amap: ArgumentMap, result: dict) -> None:
    """The statements, arguments and relations Argdown read are the ones we meant."""
    ours = {s.id: s.text for s in (*amap.statements, *amap.evidence)}
    assert set(result["statements"]) == set(ours)
    tags = {
        s.id: [t.strip() for t in s.tags if t.strip() and not set(t) & set(")\r\n")] for s in amap.statements
    }
    for title, statement in result["statements"].items():
        member = next(m for m in statement["members"] if m.get("text"))
        assert _plain(member) == " ".join(ours[title].split()), title
        assert member.get("tags", []) == tags.get(title, []), title
    assert set(result["arguments"]) == {i.id for i in amap.inferences}
    for i in amap.inferences:
        pcs = result["arguments"][i.id]["pcs"]
        assert [p["title"] for p in pcs] == [*i.premises, i.conclusion]
        rules = pcs[-1]["inference"]["inferenceRules"]
        assert rules == ([argdown.kept_text(i.scheme)] if i.scheme and i.scheme.strip() else [])
    inference_ids = {i.id for i in amap.inferences}
    relations = sorted((r["relationType"], r["from"], r["to"]) for r in result["relations"])
    expected = sorted(  # a relation stated twice is one relation to Argdown
        {("undercut" if a.target in inference_ids else "attack", a.source, a.target) for a in amap.attacks}
        | {("support", e.id, e.target) for e in amap.evidence}
    )
    assert relations == expected


@pytest.mark.external
def test_argdown_cli_reads_our_argdown_of_the_example(tmp_path: Path) -> None:
    amap = example()
    (tmp_path / "example.argdown").write_text(argdown.dumps(amap), encoding="utf-8")
    _check_argdown_json(amap, _run_argdown(tmp_path)["example"])


@pytest.mark.external
def test_argdown_cli_reads_ids_that_start_with_a_dash_as_the_same_statements(tmp_path: Path) -> None:
    # Unescaped, the Argdown CLI read "(2) [-s1]" and "-> [-s1]" as two new untitled statements.
    amap = ArgumentMap(
        id="m",
        statements=[
            {"id": "-s1", "text": "Claim one"},
            {"id": "s2", "text": "Other"},
            {"id": "s3", "text": "Third"},
        ],
        inferences=[{"id": "-i1", "premises": ["s2"], "conclusion": "-s1"}],
        attacks=[
            {"id": "a1", "source": "s3", "target": "-s1"},
            {"id": "a2", "source": "s2", "target": "-i1"},
        ],
    )
    (tmp_path / "dash.argdown").write_text(argdown.dumps(amap), encoding="utf-8")
    result = _run_argdown(tmp_path)["dash"]
    assert set(result["statements"]) == {r"\-s1", "s2", "s3"}  # the CLI keeps the backslash in a title
    assert [p["title"] for p in result["arguments"][r"\-i1"]["pcs"]] == ["s2", r"\-s1"]
    relations = sorted((r["relationType"], r["from"], r["to"]) for r in result["relations"])
    assert relations == [("attack", "s3", r"\-s1"), ("undercut", "s2", r"\-i1")]
    assert argdown.loads(argdown.dumps(amap)).model_dump(exclude={"id", "title"}) == amap.model_dump(
        exclude={"id", "title"}
    )  # and our own reader gives the ids back as they were


@pytest.mark.external
@settings(
    max_examples=2,
    deadline=None,
    phases=[Phase.generate],  # each example starts node once; shrinking would start it hundreds of times
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(st.lists(maps(), min_size=10, max_size=10))
def test_argdown_cli_reads_our_argdown_of_generated_maps(tmp_path_factory, amaps: list[ArgumentMap]) -> None:
    folder = tmp_path_factory.mktemp("argdown")
    for n, amap in enumerate(amaps):
        (folder / f"m{n}.argdown").write_text(argdown.dumps(amap), encoding="utf-8")
    results = _run_argdown(folder)
    assert len(results) == len(amaps)
    for n, amap in enumerate(amaps):
        try:
            _check_argdown_json(amap, results[f"m{n}"])
        except AssertionError as err:
            raise AssertionError(f"m{n}.argdown:\n{argdown.dumps(amap)}") from err


def _discussed() -> ArgumentMap:
    from argmap.edit import comments

    amap = example()
    amap, cid = comments.add_comment(amap, "s1", 'Is "golden eggs" {fair}? #tag', author="ann")
    amap, _ = comments.reply(amap, cid, "Yes: see e1 / e2 = both", author="bob")
    amap = comments.set_resolved(amap, cid)
    amap, _ = comments.add_comment(amap, "e1", "Which poll?", author="cy")
    amap, _ = comments.add_comment(amap, amap.inferences[0].id, "Too quick", author="dee")
    return amap


def test_argdown_keeps_comments_on_statements_and_evidence_and_says_what_it_drops() -> None:
    amap = _discussed()
    back = argdown.loads(argdown.dumps(amap))
    kept_ones = [c for c in amap.comments if c.target in {"s1", "e1"}]
    assert back.comments == tuple(kept_ones)  # ids, authors, times, replies and resolved all kept
    assert any("1 comment(s) on inferences and attacks" in loss for loss in argdown.losses(amap))


@pytest.mark.external
def test_argdown_cli_reads_our_argdown_with_comments(tmp_path: Path) -> None:
    amap = _discussed()
    (tmp_path / "discussed.argdown").write_text(argdown.dumps(amap), encoding="utf-8")
    result = _run_argdown(tmp_path)["discussed"]
    _check_argdown_json(amap, result)
    data = next(m for m in result["statements"]["s1"]["members"] if m.get("data"))["data"]
    assert [c["text"] for c in data["comments"]] == [
        'Is "golden eggs" {fair}? #tag',
        "Yes: see e1 / e2 = both",
    ]


# --- inline data and comments: the pattern's meaning, in linear time ----------------------------------

_REFERENCE_DATA = re.compile(_read._DATA)  # Argdown's own pattern, matched at each { (quadratic)
_REFERENCE_SCAN = re.compile(
    r"\\.|(?P<data>" + _read._DATA + r")|(?P<comment><!--[\s\S]*?-->|/\*[\s\S]*?\*/|//[^\n]*)"
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="{}, \n\tx:\\/*<!->", max_size=60))
def test_data_blocks_end_where_argdowns_pattern_ends_them(text: str) -> None:
    blocks = _read.DataBlocks(text)
    for k, ch in enumerate(text):
        if ch == "{":
            expected = _REFERENCE_DATA.match(text, k)
            assert blocks.end(k) == (expected.end() if expected else None), (text, k)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="{}, \n\tx:\\/*<!->", max_size=60))
def test_comments_are_blanked_as_the_pattern_blanks_them(text: str) -> None:
    expected = _REFERENCE_SCAN.sub(lambda m: "\n" * m[0].count("\n") if m["comment"] else m[0], text)
    assert _read.blank_comments(text) == expected


def test_a_line_of_unclosed_braces_is_read_as_text() -> None:
    # 40,000 '{' took 12 s (each scanned to the end of the line: bench/bench_memory.py, fuzz_readers.py)
    for body in ("{" * 6_000, "{x " * 6_000, "{}," * 6_000):
        amap = argdown.loads(f"[a]: x {body} // a comment\n\n[b]: y\n  + <c>: z")
        assert amap.statement("a").text == f"x {body}".strip()
        assert {s.id for s in amap.statements} == {"a", "b", "c"}
