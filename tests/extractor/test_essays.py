"""The essay reader and scorer (argmap.extractor.essays), on essays written for the test and on the corpus."""

from __future__ import annotations

import pytest

from argmap.errors import FormatError
from argmap.extractor import extract
from argmap.extractor.essays import FOLDER, intro_end_extract, overlap, read_essay, read_essays, score_essays
from argmap.model import ArgumentMap, Attack, Inference, Source, Span, Statement
from argmap.roles import derive

ESSAY = """% writer: the test
% split: train

Buses are slow. {M|The town should pay for more buses.}

{C1>M|More buses would cut traffic.} {P1>C1|Drivers would leave their cars at home.}

{O1>M|Some people say the town cannot afford it.} {OP1>O1|Its budget is already tight.}
{R1>O1|But the buses would pay for themselves in fares.}

{MR>M|In short, the town should fund more buses.}
"""


@pytest.fixture()
def essay(tmp_path):
    path = tmp_path / "x01.txt"
    path.write_text(ESSAY, encoding="utf-8")
    return read_essay(path)


def test_markers_are_removed_and_units_keep_their_words(essay):
    assert "{" not in essay.text and "|" not in essay.text
    assert essay.text.startswith("Buses are slow. The town should pay for more buses.")
    words = {u.id: essay.text[u.start : u.end] for u in essay.units}
    assert words["M"] == "The town should pay for more buses."
    assert words["OP1"] == "Its budget is already tight."
    assert essay.unit("R1").target == "O1" and essay.unit("R1").kind == "R"
    assert essay.split == "train" and essay.meta["writer"] == "the test"


def test_the_other_side_runs_through_its_reasons_not_the_answer(essay):
    side = {u.id: u.opponent for u in essay.units}
    assert side == {"M": False, "C1": False, "P1": False, "O1": True, "OP1": True, "R1": False, "MR": False}


@pytest.mark.parametrize(
    ("body", "message", "line"),
    [
        ("Text.\n\n{M|A claim.\n", "not closed", 5),
        ("{M|A claim.}\n\n{P1>C9|A reason.}\n", "needs a target", 5),
        ("{M|A claim.}\n{X1>M|What?}\n", "unknown unit id", 4),
        ("{C1>M|No thesis here.}\n", "no major claim", None),
        ("{M|A claim.} {R1>M|An answer to nothing.}\n", "needs a target of kind O, OP", 3),
        ("{M|A claim.} A stray } here.\n", "stray", 3),
    ],
)
def test_a_malformed_essay_names_its_file_and_line(tmp_path, body, message, line):
    path = tmp_path / "bad.txt"
    path.write_text("% split: train\n\n" + body, encoding="utf-8")
    with pytest.raises(FormatError) as err:
        read_essay(path)
    assert message in str(err.value) and "bad.txt" in str(err.value)
    assert err.value.line == line


def _map(
    essay, units: dict[str, str], attacks: list[tuple[str, str]], supports: list[tuple[str, str]]
) -> ArgumentMap:
    """A map whose statements are the named gold units' spans (``units``: statement id -> unit id)."""
    st = []
    for sid, uid in units.items():
        u = essay.unit(uid)
        words = essay.text[u.start : u.end]
        st.append(Statement(id=sid, text=words, span=Span(start=u.start, end=u.end, text=words)))
    inf = [Inference(id=f"i{n}", premises=(p,), conclusion=c) for n, (p, c) in enumerate(supports, 1)]
    att = [Attack(id=f"a{n}", source=s, target=t) for n, (s, t) in enumerate(attacks, 1)]
    return ArgumentMap(
        id="m",
        source=Source(text=essay.text),
        statements=tuple(st),
        inferences=tuple(inf),
        attacks=tuple(att),
    )


def test_a_perfect_map_scores_one_everywhere(essay):
    ids = {"s1": "M", "s2": "C1", "s3": "P1", "s4": "O1", "s5": "OP1", "s6": "R1", "s7": "MR"}
    amap = _map(
        essay,
        ids,
        attacks=[("s4", "s1"), ("s6", "s4")],
        supports=[("s2", "s1"), ("s3", "s2"), ("s5", "s4"), ("s7", "s1")],
    )
    assert derive(amap).main == "s1"
    f = score_essays(lambda _t: amap, [essay])
    assert f["main_acc"] == 1.0 and f["objection_f1"] == 1.0 and f["rebuttal_f1"] == 1.0
    assert f["attach_acc"] == 1.0 and f["invented_objections"] == 0


def test_a_restatement_chosen_as_main_is_wrong_but_counted_apart(essay):
    amap = _map(essay, {"s1": "MR", "s2": "M"}, attacks=[], supports=[("s2", "s1")])
    f = score_essays(lambda _t: amap, [essay])
    assert f["main_acc"] == 0.0 and f["main_or_restated"] == 1.0
    assert f["objection_recall"] == 0.0 and f["objection_precision"] == 0.0


def test_an_objection_where_the_essay_has_none_is_counted_as_invented(tmp_path):
    path = tmp_path / "y01.txt"
    path.write_text("{M|Parks matter.} {C1>M|They cool the town, but they cost little.}\n", encoding="utf-8")
    essay = read_essay(path)
    amap = _map(essay, {"s1": "M", "s2": "C1"}, attacks=[("s2", "s1")], supports=[])
    f = score_essays(lambda _t: amap, [essay])
    assert f["invented_objections"] == 1 and f["objection_precision"] == 0.0


def test_spans_match_at_half_their_tokens():
    a = frozenset(range(10))
    assert overlap(a, frozenset(range(5))) == 0.5
    assert overlap(a, frozenset(range(4))) < 0.5
    assert overlap(a, frozenset()) == 0.0


def test_the_baseline_takes_the_last_sentence_of_the_introduction(tmp_path):
    text = (
        "A Title\n\nBuses are slow. The town should pay for buses.\n\nMore buses cut traffic. Drivers agree."
    )
    amap = intro_end_extract(text)
    main = derive(amap).main
    assert next(s.text for s in amap.statements if s.id == main) == "The town should pay for buses."


def test_the_corpus_reads_with_a_held_out_split():
    essays = read_essays()
    assert len(essays) >= 30 and FOLDER.is_dir()
    held_out = [e for e in essays if e.split == "test"]
    assert len(held_out) == 10
    for e in essays:
        words = len(e.text.split())
        assert 240 <= words <= 460, (e.name, words)
        assert sum(u.kind == "M" for u in e.units) == 1
    without = [e for e in essays if not any(u.opponent for u in e.units)]
    assert len(without) >= len(essays) // 3  # many essays give no voice to the other side


def test_the_extractor_runs_on_every_essay_and_is_scored():
    essays = read_essays(split="train")[:3]
    f = score_essays(extract, essays)
    assert 0.0 <= f["main_acc"] <= 1.0 and 0.0 <= f["objection_f1"] <= 1.0


def test_training_reads_the_train_essays_only_and_fits_without_them():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    import train as T

    written = T.essays()
    assert len(written) == 30 and all(g.corpus == "essays" for g in written)
    held_out = {e.name for e in read_essays(split="test")}
    assert not held_out & {g.name for g in written}
    g = written[0]
    assert len(g.main) == 1 and all(kind in ("support", "attack") for kind in g.links.values())
    # a fit on texts that show no title nor paragraph keeps the judged weights (and does not fail)
    models = T.train(written[:0] + [w for w in written if w.name == "e01"])
    assert models["main"]["judged"] == sorted(T.JUDGED)  # type: ignore[index]
