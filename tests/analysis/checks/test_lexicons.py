"""Every lexicon: its patterns compile, one sentence fires it and one innocent sentence does not."""

import re

import pytest

from argmap.analysis.checks import lexicons as lx
from argmap.analysis.checks.language import cues

TABLES = {
    name: getattr(lx, name) for name in dir(lx) if name.isupper() and isinstance(getattr(lx, name), tuple)
}

CASES = {
    "AD_HOMINEM": ("Coming from a known liar, that is rich.", "The figures are out of date."),
    "LOADED": ("This outrageous plan is a disgrace.", "This plan costs two million."),
    "ABSOLUTES": ("Politicians never keep promises.", "Politicians rarely keep promises."),
    "HEDGES": ("Prices may rise.", "Prices rose."),
    "PREDICTION": ("Prices will rise next year.", "Prices rose last year."),
    "NOT_A_FORECAST": ("Prices should fall.", "Prices fall."),
    "REPORTED": ("Critics say it is unfair.", "It is unfair."),
    "SLIPPERY_SLOPE": ("This opens the floodgates.", "This opens the shop."),
    "CHAIN_LINKS": ("It will lead to chaos.", "It is chaos."),
    "POPULARITY": ("Most people think so.", "Some researchers disagree."),
    "DILEMMA": ("Either we act now or we lose.", "We act now."),
    "CAUSAL": ("Smoking causes cancer.", "Smokers are people."),
    "GENERAL": ("All cats are black.", "This cat is black."),
    "EXAMPLE": ("For example, my landlord raised the rent.", "The rent went up."),
    "VAGUE_SOURCE": ("A recent council review found fewer cars.", "Fewer cars use the road."),
    "SOURCE_NAMED": ("The county recorded fourteen collisions.", "Some people recorded collisions."),
    "FIGURE": ("Traffic fell by 23 percent.", "Traffic fell sharply."),
    "SUCCESS": ("The scheme is cheap and it works.", "The scheme is cheap."),
    "MEASURE": ("Crashes fell by a third.", "Crashes are bad."),
    "STRAWMAN": ("Critics would have us believe nothing changes.", "Critics say shops lose trade."),
    "CONSEQUENCE": ("The closures will pay for themselves.", "The closures are on Tuesdays."),
}


def test_every_lexicon_has_a_case():
    assert set(TABLES) == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_lexicon_fires_and_stays_quiet(name):
    table = TABLES[name]
    for pattern, label in table:
        re.compile(pattern)
        assert label
    fires, quiet = CASES[name]
    assert cues(table, fires), fires
    assert not cues(table, quiet), quiet


def test_curly_apostrophes_match_straight_patterns():
    assert cues(lx.PREDICTION, "Wal-Mart won’t get an offer")
