"""The seed op-ed read as a careful reader would; the other seeds give sensible maps.

The assertions search the map for the seed's words; no rule of the extractor names them.
"""

from pathlib import Path

import pytest

from argmap.extractor import extract
from argmap.roles import derive

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED = SEEDS / "democrats-voter-data.txt"


@pytest.fixture(scope="module")
def seed():
    text = SEED.read_text(encoding="utf-8")
    return extract(text)


def find(amap, *words):
    hits = [s for s in amap.statements if all(w in s.text for w in words)]
    assert hits, f"no statement with {words}"
    return hits[0]


def test_main_conclusion_is_caution_or_the_golden_goose(seed):
    main = seed.statement(derive(seed).main)
    assert "golden eggs" in main.text or "cautious" in main.text


def test_chain_selling_caution_goose(seed):
    selling = find(seed, "sold")
    caution = find(seed, "cautious")
    goose = find(seed, "golden eggs")
    links = {(p, i.conclusion) for i in seed.inferences for p in i.premises}
    assert (selling.id, caution.id) in links
    assert (caution.id, goose.id) in links


def test_report_and_quotes_are_evidence(seed):
    by_author = {e.source.author: e for e in seed.evidence if e.source and e.source.author}
    assert any("ProPublica" in a for a in by_author)
    assert any("Brighton" in a for a in by_author)
    assert any("Martin" in a for a in by_author)
    kinds = {e.kind for e in seed.evidence}
    assert "testimony" in kinds
    quotes = [
        e
        for e in seed.evidence
        if "Brighton" in (e.source.author or "") or "Martin" in (e.source.author or "")
    ]
    assert all(e.kind == "testimony" for e in quotes)
    # The quotations left the argument line.
    assert not any("growth areas" in s.text for s in seed.statements)


def test_why_not_is_a_rhetorical_question(seed):
    why_not = find(seed, "why not?")
    assert "rhetorical question" in why_not.tags


def test_every_statement_is_anchored_and_explained(seed):
    for s in seed.statements:
        assert s.implicit or (s.span and seed.source.text[s.span.start : s.span.end] == s.text)
        assert s.reason


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_every_seed_gives_a_sensible_map(path):
    text = path.read_text(encoding="utf-8")
    amap = extract(text)
    roles = derive(amap)
    assert roles.main is not None
    stated = [s for s in amap.statements if not s.implicit]
    assert len(stated) >= 3
    # Most of the argument hangs together under the main conclusion.
    reached = [s for s in stated if roles.side.get(s.id)]
    assert len(reached) >= len(stated) // 2


def test_the_opening_story_stays_out_of_the_argument_line(seed):
    # Past tense throughout, with a "would have" counterfactual: narration, not a reason.
    for words in ("2012", "would have stayed home"):
        assert "background" in find(seed, words).tags, words


def test_each_report_is_one_evidence_with_its_full_words_and_source(seed):
    by_text = {e.text: e for e in seed.evidence}
    report = next(e for t, e in by_text.items() if "reports today that" in t)
    assert report.source.author == "ProPublica" and "selling all of that collected data" in report.text
    said = next(e for t, e in by_text.items() if t.startswith("Brighton said"))
    assert "retailers" in said.text and said.source.author.startswith("Drew Brighton")
    # The reported claims stay in the argument line, backed by their reports.
    assert report.target == find(seed, "selling all of that collected data").id
    assert said.target == find(seed, "retailers", "might be interested").id
