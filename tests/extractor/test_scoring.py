"""The scorer itself, on a tiny gold file written here (no corpus text), and the floor baseline."""

from pathlib import Path

import pytest

from argmap.extractor.scoring import corpus_dir, floor_extract, jaccard, read_gold, score_corpus
from argmap.model import ArgumentMap, Attack, Inference, Source, Span, Statement

TEXT = (
    "We should plant trees. They cool the streets. Some say they cost too much. But they pay for themselves."
)
XML = """<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="t1">
  <edu id="e1"><![CDATA[We should plant trees.]]></edu>
  <edu id="e2"><![CDATA[They cool the streets.]]></edu>
  <edu id="e3"><![CDATA[Some say they cost too much.]]></edu>
  <edu id="e4"><![CDATA[But they pay for themselves.]]></edu>
  <adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="opp"/><adu id="a4" type="pro"/>
  <edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e2" trg="a2" type="seg"/>
  <edge id="c3" src="e3" trg="a3" type="seg"/><edge id="c4" src="e4" trg="a4" type="seg"/>
  <edge id="c5" src="a2" trg="a1" type="sup"/>
  <edge id="c6" src="a3" trg="a1" type="reb"/>
  <edge id="c7" src="a4" trg="c6" type="und"/>
</arggraph>
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "t1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "t1.xml").write_text(XML, encoding="utf-8")
    return tmp_path


def test_jaccard():
    assert jaccard((0, 10), (0, 10)) == 1.0
    assert jaccard((0, 10), (5, 15)) == pytest.approx(5 / 15)
    assert jaccard((0, 1), (2, 3)) == 0.0


def test_read_gold(folder):
    gold = read_gold(folder / "t1.xml")
    assert gold.central == "a1"
    units = {u.id: u for u in gold.units}
    assert TEXT[units["a3"].start : units["a3"].end] == "Some say they cost too much."
    assert units["a3"].side == "opponent" and units["a3"].function == "attack"
    assert units["a4"].targets == {"a3", "a1"}  # either end of the undercut edge


def perfect(text: str) -> ArgumentMap:
    sents = [
        "We should plant trees.",
        "They cool the streets.",
        "Some say they cost too much.",
        "But they pay for themselves.",
    ]
    st = []
    for n, s in enumerate(sents, 1):
        at = text.index(s)
        st.append(Statement(id=f"s{n}", text=s, span=Span(start=at, end=at + len(s), text=s)))
    return ArgumentMap(
        id="p",
        source=Source(text=text),
        statements=tuple(st),
        inferences=(Inference(id="i1", premises=("s2",), conclusion="s1"),),
        attacks=(Attack(id="a1", source="s3", target="s1"), Attack(id="a2", source="s4", target="s3")),
    )


def test_a_perfect_reading_scores_one(folder):
    scores = score_corpus(perfect, folder)
    assert all(v == 1.0 for v in scores.figures.values()), scores.line()


def test_the_floor_reading_scores_less(folder):
    scores = score_corpus(floor_extract, folder)
    assert scores.figures["cc_acc"] == 1.0
    assert scores.figures["role_f1"] < 1.0 and scores.figures["func_f1"] < 1.0
    # Every unit hangs on a1, which is right for all three: a4's undercut counts either end of a3 -> a1.
    assert scores.figures["attach_acc"] == 1.0
    # All three read as support: support F1 = 2*1 / (2*1 + 2 false) = 0.5, attack F1 = 0; macro 0.25.
    assert scores.figures["func_f1"] == pytest.approx(0.25)


@pytest.mark.corpus
def test_floor_baseline_on_the_corpus_matches_the_issue():
    folder = corpus_dir()
    if folder is None:
        pytest.skip("arg-microtexts-en corpus absent: put it at ../shared/corpora/ or set ARGMAP_CORPUS")
    f = score_corpus(floor_extract, folder).figures
    assert (
        round(f["cc_acc"], 2),
        round(f["role_f1"], 2),
        round(f["func_f1"], 2),
        round(f["attach_acc"], 2),
    ) == (
        0.47,
        0.41,
        0.32,
        0.30,
    )


def test_keep_picks_texts_by_name(folder):
    assert score_corpus(perfect, folder, keep=lambda name: name == "t1").texts == 1
    none = score_corpus(perfect, folder, keep=lambda name: False)
    assert none.texts == 0 and none.figures["cc_acc"] == 0.0
