"""Two app servers on one PostgreSQL database, as behind a load balancer: what one saves, the other shows —
a new map in its library, and, on a map open in both, the other's addition within seconds (LISTEN/NOTIFY)."""

from __future__ import annotations

import pytest
from postgres_server import empty_tables

from argmap.formats import native
from argmap.storage.location import open_store
from tests.e2e.conftest import CHART, MAP, ROOT, app_server, settle, shot
from tests.e2e.test_browser import add_counterargument
from tests.e2e.test_debate import SEEN_WITHIN, open_map, person, save

pytestmark = pytest.mark.e2e

EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"


@pytest.fixture
def database(postgres_url: str) -> str:
    """A PostgreSQL database holding the example map, as `argmap store copy arguments/ URL` would leave it."""
    empty_tables(postgres_url)
    amap = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    open_store(postgres_url).put_history("democrats-voter-data", [amap])
    return postgres_url


def drawn(page, database: str, name: str, text: str) -> None:
    """Wait until the node whose stored words start with ``text`` is drawn on ``page``."""
    nid = next(s.id for s in open_store(database).load(name).statements if s.text.startswith(text))
    page.wait_for_function(
        "([sel, id]) => [...document.querySelectorAll(sel)].some(t => t.textContent === id)",
        arg=[f"{MAP} g.node > title, {CHART} g.node > title", nid],
        timeout=SEEN_WITHIN,
    )


def test_what_one_replica_saves_the_other_shows(browser, database: str) -> None:
    with app_server(database) as one, app_server(database) as two:
        ann_ctx, ann = person(browser, one, "ann")
        bob_ctx, bob = person(browser, two, "bob")
        try:
            # Ann, on server one, saves a new map; Bob, on server two, finds it in his library and opens it.
            from tests.e2e.test_browser import go

            go(ann, "Library")
            ann.get_by_text("PostgreSQL store").first.wait_for()
            ann.get_by_role("textbox", name="Save as (a new map)").fill("replicated")
            ann.get_by_role("button", name="Save as").click()
            ann.get_by_text("Saved as “replicated” (revision 1).").first.wait_for()
            assert open_store(database).load("replicated").revision == 1
            open_map(bob, "replicated")
            assert bob.get_by_text("Talk about killing the goose").first.is_visible()
            shot(bob, "replica-two-opened")

            # Each sees the other across servers, and Ann's saved objection reaches Bob's open map.
            bob.get_by_text("Also here: ann").wait_for(timeout=SEEN_WITHIN)
            go(ann, "Map")
            add_counterargument(ann, "intermediate conclusion · s3", "Ann on server one: voters expect it.")
            save(ann)
            assert open_store(database).load("replicated").revision == 2
            bob.get_by_text("ann added 1 statement and 1 attack").first.wait_for(timeout=SEEN_WITHIN)
            drawn(bob, database, "replicated", "Ann on server one")
            settle(bob)
            shot(bob, "replica-two-heard")
        finally:
            ann_ctx.close()
            bob_ctx.close()
