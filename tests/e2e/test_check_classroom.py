"""The Check and Classroom pages in a real browser: a finding lights up its nodes, a rating
recolours the tree; a teacher grades two uploaded maps and a student reads feedback."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.edit import operations as edit
from argmap.formats import native
from tests.e2e.conftest import ROOT, banner, settle, shot, wait_for_map
from tests.e2e.test_browser import go

pytestmark = pytest.mark.e2e

EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"


def _fill(page, node_id: str) -> str:
    """The fill colour of a node of the tree."""
    shape = page.locator('[data-testid="stGraphVizChart"] svg g.node').filter(
        has=page.locator(f'title:text-is("{node_id}")')
    )
    return shape.first.locator("path, polygon").first.get_attribute("fill") or ""


def _doubled(page) -> set[str]:
    """The ids of the nodes drawn with a double border (the highlighted ones)."""
    return set(
        page.evaluate(
            """() => [...document.querySelectorAll('[data-testid="stGraphVizChart"] svg g.node')]
                .filter(g => g.querySelectorAll('path, polygon').length > 1)
                .map(g => g.querySelector('title').textContent)"""
        )
    )


def test_check_a_finding_lights_up_its_nodes_and_a_rating_recolours(page, server: str) -> None:
    page.goto(server)
    wait_for_map(page)
    go(page, "Check")
    wait_for_map(page)
    assert not _doubled(page)
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Show a finding").first
    box.scroll_into_view_if_needed()  # below the audit: let the scroll settle, or the click's list closes
    settle(page)
    box.locator("input").click()
    option = page.get_by_role("option").filter(has_text="rhetorical question").first
    finding_nodes = option.text_content().split("·")[0].split()[-1]  # "⚠ s8 · rhetorical …" -> s8
    option.click()
    settle(page)
    page.wait_for_function(
        """id => [...document.querySelectorAll('[data-testid="stGraphVizChart"] svg g.node')]
            .some(g => g.querySelector('title').textContent === id
                       && g.querySelectorAll('path, polygon').length > 1)""",
        arg=finding_nodes,
    )
    assert finding_nodes in _doubled(page)
    shot(page, "check")

    before = _fill(page, "s8")
    page.get_by_role("tab", name="Ratings").click()
    settle(page)  # a tracked tab reruns the page: let it finish before typing
    rate = page.locator('[data-testid="stSelectbox"]').filter(has_text="Rate").first
    rate.locator("input").click()
    page.keyboard.type("s8 ·")
    page.get_by_role("option").filter(has_text="s8 ·").first.click()
    settle(page)
    rating = page.locator('[data-testid="stRadio"]').filter(has_text="(not rated)").first
    rating.get_by_text("rejected", exact=True).click()
    page.get_by_role("button", name="Save rating").click()
    settle(page)
    banner(page, "Rated s8: rejected").wait_for()
    page.wait_for_function(
        """([id, old]) => {
            const g = [...document.querySelectorAll('[data-testid="stGraphVizChart"] svg g.node')]
                .find(g => g.querySelector('title').textContent === id);
            return g && g.querySelector('path, polygon').getAttribute('fill') !== old;
        }""",
        arg=["s8", before],
    )
    assert _fill(page, "s8") != before


def test_classroom_teacher_grades_two_maps_and_a_student_reads_feedback(
    page, browser, server: str, tmp_path: Path
) -> None:
    reference = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    ada, ben = tmp_path / "ada.json", tmp_path / "ben.json"
    ada.write_text(native.dumps(reference), encoding="utf-8")
    ben.write_text(native.dumps(edit.remove(edit.remove(reference, "s12"), "s9")), encoding="utf-8")

    page.goto(server)
    wait_for_map(page)
    go(page, "Classroom")
    page.get_by_role("button", name="Use the open map as the exercise").click()
    settle(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the exercise").click()
    exercise = tmp_path / "exercise.json"
    info.value.save_as(exercise)
    uploader = page.locator('[data-testid="stFileUploader"]').filter(has_text="students' maps")
    uploader.locator('input[type="file"]').set_input_files([str(ada), str(ben)])
    page.get_by_text("Lowest score").wait_for()
    settle(page)
    assert page.locator('[data-testid="stMetricValue"]').filter(has_text="100%").count()
    page.locator('[data-testid="stVegaLiteChart"]').first.wait_for()
    page.get_by_text("Statements most students missed").scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    shot(page, "classroom")

    other = browser.new_context(viewport={"width": 1440, "height": 1000})
    try:
        student = other.new_page()
        student.goto(f"{server}/classroom")
        student.get_by_test_id("stRadioGroup").get_by_text("Student").click()
        settle(student)
        student.locator('input[type="file"]').first.set_input_files(str(exercise))
        student.get_by_role("button", name="Start my map").wait_for()
        student.get_by_role("button", name="Start my map").click()
        settle(student)
        student.get_by_role("button", name="Submit my map").click()
        settle(student)
        student.get_by_text("no statements yet").wait_for()  # an empty map is not graded
    finally:
        other.close()
