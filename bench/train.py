"""Fit the extractor's three linear models on ../shared/corpora and write src/argmap/extractor/weights.json.

``make train`` runs this. The same corpora give the same file, byte for byte: the texts are read in name
order, the solver (lbfgs logistic regression) is deterministic, and weights are rounded to four decimals.

Training data (never copied into the project; read at run time):
- arg-microtexts-en (112 texts, CC BY-NC-SA): central claim, each unit's side and link (support / attack);
- cdcp-train (581 comments, ODbL): the roots (claims argued for, arguing for nothing) and the support links;
  every unit is the writer's own (the scheme has no attacks). Comments without a link say nothing of the
  main claim and give no main-conclusion rows.

Each text is segmented by the extractor itself; a unit takes the labels of the gold unit it matches (character
Jaccard >= 0.5), an unmatched unit gives no rows. Each corpus weighs ``SHARE`` in each fit (each row weighs
its corpus's share / its corpus's number of rows). Four rounds: the main-conclusion model; then, with it, the
side model (on the units the voice rules gave the other side); then, with both, the pair model (support /
attack / none on every candidate pair of ``relations.candidates_of``) and the link model (does a unit link).

Usage: python bench/train.py [--out PATH] [--only microtexts|cdcp|essays] [--check]
(--check: fit and compare with the file byte for byte, exit 1 if it differs: `make train` is reproducible)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from argmap.extractor import Segmented, decide, segment
from argmap.extractor import cdcp as cdcp_corpus
from argmap.extractor import essays as essay_corpus
from argmap.extractor import scoring as micro_corpus
from argmap.extractor.features import link_rows
from argmap.extractor.learned import PAIR_CLASSES, WEIGHTS, Models, from_json
from argmap.extractor.relations import pair_rows
from argmap.extractor.scoring import jaccard

C = 1.0  # inverse regularisation strength of every fit (scikit-learn's default)
# The pair model reads ~300 features (its units' cues joined to the link's direction) from ~450 microtext
# links and ~1,100 comment links: it is regularised ten times more than the others. Measured (5-fold CV,
# pooled, before the essays): C 1.0 gave microtext attachment .644, CDCP link F1 .173; C 0.1 .672 and .176.
PAIR_C = 0.1
DIGITS = 4
# Main-conclusion features that few training texts show (the corpora have no titles and no paragraphs; the
# essays have paragraphs, one has a title): their weights are set by judgement, as small as the learned
# positional weights, and marked so in the file.
JUDGED = {"title": 1.5, "intro_end": 1.0, "restated": 1.0, "last_paragraph": 0.5, "paragraph_opening": 0.3}
JUDGED_MIN_TEXTS = 10  # a judged feature is learned once this many training texts show it
ONE_CLASS = 4.0  # the log-odds given where the data holds one class only (about 98%)


@dataclass(frozen=True)
class Gold:
    """One annotated text in a common shape: unit spans, main units, sides, links (source, target) -> kind."""

    corpus: str
    name: str
    text: str
    spans: tuple[tuple[int, int], ...]
    main: frozenset[int]
    opponent: frozenset[int]
    links: dict[tuple[int, int], str]


def microtexts() -> list[Gold]:
    """The arg-microtexts in the common shape (empty if the corpus is absent)."""
    folder = micro_corpus.corpus_dir()
    out = []
    for g in micro_corpus.read_corpus(folder) if folder else []:
        index = {u.id: k for k, u in enumerate(g.units)}
        links = {
            (index[u.id], index[t]): u.function
            for u in g.units
            if u.function
            for t in u.targets
            if t in index
        }
        out.append(
            Gold(
                corpus="microtexts",
                name=g.name,
                text=g.text,
                spans=tuple((u.start, u.end) for u in g.units),
                main=frozenset({index[g.central]}) if g.central in index else frozenset(),
                opponent=frozenset(index[u.id] for u in g.units if u.side == "opponent"),
                links={k: v for k, v in links.items() if v},
            )
        )
    return out


def comments() -> list[Gold]:
    """The cdcp-train comments in the common shape (empty if the corpus is absent)."""
    folder = cdcp_corpus.corpus_dir()
    return [
        Gold(
            corpus="cdcp",
            name=g.name,
            text=g.text,
            spans=g.spans,
            main=g.roots,
            opponent=frozenset(),
            links={link: "support" for link in g.links},
        )
        for g in (cdcp_corpus.read_corpus(folder) if folder else [])
    ]


_ESSAY_LINK = {"MR": "support", "C": "support", "P": "support", "OP": "support", "O": "attack", "R": "attack"}


def essays(split: str | None = "train") -> list[Gold]:
    """The essays written for Argmap (tests/extractor/essays/) in the common shape: the major claim is the
    main unit (its restatements are not), the other side's units are the opponent's, every unit links to its
    target. ``split``: "train" (the default: the held-out "test" essays are never trained on), "test", None
    (all)."""
    out = []
    for e in essay_corpus.read_essays(split=split):
        index = {u.id: k for k, u in enumerate(e.units)}
        out.append(
            Gold(
                corpus="essays",
                name=e.name,
                text=e.text,
                spans=tuple((u.start, u.end) for u in e.units),
                main=frozenset({index["M"]}),
                opponent=frozenset(k for k, u in enumerate(e.units) if u.opponent),
                links={(index[u.id], index[u.target]): _ESSAY_LINK[u.kind] for u in e.units if u.target},
            )
        )
    return out


def matched(seg: Segmented, gold: Gold) -> dict[int, int]:
    """Each unit's gold unit (best character Jaccard >= 0.5)."""
    out = {}
    for n, u in enumerate(seg.units):
        span = seg.norm.original(u.start, u.end)
        score, k = max(((jaccard(span, g), k) for k, g in enumerate(gold.spans)), default=(0.0, -1))
        if score >= 0.5:
            out[n] = k
    return out


def _fit(
    rows: list[dict[str, float]],
    labels: list[str],
    weights: list[float],
    classes: tuple[str, ...],
    intercept: bool = True,
    c: float = C,
) -> dict[str, object] | None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if not rows:
        return None  # nothing to learn from (a side model on a corpus without sides): the rules decide
    if len(set(labels)) == 1:  # one class only (every microtext unit links): a constant, sure score
        sign = 1.0 if labels[0] == classes[-1] else -1.0
        return {"bias": [ONE_CLASS * sign], "weights": {}} if len(classes) == 2 else None
    vec = DictVectorizer(sparse=False, sort=True)
    x = vec.fit_transform(rows)
    present = [c for c in classes if c in set(labels)]
    model = LogisticRegression(C=c, max_iter=5000, fit_intercept=intercept)
    model.fit(x, labels, sample_weight=weights)
    names = vec.get_feature_names_out()
    if len(present) == 2 and len(classes) == 2:  # binary: one output, for the positive class classes[1]
        coef = model.coef_[0] if model.classes_[1] == classes[1] else -model.coef_[0]
        bias = model.intercept_[0] if model.classes_[1] == classes[1] else -model.intercept_[0]
        return {
            "bias": [round(float(bias), DIGITS)],
            "weights": {str(n): [round(float(w), DIGITS)] for n, w in zip(names, coef, strict=True)},
        }
    seen = list(model.classes_)
    if len(seen) == 2:  # a multinomial fit on two classes returns one row: the second class against the first
        coef = [[-float(w) / 2 for w in model.coef_[0]], [float(w) / 2 for w in model.coef_[0]]]
        icpt = [-float(model.intercept_[0]) / 2, float(model.intercept_[0]) / 2]
    else:
        coef = [[float(w) for w in row] for row in model.coef_]
        icpt = [float(b) for b in model.intercept_]
    # A class the data never shows (attacks, in a corpus without them) gets a sure "no".
    bias = [round(icpt[seen.index(c)], DIGITS) if c in seen else -2 * ONE_CLASS for c in classes]
    return {
        "bias": bias,
        "weights": {
            str(n): [round(coef[seen.index(c)][col], DIGITS) if c in seen else 0.0 for c in classes]
            for col, n in enumerate(names)
        },
    }


# A corpus's weight in a fit relative to the others. The microtexts weigh five times the comments: measured
# (share 1, 3, 5), more weight on them raised the microtext figures (cc_acc .848, .884, .902) for a small cost
# on the comments (main_acc .407, .409, .395; link_f1 .162, .165, .163); short texts are what people paste.
SHARE: dict[str, float] = {"microtexts": 5.0, "essays": 0.5}


def _balance(corpora: list[str]) -> list[float]:
    counts = {c: corpora.count(c) for c in set(corpora)}
    return [SHARE.get(c, 1.0) * len(corpora) / (len(counts) * counts[c]) for c in corpora]


def train(texts: Iterable[Gold], segmented: dict[str, Segmented] | None = None) -> dict[str, object]:
    """The four models, fitted on ``texts`` (see the module docstring); ``segmented`` caches segments."""
    texts = list(texts)
    cache = segmented if segmented is not None else {}
    segs = []
    for g in texts:
        key = f"{g.corpus}/{g.name}"
        if key not in cache:
            cache[key] = segment(g.text)
        segs.append(cache[key])
    matches = [matched(s, g) for s, g in zip(segs, texts, strict=True)]
    models: dict[str, object] = {}

    # 1. The main conclusion, a choice among a text's units: fitted on pairs (a gold main unit, another unit)
    # as the difference of their features, both ways round (a conditional logit by pairwise comparison).
    rows, labels, corpora = [], [], []
    shown: dict[str, int] = {}  # texts showing each judged feature
    for seg, g, m in zip(segs, texts, matches, strict=True):
        if not g.main:
            continue
        read = decide(seg, Models(None, None, None))
        for name in {k for row in read.plan.rows for k, v in row.items() if v and k in JUDGED}:
            shown[name] = shown.get(name, 0) + 1
        good = [n for n, k in m.items() if k in g.main]
        # Against every other unit (only the candidates compete at run time, but comparing with all of them
        # measured better on both corpora than comparing with the candidates only).
        others = [n for n in range(len(seg.units)) if n not in good]
        for a in good:
            for b in others:
                x, y = read.plan.rows[a], read.plan.rows[b]
                diff = {k: x.get(k, 0.0) - y.get(k, 0.0) for k in x.keys() | y.keys()}
                rows += [diff, {k: -v for k, v in diff.items()}]
                labels += ["main", "other"]
                corpora += [g.corpus, g.corpus]
    fitted = _fit(rows, labels, _balance(corpora), ("other", "main"), intercept=False)
    assert fitted is not None
    weights = fitted["weights"]
    assert isinstance(weights, dict)
    # Too few texts to learn from (one essay has a title): the judged weight stands.
    judged = sorted(name for name in JUDGED if shown.get(name, 0) < JUDGED_MIN_TEXTS)
    for name in judged:
        weights[name] = [JUDGED[name]]
    fitted["judged"] = judged
    models["main"] = fitted

    # 2. The other side's voice, on the units the rules gave it.
    with_main = from_json({"main": models["main"]} | {"side": None, "pair": None})  # type: ignore[operator]
    rows, labels, corpora = [], [], []
    for seg, g, m in zip(segs, texts, matches, strict=True):
        if g.corpus == "cdcp":
            continue  # the CDCP scheme annotates no attacks: its units' sides are unknown, not the author's
        read = decide(seg, with_main)
        for n, row in read.plan.side_rows.items():
            if n in m:
                rows.append(row)
                labels.append("opponent" if m[n] in g.opponent else "author")
                corpora.append(g.corpus)
    models["side"] = _fit(rows, labels, _balance(corpora), ("author", "opponent"))

    # 3. Support, attack or nothing, on every candidate pair.
    with_side = from_json({"main": models["main"], "side": models["side"], "pair": None})  # type: ignore[dict-item]
    rows, labels, corpora = [], [], []
    for seg, g, m in zip(segs, texts, matches, strict=True):
        read = decide(seg, with_side)
        if read.plan.main is None:
            continue
        for (i, j), row in pair_rows(read.plan.readings, read.plan.main, read.plan.rows).items():
            if i not in m or (g.corpus == "cdcp" and "sides_differ" in row):
                continue  # CDCP annotates no attacks: a link across sides there is unknown, not "none"
            label = g.links.get((m[i], m[j]), "none") if j in m else "none"
            rows.append(row)
            labels.append(label)
            corpora.append(g.corpus)
    models["pair"] = _fit(rows, labels, _balance(corpora), PAIR_CLASSES, c=PAIR_C)

    # 4. Does a unit link to anything at all? Every matched unit but the main one.
    rows, labels, corpora = [], [], []
    for seg, g, m in zip(segs, texts, matches, strict=True):
        read = decide(seg, with_side)
        outgoing = {s for s, _ in g.links}
        for n, row in enumerate(link_rows(read.plan.readings, read.plan.rows)):
            if n in m and m[n] not in g.main:
                rows.append(row)
                labels.append("linked" if m[n] in outgoing else "alone")
                corpora.append(g.corpus)
    models["link"] = _fit(rows, labels, _balance(corpora), ("alone", "linked"))
    return models


def document(models: dict[str, object], texts: list[Gold]) -> dict[str, object]:
    """The weights file: the models, and what they were trained on under which licence."""
    used = sorted({g.corpus for g in texts})
    licences = {
        "microtexts": "arg-microtexts-en (Peldszus & Stede), CC BY-NC-SA 4.0",
        "cdcp": "cdcp-train (Cornell eRulemaking Corpus, Park & Cardie), ODbL 1.0 / DbCL 1.0",
        "essays": "essays written for Argmap (tests/extractor/essays, train split), the project licence",
    }
    return {
        "about": "Linear models of argmap.extractor (learned.py), fitted by `make train` (bench/train.py).",
        "trained_on": [licences[c] for c in used],
        "licence": "These weights are derived from the data above and carry its licences: "
        + "; ".join(licences[c] for c in used),
        "texts": {c: sum(1 for g in texts if g.corpus == c) for c in used},
        "models": models,
    }


def main() -> None:
    """Fit on the corpora present and write the weights file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--only", choices=("microtexts", "cdcp", "essays"))
    parser.add_argument(
        "--check", action="store_true", help="fit, and fail unless the result is byte for byte the file --out"
    )
    args = parser.parse_args()
    texts = [g for g in microtexts() + comments() + essays() if args.only in (None, g.corpus)]
    if not texts:
        sys.exit("no corpus found: put arg-microtexts-en and cdcp-train in ../shared/corpora/")
    doc = document(train(texts), texts)
    data = json.dumps(doc, indent=1, sort_keys=True) + "\n"
    if args.check:  # reproducible: the same corpora give the same bytes
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == data
        print(f"{args.out}: {'the same bytes' if same else 'DIFFERS from a fresh fit'}")
        sys.exit(0 if same else 1)
    args.out.write_text(data, encoding="utf-8")
    counts = ", ".join(f"{n} {c}" for c, n in doc["texts"].items())  # type: ignore[union-attr]
    print(f"wrote {args.out} ({counts})")


if __name__ == "__main__":
    main()
