"""The model's invariants (each error naming its element), size limits and a lossless JSON round trip."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from map_strategies import maps  # tests/formats/map_strategies.py (on pythonpath)
from pydantic import ValidationError

from argmap import model
from argmap.errors import MapInvalid
from argmap.formats import native
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
    problems,
)

EXAMPLE = Path(__file__).resolve().parents[1] / "arguments" / "democrats-voter-data.json"
TEXT = "Uniforms should be required because they reduce bullying."


def base() -> dict[str, Any]:
    """A small valid map as plain data, for tests to break one thing at a time."""
    return {
        "id": "m1",
        "title": "Uniforms",
        "source": {"title": "Uniforms", "text": TEXT},
        "statements": [
            {
                "id": "s1",
                "text": "Uniforms should be required",
                "span": {"start": 0, "end": 27, "text": TEXT[:27]},
            },
            {
                "id": "s2",
                "text": "They reduce bullying",
                "span": {"start": 36, "end": 57, "text": TEXT[36:57]},
            },
            {"id": "s3", "text": "Bullying harms learning", "implicit": True},
            {"id": "s4", "text": "Uniforms cost families money"},
        ],
        "inferences": [{"id": "i1", "premises": ["s2", "s3"], "conclusion": "s1", "cues": ["because"]}],
        "attacks": [{"id": "a1", "source": "s4", "target": "s1"}],
        "evidence": [{"id": "e1", "target": "s2", "kind": "study", "text": "A 2019 survey of 40 schools"}],
    }


def problems_of(data: dict[str, Any]) -> list[str]:
    """The problems ``native.from_data`` reports for ``data`` (empty when valid)."""
    try:
        native.from_data(data)
    except MapInvalid as err:
        return [str(p) for p in err.problems]
    return []


def test_the_base_map_and_the_example_map_are_valid() -> None:
    assert problems_of(base()) == []
    example = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert problems(example) == []


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (lambda d: d["statements"].append({"id": "s1", "text": "again"}), "statement 's1': duplicate id"),
        (lambda d: d["evidence"].append({**d["evidence"][0]}), "evidence 'e1': duplicate id"),
        (
            lambda d: d["attacks"].append({"id": "s2", "source": "s4", "target": "s2"}),
            "attack 's2': duplicate id",
        ),
        (
            lambda d: d["inferences"][0].update(premises=["s2", "ghost"]),
            "inference 'i1': premise 'ghost' is not a statement",
        ),
        (
            lambda d: d["inferences"][0].update(conclusion="ghost"),
            "inference 'i1': conclusion 'ghost' is not",
        ),
        (lambda d: d["inferences"][0].update(premises=[]), "inference 'i1': has no premise"),
        (lambda d: d["inferences"][0].update(premises=["s2", "s2"]), "inference 'i1': lists a premise twice"),
        (
            lambda d: d["inferences"][0].update(premises=["s2", "s1"]),
            "inference 'i1': concludes its own premise 's1' (self-support)",
        ),
        (lambda d: d["attacks"][0].update(source="ghost"), "attack 'a1': source 'ghost' is not a statement"),
        (lambda d: d["attacks"][0].update(source="i1"), "attack 'a1': source 'i1' is not a statement"),
        (
            lambda d: d["attacks"][0].update(target="ghost"),
            "attack 'a1': target 'ghost' is not a statement or",
        ),
        (lambda d: d["attacks"][0].update(target="e1"), "attack 'a1': target 'e1' is not a statement or"),
        (lambda d: d["attacks"][0].update(target="s4"), "attack 'a1': a statement cannot attack itself"),
        (
            lambda d: d["evidence"][0].update(target="ghost"),
            "evidence 'e1': target 'ghost' is not a statement",
        ),
        (lambda d: d["evidence"][0].update(target="i1"), "evidence 'e1': target 'i1' is not a statement"),
        (lambda d: d["evidence"][0].update(text="  "), "evidence 'e1': text is empty"),
        (lambda d: d["statements"][3].update(text=""), "statement 's4': text is empty"),
        (lambda d: d["statements"][3].update(text=" \n\t"), "statement 's4': text is empty"),
        (lambda d: d.update(main="ghost"), "main: pinned main conclusion 'ghost' is not a statement"),
        (lambda d: d.update(main="i1"), "main: pinned main conclusion 'i1' is not a statement"),
        (
            lambda d: d["statements"][0].update(
                span={"start": 0, "end": 27, "text": "Uniforms should be requirex"}
            ),
            "statement 's1': span 0-27 does not match its quoted words",
        ),
        (
            lambda d: d["statements"][0].update(span={"start": 50, "end": 90, "text": "x"}),
            "statement 's1': span 50-90 lies outside the source text (57 characters)",
        ),
        (
            lambda d: d["statements"][0].update(span={"start": 20, "end": 10, "text": ""}),
            "statement 's1': span 20-10 lies outside",
        ),
        (
            lambda d: d["evidence"][0].update(span={"start": 0, "end": 3, "text": "Uni"}) or d.pop("source"),
            "evidence 'e1': has a span but the map has no source text",
        ),
        (
            lambda d: d["evidence"][0].update(span={"start": 0, "end": 3, "text": "Unx"}),
            "evidence 'e1': span 0-3 does not match",
        ),
    ],
)
def test_each_invariant_names_the_element_at_fault(breakage: Any, expected: str) -> None:
    data = base()
    breakage(data)
    found = problems_of(data)
    assert any(p.startswith(expected) for p in found), found
    with pytest.raises(ValidationError):
        ArgumentMap.model_validate(data)


def test_every_problem_is_listed_separately() -> None:
    data = base()
    data["statements"][3]["text"] = ""
    data["attacks"][0]["target"] = "ghost"
    data["evidence"][0]["target"] = "ghost"
    data["main"] = "nowhere"
    found = problems_of(data)
    assert len(found) == 4
    assert [p.split(":")[0] for p in found] == ["statement 's4'", "attack 'a1'", "evidence 'e1'", "main"]


@pytest.mark.parametrize(
    ("breakage", "where"),
    [
        (lambda d: d["statements"][1].pop("text"), "statement 's2' field text"),
        (lambda d: d["statements"][1].update(id="has space"), "statement 'has space' field id"),
        (lambda d: d["evidence"][0].update(kind="rumour"), "evidence 'e1' field kind"),
        (lambda d: d["statements"][0].update(rating="great"), "statement 's1' field rating"),
        (lambda d: d["attacks"][0].update(rating="fatal"), "attack 'a1' field rating"),
        (lambda d: d["statements"][0]["span"].update(start=-1), "statement 's1' field span.start"),
        (lambda d: d.update(revision=-1), "revision"),
        (lambda d: d.update(schema_version=4), "schema_version"),
        (lambda d: d.update(colour="red"), "colour"),
        (lambda d: d["statements"][0].update(colour="red"), "statement 's1' field colour"),
    ],
)
def test_shape_errors_are_located(breakage: Any, where: str) -> None:
    data = base()
    breakage(data)
    found = problems_of(data)
    assert any(p.startswith(where) for p in found), found


def test_models_are_frozen() -> None:
    amap = native.from_data(base())
    with pytest.raises(ValidationError):
        amap.title = "changed"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        amap.statements[0].text = "changed"  # type: ignore[misc]
    assert hash(amap) == hash(native.from_data(base()))


def test_lookups() -> None:
    amap = native.from_data(base())
    assert amap.statement("s2").text == "They reduce bullying"
    assert isinstance(amap.element("i1"), Inference)
    assert isinstance(amap.element("a1"), Attack)
    assert isinstance(amap.element("e1"), Evidence)
    assert amap.ids() == {"s1", "s2", "s3", "s4", "i1", "a1", "e1"}
    with pytest.raises(KeyError):
        amap.statement("i1")
    with pytest.raises(KeyError):
        amap.element("nope")


# --- size limits ------------------------------------------------------------------------------


def test_statement_text_limit() -> None:
    data = base()
    data["statements"][3]["text"] = "x" * model.MAX_STATEMENT_CHARS
    assert problems_of(data) == []
    data["statements"][3]["text"] = "x" * (model.MAX_STATEMENT_CHARS + 1)
    assert problems_of(data) == [
        f"statement 's4': text has {model.MAX_STATEMENT_CHARS + 1} characters; "
        f"the limit is {model.MAX_STATEMENT_CHARS}"
    ]


def test_source_text_limit() -> None:
    data = base()
    data["source"]["text"] = TEXT + " " * (model.MAX_SOURCE_CHARS - len(TEXT))
    assert problems_of(data) == []
    data["source"]["text"] += "!"
    assert problems_of(data) == [
        f"source.text: {model.MAX_SOURCE_CHARS + 1} characters; the limit is {model.MAX_SOURCE_CHARS}"
    ]


def test_statement_count_limit() -> None:
    data = {"id": "big", "statements": [{"id": f"s{n}", "text": "x"} for n in range(model.MAX_STATEMENTS)]}
    assert problems_of(data) == []
    data["statements"].append({"id": "extra", "text": "x"})
    assert problems_of(data) == [
        f"statements: {model.MAX_STATEMENTS + 1} statements; the limit is {model.MAX_STATEMENTS}"
    ]


def test_element_count_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    # 50,000 real elements would be slow to build; the check counts every kind of element.
    data = base()  # 4 statements + 1 inference + 1 attack + 1 evidence = 7 elements
    monkeypatch.setattr(model, "MAX_ELEMENTS", 7)
    assert problems_of(data) == []
    monkeypatch.setattr(model, "MAX_ELEMENTS", 6)
    assert problems_of(data) == ["map: 7 elements; the limit is 6"]


# --- JSON round trip ------------------------------------------------------------------------


def full_map() -> ArgumentMap:
    """A map that sets every field of every element, so the round trip cannot hide a loss."""
    when = datetime(2026, 11, 27, 9, 30, 15, 123456, tzinfo=UTC)
    text = "Café prices rise — “because” rents rise.\nA second line with ✓ and 😀."
    return ArgumentMap(
        id="full-map_1:x.y",
        title="Everything «set»",
        created=when,
        updated=when,
        revision=7,
        source=Source(
            title="T", author="A", outlet="O", date="2026-11-27", url="https://e.org/x?a=1", text=text
        ),
        main="s1",
        statements=(
            Statement(
                id="s1",
                text="Café prices rise",
                span=Span(start=0, end=16, text=text[:16]),
                author="ann",
                created=when,
                note="n",
                cues=("because",),
                reason="cue",
                tags=("t1", "t2"),
                rating="accepted",
            ),
            Statement(id="s2", text="rents rise", implicit=True, rating="doubtful"),
            Statement(id="s3", text="not so", rating="rejected"),
        ),
        inferences=(
            Inference(
                id="i1",
                premises=("s2",),
                conclusion="s1",
                scheme="cause to effect",
                answers=(Answer(question="Q?", answer="yes", note="ok"), Answer(question="R?")),
                rating="strong",
                cues=("because",),
            ),
        ),
        attacks=(Attack(id="a1", source="s3", target="i1", rating="weak", scheme="s", note="undercut"),),
        evidence=(
            Evidence(
                id="e1",
                target="s2",
                kind="statistic",
                text="rents rose 12%",
                span=Span(start=17, end=28, text=text[17:28]),
                source=EvidenceSource(title="Report", author="Office", url="https://x", date="2026"),
                reliability="high",
            ),
        ),
    )


@pytest.mark.parametrize("make", [full_map, lambda: native.loads(EXAMPLE.read_text(encoding="utf-8"))])
def test_json_round_trip_is_lossless(make: Any) -> None:
    amap = make()
    text = native.dumps(amap)
    again = native.loads(text)
    assert again == amap
    assert native.dumps(again) == text
    assert again.created == amap.created  # time zones and microseconds survive


def test_the_example_file_is_stored_exactly_as_dumps_writes_it() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert native.dumps(native.loads(text)) == text


def test_dumps_is_readable_and_stable() -> None:
    text = native.dumps(full_map())
    assert text.endswith("}\n") and "\n  " in text
    assert "Café" in text and "😀" in text  # not \\u-escaped: friendly to diffs
    assert list(json.loads(text))[:6] == [
        "schema_version",
        "id",
        "title",
        "created",
        "updated",
        "revision",
    ]


@settings(max_examples=60, deadline=None)
@given(maps())
def test_dumps_writes_what_the_standard_json_writer_would(amap: ArgumentMap) -> None:
    assert native.dumps(amap) == json.dumps(amap.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


@settings(max_examples=60, deadline=None)
@given(maps())
def test_json_round_trip_of_generated_maps(amap: ArgumentMap) -> None:
    text = native.dumps(amap)
    again = native.loads(text)
    assert again == amap
    assert native.dumps(again) == text


def test_look_ups_by_id_find_every_kind_and_ids_is_the_callers_own_set() -> None:
    from argmap.formats import native

    amap = native.loads((Path(__file__).parents[1] / "arguments" / "democrats-voter-data.json").read_text())
    for group in (amap.statements, amap.inferences, amap.attacks, amap.evidence):
        for e in group:
            assert amap.element(e.id) is e
    first = amap.statements[0].id
    assert amap.statement(first) is amap.statements[0]
    with pytest.raises(KeyError):
        amap.statement(amap.inferences[0].id)  # an inference is no statement
    with pytest.raises(KeyError):
        amap.element("nope")
    ids = amap.ids()
    ids.clear()
    assert first in amap.ids()
