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
