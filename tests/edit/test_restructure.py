"""Pinning a new main conclusion restructures the map; the roles stay what the user meant."""

from __future__ import annotations

import pytest

from argmap.edit import operations as edit
from argmap.edit.restructure import promote
from argmap.errors import EditError
from argmap.formats import native
from argmap.model import ArgumentMap, problems
from argmap.roles import derive


def drafted() -> ArgumentMap:
    """s1 (main, as drafted) ← s2, s3, s4; s5 objects to s2, s6 rebuts s5; s7 stands apart.

    The user reads it differently: s4 is the real main conclusion, s1 one of its reasons.
    """
    return native.from_data(
        {
            "id": "m",
            "statements": [
                {"id": "s1", "text": "The council should close school streets", "reason": "closing line"},
                {"id": "s2", "text": "Traffic near schools endangers children"},
                {"id": "s3", "text": "Parents would walk more"},
                {"id": "s4", "text": "Our town should put children first"},
                {"id": "s5", "text": "Deliveries would suffer"},
                {"id": "s6", "text": "Deliveries can come before nine"},
                {"id": "s7", "text": "Cities that did it are happy"},
            ],
            "inferences": [
                {"id": "i1", "premises": ["s2"], "conclusion": "s1", "reason": "'because'"},
                {"id": "i2", "premises": ["s3"], "conclusion": "s1"},
                {"id": "i3", "premises": ["s4"], "conclusion": "s1"},
            ],
            "attacks": [
                {"id": "a1", "source": "s5", "target": "s2"},
                {"id": "a2", "source": "s6", "target": "s5"},
            ],
        }
    )


def test_pinning_plainly_would_cut_the_old_main_off_and_flip_rebuttals() -> None:
    # The bug this module fixes: pin alone leaves the old main with its reasons unconnected.
    amap = edit.pin_main(drafted(), "s4")
    roles = derive(amap)
    assert roles.role["s1"] != "intermediate"


def test_old_main_becomes_a_reason_keeping_its_reasons_and_objections() -> None:
    before = derive(drafted())
    amap = promote(drafted(), "s4", old_main="reason", author="Sam")
    assert problems(amap) == []
    roles = derive(amap)
    assert roles.main == "s4" and amap.main == "s4"
    assert roles.role["s1"] == "intermediate"
    assert {p for i in amap.inferences if i.conclusion == "s1" for p in i.premises} == {"s2", "s3"}
    # Everything else keeps its role: the rebuttal stays a rebuttal, the objection an objection.
    for sid in ("s2", "s3", "s5", "s6", "s7"):
        assert roles.role[sid] == before.role[sid], sid
    assert roles.role["s6"] == "rebuttal" and roles.role["s5"] == "objection"
    # The new main argues for nothing now (its old link to s1 is gone: no circle).
    assert not any("s4" in i.premises for i in amap.inferences)
    # Why it is here: both say what happened and keep what the extractor said.
    s1, s4 = amap.statement("s1"), amap.statement("s4")
    assert s1.reason.startswith("re-linked as a reason for s4 (“Our town should put children first”) by Sam")
    assert s1.history == ("closing line",)
    assert s4.reason == "pinned as the main conclusion by Sam"
    assert s4.history == ("argued for s1 before it was pinned",)


def test_old_main_becomes_an_objection() -> None:
    amap = promote(drafted(), "s4", old_main="objection")
    roles = derive(amap)
    assert roles.main == "s4" and roles.role["s1"] == "objection"
    assert any(a.source == "s1" and a.target == "s4" for a in amap.attacks)


def test_old_main_relinked_under_another_statement() -> None:
    amap = promote(drafted(), "s4", old_main="under", under="s7")
    assert any(i.premises == ("s1",) and i.conclusion == "s7" for i in amap.inferences)
    assert amap.statement("s1").reason.startswith("re-linked as a reason for s7")


def test_old_main_under_its_own_reason_is_refused_as_a_circle() -> None:
    with pytest.raises(EditError, match=r"circle.*s1 → s2"):
        promote(drafted(), "s4", old_main="under", under="s2")


def test_old_main_apart_says_so() -> None:
    amap = promote(drafted(), "s4", old_main="apart")
    assert derive(amap).role["s1"] == "unconnected"
    assert amap.statement("s1").reason.startswith("stands apart")


def test_pinning_the_main_itself_or_an_unknown_id() -> None:
    amap = drafted()
    assert promote(amap, "s1").main == "s1"
    with pytest.raises(EditError, match="no statement 's99'"):
        promote(amap, "s99")
    with pytest.raises(EditError, match="choose the statement"):
        promote(amap, "s4", old_main="under")


def test_pinning_a_linked_co_premise_keeps_the_other_premise() -> None:
    amap = native.from_data(
        {
            "id": "m",
            "statements": [{"id": "s1", "text": "a"}, {"id": "s2", "text": "b"}, {"id": "s3", "text": "c"}],
            "inferences": [{"id": "i1", "premises": ["s2", "s3"], "conclusion": "s1"}],
        }
    )
    out = promote(amap, "s2")
    assert out.element("i1").premises == ("s3",)
    assert derive(out).role["s1"] == "intermediate"
