"""AIF JSON: round trips within what AIF keeps, hand-written AIFdb/OVA3 files, rejections, and arguebuf."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from map_strategies import maps

from argmap.errors import FormatError
from argmap.formats import aif, guess, native
from argmap.model import ArgumentMap

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"
FIXTURES = ROOT / "tests" / "fixtures" / "aif"


def kept(amap: ArgumentMap) -> dict:
    """What AIF keeps of a map: ids, texts, structure, schemes, element dates."""
    return {
        "statements": [(s.id, s.text, s.created) for s in amap.statements],
        "inferences": [(i.id, i.premises, i.conclusion, i.scheme, i.created) for i in amap.inferences],
        "attacks": [(a.id, a.source, a.target, a.scheme) for a in amap.attacks],
        "evidence": [(e.id, e.target, e.text) for e in amap.evidence],
    }


def example() -> ArgumentMap:
    return native.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_aif_round_trip_keeps_the_example_map() -> None:
    amap = example()
    back = aif.loads(aif.dumps(amap))
    assert kept(back) == kept(amap)


def test_aif_writes_one_ra_per_inference_with_all_co_premises_and_empty_locutions() -> None:
    amap = example()
    data = json.loads(aif.dumps(amap))
    assert data["locutions"] == []
    linked = next(i for i in amap.inferences if len(i.premises) > 1)
    into = sorted(e["fromID"] for e in data["edges"] if e["toID"] == linked.id)
    assert into == sorted(linked.premises)
    assert [e["toID"] for e in data["edges"] if e["fromID"] == linked.id] == [linked.conclusion]
    kinds = [n["type"] for n in data["nodes"]]
    assert kinds.count("RA") == len(amap.inferences) + len(amap.evidence)
    assert kinds.count("CA") == len(amap.attacks)


def test_aif_writes_an_undercut_as_ca_into_the_ra_node() -> None:
    amap = ArgumentMap(
        id="u",
        statements=[{"id": "c", "text": "C"}, {"id": "p", "text": "P"}, {"id": "u", "text": "U"}],
        inferences=[{"id": "i", "premises": ["p"], "conclusion": "c"}],
        attacks=[{"id": "a", "source": "u", "target": "i"}],
    )
    data = json.loads(aif.dumps(amap))
    edges = {(e["fromID"], e["toID"]) for e in data["edges"]}
    assert {("u", "a"), ("a", "i")} <= edges
    assert aif.loads(aif.dumps(amap)).attacks[0].target == "i"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_aif_round_trip_keeps_generated_maps(amap: ArgumentMap) -> None:
    assert kept(aif.loads(aif.dumps(amap))) == kept(amap)


def test_aif_reads_an_aifdb_file_with_dialogue_and_schemes() -> None:
    amap = aif.loads((FIXTURES / "aifdb-style.json").read_text(encoding="utf-8"), "aifdb-style.json")
    assert [s.id for s in amap.statements] == ["101", "102", "103", "104", "105", "106", "107"]
    by_id = {i.id: i for i in amap.inferences}
    assert by_id["201"].premises == ("102", "103") and by_id["201"].conclusion == "101"
    assert by_id["201"].scheme == "Argument From Cause To Effect"
    assert by_id["203"].scheme is None  # "Default Inference" is no scheme
    attacks = {a.id: (a.source, a.target) for a in amap.attacks}
    assert attacks == {"202": ("104", "103"), "204": ("106", "201")}  # a rebut and an undercut
    assert amap.statements[0].created is not None and amap.statements[0].created.year == 2024
    assert amap.title == "aifdb-style"


def test_aif_reads_ova3_wrapped_graph_with_numeric_ids() -> None:
    text = (FIXTURES / "ova3-wrapped.json").read_text(encoding="utf-8")
    assert guess("ova.json", text).name == "aif"
    amap = aif.loads(text)
    assert [s.text for s in amap.statements][0] == "The library should open on Sundays."
    assert [(i.premises, i.conclusion) for i in amap.inferences] == [(("2",), "1")]
    assert [(a.source, a.target) for a in amap.attacks] == [("4", "1")]


def test_aif_evidence_comes_back_as_evidence() -> None:
    amap = example()
    back = aif.loads(aif.dumps(amap))
    assert [(e.id, e.target) for e in back.evidence] == [(e.id, e.target) for e in amap.evidence]
    assert "evidence kind, source and reliability" in " ".join(aif.losses(amap))


def test_guess_tells_native_json_from_aif_by_keys_not_by_substrings() -> None:
    amap = ArgumentMap(id="m", statements=[{"id": "s", "text": 'a text saying "locutions" and "AIF"'}])
    assert guess("m.json", native.dumps(amap)).name == "json"
    assert guess("m.json", aif.dumps(amap)).name == "aif"


def _node(nid: str, kind: str, text: str = "x") -> dict:
    return {"nodeID": nid, "type": kind, "text": text}


@pytest.mark.parametrize(
    ("graph", "element", "expected"),
    [
        ({"nodes": [_node("1", "I")]}, "edges", "expected a list under 'edges'"),
        ({"nodes": [_node("1", "XX")], "edges": []}, "node '1'", "type 'XX'; expected one of"),
        ({"nodes": [{"nodeID": "1", "type": "I"}], "edges": []}, "node '1'", "text as a string"),
        ({"nodes": [_node("1", "I"), _node("1", "I")], "edges": []}, "node '1'", "duplicate nodeID"),
        (
            {"nodes": [_node("1", "I")], "edges": [{"edgeID": "e9", "fromID": "1", "toID": "7"}]},
            "edge 'e9'",
            "toID '7' is not a nodeID",
        ),
        (
            {
                "nodes": [_node("1", "I"), _node("2", "RA")],
                "edges": [{"edgeID": "1", "fromID": "2", "toID": "1"}],
            },
            "RA node '2'",
            "has no premise",
        ),
        (
            {
                "nodes": [_node("1", "I"), _node("2", "RA")],
                "edges": [{"edgeID": "1", "fromID": "1", "toID": "2"}],
            },
            "RA node '2'",
            "has 0 conclusions",
        ),
        (
            {
                "nodes": [_node("1", "I"), _node("2", "CA")],
                "edges": [{"edgeID": "1", "fromID": "1", "toID": "2"}],
            },
            "CA node '2'",
            "has 0 targets",
        ),
    ],
)
def test_aif_rejects_malformed_graphs_naming_the_element(graph: dict, element: str, expected: str) -> None:
    with pytest.raises(FormatError) as caught:
        aif.loads(json.dumps(graph), "bad.json")
    assert caught.value.element == element
    assert expected in str(caught.value)
    assert "bad.json" in str(caught.value)


def test_aif_rejects_invalid_json_with_its_line() -> None:
    with pytest.raises(FormatError) as caught:
        aif.loads('{\n  "nodes": [,\n', "broken.json")
    assert caught.value.line == 2


def test_aif_rejects_a_graph_that_makes_no_valid_map() -> None:
    graph = {
        "nodes": [_node("1", "I"), _node("2", "RA")],
        "edges": [{"edgeID": "1", "fromID": "1", "toID": "2"}, {"edgeID": "2", "fromID": "2", "toID": "1"}],
    }
    with pytest.raises(FormatError, match="self-support"):
        aif.loads(json.dumps(graph))


_KEYS = st.sampled_from(
    ["nodes", "edges", "nodeID", "type", "text", "fromID", "toID", "edgeID", "AIF", "scheme"]
)
_VALUES = (
    st.none() | st.booleans() | st.integers(0, 3) | st.sampled_from(["I", "RA", "CA", "1", "2", "", "x"])
)
_JSON = st.recursive(
    _VALUES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=5),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_JSON)
def test_aif_refuses_any_garbage_with_a_format_error_only(data: object) -> None:
    try:
        amap = aif.loads(json.dumps(data))
    except FormatError as err:
        assert err.fmt == "aif"  # a located, named refusal; anything else escaping is a bug
    else:
        assert isinstance(amap, ArgumentMap)


# --- checked by a reader we did not write ---------------------------------------------------------


def _arguebuf():
    try:
        import arguebuf  # noqa: PLC0415
    except ImportError:
        pytest.fail("arguebuf is not installed: `make test` installs it (requirements-dev.txt)")
    return arguebuf


def _arguebuf_counts(path: Path) -> tuple[int, int, int]:
    arguebuf = _arguebuf()
    graph = arguebuf.load.file(path)
    schemes = list(graph.scheme_nodes.values())
    supports = sum(isinstance(n.scheme, arguebuf.Support) for n in schemes)
    attacks = sum(isinstance(n.scheme, arguebuf.Attack) for n in schemes)
    return len(graph.atom_nodes), supports, attacks


@pytest.mark.external
def test_arguebuf_loads_our_aif_of_the_example_with_the_counts_we_wrote(tmp_path: Path) -> None:
    amap = example()
    path = tmp_path / "example.json"
    path.write_text(aif.dumps(amap), encoding="utf-8")
    expected = (
        len(amap.statements) + len(amap.evidence),
        len(amap.inferences) + len(amap.evidence),
        len(amap.attacks),
    )
    assert _arguebuf_counts(path) == expected


@pytest.mark.external
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(maps())
def test_arguebuf_loads_our_aif_of_generated_maps(tmp_path: Path, amap: ArgumentMap) -> None:
    path = tmp_path / "generated.json"
    path.write_text(aif.dumps(amap), encoding="utf-8")
    expected = (
        len(amap.statements) + len(amap.evidence),
        len(amap.inferences) + len(amap.evidence),
        len(amap.attacks),
    )
    assert _arguebuf_counts(path) == expected
    atoms = _arguebuf().load.file(path).atom_nodes
    assert {n.plain_text for n in atoms.values()} == {s.text for s in (*amap.statements, *amap.evidence)}


def test_aif_and_the_other_formats_say_they_drop_comments() -> None:
    from argmap.edit import comments
    from argmap.formats import FORMATS

    amap, _ = comments.add_comment(native.loads(EXAMPLE.read_text(encoding="utf-8")), "s1", "Why?")
    for name in ("aif", "kialo", "markdown", "csv", "html", "dot"):
        losses = FORMATS[name].losses(amap)  # type: ignore[misc]
        assert any("1 comment(s)" in loss for loss in losses), (name, losses)
