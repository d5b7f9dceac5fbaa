"""Roles derived from the graph: main (derived or pinned), intermediate, premise, objection, rebuttal..."""

from __future__ import annotations

from pathlib import Path

from argmap.formats import native
from argmap.model import ArgumentMap, Attack, Inference, Statement
from argmap.roles import ROLE_LABELS, derive, main_conclusion

EXAMPLE = Path(__file__).resolve().parents[1] / "arguments" / "democrats-voter-data.json"


def build(statements: str, inferences: dict[str, tuple[tuple[str, ...], str]] = {}, attacks={}, main=None):  # noqa: B006
    """A map from compact specs: "s1 s2", {"i1": (("s2",), "s1")}, {"a1": ("s3", "s1")}."""
    return ArgumentMap(
        id="m",
        main=main,
        statements=tuple(Statement(id=s, text=f"text of {s}") for s in statements.split()),
        inferences=tuple(Inference(id=i, premises=p, conclusion=c) for i, (p, c) in inferences.items()),
        attacks=tuple(Attack(id=a, source=s, target=t) for a, (s, t) in attacks.items()),
    )


# A debate: s1 is supported by s2 (itself supported by s3) and by the linked pair s4+s5;
# s6 objects to s1, s7 rebuts s6, s8 undercuts the inference i1 (s2 → s1), s9 rebuts s8,
# s10 supports the objection s6, and s11 stands alone.
DEBATE = build(
    "s1 s2 s3 s4 s5 s6 s7 s8 s9 s10 s11",
    {
        "i1": (("s2",), "s1"),
        "i2": (("s3",), "s2"),
        "i3": (("s4", "s5"), "s1"),
        "i4": (("s10",), "s6"),
    },
    {"a1": ("s6", "s1"), "a2": ("s7", "s6"), "a3": ("s8", "i1"), "a4": ("s9", "s8")},
)


def test_every_role_in_a_debate() -> None:
    roles = derive(DEBATE)
    assert roles.main == "s1"
    assert roles.role == {
        "s1": "main",
        "s2": "intermediate",
        "s3": "premise",
        "s4": "premise",
        "s5": "premise",
        "s6": "objection",
        "s7": "rebuttal",
        "s8": "objection",  # an undercut attacks the author's line too
        "s9": "rebuttal",
        "s10": "premise",  # a reason for the objection is still a premise, on the other side
        "s11": "unconnected",
    }


def test_sides_and_depths_follow_the_graph() -> None:
    roles = derive(DEBATE)
    proponent = {"s1", "s2", "s3", "s4", "s5", "s7", "s9"}
    opponent = {"s6", "s8", "s10"}
    assert {s for s, side in roles.side.items() if side == "proponent"} == proponent
    assert {s for s, side in roles.side.items() if side == "opponent"} == opponent
    assert roles.side["s11"] is None and "s11" not in roles.depth
    assert roles.depth["s1"] == 0 and roles.depth["s2"] == 1 and roles.depth["s3"] == 2
    assert roles.depth["s7"] == 2 and roles.depth["s10"] == 2


def test_main_is_the_best_supported_top_conclusion() -> None:
    amap = build(
        "a b c d e",
        {"i1": (("b",), "a"), "i2": (("d",), "c"), "i3": (("e",), "d")},
    )
    assert main_conclusion(amap) == "c"  # three statements under c, two under a
    tie = build("a b c d", {"i1": (("b",), "a"), "i2": (("d",), "c")})
    assert main_conclusion(tie) == "a"  # a tie goes to the statement that comes first


def test_a_pinned_main_wins_and_roles_follow_it() -> None:
    amap = build("a b c", {"i1": (("b",), "a"), "i2": (("a",), "c")}, main="a")
    roles = derive(amap)
    assert roles.main == "a" and roles.role["a"] == "main"
    assert roles.role["b"] == "premise"
    assert roles.role["c"] == "unconnected"  # concluded, but above the pinned main: not reached from it
    assert roles.side["c"] is None


def test_no_main_without_a_conclusion() -> None:
    roles = derive(build("a b"))
    assert roles.main is None
    assert set(roles.role.values()) == {"unconnected"}
    assert derive(build("")).role == {}


def test_a_claim_that_is_only_attacked_is_the_main() -> None:
    roles = derive(
        build("claim objection answer", attacks={"a1": ("objection", "claim"), "a2": ("answer", "objection")})
    )
    assert roles.main == "claim"
    assert roles.role == {"claim": "main", "objection": "objection", "answer": "rebuttal"}


def test_a_supported_claim_beats_a_merely_attacked_one() -> None:
    amap = build("attacked x supported y", {"i1": (("y",), "supported")}, {"a1": ("x", "attacked")})
    assert main_conclusion(amap) == "supported"


def test_circular_support_has_no_derived_main_and_does_not_hang() -> None:
    amap = build("a b", {"i1": (("a",), "b"), "i2": (("b",), "a")})
    roles = derive(amap)
    assert roles.main is None
    assert roles.role == {"a": "intermediate", "b": "intermediate"}


def test_the_example_map_reads_as_its_author_argues() -> None:
    roles = derive(native.loads(EXAMPLE.read_text(encoding="utf-8")))
    assert roles.main == "s1"
    assert roles.role["s5"] == "premise"  # the implicit co-premise
    assert roles.role["s9"] == "objection" and roles.role["s10"] == "rebuttal"
    assert roles.role["s12"] == "objection"


def test_every_role_has_a_label() -> None:
    roles = derive(DEBATE)
    assert set(roles.role.values()) <= set(ROLE_LABELS)


def test_attacks_on_attacks_on_an_undercut_alternate_sides() -> None:
    """s3 undercuts s2 → s1; s4 answers s3; s5 answers s4: objection, rebuttal, objection."""
    amap = build(
        "s1 s2 s3 s4 s5",
        {"i1": (("s2",), "s1")},
        {"a1": ("s3", "i1"), "a2": ("s4", "s3"), "a3": ("s5", "s4")},
    )
    roles = derive(amap)
    assert [roles.role[s] for s in ("s3", "s4", "s5")] == ["objection", "rebuttal", "objection"]
    assert [roles.side[s] for s in ("s3", "s4", "s5")] == ["opponent", "proponent", "opponent"]
    assert [roles.depth[s] for s in ("s3", "s4", "s5")] == [1, 2, 3]


def test_a_pinned_main_inside_a_circle_reads_the_circle_once() -> None:
    amap = build("m a b", {"i1": (("a",), "m"), "i2": (("m",), "a"), "i3": (("b",), "a")}, main="m")
    roles = derive(amap)
    assert roles.role == {"m": "main", "a": "intermediate", "b": "premise"}
    assert roles.depth == {"m": 0, "a": 1, "b": 2}


def test_of_several_top_level_conclusions_the_others_stand_apart() -> None:
    amap = build("c1 p1 p2 c2 p3 o", {"i1": (("p1", "p2"), "c1"), "i2": (("p3",), "c2")}, {"a1": ("o", "c2")})
    roles = derive(amap)
    assert roles.main == "c1"  # the better supported
    assert roles.role["c2"] == "unconnected" and roles.side["c2"] is None
    assert roles.side["p3"] is None and roles.side["o"] is None
    assert "c2" not in roles.depth
