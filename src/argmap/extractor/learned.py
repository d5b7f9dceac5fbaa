"""The learned linear scores, read at run time from ``weights.json`` (no scikit-learn, no pickle).

``weights.json`` holds three small linear models fitted by ``make train`` (``bench/train.py``) on
``../shared/corpora`` (arg-microtexts-en, CC BY-NC-SA, and cdcp-train, ODbL: the weights carry both licences):

- ``main``: a unit's score as the text's main conclusion (logistic; the best-scoring candidate wins);
- ``side``: the log-odds that a unit voices the other side (an objection or its reasons);
- ``pair``: for an ordered pair of units, the probabilities of support, attack and nothing (multinomial);
- ``link``: the log-odds that a unit links to anything at all (a reason, an objection) rather than standing
  alone (a claim of its own, testimony told for itself, an aside).

A model is a bias and a weight per feature name (:mod:`argmap.extractor.features`); a feature absent from a
row is 0. :func:`explain` words a score from its largest contributions.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from argmap.extractor.features import WORDS, Row

WEIGHTS = Path(__file__).with_name("weights.json")
PAIR_CLASSES = ("none", "support", "attack")


@dataclass(frozen=True)
class Linear:
    """One linear model: a bias and a weight per feature (several of each for a multinomial model)."""

    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def scores(self, row: Row) -> list[float]:
        """The model's raw score(s) for one row of features."""
        out = list(self.bias)
        for name, value in row.items():
            w = self.weights.get(name)
            if w is not None and value:
                for k, wk in enumerate(w):
                    out[k] += wk * value
        return out

    def score(self, row: Row) -> float:
        """The raw score of a one-output model."""
        return self.scores(row)[0]

    def contributions(self, row: Row, k: int = 0) -> list[tuple[str, float]]:
        """Each firing feature's share of output ``k``, largest first."""
        parts = [(n, self.weights[n][k] * v) for n, v in row.items() if n in self.weights and v]
        return sorted(parts, key=lambda p: (-abs(p[1]), p[0]))


@dataclass(frozen=True)
class Models:
    """The three models of ``weights.json`` (one left out, ``None``, leaves its decision to the rules)."""

    main: Linear | None
    side: Linear | None
    pair: Linear | None
    link: Linear | None = None


def _linear(data: dict[str, object]) -> Linear:
    bias = data["bias"]
    weights = data["weights"]  # (a "judged" list names the weights set by judgement, not learned)
    assert isinstance(bias, list) and isinstance(weights, dict)
    return Linear(
        tuple(float(b) for b in bias), {str(k): tuple(float(x) for x in v) for k, v in weights.items()}
    )


def from_json(data: dict[str, dict[str, object] | None]) -> Models:
    """Models from the parsed ``weights.json`` ``models`` (a model missing or ``None`` is left out)."""
    parts: dict[str, Linear | None] = {}
    for k in ("main", "side", "pair", "link"):
        v = data.get(k)
        parts[k] = _linear(v) if v else None
    return Models(main=parts["main"], side=parts["side"], pair=parts["pair"], link=parts["link"])


@lru_cache(maxsize=1)
def models() -> Models:
    """The shipped models (read once)."""
    if not WEIGHTS.exists():  # before the first `make train`: the rules decide alone
        return Models(None, None, None)
    return from_json(json.loads(WEIGHTS.read_text(encoding="utf-8"))["models"])


def softmax(scores: list[float]) -> list[float]:
    """Probabilities from raw scores."""
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    total = sum(exp)
    return [e / total for e in exp]


def weighed(
    model: Linear, row: Row, cues: dict[str, str], prefix: str, k: int = 0, top: int = 3
) -> list[tuple[str, str]]:
    """The largest positive contributions: (feature name, words), "opens with 'I believe' (+1.3)"."""
    parts: list[tuple[str, str]] = []
    for name, share in model.contributions(row, k):
        if share <= 0 or len(parts) == top:
            continue
        base, _, rule = name.partition(":")  # "rule:link.example": the rule's own weight, named by its id
        words = f"the rule {rule}" if base == "rule" and rule else WORDS.get(f"{prefix}.{base}", base)
        # The cue words are the explained unit's own: a source's cue, never the target's (another unit's).
        key = "" if "target." in base else base.rpartition("source.")[2]
        cue = cues.get(key, "")
        if "{cue}" in words and not cue:
            continue  # no cue words to show (another unit's): the next contribution explains better
        parts.append((name, f"{words.format(cue=cue)} ({share:+.1f})"))
    return parts


def explain(model: Linear, row: Row, cues: dict[str, str], prefix: str, k: int = 0, top: int = 3) -> str:
    """The largest positive contributions in words: "opens with 'I believe' (+1.3), restated ... (+0.9)"."""
    return ", ".join(words for _, words in weighed(model, row, cues, prefix, k, top))
