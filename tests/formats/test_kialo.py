"""Kialo text: round trips within what Kialo keeps, a hand-written export, rejections, and arguebuf."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from map_strategies import maps

from argmap.errors import FormatError
from argmap.formats import guess, kialo, native
from argmap.model import MAX_STATEMENT_CHARS, ArgumentMap

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"
FIXTURES = ROOT / "tests" / "fixtures" / "kialo"


def example() -> ArgumentMap:
    return native.loads(EXAMPLE.read_text(encoding="utf-8"))


def relations_by_text(amap: ArgumentMap) -> set[tuple[str, str, str]]:
    """(stance, child text, parent text) for every Pro and Con a Kialo export of ``amap`` holds."""
    text = {s.id: kialo.kept_text(s.text) for s in amap.statements}
    inferences = {i.id: i for i in amap.inferences}
    out = {("Pro", text[p], text[i.conclusion]) for i in amap.inferences for p in i.premises}
    for a in amap.attacks:
        target = inferences[a.target].premises[0] if a.target in inferences else a.target
        out.add(("Con", text[a.source], text[target]))
    return out


def evidence_texts(amap: ArgumentMap) -> list[str]:
    return [kialo.kept_text(kialo._evidence_text(e)) for e in amap.evidence]


def test_kialo_round_trip_keeps_the_example_structure() -> None:
    amap = example()
    back = kialo.loads(kialo.dumps(amap))
    assert back.title == amap.title
    assert back.statement(back.main).text == amap.statement("s1").text
    expected = relations_by_text(amap) | {
        ("Pro", kialo.kept_text(kialo._evidence_text(e)), amap.statement(e.target).text)
        for e in amap.evidence
    }
    assert relations_by_text(back) == expected
    assert sorted(s.text for s in back.statements) == sorted(
        [s.text for s in amap.statements] + evidence_texts(amap)
    )


def test_kialo_says_linked_premises_become_separate_pros() -> None:
    amap = example()
    assert any("linked premises become separate pros" in line for line in kialo.losses(amap))
    assert "linked premises become separate pros" in kialo.__doc__
    back = kialo.loads(kialo.dumps(amap))
    assert all(len(i.premises) == 1 for i in back.inferences)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_kialo_round_trip_keeps_generated_maps(amap: ArgumentMap) -> None:
    text = kialo.dumps(amap)
    back = kialo.loads(text)
    assert back.statement(back.main).text == kialo.kept_text(amap.statement("s1").text)
    expected = relations_by_text(amap) | {
        ("Pro", t, kialo.kept_text(amap.statement(e.target).text))
        for e, t in zip(amap.evidence, evidence_texts(amap), strict=True)
    }
    assert relations_by_text(back) == expected
    assert sorted(s.text for s in back.statements) == sorted(
        [kialo.kept_text(s.text) for s in amap.statements] + evidence_texts(amap)
    )
    assert back.title == " ".join(amap.title.split())


def test_kialo_writes_a_statement_under_two_parents_once_then_links_back() -> None:
    amap = ArgumentMap(
        id="m",
        statements=[{"id": "c", "text": "C"}, {"id": "p", "text": "P"}, {"id": "q", "text": "Q"}],
        inferences=[
            {"id": "i1", "premises": ["p"], "conclusion": "c"},
            {"id": "i2", "premises": ["q"], "conclusion": "c"},
            {"id": "i3", "premises": ["p"], "conclusion": "q"},
        ],
    )
    lines = kialo.dumps(amap).splitlines()
    assert lines[2:] == ["1. C", "1.1. Pro: P", "1.2. Pro: Q", "1.2.1. Pro: -> See 1.1."]


def test_kialo_reads_a_hand_written_export_with_forward_links_and_multi_line_claims() -> None:
    text = (FIXTURES / "cars.txt").read_text(encoding="utf-8")
    assert guess("cars.txt", text).name == "kialo"
    amap = kialo.loads(text, "cars.txt")
    assert amap.title == "Should cities ban cars from their centres?"
    texts = {s.id: s.text for s in amap.statements}
    assert len(texts) == 6  # the two '-> See' lines add no statement
    assert texts["k1.1.1"] == "Pollution just moves to the ring roads (see [report](https://example.org))."
    assert (
        texts["k1.2"] == "Shops depend on customers who drive,\nand most of them\ncome from outside the city."
    )
    inferences = {(i.premises, i.conclusion) for i in amap.inferences}
    assert inferences == {
        (("k1.1",), "k1"),
        (("k1.3",), "k1"),
        (("k1.3.1",), "k1.1.1"),
    }  # 1.1.1.1 links forward
    attacks = {(a.source, a.target) for a in amap.attacks}
    assert attacks == {("k1.1.1", "k1.1"), ("k1.2", "k1"), ("k1.3.1", "k1.3"), ("k1.3", "k1.2")}
    assert amap.main == "k1"


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("1. No title\n", 1, "expected 'Discussion Title: ...'"),
        ("Discussion Title: T\n\n", 3, "expected the thesis"),
        ("Discussion Title: T\n\nPro: not numbered\n", 3, "expected the thesis as a numbered claim"),
        ("Discussion Title: T\n\n1. Thesis\n1.1. Pro: A\n1.1. Con: B\n", 5, "claim 1.1. appears twice"),
        ("Discussion Title: T\n\n1. Thesis\n1.2.1. Pro: orphan\n", 4, "has no parent 1.2."),
        ("Discussion Title: T\n\n1. Thesis\n1.1. Pro: -> See 1.9.\n", 4, "points to no claim"),
        ("Discussion Title: T\n\n1. Thesis\n1.1. Pro:\n", 4, "has no text"),
        (
            "Discussion Title: T\n\n1. Thesis\n1.1. Pro: -> See 1.2.\n1.2. Con: -> See 1.1.\n",
            4,
            "links round in a circle",
        ),
    ],
)
def test_kialo_rejects_malformed_files_with_the_line(text: str, line: int, expected: str) -> None:
    with pytest.raises(FormatError) as caught:
        kialo.loads(text, "bad.txt")
    assert caught.value.line == line
    assert expected in str(caught.value)
    assert "bad.txt" in str(caught.value)


def test_kialo_reads_back_a_deep_chain_it_wrote() -> None:
    # 45 levels: the Kialo numbers (1.1.1....) outgrow the id length limit; the ids fall back.
    from argmap.model import Inference, Statement

    n = 45
    deep = ArgumentMap(
        id="deep",
        title="A deep chain",
        statements=tuple(Statement(id=f"s{k}", text=f"Claim number {k}.") for k in range(n)),
        inferences=tuple(
            Inference(id=f"i{k}", premises=(f"s{k + 1}",), conclusion=f"s{k}") for k in range(n - 1)
        ),
    )
    back = kialo.loads(kialo.dumps(deep))
    assert [s.text for s in back.statements] == [s.text for s in deep.statements]
    assert len(back.inferences) == n - 1
    assert all(len(s.id) <= 64 for s in back.statements)


def test_kialo_text_that_looks_like_markup_survives() -> None:
    tricky = "-> See 1.1.\n1.2. Pro: not a claim\n\\(escaped\\) [x](y)"
    amap = ArgumentMap(
        id="m",
        statements=[{"id": "c", "text": "Con: thesis"}, {"id": "p", "text": tricky}],
        inferences=[{"id": "i", "premises": ["p"], "conclusion": "c"}],
    )
    back = kialo.loads(kialo.dumps(amap))
    assert sorted(s.text for s in back.statements) == sorted(["Con: thesis", tricky])


_PIECES = st.sampled_from(
    [
        "Discussion Title: T\n\n1. x\n",
        "1.1. Pro: ",
        "1.1. Con: ",
        "1.2. ",
        "1.1.1. Pro: ",
        "-> See 1.",
        "-> See 1.1.",
    ]
    + ["\n", "\n\n", "a b", "\\", "(", ")", "[", "1.", " ", "Pro:", "2. "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_kialo_refuses_any_garbage_with_a_format_error_only(text: str) -> None:
    try:
        amap = kialo.loads(text)
    except FormatError as err:
        assert err.fmt == "kialo"  # a located, named refusal; anything else escaping is a bug
    else:
        assert isinstance(amap, ArgumentMap)


# --- checked by a reader we did not write ---------------------------------------------------------


def _arguebuf_counts(path: Path) -> tuple[int, int, int]:
    try:
        import arguebuf  # noqa: PLC0415
    except ImportError:
        pytest.fail("arguebuf is not installed: `make test` installs it (requirements-dev.txt)")
    graph = arguebuf.load.file(path)
    schemes = list(graph.scheme_nodes.values())
    supports = sum(isinstance(n.scheme, arguebuf.Support) for n in schemes)
    attacks = sum(isinstance(n.scheme, arguebuf.Attack) for n in schemes)
    return len(graph.atom_nodes), supports, attacks


def _written_counts(amap: ArgumentMap) -> tuple[int, int, int]:
    """Claims, pros and cons a Kialo export of ``amap`` holds (every statement here is reachable)."""
    return (
        len(amap.statements) + len(amap.evidence),
        sum(len(i.premises) for i in amap.inferences) + len(amap.evidence),
        len(amap.attacks),
    )


@pytest.mark.external
def test_arguebuf_loads_our_kialo_of_the_example_with_the_counts_we_wrote(tmp_path: Path) -> None:
    amap = example()
    path = tmp_path / "example.txt"
    path.write_text(kialo.dumps(amap), encoding="utf-8")
    assert _arguebuf_counts(path) == _written_counts(amap)


@pytest.mark.external
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(maps())
def test_arguebuf_loads_our_kialo_of_generated_maps(tmp_path: Path, amap: ArgumentMap) -> None:
    path = tmp_path / "generated.txt"
    path.write_text(kialo.dumps(amap), encoding="utf-8")
    assert _arguebuf_counts(path) == _written_counts(amap)


def test_a_long_evidence_quote_exports_to_a_file_our_reader_reads() -> None:
    # Evidence becomes a claim; a 25,000-character quote made a claim over the statement limit, which
    # our own reader then refused. Now the quote is cut to fit, and losses() says so.
    amap = ArgumentMap(
        id="m",
        statements=[{"id": "s1", "text": "Claim"}],
        evidence=[
            {
                "id": "e1",
                "target": "s1",
                "text": "q" * 25_000,
                "source": {"title": "T", "url": "https://x.org/a"},
            }
        ],
    )
    back = kialo.loads(kialo.dumps(amap))
    quote = next(s.text for s in back.statements if s.text.startswith("q"))
    assert len(quote) == MAX_STATEMENT_CHARS and quote.endswith("… [T](https://x.org/a)")
    assert any("1 evidence quote(s) are cut" in loss for loss in kialo.losses(amap))
