from argmap.pieces.html import read_html


def test_scripts_styles_dropped_paragraphs_kept():
    page = read_html(
        "<html><head><title>Fix  the bridge</title><style>p{color:red}</style></head><body>"
        "<script>var x = 'We must not see this';</script><h1>Heading</h1>"
        "<p>The bridge is <b>unsafe</b>.</p><p>It must be fixed &amp; soon.<br>Now.</p></body></html>"
    )
    assert page.title == "Fix the bridge"
    assert "must not see" not in page.text and "color" not in page.text
    assert page.text == "Heading\n\nThe bridge is unsafe.\n\nIt must be fixed & soon.\nNow."


def test_h1_is_the_title_when_there_is_no_title_tag():
    assert read_html("<h1>Why  we vote</h1><p>Because.</p>").title == "Why we vote"


def test_broken_markup_still_gives_text():
    assert "text" in read_html("<p>text <div><span>more").text


# --- the article among the page's clutter (readability-lxml) -----------------------------------


def test_the_article_is_found_among_menus_asides_and_footers() -> None:
    from argmap.pieces import html
    from tests.pieces.samples import PARAGRAPHS, TITLE, html_bytes

    piece = html.read(html_bytes(), "page.html")
    assert piece.title == TITLE  # the article's heading, not "Sunday opening | The Town Crier"
    assert piece.text == "\n\n".join((TITLE, *PARAGRAPHS))
    for clutter in ("Subscribe", "Most read", "Cookie", "trackVisitor", "since 1899"):
        assert clutter not in piece.text


def test_a_fragment_with_no_article_is_read_whole() -> None:
    from argmap.pieces import html

    piece = html.read(b"<p>Short.</p><ul><li>One reason.</li><li>Another.</li></ul>", "f.html")
    assert piece.text == "Short.\n\nOne reason.\n\nAnother."


def test_the_pages_charset_is_honoured() -> None:
    from argmap.pieces import html

    page = (
        "<html><head><meta charset=windows-1252><title>Caf\u00e9</title></head>"
        "<body><p>\u00a35 a cup \u2014 fair.</p>"
    )
    piece = html.read(page.encode("cp1252"), "c.html")
    assert piece.title == "Caf\u00e9" and piece.text == "\u00a35 a cup \u2014 fair."


def test_a_page_readability_gives_up_on_prints_no_traceback(tmp_path) -> None:
    import os
    import subprocess
    import sys

    # readability logged "error getting summary" and lxml's traceback on stderr under `argmap extract`
    # (pytest's log capture hides that, so the command runs as a user runs it)
    (tmp_path / "e.html").write_bytes(b"<!DOCTYPE html>  ")
    run = subprocess.run(
        [sys.executable, "-m", "argmap", "extract", "e.html"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
        env={**os.environ, "ARGMAP_STORE": str(tmp_path / "store")},
    )  # fmt: skip
    assert run.returncode == 1
    assert run.stderr.strip() == "Error: e.html: nothing to map (there is no text in it)"


def test_a_page_of_too_many_tags_is_refused_in_a_sentence_before_it_is_parsed() -> None:
    import pytest

    from argmap.errors import InputError
    from argmap.pieces import html

    # 100,000 line breaks: 2.4 s of CPU at 200,000 tags before the limit, and 16 MB would take 50 s
    page = b"<html><body>" + b"<br>" * html.MAX_TAGS + b"</body></html>"
    with pytest.raises(InputError, match=r"^big\.html: the page has 100,004 tags; Argmap reads pages of at"):
        html.read(page, "big.html")
    assert "We act." in html.read(b"<html><body><p>We act.</p>" + b"<br>" * 1_000, "ok.html").text
