from pathlib import Path

import pytest

from argmap.edit.fragments import fragments, is_fragment, join
from argmap.errors import EditError
from argmap.extractor import extract
from argmap.model import ArgumentMap, Inference, Statement

PIECE = Path(__file__).resolve().parents[1] / "classroom" / "pieces" / "homework.txt"


@pytest.fixture
def draft() -> ArgumentMap:
    return extract(PIECE.read_text(encoding="utf-8"))


def _id_of(amap: ArgumentMap, starts: str) -> str:
    return next(s.id for s in amap.statements if s.text.startswith(starts))


def test_the_drafts_clause_fragments_are_found(draft):
    found = {draft.statement(i).text for i in fragments(draft)}
    assert "Third, homework widens the gap between pupils," in found
    assert "Let children be children after school:" in found
    assert "Primary schools should stop giving homework." not in found


def test_two_fragments_become_one_statement_with_their_words_and_links(draft):
    gap = _id_of(draft, "Third, homework widens")
    cause = _id_of(draft, "because some parents")
    thesis = _id_of(draft, "Primary schools")
    joined, keep = join(draft, [cause, gap])
    assert keep == gap  # the first in the piece
    s = joined.statement(keep)
    assert (
        s.text
        == "Third, homework widens the gap between pupils, because some parents can help and others cannot."
    )
    assert s.span.text == joined.source.text[s.span.start : s.span.end]
    assert cause not in joined.ids()
    assert any(i.conclusion == thesis and keep in i.premises for i in joined.inferences)
    assert not any(keep in i.premises and i.conclusion == keep for i in joined.inferences)
    assert len(joined.statements) == len(draft.statements) - 1


def test_statements_without_spans_join_their_texts_in_map_order():
    m = ArgumentMap(
        id="m",
        statements=(Statement(id="a", text="We should act"), Statement(id="b", text="and act now."),
                    Statement(id="c", text="Costs rise.")),
        inferences=(Inference(id="i", premises=("c",), conclusion="b"),),
    )  # fmt: skip
    joined, keep = join(m, ["b", "a"])
    assert (keep, joined.statement("a").text) == ("a", "We should act and act now.")
    assert joined.inferences[0].conclusion == "a"
    assert is_fragment(m.statement("a")) and is_fragment(m.statement("b"))
    assert not is_fragment(m.statement("c"))


def test_joining_needs_two_statements(draft):
    with pytest.raises(EditError, match="at least two"):
        join(draft, ["s1"])
    with pytest.raises(EditError, match="'zz' is not a statement"):
        join(draft, ["s1", "zz"])
