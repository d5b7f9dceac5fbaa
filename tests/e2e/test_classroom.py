"""A class in three browsers: a teacher creates an assignment; two students join by code, map and
submit; the teacher's dashboard shows both with scores without a reload; students see no reference
before release and cannot open the Teacher view; a map of another piece is refused; "Start my map"
over unsaved work asks first."""

from __future__ import annotations

import csv
import io
import json

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


def _fits(page, selector: str) -> bool:
    """Whether every element matching ``selector`` shows all its text (no sideways scroll or cut)."""
    return page.evaluate(
        """(sel) => [...document.querySelectorAll(sel)].every(
            e => e.scrollWidth <= e.clientWidth + 1 && e.getBoundingClientRect().right <= innerWidth + 1)""",
        selector,
    )


def _choose(page, where: str, words: str) -> None:
    """Choose the option starting with ``words`` in the selectbox at ``where`` (typed, as a user may)."""
    field = page.locator(f"{where} input").first
    field.click()
    field.press_sequentially(words)
    page.get_by_role("option").filter(has_text=words).first.wait_for()
    field.press("Enter")
    settle(page)


def _marked(page) -> list[str]:
    """The words marked in the piece beside the feedback points."""
    return [m.text_content() or "" for m in page.locator(".argmap-source mark").all()]


def test_a_teacher_and_two_students_across_browsers(browser, server: str, tmp_path) -> None:
    # The teacher on a desktop, Ana on a phone, Ben on a tablet; each a browser of its own.
    sizes = {"teacher": 1400, "ana": 390, "ben": 1024}
    contexts = [
        browser.new_context(viewport={"width": w, "height": 1000}, accept_downloads=True)
        for w in sizes.values()
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

        # Ana joins by the link on her phone: the app's example map is not hers (closed, and no
        # Library to find it in); she starts from the draft and submits.
        _join(ana, server, code, "Ana")
        assert ana.get_by_text("Open map:").count() == 0 and ana.get_by_text("Also here").count() == 0
        assert ana.locator('[data-testid="stTopNavLink"]').filter(has_text="Library").count() == 0
        ana.get_by_role("button", name="Start from the draft").click()
        settle(ana)
        banner(ana, "The draft is open").wait_for()
        ana.get_by_role("button", name="Submit my map").click()
        settle(ana)
        banner(ana, "Submitted at").wait_for()
        ana.get_by_text("Feedback and the reference map come when your teacher releases it").wait_for()
        assert (
            ana.locator(".am-view, [data-testid='stGraphVizChart']").filter(has=ana.locator("svg")).count()
            <= 1
        )  # her own tree at most: no reference before release

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
        # "Start my map" over the (unsaved) draft asks first; he keeps his map, saves, submits.
        ben.get_by_role("button", name="Start my map").click()
        settle(ben)
        ben.get_by_text("replaces the open map").wait_for()
        ben.get_by_role("button", name="Keep my map").click()
        settle(ben)
        ben.get_by_role("button", name="Save my work").click()
        settle(ben)
        banner(ben, "Saved (revision 1)").wait_for()
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

        # The teacher opens Ben's revisions: both saves, with their times; the first read-only.
        _choose(teacher, ".st-key-teacher_student", "Ben")
        settle(teacher)
        teacher.get_by_role("tab", name="Revisions (2)").click()
        settle(teacher)
        teacher.get_by_text("Revision 2 · ").first.wait_for()
        assert teacher.get_by_text("· submitted").count() >= 1
        _choose(teacher, '[class*="st-key-teacher_revision_"]', "Revision 1")
        settle(teacher)
        teacher.get_by_text("Score of revision 1:").wait_for()
        teacher.get_by_text("From revision 1 to the latest (2):").wait_for()
        teacher.get_by_text("One student").evaluate("e => e.scrollIntoView({block: 'start'})")
        teacher.wait_for_timeout(500)
        shot(teacher, "classroom-revisions-1400")

        # On the teacher's phone the links wrap and can be copied: nothing is cut off.
        teacher.set_viewport_size({"width": 390, "height": 844})
        teacher.wait_for_timeout(600)
        link = teacher.locator('[data-testid="stCode"]').filter(has_text=f"?join={code}").first
        link.scroll_into_view_if_needed()
        assert _fits(teacher, '[data-testid="stCode"] pre, [data-testid="stCode"] code')
        shot(teacher, "classroom-teacher-390")
        teacher.get_by_text("What most students got wrong").evaluate(
            "e => e.scrollIntoView({block: 'start'})"
        )
        teacher.wait_for_timeout(600)
        shot(teacher, "classroom-dashboard-390")
        teacher.set_viewport_size({"width": 1024, "height": 1000})
        teacher.wait_for_timeout(600)
        teacher.get_by_text("Class · updated").evaluate("e => e.scrollIntoView({block: 'start'})")
        shot(teacher, "classroom-dashboard-1024")
        teacher.set_viewport_size({"width": 1400, "height": 1000})

        # A student cannot open the Teacher view, even with the code in a teacher link.
        ana.goto(f"{server}/classroom?teach={code}&key=guess")
        banner(ana, "not this assignment's teacher key").wait_for()

        # Released: Ben reopens his link and reads his feedback, and now the reference.
        teacher.get_by_role("button", name="Release feedback now").click()
        settle(teacher)
        ben.reload()
        ben.get_by_text("Feedback", exact=True).wait_for()
        ben.get_by_text("Score", exact=True).first.wait_for()
        points = (
            ben.locator('[data-testid="stRadio"]')
            .filter(has_text="Pick a point")
            .locator('label:has(input[type="radio"])')
        )
        assert 1 < points.count() <= 5  # five points at most before "Show all"
        # Each point picked marks its own words in the piece.
        seen = [tuple(_marked(ben))]  # the first point is picked to begin with
        for n in range(1, min(points.count(), 4)):
            points.nth(n).click()
            # The words beside it change (or it says the point has none) once the page has rerun.
            ben.wait_for_function(
                """([before]) => {
                    const now = [...document.querySelectorAll('.argmap-source mark')].map(m => m.textContent);
                    return JSON.stringify(now) !== before
                        || document.body.innerText.includes('no words marked in the piece');
                }""",
                arg=[json.dumps(list(seen[-1]))],
                timeout=15_000,
            )
            settle(ben)
            seen.append(tuple(_marked(ben)))
        # (a point on a statement the reference typed rather than quoted has no words to mark)
        assert len({words for words in seen if words}) >= 2, seen
        ben.get_by_text("Feedback", exact=True).evaluate("e => e.scrollIntoView({block: 'start'})")
        ben.wait_for_timeout(500)
        for width in (1024, 1400, 390):
            ben.set_viewport_size({"width": width, "height": 1000})
            ben.wait_for_timeout(600)
            ben.get_by_text("Feedback", exact=True).evaluate("e => e.scrollIntoView({block: 'start'})")
            assert _fits(ben, ".argmap-source")  # the marked words wrap, never run off a phone
            shot(ben, "classroom-feedback" if width == 1400 else f"classroom-feedback-{width}")
        ben.set_viewport_size({"width": 1024, "height": 1000})
        # The reference is the app's tree: a click on a box shows its words in the piece.
        ben.get_by_text("The reference map").click()
        ref_tree = ben.locator(".st-key-classroom_reference .am-view svg, .am-view svg").last
        ref_tree.wait_for()
        ben.locator(".am-view svg g.node").last.click()
        settle(ben)
        ben.get_by_text("Click a box to see its words").count()  # gone once a box is picked
        ben.locator(".argmap-source mark").last.wait_for()
        ben.get_by_text("The reference map").evaluate("e => e.scrollIntoView({block: 'start'})")
        ben.wait_for_timeout(500)
        shot(ben, "classroom-reference-1024")
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
