"""widgets.md: words from texts, files and links show as written and never as markup."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.app.widgets import md
from tests.app.markup import blocks, markup, text_of

HOSTILE = (
    "Click [here](https://evil.example/login) ![t](https://evil.example/t.png) "
    "<img src=x onerror=alert(1)> <b>bold</b> $x^2$ and $$y$$ www.evil.example mail@evil.example "
    ":red[alert] :material/warning: :smile: &amp; `code` ~~gone~~ *it* _it_ <https://evil.example>"
)


def test_hostile_text_is_markup_before_and_text_after_escaping() -> None:
    assert len(markup(HOSTILE)) >= 8  # the checker sees what Streamlit would make of it
    assert markup(md(HOSTILE)) == []
    assert text_of(md(HOSTILE)) == HOSTILE


def test_line_starts_make_no_heading_list_quote_or_code() -> None:
    text = "# Head\n- item\n+ item\n1. one\n> quote\n    indented code\n===\n| a | b |\n|---|---|"
    body = md(text)
    assert blocks(body) == {"paragraph_open", "inline"}
    assert text_of(body) == " ".join(text.replace("\u2060", "").split())


def test_bare_urls_and_addresses_get_a_word_joiner_that_keeps_them_text() -> None:
    body = md("see https://evil.example, www.evil.example or me@evil.example")
    assert body.count("\u2060") == 3 and markup(body) == []


def test_one_line_for_headings_and_labels() -> None:
    assert md("A\n\n# title\t here", line=True) == r"A \# title here"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from("\n "))
)
def test_any_text_shows_as_its_words_only(text: str) -> None:
    body = md(text)
    assert markup(body) == []
    assert text_of(body) == " ".join(text.replace("\u2060", "").split())
