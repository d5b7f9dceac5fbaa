"""The Analyze page: map a pasted text, an uploaded HTML file or a sample; refused input says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.conftest import ROOT, current, dot, messages, shown
from tests.pieces import samples

PIECE = """Schools should start later in the morning.

Teenagers' body clocks shift later during puberty, so early starts cut their sleep short.
Because tired students learn less, early starts harm learning. Some say that later starts
make sports practice hard to schedule. But schedules can be changed, while biology cannot.
A 2014 study of eight schools found that later start times raised attendance.
"""


def test_map_a_pasted_text(app) -> None:
    at = app("analyze")
    at.text_area(key="analyze_text").input(PIECE)
    at.text_input(key="analyze_title").input("Later school starts")
    at.text_input(key="analyze_author").input("A. Writer")
    at.text_input(key="analyze_url").input("https://example.org/later")
    at.button(key="analyze_go").click().run()
    assert not at.exception
    amap = current(at)
    assert amap.title == "Later school starts"
    assert amap.source.author == "A. Writer" and amap.source.url == "https://example.org/later"
    assert amap.source.text == PIECE
    assert len(amap.statements) >= 3
    assert at.session_state["argmap_name"] is None  # a new map, not saved yet
    # We are on the Map page now, with the new map drawn.
    assert any("Mapped" in m for m in messages(at)["success"])
    assert amap.statements[0].id in dot(at)


def test_map_it_without_text_says_what_to_do(app) -> None:
    at = app("analyze")
    before = current(at)
    at.button(key="analyze_go").click().run()
    assert any("no text to map" in w.value for w in at.warning)
    assert current(at) == before


def test_binary_like_text_is_refused_with_a_message(app) -> None:
    at = app("analyze")
    before = current(at)
    at.text_area(key="analyze_text").input("\x01\x02\x03\x04" * 50 + "x")
    at.button(key="analyze_go").click().run()
    assert not at.exception
    assert at.error and "binary" in at.error[0].value
    assert current(at) == before


def test_upload_html(app) -> None:
    at = app("analyze")
    at.radio(key="analyze_source").set_value("Upload a file").run()
    page = (
        "<html><head><title>Ban phones in class</title><script>var x = 1;</script></head><body>"
        "<p>Phones should be banned in class.</p><p>They distract students, because notifications "
        "interrupt attention. Therefore grades fall.</p></body></html>"
    )
    at.get("file_uploader")[0].upload("phones.html", page.encode(), "text/html")
    at.run()
    at.button(key="analyze_go").click().run()
    assert not at.exception
    amap = current(at)
    assert amap.title == "Ban phones in class"
    assert "var x" not in amap.source.text and "distract students" in amap.source.text


def test_pick_a_sample(app) -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    at = app("analyze")
    at.radio(key="analyze_source").set_value("Pick a sample").run()
    at.selectbox(key="analyze_seed").select(seeds[0]).run()
    at.button(key="analyze_go").click().run()
    assert not at.exception
    assert current(at).source.text == Path(seeds[0]).read_text(encoding="utf-8")


def test_a_long_text_shows_a_progress_bar_a_short_one_a_spinner(app, monkeypatch) -> None:
    import argmap.extractor

    real = argmap.extractor.extract
    seen: list[list[float] | None] = []

    def spy(text, title=None, *, progress=None):  # records what the page passed and what it got
        calls: list[float] = []
        seen.append(calls if progress else None)
        return real(text, title, progress=(lambda f: (calls.append(f), progress(f))) if progress else None)

    monkeypatch.setattr(argmap.extractor, "extract", spy)
    at = app("analyze")
    at.text_area(key="analyze_text").input(PIECE)
    at.button(key="analyze_go").click().run()
    long = (PIECE + "\n") * 300  # about 100,000 characters, far above the page's threshold
    at.switch_page("src/argmap/app/views/analyze.py").run()
    at.text_area(key="analyze_text").input(long)
    at.button(key="analyze_go").click().run()
    at.button(key="analyze_go_yes").click().run()  # the first draft is open and not saved: it asks
    assert not at.exception
    assert seen[0] is None  # short: a spinner, no progress callback
    assert seen[1] and seen[1][-1] == 1.0  # long: the bar went to the end
    assert not at.get("progress")  # and is gone once the map is drawn
    assert current(at).source.text == long


def test_a_sample_keeps_its_own_headline_as_title(app) -> None:
    at = app("analyze")
    at.radio(key="analyze_source").set_value("Pick a sample").run()
    seed = next(p for p in sorted((ROOT / "seeds").glob("*.txt")) if p.read_text(encoding="utf-8").strip())
    at.selectbox(key="analyze_seed").select(seed).run()
    at.button(key="analyze_go").click().run()
    assert not at.exception
    headline = seed.read_text(encoding="utf-8").strip().splitlines()[0].strip()
    assert current(at).title == headline  # not the file's name


def test_map_it_asks_before_replacing_an_unsaved_map(app) -> None:
    at = app("analyze")
    at.text_area(key="analyze_text").input(PIECE)
    at.button(key="analyze_go").click().run()
    first = at.session_state["argmap_history"].present
    at.switch_page("src/argmap/app/views/analyze.py").run()
    at.text_area(key="analyze_text").input("We should plant trees. Trees cool the streets.")
    at.button(key="analyze_go").click().run()
    assert at.session_state["argmap_history"].present == first  # not yet
    assert any("replaces the open map" in w.value for w in at.warning)
    at.button(key="analyze_go_no").click().run()
    assert at.session_state["argmap_history"].present == first
    at.button(key="analyze_go").click().run()
    at.button(key="analyze_go_yes").click().run()
    assert at.session_state["argmap_history"].present != first


# --- the files people have (tests/pieces/samples.py makes them) -------------------------------

UPLOADS = {
    "piece.docx": (
        samples.docx_bytes,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "piece.pdf": (samples.pdf_bytes, "application/pdf"),
    "piece.odt": (samples.odt_bytes, "application/vnd.oasis.opendocument.text"),
    "notepad.txt": (samples.utf16_bytes, "text/plain"),
    "windows.txt": (samples.cp1252_bytes, "text/plain"),
}


@pytest.mark.parametrize("name", UPLOADS)
def test_upload_the_files_people_have(app, name) -> None:
    make, media_type = UPLOADS[name]
    at = app("analyze")
    at.radio(key="analyze_source").set_value("Upload a file").run()
    at.get("file_uploader")[0].upload(name, make(), media_type)
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("characters read from" in c.value for c in at.caption)
    at.button(key="analyze_go").click().run()
    assert not at.exception
    amap = current(at)
    assert amap.title == samples.TITLE and samples.WORDS in amap.source.text
    assert len(amap.statements) >= 4


def test_a_damaged_upload_is_one_message_and_the_open_map_stays(app) -> None:
    at = app("analyze")
    before = current(at)
    at.radio(key="analyze_source").set_value("Upload a file").run()
    at.get("file_uploader")[0].upload("essay.pdf", samples.pdf_bytes(text=False), "application/pdf")
    at.run()
    assert not at.exception
    assert at.error and "essay.pdf: the PDF has no text to read" in shown(at.error[0].value)
    assert current(at) == before


def test_fetch_a_web_page_and_map_it(app, monkeypatch) -> None:
    monkeypatch.setenv("ARGMAP_FETCH_PRIVATE", "1")  # the test's server is on 127.0.0.1
    with samples.serve({"/opinion/sundays": samples.Route(samples.html_bytes())}) as base:
        at = app("analyze")
        at.radio(key="analyze_source").set_value("Fetch a web page").run()
        at.text_input(key="analyze_fetch_url").input(f"{base}/opinion/nowhere")
        at.button(key="analyze_fetch").click().run()
        assert not at.exception
        assert at.error and "the server answered 404" in shown(at.error[0].value)
        at.text_input(key="analyze_fetch_url").input(f"{base}/opinion/sundays")
        at.button(key="analyze_fetch").click().run()
    assert not at.exception and not at.error
    at.button(key="analyze_go").click().run()
    assert not at.exception
    amap = current(at)
    assert amap.title == samples.TITLE and "Subscribe" not in amap.source.text
    assert amap.source.url == f"{base}/opinion/sundays"


def test_the_server_does_not_fetch_its_own_network_for_a_visitor(app, monkeypatch) -> None:
    monkeypatch.delenv("ARGMAP_FETCH_PRIVATE", raising=False)
    with samples.serve({"/admin": samples.Route(samples.html_bytes())}) as base:
        at = app("analyze")
        at.radio(key="analyze_source").set_value("Fetch a web page").run()
        at.text_input(key="analyze_fetch_url").input(f"{base}/admin")
        at.button(key="analyze_fetch").click().run()
    assert not at.exception
    assert at.error and "127.0.0.1 is on a private network" in shown(at.error[0].value)
    assert "analyze_fetched" not in at.session_state
