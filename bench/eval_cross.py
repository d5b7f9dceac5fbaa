"""Honest figures for the extractor: on text its weights were not fitted on.

Prints, for the arg-microtexts (112 short texts) and the cdcp-train comments (581):

- the one-line baselines: the first sentence is the main claim and every other sentence supports it; for the
  pieces, also the last sentence of the introduction (the essay thesis);
- the rules alone (no learned model: every decision by the rules, main conclusion by position);
- the shipped weights (trained on both corpora: an in-sample fit, printed to compare, never the claim);
- cross-validated: 5 folds of each corpus, weights trained on the other four folds of it plus the whole other
  corpus and the train essays (as the shipped weights are), figures summed over the held-out folds;
- in-corpus cross-validation: the same folds, weights trained on that corpus alone;
- cross-corpus: weights trained on one corpus only, measured on the other;
- the blind pieces of tests/extractor/pieces/ (main conclusion found, by the words of their expectations);
- the essays written for Argmap (tests/extractor/essays/: 30 "train", 10 held out, never trained on), a
  third collection: the baselines (first sentence; last sentence of the introduction), the rules alone, the
  shipped weights, cross-corpus (trained on microtexts + cdcp only) and 5 folds of the train essays (weights
  trained on both corpora + the other 4 folds); main conclusion, objection and rebuttal span F1, invented
  objections and rebuttals, attachment (figures defined in argmap.extractor.essays).

Usage: python bench/eval_cross.py [--quick]   (--quick: the shipped weights, baselines and pieces only)
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "extractor"))

import train as T  # noqa: E402

from argmap.extractor import cdcp, extract, scoring  # noqa: E402
from argmap.extractor import essays as essay_corpus  # noqa: E402
from argmap.extractor.learned import Models, from_json  # noqa: E402
from argmap.extractor.learned import models as shipped
from argmap.model import ArgumentMap  # noqa: E402
from argmap.roles import derive  # noqa: E402

FOLDS = 5
RULES = Models(None, None, None)


def fold_of(name: str) -> int:
    """A text's fold: its number's remainder (names are in a stable order)."""
    digits = re.sub(r"\D", "", name)
    return int(digits or 0) % FOLDS


def _with(models: Models) -> Callable[[str], ArgumentMap]:
    return lambda text: extract(text, models=models)


def _micro(models: Models, keep: Callable[[str], bool] | None = None) -> dict[str, float]:
    return scoring.score_corpus(_with(models), keep=keep).figures


def _cdcp(models: Models, keep: Callable[[str], bool] | None = None) -> dict[str, float]:
    return cdcp.score_comments(_with(models), keep=keep).figures


def _show(label: str, micro: dict[str, float] | None, comments: dict[str, float] | None) -> None:
    parts = [f"{label:<34}"]
    if micro is not None:
        parts.append(
            "micro " + " ".join(f"{k} {micro[k]:.3f}" for k in ("cc_acc", "role_f1", "func_f1", "attach_acc"))
        )
    if comments is not None:
        parts.append("| cdcp " + " ".join(f"{k} {comments[k]:.3f}" for k in ("main_acc", "link_f1")))
    print("  ".join(parts), flush=True)


def _pooled_micro(runs: list[tuple[Models, int]]) -> dict[str, float]:
    """Figures over the held-out folds (each fold scored with its own weights, counts pooled)."""
    extractors = {fold: _with(models) for models, fold in runs}
    return scoring.score_corpus(lambda text: extractors[_fold_by_text["micro"][text]](text)).figures


def _pooled_cdcp(runs: list[tuple[Models, int]]) -> dict[str, float]:
    extractors = {fold: _with(models) for models, fold in runs}
    return cdcp.score_comments(lambda text: extractors[_fold_by_text["cdcp"][text]](text)).figures


_fold_by_text: dict[str, dict[str, int]] = {"micro": {}, "cdcp": {}}


def _essay_line(label: str, extractor: Callable[[str], ArgumentMap], split: dict[str, list]) -> None:
    parts = [f"{label:<34}"]
    for name, texts in split.items():
        if texts:
            parts.append(f"{name} " + essay_corpus.line(essay_corpus.score_essays(extractor, texts)))
    print("  |  ".join(parts), flush=True)


def essays(quick: bool, cache: dict, micro: list, comments: list) -> None:
    """The essays' figures (see the module docstring): train and held-out splits on separate columns."""
    everything = essay_corpus.read_essays()
    split = {
        "train": [e for e in everything if e.split == "train"],
        "held-out": [e for e in everything if e.split == "test"],
    }
    print(f"\nessays ({len(split['train'])} train, {len(split['held-out'])} held out, never trained on):")
    _essay_line("baseline: first sentence", scoring.floor_extract, split)
    _essay_line("baseline: last sentence of intro", essay_corpus.intro_end_extract, split)
    _essay_line("rules alone (no learned model)", _with(RULES), split)
    _essay_line("shipped weights", _with(shipped()), split)
    if quick:
        return
    _essay_line(
        "trained on micro + cdcp -> essays", _with(from_json(T.train(micro + comments, cache))), split
    )
    train_essays = T.essays("train")
    by_text: dict[str, Callable[[str], ArgumentMap]] = {}
    for k in range(FOLDS):
        rest = [g for g in train_essays if fold_of(g.name) != k]
        fitted = _with(from_json(T.train(micro + comments + rest, cache)))
        for g in train_essays:
            if fold_of(g.name) == k:
                by_text[g.text] = fitted
    _essay_line(
        f"CV, corpora + {FOLDS - 1} essay folds", lambda text: by_text[text](text), {"train": split["train"]}
    )


def pieces(models: Models) -> tuple[int, int, int, int]:
    """Blind pieces: (main found by the extractor, by the first sentence, by the introduction's last
    sentence, pieces)."""
    from test_pieces import EXPECTED, PIECES  # the expectations, written before the extractor saw the pieces

    ok = first = intro = n = 0
    for name, want in EXPECTED.items():
        path = PIECES / name if (PIECES / name).exists() else PIECES / "long" / name
        text = path.read_text(encoding="utf-8")
        amap = extract(text, models=models)
        main = derive(amap).main
        got = next((s.text for s in amap.statements if s.id == main), "")
        n += 1
        ok += any(all(w in got for w in words) for words in want.main) or (want.implicit_ok and got == "")
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        sentences = re.split(r"(?<=[.!?])\s+", paragraphs[0].strip()) if paragraphs else [""]
        if (
            len(paragraphs) > 1
            and len(paragraphs[0].split()) < 16
            and not paragraphs[0].rstrip().endswith(".")
        ):
            paragraphs = paragraphs[1:]  # a title line
            sentences = re.split(r"(?<=[.!?])\s+", paragraphs[0].strip())
        first += any(all(w in sentences[0] for w in words) for words in want.main)
        intro += any(all(w in sentences[-1] for w in words) for words in want.main)
    return ok, first, intro, n


def main() -> None:
    """Print every figure (see the module docstring)."""
    quick = "--quick" in sys.argv
    micro, comments, written = T.microtexts(), T.comments(), T.essays("train")
    if not micro or not comments:
        sys.exit("the corpora are not here: put arg-microtexts-en and cdcp-train in ../shared/corpora/")
    for g in micro:
        _fold_by_text["micro"][g.text] = fold_of(g.name)
    for g in comments:
        _fold_by_text["cdcp"][g.text] = fold_of(g.name)
    print(f"{len(micro)} microtexts, {len(comments)} cdcp comments, {FOLDS} folds\n")
    _show("baseline: first sentence", scoring.score_corpus(scoring.floor_extract).figures,
          cdcp.score_comments(scoring.floor_extract).figures)  # fmt: skip
    _show("rules alone (no learned model)", _micro(RULES), _cdcp(RULES))
    _show("shipped weights (in-sample)", _micro(shipped()), _cdcp(shipped()))
    for label, m in (("shipped", shipped()), ("rules alone", RULES)):
        ok, first, intro, n = pieces(m)
        print(f"pieces ({n}), main found: {label} {ok / n:.3f}", end="")
        if label == "shipped":
            print(f"  (first sentence {first / n:.3f}, last sentence of the introduction {intro / n:.3f})")
        else:
            print()
    cache: dict = {}
    essays(quick, cache, micro, comments)
    if quick:
        return
    print("\ncross-corpus (trained on one corpus only):")
    only_micro = from_json(T.train(micro, cache))
    only_cdcp = from_json(T.train(comments, cache))
    _show("trained on microtexts -> cdcp", None, _cdcp(only_micro))
    _show("trained on cdcp -> microtexts", _micro(only_cdcp), None)
    print(f"\n{FOLDS}-fold cross-validation (held-out folds pooled):")
    both_m, both_c, own_m, own_c = [], [], [], []
    for k in range(FOLDS):
        rest_m = [g for g in micro if fold_of(g.name) != k]
        rest_c = [g for g in comments if fold_of(g.name) != k]
        both_m.append((from_json(T.train(rest_m + comments + written, cache)), k))
        both_c.append((from_json(T.train(micro + rest_c + written, cache)), k))
        own_m.append((from_json(T.train(rest_m, cache)), k))
        own_c.append((from_json(T.train(rest_c, cache)), k))
        print(f"  fold {k + 1}/{FOLDS} trained", flush=True)
    _show("CV, other corpora + 4 folds", _pooled_micro(both_m), _pooled_cdcp(both_c))
    _show("CV, in-corpus only (4 folds)", _pooled_micro(own_m), _pooled_cdcp(own_c))


if __name__ == "__main__":
    main()
