"""Edit operations: each returns a new valid map or raises EditError, leaving the map as it was."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest

from argmap.edit import operations as edit
from argmap.errors import EditError
from argmap.formats import native
from argmap.model import Answer, ArgumentMap, EvidenceSource, Span, problems
from argmap.roles import derive

TEXT = "Uniforms should be required because they reduce bullying."


def start() -> ArgumentMap:
    """s1 ← s2 (i1); s3 objects to s1 (a1); evidence e1 on s2."""
    return native.from_data(
        {
            "id": "m",
            "title": "Uniforms",
            "source": {"text": TEXT},
            "statements": [
                {
                    "id": "s1",
                    "text": "Uniforms should be required",
                    "span": {"start": 0, "end": 27, "text": TEXT[:27]},
                },
                {"id": "s2", "text": "They reduce bullying"},
                {"id": "s3", "text": "They cost money"},
            ],
            "inferences": [{"id": "i1", "premises": ["s2"], "conclusion": "s1"}],
            "attacks": [{"id": "a1", "source": "s3", "target": "s1"}],
            "evidence": [{"id": "e1", "target": "s2", "text": "A survey of 40 schools", "kind": "study"}],
        }
    )


def check(amap: ArgumentMap) -> ArgumentMap:
    """Every edit result must be a valid map."""
    assert problems(amap) == []
    return amap


# --- statements -------------------------------------------------------------------------------


def test_add_statement_gets_a_fresh_id_and_stamps() -> None:
    amap, sid = edit.add_statement(start(), "  Students can focus on lessons  ", implicit=True, author="ann")
    check(amap)
    s = amap.statement(sid)
    assert re.fullmatch(r"s4-[a-z2-9]{6}", sid)  # the next number, and a tag no other session makes
    assert s.text == "Students can focus on lessons" and s.implicit and s.author == "ann"
    assert s.created is not None
    assert derive(amap).role[sid] == "unconnected"


def test_next_id_skips_used_and_foreign_ids() -> None:
    amap, sid = edit.add_statement(start(), "x")
    amap = edit.update(amap, sid, note="n")
    assert edit.next_id(amap, "s").startswith("s5-")  # tagged ids count: numbers keep rising
    assert edit.next_id(amap, "q").startswith("q1-")


def test_ids_made_in_two_sessions_of_one_map_do_not_clash() -> None:
    made = {edit.add_statement(start(), "same twelfth statement")[1] for _ in range(200)}
    assert len(made) == 200 and all(m.startswith("s4-") for m in made)


def test_edit_text_of_statement_and_evidence() -> None:
    amap = check(edit.edit_text(start(), "s2", "They cut bullying"))
    assert amap.statement("s2").text == "They cut bullying"
    amap = check(edit.edit_text(amap, "e1", "A survey of 41 schools"))
    assert amap.element("e1").text == "A survey of 41 schools"


def test_update_mark_implicit_pin_rate_and_scheme() -> None:
    amap = check(edit.update(start(), "s2", tags=("claim",), note="why"))
    assert amap.statement("s2").tags == ("claim",) and amap.statement("s2").note == "why"
    amap = check(edit.mark_implicit(amap, "s2"))
    assert amap.statement("s2").implicit
    amap = check(edit.mark_implicit(amap, "s2", False))
    assert not amap.statement("s2").implicit
    amap = check(edit.pin_main(amap, "s2"))
    assert amap.main == "s2" and derive(amap).main == "s2"
    amap = check(edit.pin_main(amap, None))
    assert amap.main is None and derive(amap).main == "s1"
    amap = check(edit.rate(amap, "s1", "doubtful"))
    amap = check(edit.rate(amap, "i1", "weak"))
    amap = check(edit.rate(amap, "e1", "low"))
    assert (amap.statement("s1").rating, amap.element("i1").rating, amap.element("e1").reliability) == (
        "doubtful",
        "weak",
        "low",
    )
    amap = check(
        edit.set_scheme(amap, "i1", "cause to effect", (Answer(question="Is it likely?", answer="no"),))
    )
    assert amap.element("i1").scheme == "cause to effect"
    assert amap.element("i1").answers[0].answer == "no"


# --- support ----------------------------------------------------------------------------------


def test_add_premise_as_a_new_reason_is_convergent() -> None:
    amap, sid = edit.add_premise(start(), "s1", "They save families time")
    check(amap)
    reasons = [i for i in amap.inferences if i.conclusion == "s1"]
    assert [i.premises for i in reasons] == [("s2",), (sid,)]


def test_add_premise_joining_an_inference_is_linked() -> None:
    amap, sid = edit.add_premise(start(), "s1", "Bullying harms learning", join="i1", implicit=True)
    check(amap)
    assert amap.element("i1").premises == ("s2", sid)
    assert amap.statement(sid).implicit
    assert len(amap.inferences) == 1


def test_chains_come_from_supporting_a_premise() -> None:
    amap, sid = edit.add_premise(start(), "s2", "Teasing about clothes stops")
    roles = derive(check(amap))
    assert roles.role["s2"] == "intermediate" and roles.role[sid] == "premise"


def test_link_premise_between_existing_statements() -> None:
    amap, iid = edit.link_premise(start(), "s3", "s2")
    assert check(amap).element(iid).premises == ("s3",)


def test_relink_moves_a_premise_and_drops_emptied_inferences() -> None:
    amap, s4 = edit.add_statement(start(), "Schools are calmer")
    amap = check(edit.relink(amap, "s2", s4))
    assert [(i.premises, i.conclusion) for i in amap.inferences] == [(("s2",), s4)]


def test_relink_moves_an_attacker_to_an_inference() -> None:
    amap = check(edit.relink(start(), "s3", "i1"))
    assert [(a.source, a.target) for a in amap.attacks] == [("s3", "i1")]


def test_relink_drops_undercuts_of_an_emptied_inference() -> None:
    amap, _ = edit.add_attack(start(), "i1", "Correlation is not cause")
    amap, s9 = edit.add_statement(amap, "Another claim")
    amap = check(edit.relink(amap, "s2", s9))
    assert all(a.target != "i1" for a in amap.attacks)


# --- attacks ----------------------------------------------------------------------------------


def test_add_objection_undercut_and_rebuttal() -> None:
    amap, obj = edit.add_objection(start(), "s2", "Bullying moves online")
    amap, und = edit.add_attack(amap, "i1", "Less bullying need not mean uniforms are required")
    amap, reb = edit.add_rebuttal(amap, obj, "Online bullying is handled elsewhere")
    check(amap)
    kinds = {a.source: ("undercut" if a.target == "i1" else "rebut") for a in amap.attacks}
    assert kinds[und] == "undercut" and kinds[obj] == "rebut"
    roles = derive(amap)
    assert roles.role[obj] == "objection" and roles.role[und] == "objection" and roles.role[reb] == "rebuttal"


def test_link_attack_between_existing_statements() -> None:
    amap, aid = edit.link_attack(start(), "s2", "s3")
    assert check(amap).element(aid).target == "s3"
    assert derive(amap).role["s2"] == "rebuttal"


# --- evidence ---------------------------------------------------------------------------------


def test_attach_and_detach_evidence() -> None:
    src = EvidenceSource(title="Report", author="Office", date="2026")
    amap, eid = edit.attach_evidence(
        start(),
        "s1",
        "the quoted words",
        kind="statistic",
        source=src,
        span=Span(start=0, end=8, text="Uniforms"),
        reliability="high",
    )
    e = check(amap).element(eid)
    assert (e.target, e.kind, e.source, e.reliability) == ("s1", "statistic", src, "high")
    amap = check(edit.detach_evidence(amap, eid))
    assert eid not in amap.ids()


# --- remove and merge -------------------------------------------------------------------------


def test_remove_a_conclusion_cascades() -> None:
    amap, new = edit.add_attack(start(), "i1", "Correlation is not cause")
    amap = edit.pin_main(amap, "s1")
    amap = check(edit.remove(amap, "s1"))
    assert "s1" not in amap.ids()
    assert amap.inferences == ()  # its inference lost its conclusion
    assert amap.attacks == ()  # the rebut of s1 and the undercut of i1 went with them
    assert amap.main is None
    assert {s.id for s in amap.statements} == {"s2", "s3", new}  # attackers stay as statements
    assert [e.id for e in amap.evidence] == ["e1"]


def test_remove_a_linked_premise_keeps_the_rest_of_the_inference() -> None:
    amap, extra = edit.add_premise(start(), "s1", "Bullying harms learning", join="i1")
    amap = check(edit.remove(amap, "s2"))
    assert amap.element("i1").premises == (extra,)
    assert amap.evidence == ()  # e1 was on s2


def test_remove_inference_attack_and_evidence() -> None:
    amap, _ = edit.add_attack(start(), "i1", "Correlation is not cause")
    no_inf = check(edit.remove(amap, "i1"))
    assert no_inf.inferences == () and [a.id for a in no_inf.attacks] == ["a1"]
    assert check(edit.remove(start(), "a1")).attacks == ()
    assert check(edit.remove(start(), "e1")).evidence == ()


def test_merge_duplicates_moves_every_link() -> None:
    amap, dup = edit.add_statement(start(), "Uniforms must be compulsory")
    amap, s5 = edit.add_premise(amap, dup, "Equality in dress")
    amap, _ = edit.attach_evidence(amap, dup, "A poll", kind="statistic")
    amap, _ = edit.add_attack(amap, dup, "Freedom of expression")
    amap = edit.update(amap, dup, tags=("dup",))
    amap = edit.pin_main(amap, dup)
    merged = check(edit.merge(amap, "s1", dup))
    assert dup not in merged.ids()
    assert {(i.premises, i.conclusion) for i in merged.inferences} == {(("s2",), "s1"), ((s5,), "s1")}
    assert {e.target for e in merged.evidence} == {"s2", "s1"}
    assert sum(a.target == "s1" for a in merged.attacks) == 2
    assert merged.main == "s1" and merged.statement("s1").tags == ("dup",)


def test_merge_drops_links_that_would_be_self_support_or_duplicates() -> None:
    amap, dup = edit.add_statement(start(), "They lower bullying")
    amap, _ = edit.link_premise(amap, dup, "s1")  # the same reason twice
    amap, _ = edit.link_premise(amap, "s2", dup)  # s2 supports its own duplicate
    amap, _ = edit.link_attack(amap, dup, "s3")
    amap, _ = edit.link_attack(amap, "s2", "s3")
    merged = check(edit.merge(amap, "s2", dup))
    assert [(i.premises, i.conclusion) for i in merged.inferences] == [(("s2",), "s1")]
    assert [(a.source, a.target) for a in merged.attacks] == [("s3", "s1"), ("s2", "s3")]


def test_merge_keeps_an_undercut_of_a_duplicate_inference() -> None:
    amap, dup = edit.add_statement(start(), "They lower bullying")
    amap, i2 = edit.link_premise(amap, dup, "s1")
    amap, und = edit.add_attack(amap, i2, "Correlation is not cause")
    merged = check(edit.merge(amap, "s2", dup))
    assert [(a.source, a.target) for a in merged.attacks if a.source == und] == [(und, "i1")]


# --- invalid edits ----------------------------------------------------------------------------

INVALID = [
    (edit.add_statement, ("   ",), {}),
    (edit.edit_text, ("s1", " "), {}),
    (edit.edit_text, ("i1", "x"), {}),
    (edit.edit_text, ("nope", "x"), {}),
    (edit.update, ("s1",), {"id": "s9"}),
    (edit.update, ("s1",), {"rating": "splendid"}),
    (edit.update, ("e1",), {"target": "ghost"}),
    (edit.mark_implicit, ("i1",), {}),
    (edit.pin_main, ("i1",), {}),
    (edit.pin_main, ("ghost",), {}),
    (edit.rate, ("s1", "strong"), {}),
    (edit.set_scheme, ("s1", "x"), {}),
    (edit.link_premise, ("s1", "s1"), {}),
    (edit.link_premise, ("s2", "s1"), {}),
    (edit.link_premise, ("s3", "s1"), {"join": "ghost"}),
    (edit.link_premise, ("s2", "s1"), {"join": "i1"}),
    (edit.link_premise, ("s3", "s2"), {"join": "i1"}),
    (edit.add_premise, ("ghost", "x"), {}),
    (edit.add_premise, ("s1", ""), {}),
    (edit.relink, ("s2", "s2"), {}),
    (edit.relink, ("s2", "i1"), {}),
    (edit.relink, ("s2", "ghost"), {}),
    (edit.relink, ("i1", "s1"), {}),
    (edit.add_attack, ("e1", "x"), {}),
    (edit.add_attack, ("s1", " "), {}),
    (edit.link_attack, ("s3", "s1"), {}),
    (edit.link_attack, ("s1", "s1"), {}),
    (edit.link_attack, ("i1", "s1"), {}),
    (edit.add_rebuttal, ("s2", "x"), {}),
    (edit.attach_evidence, ("s1", "x"), {"kind": "rumour"}),
    (edit.attach_evidence, ("s1", " "), {}),
    (edit.attach_evidence, ("i1", "x"), {}),
    (edit.attach_evidence, ("s1", "x"), {"span": Span(start=0, end=3, text="xyz")}),
    (edit.detach_evidence, ("s1",), {}),
    (edit.remove, ("ghost",), {}),
    (edit.merge, ("s1", "s1"), {}),
    (edit.merge, ("s1", "i1"), {}),
]


@pytest.mark.parametrize(
    ("op", "args", "kwargs"), INVALID, ids=[f"{op.__name__}{args}" for op, args, _ in INVALID]
)
def test_invalid_edits_raise_and_leave_the_map_unchanged(op: Any, args: tuple, kwargs: dict) -> None:
    amap = start()
    before = native.dumps(amap)
    with pytest.raises(EditError):
        op(amap, *args, **kwargs)
    assert native.dumps(amap) == before


# --- every op on drafted maps -------------------------------------------------------------------

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def drafts() -> list[ArgumentMap]:
    """The extractor's drafts of every seed piece: the maps users start editing from."""
    from argmap.extractor import extract

    return [extract(p.read_text(encoding="utf-8")) for p in SEEDS]


def every_op(amap: ArgumentMap, rng: random.Random) -> list[tuple[str, Any]]:
    """Each edit operation, aimed at randomly chosen elements (of any kind: wrong kinds must be refused)."""
    ids = sorted(amap.ids())
    sids = [s.id for s in amap.statements]
    infs = [i.id for i in amap.inferences] or ["i-none"]

    def any_id() -> str:
        return rng.choice(ids)

    def sid() -> str:
        return rng.choice(sids)

    return [
        ("add_statement", lambda: edit.add_statement(amap, "A new point.")),
        ("edit_text", lambda: edit.edit_text(amap, any_id(), "Changed words.")),
        ("update", lambda: edit.update(amap, any_id(), tags=("checked",), note="seen")),
        ("mark_implicit", lambda: edit.mark_implicit(amap, any_id())),
        ("pin_main", lambda: edit.pin_main(amap, any_id())),
        ("rate", lambda: edit.rate(amap, any_id(), rng.choice(["accepted", "strong", "high", "weak"]))),
        ("set_scheme", lambda: edit.set_scheme(amap, any_id(), "expert opinion")),
        ("link_premise", lambda: edit.link_premise(amap, sid(), sid())),
        ("link_premise join", lambda: edit.link_premise(amap, sid(), sid(), join=rng.choice(infs))),
        ("add_premise", lambda: edit.add_premise(amap, any_id(), "Because of this.")),
        ("relink", lambda: edit.relink(amap, any_id(), any_id())),
        ("add_attack", lambda: edit.add_attack(amap, any_id(), "That is wrong.")),
        ("link_attack", lambda: edit.link_attack(amap, sid(), any_id())),
        ("add_rebuttal", lambda: edit.add_rebuttal(amap, any_id(), "The objection fails.")),
        ("attach_evidence", lambda: edit.attach_evidence(amap, any_id(), "A figure.", kind="statistic")),
        ("detach_evidence", lambda: edit.detach_evidence(amap, any_id())),
        ("remove", lambda: edit.remove(amap, any_id())),
        ("merge", lambda: edit.merge(amap, sid(), sid())),
    ]


def test_every_op_on_drafted_maps_gives_a_valid_map_or_a_clear_edit_error(drafts: list[ArgumentMap]) -> None:
    """Each op on random elements of each draft, then random chains of ops: every result is a valid
    map that roles, the outline and the native format handle, or an EditError with a message."""
    from argmap.render.outline import outline

    rng = random.Random(20261127)
    done: set[str] = set()
    for draft in drafts:
        for _ in range(4):
            for name, op in every_op(draft, rng):
                try:
                    result = op()
                except EditError as err:
                    assert str(err).strip()
                    continue
                out = result[0] if isinstance(result, tuple) else result
                assert problems(out) == [], name
                derive(out)
                outline(out)
                assert native.loads(native.dumps(out)) == out, name
                done.add(name)
        amap = draft
        for _ in range(40):  # a chain: each valid result is the next map edited
            if not amap.statements:
                break
            name, op = rng.choice(every_op(amap, rng))
            try:
                result = op()
            except EditError:
                continue
            amap = result[0] if isinstance(result, tuple) else result
            assert problems(amap) == [], name
            outline(amap)
    assert len(done) >= 15  # nearly every op succeeded somewhere, not only refused


@pytest.mark.parametrize(
    ("op", "args", "element"),
    [
        (edit.edit_text, ("zz", "x"), "zz"),
        (edit.edit_text, ("i1", "x"), "i1"),
        (edit.link_premise, ("s2", "s2"), "s2"),
        (edit.link_premise, ("s2", "s1"), "i1"),  # the inference that already says so
        (edit.link_attack, ("s3", "s1"), "s3"),
        (edit.merge, ("s1", "s1"), "s1"),
    ],
)
def test_an_edit_error_names_the_element_at_fault(op: Any, args: tuple, element: str) -> None:
    with pytest.raises(EditError) as err:
        op(start(), *args)
    assert err.value.element == element


# --- coherence: circles, and "why it is here" after each edit that changes a place ------------


def chain() -> ArgumentMap:
    """ "s1 ← s2 ← s3 (s3 supports s2 supports s1), s4 objects to s2, s5 apart; some reasons drafted."""
    return native.from_data(
        {
            "id": "m",
            "statements": [
                {"id": "s1", "text": "Close the streets", "reason": "main: closing line"},
                {"id": "s2", "text": "Traffic is dangerous"},
                {"id": "s3", "text": "Three children were hurt"},
                {"id": "s4", "text": "Drivers are careful"},
                {"id": "s5", "text": "Streets are for people"},
            ],
            "inferences": [
                {"id": "i1", "premises": ["s2"], "conclusion": "s1", "reason": "cue 'because'"},
                {"id": "i2", "premises": ["s3"], "conclusion": "s2"},
            ],
            "attacks": [{"id": "a1", "source": "s4", "target": "s2"}],
        }
    )


def test_move_refuses_a_circle_naming_the_link_that_would_close_it() -> None:
    amap = chain()
    with pytest.raises(EditError) as err:
        edit.relink(amap, "s2", "s3")
    message = str(err.value)
    assert "circle" in message and "s2 → s3" in message and "“Three children were hurt”" in message
    assert err.value.element == "s2"
    with pytest.raises(EditError, match=r"s3 → s2 → s1"):
        edit.relink(amap, "s1", "s3")  # s3 argues, through s2, for s1
    with pytest.raises(EditError, match="circle"):
        edit.relink(amap, "s1", "s4")  # s4 attacks s2, which supports s1
    # A move that makes no circle goes through.
    assert check(edit.relink(amap, "s3", "s1"))


def test_move_updates_why_and_keeps_the_old_reasons() -> None:
    amap = check(edit.relink(chain(), "s2", "s5", author="Sam"))
    s2 = amap.statement("s2")
    assert s2.reason == "moved under s5 (“Streets are for people”) by Sam (now supports it)"
    assert s2.history == ("drafted under s1: cue 'because'",)
    amap = check(edit.relink(amap, "s2", "s1"))
    assert amap.statement("s2").reason.startswith("moved under s1")
    assert amap.statement("s2").history[-1].startswith("moved under s5")
    attacker = check(edit.relink(chain(), "s4", "s3", author="Ana")).statement("s4")
    assert attacker.reason == "moved under s3 (“Three children were hurt”) by Ana (now attacks it)"


def test_move_to_where_it_already_is_is_refused() -> None:
    with pytest.raises(EditError, match="already under s1"):
        edit.relink(chain(), "s2", "s1")


def test_adding_merging_and_deleting_say_why() -> None:
    amap, sid = edit.add_premise(chain(), "s1", "Speed kills", author="Sam")
    assert amap.statement(sid).reason == "added as a reason for s1 (“Close the streets”) by Sam"
    amap, oid = edit.add_attack(amap, "s1", "Shops lose trade")
    assert amap.statement(oid).reason == "added as an attack on s1 (“Close the streets”)"
    merged = check(edit.merge(amap, "s2", sid, author="Sam"))
    assert merged.statement("s2").reason == f"merged with {sid} (“Speed kills”) by Sam"
    # Deleting s2: s3 and s4 argued only about it and now stand apart; they say why.
    gone = check(edit.remove(chain(), "s2", author="Sam"))
    assert (
        gone.statement("s3").reason
        == "stands apart: s2 (“Traffic is dangerous”), which it argued about, was deleted by Sam"
    )
    assert gone.statement("s1").reason == "main: closing line"  # s1 did not move
