"""The assignment lifecycle in the store: create, join, save, submit, resubmit, due date, release."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from argmap.classroom.assignment import (
    CODE_LENGTH,
    AssignmentStore,
    check_piece,
    normalise_code,
)
from argmap.edit import operations as edit
from argmap.errors import ClassroomError
from argmap.model import ArgumentMap, Source
from tests.classroom.variants import piece


@pytest.fixture
def ref() -> ArgumentMap:
    return piece("homework")[1]


@pytest.fixture
def store(location: str) -> AssignmentStore:
    """The classroom on either store: files beside the maps, or the PostgreSQL database."""
    return AssignmentStore(location)


def my_map(ref: ArgumentMap, n: int = 1) -> ArgumentMap:
    m = ArgumentMap(id="mine", title="My map", source=Source(text=ref.source.text))
    for k in range(n):
        m = edit.add_statement(m, f"Claim number {k}.")[0]
    return m


def test_create_gives_a_short_code_and_a_secret_key_kept_as_a_hash(store, ref):
    made, key = store.create(ref, title="Homework", release="on_submit")
    assert len(made.code) == CODE_LENGTH and made.code.isalnum()
    assert store.get(made.code).reference == ref
    stored = store.docs.get(f"{made.code}/assignment.json").decode("utf-8")
    assert key not in stored  # only its hash
    assert store.teacher(made.code, key).title == "Homework"
    with pytest.raises(ClassroomError, match="not this assignment's teacher key"):
        store.teacher(made.code, "guess")


def test_the_brief_a_student_gets_holds_no_reference(store, ref):
    made, _ = store.create(ref)
    brief = store.brief(made.code.lower())  # codes are typed any case
    assert not hasattr(brief, "reference") and "reference" not in brief.model_dump()
    assert brief.text == ref.source.text
    assert "Homework should end" not in brief.model_dump_json().replace(ref.source.text, "")


def test_codes_are_read_as_typed():
    assert normalise_code(" k7qf-2m ") == "K7QF2M"
    assert normalise_code("AB0CDE") == "ABOCDE"


def test_unknown_or_malformed_codes_are_refused_in_a_sentence(store):
    with pytest.raises(ClassroomError, match="no assignment has the code ABCDEF"):
        store.get("abcdef")
    with pytest.raises(ClassroomError, match="is not a join code"):
        store.get("../../etc")


def test_join_names_are_unique_and_pseudonyms_are_given(store, ref):
    made, _ = store.create(ref)
    ana = store.join(made.code, "  Ana  ")
    assert ana.name == "Ana"
    with pytest.raises(ClassroomError, match="already joined as “ana”"):
        store.join(made.code, "ana")
    with pytest.raises(ClassroomError, match="type your name"):
        store.join(made.code, " ")
    anon, _ = store.create(ref, pseudonyms=True)
    names = {store.join(anon.code, "Real Name").name for _ in range(5)}
    assert len(names) == 5 and "Real Name" not in names


def test_save_submit_resubmit_with_revisions(store, ref):
    made, key = store.create(ref)
    seat = store.join(made.code, "Ana")
    assert store.submissions(made.code, key)[0].status == "not started"
    saved = store.save(made.code, seat.token, my_map(ref, 1))
    assert (saved.revision, saved.status) == (1, "in progress")
    first = store.submit(made.code, seat.token, my_map(ref, 2))
    assert (first.revision, first.status) == (2, "submitted")
    again = store.submit(made.code, seat.token, my_map(ref, 3))
    assert again.revision == 3 and len(again.map.statements) == 3
    assert store.revisions(made.code, key, seat.seat) == [1, 2, 3]
    assert len(store.revision(made.code, key, seat.seat, 2).statements) == 2
    after = store.save(made.code, seat.token, my_map(ref, 4))
    assert after.status == "in progress"  # changed since submitting


def test_every_revision_keeps_its_time_and_whether_it_was_submitted(store, ref):
    made, key = store.create(ref)
    seat = store.join(made.code, "Ana")
    store.save(made.code, seat.token, my_map(ref, 1))
    store.submit(made.code, seat.token, my_map(ref, 2))
    store.save(made.code, seat.token, my_map(ref, 3))
    log = store.history(made.code, key, seat.seat)
    assert [(s.revision, s.submitted) for s in log] == [(1, False), (2, True), (3, False)]
    assert all(s.saved is not None and s.saved.tzinfo is not None for s in log)
    assert log[0].saved <= log[1].saved <= log[2].saved
    with pytest.raises(ClassroomError, match="teacher key"):
        store.history(made.code, "guess", seat.seat)
    assert store.history(made.code, key, "../etc") == []  # a seat id is never a path


def test_revisions_kept_before_times_were_recorded_have_none(store, ref):
    made, key = store.create(ref)
    seat = store.join(made.code, "Ana")
    store.save(made.code, seat.token, my_map(ref, 1))
    # A seat written by an older Argmap: no stamps in its document.
    path = f"{made.code}/seats/{seat.seat}.json"
    import json

    doc = json.loads(store.docs.get(path))
    doc.pop("stamps")
    store.docs.put(path, json.dumps(doc).encode())
    assert [(s.revision, s.saved) for s in store.history(made.code, key, seat.seat)] == [(1, None)]


def test_a_seat_token_is_needed_to_write(store, ref):
    made, _ = store.create(ref)
    ana = store.join(made.code, "Ana")
    ben = store.join(made.code, "Ben")
    with pytest.raises(ClassroomError, match="not for this seat"):
        store.save(made.code, ana.seat + ".forged", my_map(ref))
    store.save(made.code, ben.token, my_map(ref))
    assert store.seat(made.code, ana.token).map is None  # Ben's save went to Ben


def test_a_map_of_another_piece_is_refused_with_a_sentence(store, ref):
    made, _ = store.create(ref, title="Homework")
    seat = store.join(made.code, "Ana")
    other = ArgumentMap(id="x", title="Democrats and voter data", source=Source(text="Another piece."))
    with pytest.raises(ClassroomError) as err:
        store.submit(made.code, seat.token, edit.add_statement(other, "A claim.")[0])
    assert str(err.value).startswith(
        "“Democrats and voter data” is a map of another piece, not of “Homework”"
    )
    with pytest.raises(ClassroomError, match="has no piece behind it"):
        check_piece(made.brief(), ArgumentMap(id="y", title="Loose"))
    # Spaces aside, the same piece is the same piece.
    loose = ArgumentMap(id="z", source=Source(text="  " + ref.source.text.replace("\n\n", "\n") + "\n"))
    check_piece(made.brief(), loose)


def test_an_empty_map_cannot_be_submitted(store, ref):
    made, _ = store.create(ref)
    seat = store.join(made.code, "Ana")
    with pytest.raises(ClassroomError, match="no statements yet"):
        store.submit(made.code, seat.token, my_map(ref, 0))


def test_the_due_date_closes_submissions_but_keeps_saving(store, ref):
    past = datetime.now(UTC) - timedelta(hours=1)
    made, _ = store.create(ref, due=past)
    seat = store.join(made.code, "Ana")
    with pytest.raises(ClassroomError, match="the due date has passed.*your work is saved"):
        store.submit(made.code, seat.token, my_map(ref))
    late = store.seat(made.code, seat.token)  # the message says the work is saved: it is
    assert late.revision == 1 and late.submitted is None and late.map is not None
    assert [s.text for s in late.map.statements] == ["Claim number 0."]
    assert store.save(made.code, seat.token, my_map(ref, 2)).revision == 2


def test_feedback_opens_as_the_teacher_set(store, ref):
    now = datetime.now(UTC)
    done = now - timedelta(minutes=1)
    on_submit, _ = store.create(ref, release="on_submit")
    assert on_submit.brief().feedback_open(done) and not on_submit.brief().feedback_open(None)
    later, _ = store.create(ref, release="after_due", due=now + timedelta(days=1))
    assert not later.brief().feedback_open(done)
    assert later.brief().feedback_open(done, now=now + timedelta(days=2))
    manual, key = store.create(ref, release="manual")
    assert not manual.brief().feedback_open(done)
    released = store.release(manual.code, key)
    assert released.released is not None and store.brief(manual.code).feedback_open(done)
    with pytest.raises(ClassroomError):
        store.release(manual.code, "not the key")


def test_a_reference_without_a_piece_cannot_be_assigned(store):
    with pytest.raises(ClassroomError, match="no piece behind it"):
        store.create(ArgumentMap(id="m"))


def test_thirty_students_join_and_submit(store, ref):
    made, key = store.create(ref)
    seats = [store.join(made.code, f"Student {k}") for k in range(30)]
    for s in seats[:20]:
        store.submit(made.code, s.token, my_map(ref, 2))
    subs = store.submissions(made.code, key)
    assert len(subs) == 30 and len({s.seat for s in subs}) == 30
    assert sum(s.status == "submitted" for s in subs) == 20
