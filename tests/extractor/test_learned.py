"""The shipped weights: read from JSON at run time, explained in words, no scikit-learn needed."""

from __future__ import annotations

import json
import subprocess
import sys

from argmap.extractor import extract
from argmap.extractor.learned import PAIR_CLASSES, WEIGHTS, Linear, explain, from_json, models, softmax


def test_the_weights_file_is_plain_json_with_every_model_and_its_licences():
    doc = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert set(doc["models"]) == {"main", "side", "pair", "link"}
    assert "CC BY-NC-SA" in doc["licence"] and "ODbL" in doc["licence"]
    assert len(doc["models"]["pair"]["bias"]) == len(PAIR_CLASSES)
    m = models()
    assert m.main is not None and m.pair is not None and m.side is not None and m.link is not None


def test_a_linear_model_scores_and_explains_its_largest_contributions():
    model = Linear(bias=(0.5,), weights={"opinion": (1.3,), "restated": (0.9,), "question": (-2.0,)})
    row = {"opinion": 1.0, "restated": 1.0, "last": 1.0}
    assert model.score(row) == 0.5 + 1.3 + 0.9
    words = explain(model, row, {"opinion": "i believe"}, "unit")
    assert words == "it says 'i believe' (+1.3), it is restated in the last paragraph (+0.9)"


def test_a_missing_model_is_left_to_the_rules():
    m = from_json({"main": {"bias": [0.0], "weights": {"first": [1.0]}}, "side": None})
    assert m.main is not None and m.side is None and m.pair is None and m.link is None


def test_softmax_is_a_distribution():
    p = softmax([1.0, 2.0, 3.0])
    assert abs(sum(p) - 1) < 1e-9 and p[2] > p[1] > p[0]


def test_the_main_conclusion_is_explained_by_its_weighted_cues():
    amap = extract("I believe the town should keep its library. It is the only warm place for many.")
    main = next(s for s in amap.statements if s.reason.startswith("main conclusion"))
    assert "should" in main.reason and "(+" in main.reason


def test_drafting_never_imports_scikit_learn():
    code = (
        "import sys, argmap; argmap.extract('We should act now, because it is late.'); "
        "print('sklearn' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_link_is_explained_by_its_rule_its_source_s_cue_and_its_direction():
    model = Linear(
        bias=(0.0, 0.0, 0.0),
        weights={
            "rule:link.reason_after": (0.0, 1.4, 0.0),
            "before.source.premise_opening": (0.0, 0.8, 0.0),
            "before.target.stance": (0.0, 0.5, 0.0),
            "distance": (0.0, -0.3, 0.0),
        },
    )
    row = {"rule:link.reason_after": 1.0, "before.source.premise_opening": 1.0, "before.target.stance": 1.0}
    words = explain(model, row, {"premise_opening": "because", "stance": "should"}, "pair", k=1)
    # The target's cue ('should') is another unit's words: that contribution is left out, not misworded.
    rule, cue = (
        "the rule link.reason_after (+1.4)",
        "it opens with 'because', and the target comes just before (+0.8)",
    )
    assert words == f"{rule}, {cue}"
    assert "should" not in words  # the target's cue words are another unit's: never shown as the source's


def test_every_link_of_a_draft_names_its_weighed_cues():
    amap = extract(
        "The council should keep the library open. It is the only warm place for many, because the "
        "town has no other hall. For example, the chess club meets there."
    )
    assert amap.inferences
    for inference in amap.inferences:
        assert "weighed:" in inference.reason and "(+" in inference.reason, inference.reason
