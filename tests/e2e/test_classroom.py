"""A class in three browsers: a teacher creates an assignment; two students join by code, map and
submit; the teacher's dashboard shows both with scores without a reload; students see no reference
before release and cannot open the Teacher view; a map of another piece is refused; "Start my map"
over unsaved work asks first."""

from __future__ import annotations

import csv
import io

import pytest

from tests.e2e.conftest import banner, settle, shot, wait_for_map
from tests.e2e.test_browser import go

pytestmark = pytest.mark.e2e


def _metric(page, label: str) -> str:
    box = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return (box.locator('[data-testid="stMetricValue"]').text_content() or "").strip()


def _join(page, server: str, code: str, name: str) -> None:
    page.goto(f"{server}/classroom?join={code}")
    field = page.get_by_label("Your name (your teacher sees it)")
    field.fill(name)
    field.press("Enter")
    settle(page)
    page.get_by_role("button", name="Join the assignment").click()
    settle(page)
    page.get_by_text(f"you are {name}").wait_for()


def test_a_teacher_and_two_students_across_browsers(browser, server: str, tmp_path) -> None:
    contexts = [
        browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True) for _ in range(3)
    ]
    teacher, ana, ben = (c.new_page() for c in contexts)
    for p in (teacher, ana, ben):
        p.set_default_timeout(30_000)
    try:
        # The teacher: the example map is open; it becomes the reference of a new assignment.
        teacher.goto(server)
        wait_for_map(teacher)
        go(teacher, "Classroom")
        teacher.get_by_text("when I release it").click()
        teacher.get_by_text("Students may start from the automatic draft").click()
        teacher.get_by_role("button", name="Create the assignment").click()
        settle(teacher)
        teacher.get_by_text("No student has joined yet").wait_for()
        code = _metric(teacher, "Join code")
        assert len(code) == 6

        # Ana joins by the link: the app's example map is not hers (closed); she starts from the draft.
        _join(ana, server, code, "Ana")
        assert ana.get_by_text("Open map:").count() == 0
        assert ana.get_by_role("link", name="Library").count() == 0
        ana.get_by_role("button", name="Start from the draft").click()
        settle(ana)
        banner(ana, "The draft is open").wait_for()
        ana.get_by_role("button", name="Submit my map").click()
        settle(ana)
        banner(ana, "Submitted at").wait_for()
        ana.get_by_text("Feedback and the reference map come when your teacher releases it").wait_for()
        assert ana.locator('[data-testid="stGraphVizChart"]').count() == 0  # no reference before release

        # Ben maps another text on Analyze first: submitting it is refused in a sentence.
        _join(ben, server, code, "Ben")
        go(ben, "Analyze")
        ben.get_by_label("Text", exact=True).fill(
            "We should plant more trees. Trees cool the streets in summer."
        )
        ben.get_by_role("button", name="Map it").click()
        settle(ben)
        wait_for_map(ben)
        go(ben, "Classroom")
        ben.get_by_role("button", name="Submit my map").click()
        settle(ben)
        banner(ben, "is a map of another piece").wait_for()
        # The draft of the assignment's piece replaces the unsaved tree map only once he says so.
        ben.get_by_role("button", name="Start from the draft").click()
        settle(ben)
        ben.get_by_text("replaces the open map").wait_for()
        ben.get_by_role("button", name="Replace it").click()
        settle(ben)
        banner(ben, "The draft is open").wait_for()
        # "Start my map" over the (unsaved) draft asks first; he keeps his map and submits it.
        ben.get_by_role("button", name="Start my map").click()
        settle(ben)
        ben.get_by_text("replaces the open map").wait_for()
        ben.get_by_role("button", name="Keep my map").click()
        settle(ben)
        ben.get_by_role("button", name="Submit my map").click()
        settle(ben)
        banner(ben, "Submitted at").wait_for()

        # The teacher's dashboard shows both, with scores, without a reload.
        teacher.wait_for_function(
            """() => [...document.querySelectorAll('[data-testid="stMetric"]')]
                .some(m => m.textContent.includes('Submitted') && m.textContent.includes('2'))""",
            timeout=30_000,
        )
        assert _metric(teacher, "Mean score").endswith("%")
        with teacher.expect_download() as info:
            teacher.get_by_role("button", name="Download the gradebook (CSV)").click()
        rows = list(csv.DictReader(io.StringIO(info.value.path().read_text(encoding="utf-8"))))
        scores = {r["student"]: r["score"] for r in rows}
        assert set(scores) == {"Ana", "Ben"}
        assert all(v.isdigit() and 0 <= int(v) <= 100 for v in scores.values())  # whole percents
        assert {r["status"] for r in rows} == {"submitted"}
        teacher.locator('[data-testid="stVegaLiteChart"]').first.wait_for()
        teacher.get_by_text("Class · updated").evaluate("e => e.scrollIntoView({block: 'start'})")
        teacher.wait_for_timeout(800)
        shot(teacher, "classroom-dashboard")

        # A student cannot open the Teacher view, even with the code in a teacher link.
        ana.goto(f"{server}/classroom?teach={code}&key=guess")
        banner(ana, "not this assignment's teacher key").wait_for()

        # Released: Ben reopens his link and reads his feedback, and now the reference.
        teacher.get_by_role("button", name="Release feedback now").click()
        settle(teacher)
        ben.reload()
        ben.get_by_text("Feedback", exact=True).wait_for()
        ben.get_by_text("Score", exact=True).first.wait_for()
        ben.get_by_text("Feedback", exact=True).evaluate("e => e.scrollIntoView({block: 'start'})")
        ben.wait_for_timeout(500)
        shot(ben, "classroom-feedback")
        ben.get_by_text("The reference map").click()
        ben.locator('[data-testid="stGraphVizChart"] svg').first.wait_for()
    finally:
        for c in contexts:
            c.close()


@pytest.mark.parametrize("width", [1024, 390])
def test_joining_with_a_wrong_code_at_tablet_and_phone_width(browser, server: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    try:
        page.goto(f"{server}/classroom")
        page.get_by_text("Join an assignment").wait_for()
        page.get_by_label("Join code").fill("ZZZZZZ")
        page.get_by_label("Join code").press("Enter")
        settle(page)
        page.get_by_role("button", name="Join", exact=True).click()
        settle(page)
        banner(page, "no assignment has the code ZZZZZZ").wait_for()
        page.get_by_role("button", name="Create the assignment").wait_for()  # the teacher's form fits too
        shot(page, f"classroom-{width}")
    finally:
        context.close()
