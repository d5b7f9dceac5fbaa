"""The public entry point: valid maps with exact spans, determinism, and every kind of odd input."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import InputError
from argmap.extractor import extract
from argmap.model import MAX_SOURCE_CHARS, MAX_STATEMENTS, ArgumentMap
from argmap.roles import derive

PIECE = (
    "Cities should charge drivers to enter the centre.\u00a0 Traffic there has doubled \u2014 and the air is "
    "bad, because diesel cars dominate.\n\nOf course, shop owners fear a loss of customers. But studies show "
    "that pedestrians spend more than drivers. Besides, buses would run faster."
)


def assert_valid(amap: ArgumentMap, text: str) -> None:
    assert amap.source is not None and amap.source.text == text
    ArgumentMap.model_validate(amap.model_dump())  # the invariants (spans match the text, ids resolve)
    for s in amap.statements:
        if s.span:
            assert text[s.span.start : s.span.end] == s.span.text == s.text
        assert s.reason, s.id
    for group in (amap.inferences, amap.attacks, amap.evidence):
        for e in group:
            assert e.reason, e.id
            assert e.cues is not None


def test_a_piece_gives_a_valid_explained_map():
    amap = extract(PIECE)
    assert_valid(amap, PIECE)
    assert [s.id for s in amap.statements] == [f"s{n}" for n in range(1, len(amap.statements) + 1)]
    roles = derive(amap)
    assert amap.statement(roles.main).text.startswith("Cities should charge")
    objection = next(s for s in amap.statements if s.text.startswith("Of course"))
    assert roles.role[objection.id] == "objection"
    assert any(a.source == objection.id for a in amap.attacks)
    assert any("because" in i.cues for i in amap.inferences)
    assert amap.created is None


def test_deterministic_and_id_from_the_text():
    a, b = extract(PIECE), extract(PIECE)
    assert a == b
    assert a.id != extract(PIECE + " More.").id


def test_title_is_kept():
    amap = extract(PIECE, title="Congestion charge")
    assert amap.title == "Congestion charge" and amap.source.title == "Congestion charge"


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_is_refused_with_a_clear_message(text):
    with pytest.raises(InputError, match="nothing to map: the text is empty"):
        extract(text)


def test_binary_is_refused():
    with pytest.raises(InputError, match="binary"):
        extract("PK\x03\x04\x00\x00garbage")
    with pytest.raises(InputError, match="binary"):
        extract("".join(chr(n % 31 + 1) for n in range(2000)))


def test_too_large_is_refused_at_once():
    with pytest.raises(InputError, match="limit"):
        extract("a" * (MAX_SOURCE_CHARS + 1))


ODD = {
    "recipe": "Preheat the oven to 200 degrees. Mix the flour and sugar. Add two eggs. Bake for 30 minutes.",
    "one sentence": "Taxes on sugar should go up.",
    "no punctuation": " ".join(
        ["we should build more homes because rents keep rising and people leave"] * 30
    ),
    "all caps": "WE MUST SAVE THE PARK. IT IS GREEN. OF COURSE IT COSTS MONEY, BUT IT IS WORTH IT.",
    "very long sentence": "The plan is good, "
    + ", ".join(f"reason {n} is that it helps group {n}" for n in range(400))
    + ".",
    "other language": "Die Stadt sollte mehr Radwege bauen. Denn der Verkehr nimmt zu. Aber das kostet Geld.",
    "control characters": "We should act\x07 now.\x0b Because\x1b it is late.\r\nReally.",
    "html with scripts": "<script>alert('x')</script><p>We should act.</p>",
    "only punctuation": "?!... --- ;;;",
    "a single word": "Why?",
    "emoji and symbols": "\U0001f600 We love parks \U0001f333 so we must keep them!",
    "markdown": "# Title\n\n- We should vote.\n- Because it *matters*.\n\n> quoted line",
}


@pytest.mark.parametrize("name", sorted(ODD))
def test_odd_input_gives_a_valid_map(name):
    text = ODD[name]
    amap = extract(text)
    assert_valid(amap, text)
    derive(amap)


def test_a_text_without_argument_is_all_background():
    amap = extract(ODD["recipe"])
    assert not amap.attacks and not amap.inferences
    assert all("background" in s.tags for s in amap.statements)
    assert derive(amap).main is None


def test_rhetorical_question_carries_a_note():
    amap = extract("We must keep the pool open. Who would want a summer without swimming? It is cheap.")
    q = next(s for s in amap.statements if s.text.startswith("Who would"))
    assert "rhetorical question" in q.tags and q.note and "implies" in q.note


def test_a_long_text_gives_a_valid_map():  # speed: bench/bench_extract.py
    text = (PIECE + "\n\n") * 200  # ~11,000 words
    assert_valid(extract(text), text)


@pytest.mark.parametrize(
    "text",
    ["a" * 30_000, "Go. " * 6_000, "Go now.\n\n" * 6_000],
    ids=["one enormous word", "very many sentences", "very many paragraphs"],
)
def test_huge_inputs_stay_within_the_map_limits_and_cover_the_text(text):
    amap = extract(text)
    assert_valid(amap, text)
    assert len(amap.statements) <= MAX_STATEMENTS
    stated = [s for s in amap.statements if s.span]
    assert stated[-1].span.end == len(text.rstrip())  # read to the end, not cut short


_PIECES = st.one_of(
    st.sampled_from(list(" .,;:!?-'\"\n\t()\u201c\u201d\u2014\u2026\u00a0\u200b")),
    st.sampled_from(["but ", "because ", "of course ", "should ", "said ", "according to ", "which "]),
    st.sampled_from(["We", "they", "X", "42%", "$3", "Dr.", "why not", "However,", "Yes,", "\n\n"]),
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=80).map("".join))
def test_any_text_gives_a_valid_map_or_a_clear_refusal(text):
    try:
        amap = extract(text)
    except InputError:
        return
    assert_valid(amap, text)
    derive(amap)


def test_progress_hears_a_rising_fraction_ending_at_one():
    heard: list[float] = []
    amap = extract(PIECE, progress=heard.append)
    assert amap == extract(PIECE)  # reporting changes nothing in the map
    assert heard[0] == 0.0 and heard[-1] == 1.0
    assert heard == sorted(heard) and all(0.0 <= f <= 1.0 for f in heard)
    assert 3 <= len(heard) <= 20


def test_progress_on_a_long_text_reports_inside_sentence_splitting_but_only_a_handful_of_times():
    long_text = "\n\n".join(f"Point {n} matters, because reason {n} holds. So we act." for n in range(300))
    heard: list[float] = []
    extract(long_text, progress=heard.append)
    assert len([f for f in heard if 0.0 < f < 0.6]) >= 5  # the slow step moves the bar as it goes
    assert len(heard) <= 20
    assert heard == sorted(heard) and heard[-1] == 1.0


def test_progress_is_not_called_for_refused_input():
    heard: list[float] = []
    with pytest.raises(InputError):
        extract("   ", progress=heard.append)
    assert heard == []


def test_a_reply_denies_the_view_it_reports():
    amap = extract(
        "Last week, Jo Hale argued that the library should close on Saturdays. He is wrong. "
        "Saturday is its busiest day. The council should keep the library open."
    )
    by_words = {s.text.split()[0]: s for s in amap.statements}
    main = amap.statement(derive(amap).main)
    assert main.text.startswith("The council should keep")
    assert (by_words["He"].id, by_words["the"].id) in {(a.source, a.target) for a in amap.attacks}
    (report,) = amap.evidence
    assert report.source.author == "Jo Hale" and report.target == by_words["the"].id


def test_a_block_quote_answered_point_by_point():
    text = (
        "Last week the columnist Tom Hale wrote that the market should close. Here is his argument:\n\n"
        "> The market loses money every year. Traders are leaving because rents are high. "
        "It is time to close it.\n\n"
        "I think he is wrong. The stalls bring visitors into town.\n\n"
        "First, the market does not lose money every year. It made a profit in four of five years.\n\n"
        "The council should keep the market open."
    )
    amap = extract(text)
    roles = derive(amap)
    by_start = {s.text.split(",")[0][:20]: s.id for s in amap.statements}
    assert amap.statement(roles.main).text == "The council should keep the market open."
    quoted = by_start["The market loses mon"]
    assert roles.side[quoted] == "opponent"
    assert (by_start["First"], quoted) in {(a.source, a.target) for a in amap.attacks}
    # the quoted case is one objection: the answer after it meets its first unit, the rest back it
    assert (by_start["I think he is wrong."], quoted) in {(a.source, a.target) for a in amap.attacks}
    assert [a.source for a in amap.attacks if a.target == roles.main] == [quoted]


def _known(name: str) -> bool:
    """A rule of the table, or a feature of a learned model ("main:opinion", "pair:source.stance")."""
    from argmap.extractor.features import PAIR_NAMES, UNIT_NAMES, WORDS
    from argmap.extractor.rules import BY_ID

    model, _, feature = name.partition(":")
    if not feature:
        return name in BY_ID
    if model == "main":
        return feature in UNIT_NAMES
    base = feature.split(":", 1)[0]  # "rule:link.example"
    end, _, own = base.partition(".")
    return (
        model == "pair"
        and (
            base in PAIR_NAMES
            or (end in ("source", "target") and own in UNIT_NAMES)
            or f"pair.{base}" in WORDS  # a cue joined to the link's direction, a proposition's kind
            or feature[5:] in BY_ID
        )
    )


_SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


@pytest.mark.parametrize("path", _SEEDS, ids=lambda p: p.stem)
def test_every_decision_records_the_names_that_made_it(path):
    amap = extract(path.read_text(encoding="utf-8"))
    roles = derive(amap)
    linked = {p for i in amap.inferences for p in i.premises} | {a.source for a in amap.attacks}
    decided = [*amap.inferences, *amap.attacks, *amap.evidence]
    decided += [s for s in amap.statements if s.id == roles.main or s.id in linked or "background" in s.tags]
    for e in decided:
        assert e.rules, f"{e.id} ({e.reason}) records no rule"
    for e in (*amap.statements, *amap.inferences, *amap.attacks, *amap.evidence):
        assert all(_known(n) for n in e.rules), (e.id, e.rules)


def test_a_decision_records_its_rules_and_its_reason_is_worded_from_them():
    amap = extract(PIECE)
    main = amap.statement(derive(amap).main)
    learned = [n for n in main.rules if n.startswith("main:")]
    assert learned and main.reason.count("(+") == len(learned)  # one weighed cue in words per feature named
    objection = next(a for a in amap.attacks if amap.statement(a.source).text.startswith("Of course"))
    assert {"voice.opponent_cue", "link.objection"} <= set(objection.rules)
    assert "objection: the opponent's voice ('of course')" in objection.reason
    because = next(i for i in amap.inferences if "because" in i.cues)
    assert "link.reason_after" in because.rules and "follows 'because'" in because.reason
    study = next(e for e in amap.evidence if "studies show" in e.text)
    assert study.rules == ("evidence.reported_speech",) and "reported speech" in study.reason


def test_a_main_rule_is_worded_in_the_reason():
    # "A leads to B, which leads to C": the chain's claim is its last link, and the reason says so.
    amap = extract("Cheap parking leads to more cars, which leads to dirtier air.")
    main = amap.statement(derive(amap).main)
    assert main.text.startswith("which leads to dirtier air")
    assert "main.chain_end" in main.rules and "the last link of a causal chain" in main.reason


def test_a_link_the_tree_chose_names_the_features_that_weighed():
    # A pair model that weighs "the unit just before" far above the rules' links: the tree links each unit
    # to the one before it, and each such link names the feature and says it in words.
    from argmap.extractor.learned import Linear, Models, models

    shipped = models()
    pair = Linear(
        bias=(0.0, 0.0, 0.0), weights={"before": (0.0, 20.0, 0.0), "rule:link.paragraph_claim": (0, 0, 0)}
    )
    amap = extract(
        "The county should restore the night buses. Nurses finish late shifts at midnight. They have no "
        "car. Cleaners and cooks are in the same place.",
        models=Models(main=shipped.main, side=shipped.side, pair=pair, link=None),
    )
    chosen = [e for e in amap.inferences if "supports the statement before it; weighed:" in (e.reason or "")]
    assert len(chosen) == 2
    for e in chosen:
        assert e.rules == ("decide.tree", "pair:before")
        assert "the target comes just before it (+20.0)" in e.reason
