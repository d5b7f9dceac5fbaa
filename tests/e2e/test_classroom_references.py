"""A hand-written reference, end to end, in three browsers: the teacher pastes a piece and uploads
references in Argdown, AIF and Kialo (what was not found in the piece is listed; a bad file is refused in
one sentence), creates the assignment from the Argdown one (no source text of its own); Ana (1024 px)
maps the piece on the Map page and Ben (390 px) hands in the automatic draft; the dashboard shows both
with fair scores, Ben's marked as the draft unchanged; the students' exercise file holds no reference."""

from __future__ import annotations

import json

import pytest

from tests.classroom.variants import PIECES
from tests.e2e.conftest import banner, settle, shot
from tests.e2e.test_browser import choose, go
from tests.e2e.test_classroom import _join, _metric

pytestmark = pytest.mark.e2e

FILE = "A file (Argdown, AIF, Kialo, Argmap JSON)"


def _piece(page, name: str) -> None:
    box = page.get_by_label("The piece it maps (its statements are found in these words)")
    box.fill((PIECES / f"{name}.txt").read_text(encoding="utf-8"))
    box.press("Tab")
    settle(page)


def _upload(page, name: str, data: bytes | None = None) -> None:
    uploader = page.locator('[data-testid="stFileUploader"]').filter(has_text="Reference file")
    uploader.locator('input[type="file"]').set_input_files(
        {"name": name, "mimeType": "application/octet-stream", "buffer": data or (PIECES / name).read_bytes()}
    )
    settle(page)


def _scroll_to(page, text: str) -> None:
    page.get_by_text(text).first.evaluate("e => e.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(400)


def _add(page, tab: str, box: str, text: str, button: str, statements: int) -> None:
    page.get_by_role("tab", name=tab).click()
    settle(page)  # a tracked tab reruns the page: let it finish before typing
    page.get_by_role("textbox", name=box).fill(text)
    page.get_by_role("button", name=button).click()
    settle(page)
    # The map has the new statement before the next form is used (a form sent mid-run loses its words).
    page.locator('[data-testid="stSidebar"]').get_by_text(f"{statements} statements ·").wait_for()


def test_a_hand_written_argdown_reference_end_to_end(browser, server: str) -> None:
    sizes = (1400, 1024, 390)
    contexts = [
        browser.new_context(viewport={"width": w, "height": 1000 if w > 400 else 844}, accept_downloads=True)
        for w in sizes
    ]
    teacher, ana, ben = (c.new_page() for c in contexts)
    for p in (teacher, ana, ben):
        p.set_default_timeout(30_000)
    try:
        teacher.goto(f"{server}/classroom")
        teacher.get_by_text("Teach", exact=True).wait_for()
        teacher.get_by_text(FILE).click()
        settle(teacher)

        # AIF (AIFdb's shape) on its piece: one statement is not in the piece, and is listed by its words.
        _piece(teacher, "square")
        _upload(teacher, "square-aifdb.json")
        teacher.get_by_text("7 of 8 statements found in the piece.").wait_for()
        warning = banner(teacher, "Not found in the piece")
        warning.wait_for()
        assert "“Visitors come to see the church and the old houses”" in warning.inner_text()
        _scroll_to(teacher, "7 of 8 statements found")
        shot(teacher, "classroom-reference-aif-1400")

        # A Kialo export on its piece: its extra claim is listed.
        _piece(teacher, "homework")
        _upload(teacher, "homework-kialo.txt")
        teacher.get_by_text("8 of 9 statements found in the piece.").wait_for()
        assert "“Tired children learn less the next morning”" in banner(teacher, "Not found").inner_text()

        # A broken file: one sentence with the file and the line; no form to create from it.
        _upload(
            teacher,
            "broken.txt",
            b"Discussion Title: T\n\n1. Thesis.\n1.1. Pro: Fine.\n1.7.3. Pro: Orphan.\n",
        )
        error = banner(teacher, "broken.txt")
        error.wait_for()
        assert "line 5: claim 1.7.3. has no parent 1.7. in this file" in error.inner_text()
        assert teacher.get_by_role("button", name="Create the assignment").count() == 0
        _scroll_to(teacher, "broken.txt")
        shot(teacher, "classroom-reference-bad-1400")

        # The hand-written Argdown reference (no source text): every statement found; the assignment.
        _upload(teacher, "homework.argdown")
        teacher.get_by_text("8 of 8 statements found in the piece.").wait_for()
        assert banner(teacher, "Not found in the piece").count() == 0
        teacher.get_by_text("as soon as a student submits").click()
        teacher.get_by_text("Students may start from the automatic draft").click()
        teacher.get_by_role("button", name="Create the assignment").click()
        settle(teacher)
        teacher.get_by_text("No student has joined yet").wait_for()
        code = _metric(teacher, "Join code")

        # The students' exercise file: the piece, never the reference.
        teacher.get_by_text("Exercise files (for a class that works without this server)").click()
        with teacher.expect_download() as info:
            teacher.get_by_role("button", name="Students' copy (no reference)").click()
        copy = json.loads(info.value.path().read_text(encoding="utf-8"))
        assert copy["kind"] == "argmap-exercise-student" and "reference" not in copy
        assert copy["text"] == (PIECES / "homework.txt").read_text(encoding="utf-8")

        # Ana, at 1024 px, maps the piece in her own words on the Map page and submits.
        _join(ana, server, code, "Ana")
        settle(ana)
        ana.get_by_role("button", name="Start my map").click()
        settle(ana)
        banner(ana, "Your map is open").wait_for()
        go(ana, "Map")
        main = ana.get_by_role("textbox", name="Main conclusion")
        main.fill("Primary schools should stop giving homework.")
        ana.get_by_role("button", name="Add statement").click()
        settle(ana)
        for n, reason in enumerate(
            (
                "Homework at this age does not improve learning.",
                "Homework takes away time for play and sleep, which children need to grow.",
                "Homework widens the gap between pupils, because some parents can help and others cannot.",
            )
        ):
            _add(ana, "Premise", "New premise", reason, "Add premise", n + 2)
        objection = "Some teachers say homework teaches discipline."
        _add(ana, "Counterargument", "Counterargument", objection, "Add counterargument", 5)
        choose(ana, "Select a node", "objection ·")
        answer = "Discipline is better learned in class, where a teacher can guide it."
        _add(ana, "Rebuttal", "Rebuttal", answer, "Add rebuttal", 6)
        go(ana, "Classroom")
        ana.get_by_role("button", name="Submit my map").click()
        settle(ana)
        banner(ana, "Submitted at").wait_for()
        ana.get_by_text("Feedback", exact=True).wait_for()
        assert int(_metric(ana, "Score").rstrip("%")) >= 90  # all but the evidence for the first reason
        ana.get_by_text("Feedback", exact=True).evaluate("e => e.scrollIntoView({block: 'start'})")
        ana.wait_for_timeout(500)
        shot(ana, "classroom-argdown-feedback-1024")

        # Ben, on a phone, hands in the automatic draft unchanged.
        _join(ben, server, code, "Ben")
        settle(ben)
        ben.get_by_role("button", name="Start from the draft").click()
        settle(ben)
        banner(ben, "The draft is open").wait_for()
        ben.get_by_role("button", name="Submit my map").click()
        settle(ben)
        banner(ben, "Submitted at").wait_for()
        ben.get_by_text("Score", exact=True).first.wait_for()
        ben.get_by_text("Feedback", exact=True).evaluate("e => e.scrollIntoView({block: 'start'})")
        ben.wait_for_timeout(500)
        shot(ben, "classroom-argdown-draft-390")

        # The teacher's dashboard, without a reload: both, with fair scores; Ben's is the draft unchanged.
        teacher.wait_for_function(
            """() => [...document.querySelectorAll('[data-testid="stMetric"]')]
                .some(m => m.textContent.includes('Submitted') && m.textContent.includes('2'))""",
            timeout=30_000,
        )
        with teacher.expect_download() as info:
            teacher.get_by_role("button", name="Download the gradebook (CSV)").click()
        rows = {r.split(",")[0]: r for r in info.value.path().read_text(encoding="utf-8").splitlines()[1:]}
        assert set(rows) == {"Ana", "Ben"}
        assert "submitted the draft unchanged" in rows["Ben"] and "draft" not in rows["Ana"]
        _scroll_to(teacher, "Class · updated")
        shot(teacher, "classroom-argdown-dashboard-1400")
    except Exception:
        for who, p in (("teacher", teacher), ("ana", ana), ("ben", ben)):
            shot(p, f"failed-references-{who}")  # what each browser showed when it failed
        raise
    finally:
        for c in contexts:
            c.close()


@pytest.mark.parametrize("width", [1024, 390])
def test_a_reference_file_and_an_exercise_file_at_tablet_and_phone_width(browser, server: str, width) -> None:
    from argmap.classroom import exercise
    from tests.classroom.variants import piece

    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(f"{server}/classroom")
        page.get_by_text(FILE).click()
        settle(page)
        _piece(page, "libraries")
        _upload(page, "libraries-ova3.json")
        page.get_by_text("7 of 9 statements found in the piece.").wait_for()
        warning = banner(page, "Not found in the piece").inner_text()
        assert "“Libraries are the heart of a town's cultural life”" in warning
        _scroll_to(page, "7 of 9 statements found")
        shot(page, f"classroom-reference-ova3-{width}")

        # A student with no code opens the students' copy and starts a map of its piece.
        _text, ref, _ = piece("square")
        copy = exercise.dumps_students(exercise.create(ref, show_draft=True)).encode("utf-8")
        uploader = page.locator('[data-testid="stFileUploader"]').filter(has_text="No code?")
        uploader.locator('input[type="file"]').set_input_files(
            {"name": "square-exercise.json", "mimeType": "application/json", "buffer": copy}
        )
        settle(page)
        page.get_by_text("A car-free market square").first.wait_for()
        page.get_by_role("button", name="Start from the draft").click()
        settle(page)
        # The example map is saved in the Library: nothing to lose, so nothing asked.
        banner(page, "Your map is open").wait_for()
        _scroll_to(page, "Your map is open")
        shot(page, f"classroom-exercise-open-{width}")
    finally:
        context.close()
