"""The lexicons are data: lowercase phrases, no stray spaces, no phrase listed twice in one table."""

import pytest

from argmap.extractor import cues

TABLES = {name: value for name, value in vars(cues).items() if name.isupper() and isinstance(value, tuple)}


def test_the_lexicons_are_there():
    for name in ("CONCLUSION", "PREMISE", "OPPONENT", "COUNTER", "CAUSAL_FORWARD", "REPORTING", "RHETORICAL"):
        assert len(TABLES[name]) >= 5, name


@pytest.mark.parametrize("name", sorted(TABLES))
def test_phrases_are_clean(name):
    table = TABLES[name]
    assert all(isinstance(p, str) and p == p.strip() and p for p in table), name
    assert all(p == p.lower() for p in table), name
    assert len(set(table)) == len(table), f"{name} lists a phrase twice"
