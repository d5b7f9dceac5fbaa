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
