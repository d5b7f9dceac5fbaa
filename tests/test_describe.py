"""argmap.describe: one set of words for naming and explaining a map's elements, decided by lookup."""

from __future__ import annotations

from argmap import describe
from argmap.formats import FORMATS
from argmap.model import ArgumentMap, Attack, Evidence, Inference, Statement


def _map() -> ArgumentMap:
    return ArgumentMap(
        id="d",
        statements=(
            Statement(id="s1", text="The council should fund the buses."),
            Statement(id="s2", text="Fares keep poorer riders off the buses.", cues=("because",)),
            Statement(id="s3", text="Riders are mostly poorer people."),
            Statement(id="s4", text="Buses are too slow to matter."),
        ),
        inferences=(
            Inference(
                id="i1", premises=("s2", "s3"), conclusion="s1", cues=("because",), reason="premise: a reason"
            ),
        ),
        attacks=(Attack(id="a1", source="s4", target="i1"),),
        evidence=(Evidence(id="e1", target="s2", text="62% of riders earn under the median."),),
    )


# An imported map's ids follow no s/i/a/e scheme: "i-claim" is a statement, "s-step" an inference.
ODD = ArgumentMap(
    id="odd",
    statements=(
        Statement(id="i-claim", text="We should plant trees."),
        Statement(id="a-reason", text="Trees cool the streets."),
        Statement(id="e-doubt", text="Trees cost too much."),
    ),
    inferences=(Inference(id="s-step", premises=("a-reason",), conclusion="i-claim"),),
    attacks=(Attack(id="ev9", source="e-doubt", target="i-claim"),),
    evidence=(Evidence(id="s-fig", target="a-reason", text="Shaded streets are 5 degrees cooler."),),
)


def test_label_names_the_role_and_the_first_words() -> None:
    amap = _map()
    assert describe.label(amap, "s1") == "s1 (main conclusion: “The council should fund the buses.”)"
    assert describe.label(amap, "s4") == "s4 (objection: “Buses are too slow to matter.”)"
    assert describe.label(amap, "i1") == "the step s2, s3 → s1 (i1)"
    assert describe.label(amap, "a1") == "a1 (s4 attacks i1)"
    assert describe.label(amap, "e1").startswith("e1 (evidence: “62% of riders")
    assert describe.label(amap, "nope") == "nope"


def test_why_gives_the_reason_the_cues_and_every_link() -> None:
    amap = _map()
    assert describe.why(amap, "s2") == [
        "cue words: “because”",
        "i1: supports s1 (main conclusion: “The council should fund the buses.”) — cues “because” — "
        "premise: a reason",
    ]
    lines = describe.why(amap, "s4")
    assert lines == ["a1: attacks the step s2, s3 → s1 (i1)"]
    assert (
        describe.why(amap, "s1")[0].startswith("i1: supported by s2 (premise: “Fares keep")
        and "; s3" in (describe.why(amap, "s1")[0])
    )
    assert describe.why(amap, "nope") == []


def test_why_names_the_rules_that_decided() -> None:
    amap = _map()
    data = amap.model_dump()
    data["statements"][1]["rules"] = ["link.reason_after", "pair:before"]
    lines = describe.why(ArgumentMap.model_validate(data), "s2")
    assert lines[:2] == ["cue words: “because”", "decided by: link.reason_after, pair:before"]


def test_picker_and_tag_labels_say_what_each_element_is() -> None:
    amap = _map()
    assert describe.pick_label(amap, "s3") == "“Riders are mostly poorer people.” — premise · s3"
    assert describe.pick_label(amap, "e1").endswith("— evidence · e1")
    assert describe.pick_label(amap, "i1").startswith("the step “Fares keep")
    assert describe.tag_label(amap, "s3") == "s3 · premise — Riders are mostly poorer people."
    assert describe.tag_label(amap, "i1") == "i1 · s2 + s3 → s1"
    assert describe.tag_label(amap, "a1") == "a1 · s4 attacks i1"
    assert describe.name(amap, "s1") == "s1 (“The council should fund the buses.”)"
    assert describe.name(amap, "i1") == "the step s2 + s3 → s1"


def test_an_imported_maps_ids_are_looked_up_not_guessed() -> None:
    assert describe.kind(ODD, "i-claim") == "main conclusion"  # not an inference for its "i"
    assert describe.kind(ODD, "a-reason") == "premise"
    assert describe.kind(ODD, "e-doubt") == "objection"
    assert describe.kind(ODD, "s-step") == "inference"
    assert describe.kind(ODD, "ev9") == "attack"
    assert describe.kind(ODD, "s-fig") == "evidence"
    assert describe.label(ODD, "s-step") == "the step a-reason → i-claim (s-step)"
    assert describe.label(ODD, "ev9") == "ev9 (e-doubt attacks i-claim)"
    assert describe.pick_label(ODD, "s-fig") == "“Shaded streets are 5 degrees cooler.” — evidence · s-fig"
    assert describe.tag_label(ODD, "s-step") == "s-step · a-reason → i-claim"
    assert describe.why(ODD, "e-doubt") == [
        "ev9: attacks i-claim (main conclusion: “We should plant trees.”)"
    ]
    assert describe.why(ODD, "a-reason") == [
        "s-step: supports i-claim (main conclusion: “We should plant trees.”)"
    ]


def test_an_argdown_import_is_described_by_lookup() -> None:
    # Argdown names statements by their titles: the ids come from the file, not from Argmap.
    text = "\n".join(
        [
            "[Trees]: We should plant trees.",
            "  + [Cool]: Trees cool the streets.",
            "  - [Cost]: Trees cost too much.",
        ]
    )
    loads = FORMATS["argdown"].loads
    assert loads is not None
    amap = loads(text)
    by_text = {s.text: s.id for s in amap.statements}
    cost, trees = by_text["Trees cost too much."], by_text["We should plant trees."]
    assert describe.kind(amap, cost) == "objection"
    assert describe.label(amap, trees).endswith("(main conclusion: “We should plant trees.”)")
    assert any("attacks" in line for line in describe.why(amap, cost))


def test_a_finding_is_labelled_with_its_first_nodes_words() -> None:
    amap = _map()
    assert (
        describe.finding_label(amap, ("s4", "s1"), "unanswered_objection", "no rebuttal")
        == "s4, s1 · unanswered objection — no rebuttal (Buses are too slow to matter.)"
    )
    assert describe.finding_label(amap, ("i1",), "thin_support", "one premise") == (
        "i1 · thin support — one premise"
    )


def test_short_cuts_on_one_line() -> None:
    assert describe.short("a  b\nc") == "a b c"
    assert describe.short("x" * 50, 10) == "x" * 9 + "…"
