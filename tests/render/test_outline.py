"""The outline (accessible text form of a map) and the stable JSON view for scripts."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from argmap.formats import native
from argmap.model import ArgumentMap, Attack, Evidence, EvidenceSource, Inference, Source, Span, Statement
from argmap.render.outline import outline, view

EXAMPLE = Path(__file__).resolve().parents[2] / "arguments" / "democrats-voter-data.json"
TEXT = "Uniforms should be required. They reduce bullying."


def debate() -> ArgumentMap:
    """s1 ← s2 ← s3; s1 ← s4 & s5 (linked, s5 implicit); s6 objects to s1, s7 rebuts it;
    s8 undercuts i1; evidence on s2; s9 unconnected."""
    return ArgumentMap(
        id="m",
        title="Uniforms",
        source=Source(text=TEXT),
        statements=(
            Statement(
                id="s1", text="Uniforms should be required.", span=Span(start=0, end=28, text=TEXT[:28])
            ),
            Statement(id="s2", text="They reduce bullying."),
            Statement(id="s3", text="Nobody is teased for brands."),
            Statement(id="s4", text="Dress codes are cheap to enforce."),
            Statement(id="s5", text="Schools have little money.", implicit=True, tags=("assumption",)),
            Statement(id="s6", text="Uniforms cost families money."),
            Statement(id="s7", text="Second-hand uniforms are cheap."),
            Statement(id="s8", text="Less bullying does not make them required."),
            Statement(id="s9", text="Sport is good."),
        ),
        inferences=(
            Inference(id="i1", premises=("s2",), conclusion="s1"),
            Inference(id="i2", premises=("s3",), conclusion="s2"),
            Inference(id="i3", premises=("s4", "s5"), conclusion="s1"),
        ),
        attacks=(
            Attack(id="a1", source="s6", target="s1"),
            Attack(id="a2", source="s7", target="s6"),
            Attack(id="a3", source="s8", target="i1"),
        ),
        evidence=(
            Evidence(
                id="e1",
                target="s2",
                kind="study",
                text="A survey of 40 schools.",
                span=Span(start=29, end=50, text=TEXT[29:50]),
                source=EvidenceSource(author="Office", title="Report", date="2026"),
            ),
        ),
    )


def test_outline_of_a_debate() -> None:
    assert outline(debate()) == (
        "# Uniforms\n"
        "[s1] Uniforms should be required.  (main conclusion)\n"
        "  + [s2] They reduce bullying.  (intermediate conclusion)\n"
        "    ◆ evidence [e1] (study): A survey of 40 schools. — Office, Report, 2026\n"
        "    + [s3] Nobody is teased for brands.  (premise)\n"
        "    − undercuts [i1]: [s8] Less bullying does not make them required.  (objection)\n"
        "  + together [i3]:\n"
        "    & [s4] Dress codes are cheap to enforce.  (premise)\n"
        "    & [s5] Schools have little money.  (premise, implicit, assumption)\n"
        "  − [s6] Uniforms cost families money.  (objection)\n"
        "    − [s7] Second-hand uniforms are cheap.  (rebuttal)\n"
        "\n"
        "Not connected to the main conclusion:\n"
        "  [s9] Sport is good.  (unconnected)\n"
    )


def test_outline_without_a_main_lists_statements() -> None:
    amap = ArgumentMap(
        id="m", title="T", statements=(Statement(id="a", text="A"), Statement(id="b", text="B"))
    )
    assert outline(amap) == "# T\n\nStatements:\n  [a] A  (unconnected)\n  [b] B  (unconnected)\n"
    assert outline(ArgumentMap(id="m", title="Empty")) == "# Empty\n"


def test_outline_of_circular_support_terminates() -> None:
    amap = ArgumentMap(
        id="m",
        title="Circle",
        statements=(Statement(id="a", text="A"), Statement(id="b", text="B")),
        inferences=(
            Inference(id="i1", premises=("a",), conclusion="b"),
            Inference(id="i2", premises=("b",), conclusion="a"),
        ),
    )
    text = outline(amap)
    assert "(see [a] above)" in text
    assert text.count("[a] A") == 1 and text.count("[b] B") == 1


def random_map(seed: int) -> ArgumentMap:
    """A random valid map: support and attack links among a few statements, cycles allowed."""
    rng = random.Random(seed)
    n = rng.randint(1, 12)
    sids = [f"s{k}" for k in range(n)]
    infs, atts = [], []
    for k in range(rng.randint(0, 2 * n)):
        concl = rng.choice(sids)
        prem = (
            tuple(rng.sample([s for s in sids if s != concl], min(n - 1, rng.randint(1, 3)))) if n > 1 else ()
        )
        if prem:
            infs.append(Inference(id=f"i{k}", premises=prem, conclusion=concl))
    for k in range(rng.randint(0, n)):
        src = rng.choice(sids)
        targets = [s for s in sids if s != src] + [i.id for i in infs]
        if targets:
            atts.append(Attack(id=f"a{k}", source=src, target=rng.choice(targets)))
    return ArgumentMap(
        id="r",
        title=f"random {seed}",
        statements=tuple(Statement(id=s, text=f"claim {s}") for s in sids),
        inferences=tuple(infs),
        attacks=tuple(atts),
    )


@pytest.mark.parametrize("seed", range(60))
def test_outline_shows_every_statement_and_terminates(seed: int) -> None:
    amap = random_map(seed)
    text = outline(amap)
    shown = set(re.findall(r"\[(s\d+)\] claim", text))
    assert shown == {s.id for s in amap.statements}


def test_the_example_outline_marks_roles_evidence_and_the_implicit_premise() -> None:
    text = outline(native.loads(EXAMPLE.read_text(encoding="utf-8")))
    lines = text.splitlines()
    assert lines[0] == "# Democrats selling voter data to retailers?"
    assert lines[1].startswith("[s1] ") and lines[1].endswith("(main conclusion)")
    assert "  + together [i1]:" in lines
    assert any("[s5]" in line and "implicit" in line for line in lines)
    assert sum("◆ evidence" in line for line in lines) == 4
    assert any("(objection)" in line for line in lines) and any("(rebuttal)" in line for line in lines)


# --- the JSON view ------------------------------------------------------------------------------


def test_view_has_the_documented_shape() -> None:
    v = view(debate())
    assert list(v) == ["main", "statements", "inferences", "attacks", "evidence"]
    assert v["main"] == "s1"
    assert v["statements"][0] == {
        "id": "s1",
        "role": "main",
        "text": "Uniforms should be required.",
        "start": 0,
        "end": 28,
        "implicit": False,
    }
    assert v["statements"][4] == {
        "id": "s5",
        "role": "premise",
        "text": "Schools have little money.",
        "start": None,
        "end": None,
        "implicit": True,
    }
    assert [s["role"] for s in v["statements"]] == [
        "main",
        "intermediate",
        "premise",
        "premise",
        "premise",
        "objection",
        "rebuttal",
        "objection",
        "unconnected",
    ]
    assert v["inferences"][2] == {"id": "i3", "premises": ["s4", "s5"], "conclusion": "s1"}
    assert v["attacks"] == [
        {"id": "a1", "from": "s6", "target": "s1", "kind": "rebut"},
        {"id": "a2", "from": "s7", "target": "s6", "kind": "rebut"},
        {"id": "a3", "from": "s8", "target": "i1", "kind": "undercut"},
    ]
    assert v["evidence"] == [
        {
            "id": "e1",
            "for": "s2",
            "kind": "study",
            "text": "A survey of 40 schools.",
            "start": 29,
            "end": 50,
            "source": "Office, Report, 2026",
        }
    ]


def test_view_without_main_or_source() -> None:
    v = view(ArgumentMap(id="m", statements=(Statement(id="a", text="A"),)))
    assert v == {
        "main": None,
        "statements": [
            {"id": "a", "role": "unconnected", "text": "A", "start": None, "end": None, "implicit": False}
        ],
        "inferences": [],
        "attacks": [],
        "evidence": [],
    }


def test_a_deep_chain_is_outlined_without_recursion_limits() -> None:
    n = 3000  # far past Python's recursion limit; a valid map may hold 5,000 statements
    amap = ArgumentMap(
        id="m",
        title="Chain",
        statements=tuple(Statement(id=f"s{k}", text=f"step {k}") for k in range(1, n + 1)),
        inferences=tuple(
            Inference(id=f"i{k}", premises=(f"s{k + 1}",), conclusion=f"s{k}") for k in range(1, n)
        ),
    )
    lines = outline(amap).splitlines()
    assert lines[1].startswith("[s1] step 1")
    assert lines[-1] == "  " * (n - 1) + f"+ [s{n}] step {n}  (premise)"
    assert "Not connected" not in outline(amap)


def test_an_undercut_of_a_reason_met_twice_stays_in_the_tree() -> None:
    """s2 supports s1 and s3; s3 supports s1; s4 undercuts s2 → s3. s2 is written once, under s1,
    and the undercut still hangs under the inference it attacks, not among the unconnected."""
    amap = ArgumentMap(
        id="m",
        title="Twice",
        statements=tuple(Statement(id=f"s{k}", text=f"t{k}") for k in range(1, 5)),
        inferences=(
            Inference(id="i1", premises=("s2",), conclusion="s1"),
            Inference(id="i2", premises=("s3",), conclusion="s1"),
            Inference(id="i3", premises=("s2",), conclusion="s3"),
        ),
        attacks=(Attack(id="a1", source="s4", target="i3"),),
    )
    text = outline(amap)
    assert "Not connected" not in text
    assert "+ (see [s2] above)\n      − undercuts [i3]: [s4] t4  (objection)" in text


def test_cycles_and_mutual_attacks_are_outlined_once_each() -> None:
    st = tuple(Statement(id=f"s{k}", text=f"t{k}") for k in range(1, 4))
    circle = ArgumentMap(
        id="m",
        title="Circle",
        statements=st,
        inferences=(
            Inference(id="i1", premises=("s2",), conclusion="s1"),
            Inference(id="i2", premises=("s1",), conclusion="s2"),
        ),
        attacks=(Attack(id="a1", source="s3", target="i1"), Attack(id="a2", source="s1", target="s3")),
    )
    text = outline(circle)
    for sid in ("s1", "s2", "s3"):
        assert text.count(f"[{sid}] t") >= 1
    assert text.count("(see [s1] above)") == 1
    assert len(text.splitlines()) < 12  # the circle is walked round once, not forever
