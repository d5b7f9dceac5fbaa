"""Two app servers on one PostgreSQL database, as behind a load balancer: what one saves, the other shows."""

from __future__ import annotations

import pytest
from postgres_server import empty_tables

from argmap.formats import native
from argmap.storage.location import open_store
from tests.e2e.conftest import ROOT, app_server, settle, shot, wait_for_map

pytestmark = pytest.mark.e2e

EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"


@pytest.fixture
def database(postgres_url: str) -> str:
    """A PostgreSQL database holding the example map, as `argmap store copy arguments/ URL` would leave it."""
    empty_tables(postgres_url)
    amap = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    open_store(postgres_url).put_history("democrats-voter-data", [amap])
    return postgres_url


def go(page, name: str) -> None:
    page.locator('[data-testid="stTopNavLink"]').filter(has_text=name).first.click()
    settle(page)


def test_a_map_saved_through_one_replica_opens_on_the_other(browser, database: str) -> None:
    with app_server(database) as one, app_server(database) as two:
        a = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        b = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        a.goto(one)
        wait_for_map(a)  # the example map, read from PostgreSQL
        go(a, "Library")
        a.get_by_text("PostgreSQL store").first.wait_for()
        a.get_by_role("textbox", name="Save as (a new map)").fill("replicated")
        a.get_by_role("button", name="Save as").click()
        a.get_by_text("Saved as “replicated” (revision 1).").first.wait_for()
        shot(a, "library-replica-saved")
        assert open_store(database).load("replicated").revision == 1

        b.goto(two)
        wait_for_map(b)
        go(b, "Library")
        shot(b, "library-replica")
        box = b.locator('[data-testid="stSelectbox"]').filter(has_text="Map").first
        box.locator("input").click()
        b.keyboard.type("replicated")
        b.get_by_role("option").filter(has_text="replicated").first.click()
        settle(b)
        b.locator(".st-key-library_open button").click()
        settle(b)
        wait_for_map(b)
        assert b.get_by_text("Talk about killing the goose").first.is_visible()
        a.context.close()
        b.context.close()
