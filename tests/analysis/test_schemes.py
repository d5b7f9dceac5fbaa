from pathlib import Path

import pytest

from argmap.analysis.schemes import SCHEMES, answers_for, scheme, suggest
from argmap.edit import operations as edit
from argmap.formats import native
from argmap.model import Answer, ArgumentMap, Evidence, EvidenceSource, Inference, Statement

EXAMPLE = Path(__file__).resolve().parents[2] / "arguments" / "democrats-voter-data.json"


@pytest.fixture
def example_map() -> ArgumentMap:
    return native.loads(EXAMPLE.read_text(encoding="utf-8"))


WALTON = {
    "expert opinion",
    "cause to effect",
    "consequences",
    "analogy",
    "sign",
    "popular opinion",
    "example",
    "ad hominem",
    "practical reasoning",
}


def one_step(
    premise: str, conclusion: str, cues: tuple[str, ...] = (), kind: str | None = None
) -> ArgumentMap:
    ev = ()
    if kind:
        ev = (Evidence(id="e1", target="p", kind=kind, text="A quote.", source=EvidenceSource(author="X")),)
    return ArgumentMap(
        id="m",
        statements=(Statement(id="p", text=premise), Statement(id="c", text=conclusion)),
        inferences=(Inference(id="i1", premises=("p",), conclusion="c", cues=cues),),
        evidence=ev,
    )


def test_catalogue_has_walton_schemes_with_questions():
    assert {s.name for s in SCHEMES} == WALTON
    for s in SCHEMES:
        assert len(s.questions) >= 3
        assert all(q.endswith("?") for q in s.questions)
    assert scheme("Expert Opinion") is scheme("expert opinion")
    assert scheme("no such scheme") is None


@pytest.mark.parametrize(
    ("premise", "conclusion", "cues", "kind", "expected"),
    [
        (
            "Experts at the central bank say inflation will fall.",
            "Rates will come down.",
            (),
            "expert",
            "expert opinion",
        ),
        ("Smoking causes cancer.", "Smokers will fall ill more often.", ("causes",), None, "cause to effect"),
        (
            "Just as seat belts saved lives, helmets will too.",
            "Helmets should be required.",
            (),
            None,
            "analogy",
        ),
        ("Most people think the tax is unfair.", "The tax is unfair.", (), None, "popular opinion"),
        (
            "For example, Denmark cut emissions by half.",
            "Cutting emissions is possible.",
            (),
            None,
            "example",
        ),
        ("The senator is a hypocrite.", "His plan is wrong.", (), None, "ad hominem"),
        (
            "We need to cut emissions.",
            "We should build wind farms.",
            ("in order to",),
            None,
            "practical reasoning",
        ),
    ],
)
def test_suggest_ranks_the_fitting_scheme_first(premise, conclusion, cues, kind, expected):
    found = suggest(one_step(premise, conclusion, cues, kind), "i1")
    assert found and found[0].scheme.name == expected
    assert found[0].cues


def test_suggest_on_example_map(example_map):
    assert suggest(example_map, "i4")[0].scheme.name == "cause to effect"
    assert suggest(example_map, "i7")[0].scheme.name == "sign"
    with pytest.raises(KeyError):
        suggest(example_map, "s1")


def test_answers_saved_in_the_map_through_set_scheme(example_map):
    qs = answers_for(example_map, "i4", "cause to effect")
    assert [a.answer for a in qs] == ["open"] * len(scheme("cause to effect").questions)
    answered = (Answer(question=qs[0].question, answer="no", note="weak link"), *qs[1:])
    m = edit.set_scheme(example_map, "i4", "cause to effect", answered)
    again = answers_for(m, "i4", "cause to effect")
    assert again[0] == Answer(question=qs[0].question, answer="no", note="weak link")
    assert m.element("i4").scheme == "cause to effect"
