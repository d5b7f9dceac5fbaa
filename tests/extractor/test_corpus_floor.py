"""Guard the extractor's figures on the arg-microtexts corpus: a change that makes extraction worse fails.

The floors are the figures reached (see the issue 3 closing note) less a margin of about 0.02:
seg_recall .951, seg_precision .958, cc_acc .920, role_f1 .841, func_f1 .835, attach_acc .700.
"""

import pytest

from argmap.extractor import extract
from argmap.extractor.scoring import corpus_dir, score_corpus

FLOORS = {
    "seg_recall": 0.93,
    "seg_precision": 0.93,
    "cc_acc": 0.90,
    "role_f1": 0.82,
    "func_f1": 0.81,
    "attach_acc": 0.68,
}


@pytest.fixture(scope="module")
def scores():
    folder = corpus_dir()
    if folder is None:
        pytest.skip("arg-microtexts-en corpus absent: put it at ../shared/corpora/ or set ARGMAP_CORPUS")
    return score_corpus(extract, folder)


@pytest.mark.corpus
@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_figure_stays_above_its_floor(scores, figure):
    assert scores.texts == 112
    assert scores.figures[figure] >= FLOORS[figure], scores.line()
