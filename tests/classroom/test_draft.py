"""The automatic draft as a reference: the teacher is warned (every student could score 100% by handing
in the draft), and the dashboard says which submissions are the draft unchanged."""

from __future__ import annotations

from argmap.classroom import draft, grading
from argmap.classroom.assignment import AssignmentStore
from argmap.edit import operations as edit
from tests.classroom.variants import PIECES, piece

TEXT = (PIECES / "homework.txt").read_text(encoding="utf-8")


def sid(amap, start: str) -> str:
    """The id of the draft's statement that starts with ``start`` (ids are the extractor's)."""
    return next(s.id for s in amap.statements if s.text.startswith(start))


def moved(amap):
    """The draft with one reason (the second) moved under the first: the teacher's or student's work."""
    return edit.relink(amap, sid(amap, "Second, homework"), sid(amap, "First, homework"))


def test_the_uncorrected_draft_as_reference_is_warned_about_in_each_case():
    ref = draft.draft(TEXT)
    assert draft.draft_score(ref) == 1.0
    offered = draft.reference_warning(ref, show_draft=True)
    assert offered.startswith("This reference is the automatic draft, uncorrected: a student who submits")
    assert (
        "you offer students the draft: every one of them can score 100% without mapping anything" in offered
    )
    assert "any student can draft the piece on Analyze" in draft.reference_warning(ref, show_draft=False)
    unsure = draft.reference_warning(ref)
    assert "if you offer it" in unsure and unsure.endswith("so the score measures the students' work.")


def test_a_reference_close_to_the_draft_is_warned_with_the_drafts_score():
    near = moved(draft.draft(TEXT))  # one reason moved: the rest is the draft
    said = draft.reference_warning(near, show_draft=True)
    assert said.startswith("This reference is close to the automatic draft")
    assert f"scores {draft.draft_score(near):.0%}" in said and draft.draft_score(near) < 1.0


def test_a_corrected_reference_is_not_warned_about():
    for name in ("homework", "libraries", "square"):
        _text, ref, _student = piece(name)
        assert draft.draft_score(ref) < draft.CLOSE
        assert draft.reference_warning(ref, show_draft=True) is None


def test_the_draft_unchanged_is_recognised_whatever_its_ids_and_title():
    again = draft.draft(TEXT, title="My map")
    assert draft.is_draft(again, TEXT)
    assert not draft.is_draft(moved(again), TEXT)  # one link changed: the student's work
    reworded = edit.edit_text(
        again, sid(again, "Primary schools"), "Primary schools should give no homework."
    )
    assert not draft.is_draft(reworded, TEXT)
    assert not draft.is_draft(
        edit.rebuild(again, statements=(), inferences=(), attacks=(), evidence=()), TEXT
    )


def test_the_gradebook_notes_a_submission_of_the_draft_unchanged(tmp_path):
    store = AssignmentStore(tmp_path)
    _text, ref, _student = piece("homework")
    made, key = store.create(ref, show_draft=True)
    ana, ben, cy = store.join(made.code, "Ana"), store.join(made.code, "Ben"), store.join(made.code, "Cy")
    store.submit(made.code, ana.token, draft.draft(made.text, title=made.title))
    store.save(made.code, ben.token, draft.draft(made.text))
    store.submit(made.code, cy.token, ref)
    table, _ = grading.gradebook(store.get(made.code), store.submissions(made.code, key))
    notes = dict(zip(table["student"], table["note"], strict=True))
    assert notes == {
        "Ana": "submitted the draft unchanged",
        "Ben": "saved the draft unchanged",
        "Cy": "",
    }
