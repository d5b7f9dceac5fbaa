"""The CDCP scorer, on a comment written for the test in the corpus's file layout."""

from __future__ import annotations

import json

import pytest

from argmap.errors import InputError
from argmap.extractor import extract
from argmap.extractor.cdcp import read_comment, score_comments
from argmap.model import ArgumentMap, Inference, Source, Span, Statement

TEXT = "The fee is too high. I paid it twice last year. The agency should cut it."


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "00001.txt").write_text(TEXT, encoding="utf-8")
    ann = {
        "prop_offsets": [[0, 20], [21, 47], [48, 73]],
        "prop_labels": ["value", "testimony", "policy"],
        "reasons": [[[0, 0], 2]],
        "evidences": [[[1, 1], 0]],
    }
    (tmp_path / "00001.ann.json").write_text(json.dumps(ann), encoding="utf-8")
    return tmp_path


def test_a_comment_is_read_with_its_links_and_roots(folder):
    g = read_comment(folder / "00001.ann.json")
    assert g.links == {(0, 2), (1, 0)}
    assert g.roots == {2}
    assert TEXT[slice(*g.spans[2])] == "The agency should cut it."


def _map(links: list[tuple[int, int]]) -> ArgumentMap:
    spans = [(0, 20), (21, 47), (48, 73)]
    st = [
        Statement(id=f"s{k + 1}", text=TEXT[a:b], span=Span(start=a, end=b, text=TEXT[a:b]))
        for k, (a, b) in enumerate(spans)
    ]
    inf = [
        Inference(id=f"i{n}", premises=(f"s{p + 1}",), conclusion=f"s{c + 1}")
        for n, (p, c) in enumerate(links, 1)
    ]
    return ArgumentMap(id="m", source=Source(text=TEXT), statements=tuple(st), inferences=tuple(inf))


def test_the_figures_count_roots_and_links(folder):
    perfect = score_comments(lambda _t: _map([(0, 2), (1, 0)]), folder).figures
    assert perfect["main_acc"] == 1.0 and perfect["link_f1"] == 1.0 and perfect["seg_recall"] == 1.0
    half = score_comments(lambda _t: _map([(0, 2), (1, 2)]), folder).figures
    assert half["link_precision"] == 0.5 and half["link_recall"] == 0.5 and half["main_acc"] == 1.0
    wrong = score_comments(lambda _t: _map([(2, 0), (1, 0)]), folder).figures
    assert wrong["main_acc"] == 0.0


def test_the_extractor_runs_on_the_comment(folder):
    scores = score_comments(extract, folder)
    assert scores.texts == 1 and 0.0 <= scores.figures["link_f1"] <= 1.0


def test_an_absent_corpus_says_where_to_put_it(tmp_path, monkeypatch):
    monkeypatch.setattr("argmap.extractor.cdcp.corpus_dir", lambda: None)
    with pytest.raises(InputError, match="cdcp-train"):
        score_comments(extract)
