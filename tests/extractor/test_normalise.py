import re

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.extractor.normalise import normalise


def test_quotes_and_dashes_become_ascii():
    n = normalise("\u201cYes\u201d \u2014 it\u2019s here")
    assert n.text == '"Yes" - it\'s here'


def test_whitespace_collapses_and_paragraphs_survive():
    n = normalise("  one\u00a0 two\n three\n\n\n four\t")
    assert n.text == "one two three\n\nfour"


def test_offsets_map_back_to_the_original():
    original = "A\u00a0 \u201cquoted\u201d word\u2026 end"
    n = normalise(original)
    start = n.text.index("quoted")
    a, b = n.original(start, start + len("quoted"))
    assert original[a:b] == "quoted"
    # The ellipsis expands to three dots that all map to the one original character.
    dots = n.text.index("...")
    assert n.original(dots, dots + 3) == (original.index("\u2026"), original.index("\u2026") + 1)


def test_control_and_zero_width_characters_go():
    n = normalise("a\x07b\u200bc\ufeff")
    assert n.text == "a bc"
    assert len(n.origin) == len(n.text) + 1


@settings(max_examples=300)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab .,\n\t\u00a0\u201c\u201d\u2014\u2026\u200b\x07'\"-")), max_size=60
    )
)
def test_every_word_maps_back_to_its_original(text):
    n = normalise(text)
    assert len(n.origin) == len(n.text) + 1
    assert n.text == n.text.strip()
    assert "  " not in n.text
    for m in re.finditer(r"[ab]+", n.text):
        a, b = n.original(m.start(), m.end())
        assert normalise(text[a:b]).text == m.group()
