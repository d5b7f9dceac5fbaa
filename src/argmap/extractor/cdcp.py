"""Measure an extractor against the CDCP comments (cdcp-train): main claim and support links.

The corpus (ODbL / DbCL, never copied into the project) is read at run time from
``../shared/corpora/cdcp-train`` beside the repository, or from ``$ARGMAP_CDCP``. Each comment comes as
``ID.txt`` and ``ID.ann.json`` (proposition offsets and types, ``reasons`` and ``evidences`` links; no
attacks).

Figures:

- gold propositions are matched to extracted statements by character Jaccard >= 0.5 (as for the microtexts);
- ``seg_recall``: gold propositions matched;
- ``main_acc``: over the comments with at least one link, those whose extracted main conclusion matches a gold
  *root* (a proposition that is argued for and argues for nothing further; a comment may have several);
- ``link_precision`` / ``link_recall`` / ``link_f1``: extracted support links (premise -> conclusion, each
  end mapped to its best-matching proposition) against the gold reason and evidence links (a range of linked
  premises counts as one link per premise).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argmap.extractor.scoring import Scores, jaccard
from argmap.model import ArgumentMap
from argmap.roles import derive

CORPUS_NAME = "cdcp-train"
FIGURES = ("seg_recall", "main_acc", "link_precision", "link_recall", "link_f1")


@dataclass(frozen=True)
class GoldComment:
    """One comment: its text, propositions (spans and types) and support links (source, target)."""

    name: str
    text: str
    spans: tuple[tuple[int, int], ...]
    kinds: tuple[str, ...]
    links: frozenset[tuple[int, int]]

    @property
    def roots(self) -> frozenset[int]:
        """Propositions argued for that argue for nothing further."""
        sources = {s for s, _ in self.links}
        return frozenset(t for _, t in self.links if t not in sources)


def corpus_dir() -> Path | None:
    """The corpus folder ($ARGMAP_CDCP, else ``../shared/corpora/cdcp-train``), or None if absent."""
    candidates = []
    env = os.environ.get("ARGMAP_CDCP")
    if env:
        candidates.append(Path(env))
    candidates += [p / "shared" / "corpora" / CORPUS_NAME for p in Path(__file__).resolve().parents]
    for c in candidates:
        if c.is_dir() and any(c.glob("*.ann.json")):
            return c
    return None


def read_comment(ann: Path) -> GoldComment:
    """Read one ``ID.ann.json`` and its ``ID.txt``."""
    name = ann.name.removesuffix(".ann.json")
    text = ann.with_name(name + ".txt").read_text(encoding="utf-8")
    data = json.loads(ann.read_text(encoding="utf-8"))
    links = set()
    for (first, last), target in [*(data.get("reasons") or []), *(data.get("evidences") or [])]:
        for s in range(first, last + 1):
            if s != target:
                links.add((s, target))
    return GoldComment(
        name=name,
        text=text,
        spans=tuple((a, b) for a, b in data["prop_offsets"]),
        kinds=tuple(data["prop_labels"]),
        links=frozenset(links),
    )


def read_corpus(folder: Path) -> list[GoldComment]:
    """Every comment of the folder, in name order."""
    return [read_comment(p) for p in sorted(folder.glob("*.ann.json"))]


def match(spans: tuple[tuple[int, int], ...], amap: ArgumentMap) -> dict[str, int]:
    """Each text-anchored statement's best gold proposition (Jaccard >= 0.5)."""
    out = {}
    for s in amap.statements:
        if s.span is None:
            continue
        score, k = max(
            ((jaccard((s.span.start, s.span.end), g), k) for k, g in enumerate(spans)), default=(0, -1)
        )
        if score >= 0.5:
            out[s.id] = k
    return out


def score_comments(
    extractor: Callable[[str], ArgumentMap],
    folder: Path | None = None,
    keep: Callable[[str], bool] | None = None,
) -> Scores:
    """Run ``extractor`` on every comment (those ``keep`` picks by name) and return the figures."""
    from argmap.errors import InputError

    folder = folder or corpus_dir()
    if folder is None:
        raise InputError(
            f"the {CORPUS_NAME} corpus is not here: put it at ../shared/corpora/{CORPUS_NAME} "
            "beside the repository or set ARGMAP_CDCP"
        )
    n = units = matched = linked = main_ok = tp = predicted = gold_links = 0
    for gold in read_corpus(folder):
        if keep is not None and not keep(gold.name):
            continue
        amap = extractor(gold.text)
        best = match(gold.spans, amap)
        n += 1
        units += len(gold.spans)
        matched += len(set(best.values()))
        if gold.links:
            linked += 1
            main = derive(amap).main
            if main is not None and best.get(main) in gold.roots:
                main_ok += 1
        pairs = {(best.get(p), best.get(i.conclusion)) for i in amap.inferences for p in i.premises}
        predicted += len(pairs)
        tp += len(pairs & gold.links)
        gold_links += len(gold.links)
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold_links if gold_links else 0.0
    figures = {
        "seg_recall": matched / units if units else 0.0,
        "main_acc": main_ok / linked if linked else 0.0,
        "link_precision": precision,
        "link_recall": recall,
        "link_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
    }
    return Scores(figures=figures, texts=n, units=units)


def line(scores: Scores) -> str:
    """One human line of the CDCP figures."""
    return "  ".join(f"{k} {scores.figures[k]:.3f}" for k in FIGURES)
