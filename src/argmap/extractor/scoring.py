"""Measure an extractor against the arg-microtexts gold corpus: six figures, defined once.

The corpus (CC BY-NC-SA, never copied into the project) is read at run time from
``../shared/corpora/arg-microtexts-en`` beside the repository, or from ``$ARGMAP_CORPUS``. ``argmap eval``,
``bench/eval_microtexts.py`` and the floor test all call :func:`score_corpus`, so they cannot disagree.

Figures (issue 3):

- gold units are matched to extracted statements by character Jaccard >= 0.5 of their spans;
- ``seg_recall`` / ``seg_precision``: gold units matched / extracted text-anchored statements matching a unit;
- ``cc_acc``: texts whose extracted main conclusion matches the gold central claim;
- ``role_f1``: macro F1 of proponent/opponent; a statement's side is the parity of attacks on its path to the
  main conclusion (``argmap.roles``); an unmatched unit counts as wrong;
- ``func_f1``: macro F1 of support/attack over non-central units (sup, exa = support; reb, und = attack; add
  takes the function of the edge it joins); the matched statement's first outgoing link decides;
- ``attach_acc``: non-central units whose statement links to the statement matching the gold target (for und
  either end of the attacked edge counts; for add, the target of the joined edge).
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from argmap.model import ArgumentMap
from argmap.roles import derive

CORPUS_NAME = "arg-microtexts-en"
FIGURES = ("seg_recall", "seg_precision", "cc_acc", "role_f1", "func_f1", "attach_acc")
_FUNCTION = {"sup": "support", "exa": "support", "reb": "attack", "und": "attack"}


@dataclass(frozen=True)
class GoldUnit:
    """One gold argumentative unit: its span in the text, side, function and link targets."""

    id: str
    start: int
    end: int
    side: str  # "proponent" | "opponent"
    function: str | None  # "support" | "attack"; None for the central claim
    targets: frozenset[str]  # unit ids a correct link may point at


@dataclass(frozen=True)
class GoldText:
    """One corpus text with its gold units and central claim."""

    name: str
    text: str
    units: tuple[GoldUnit, ...]
    central: str


@dataclass
class Scores:
    """The six figures plus the counts behind them."""

    figures: dict[str, float] = field(default_factory=dict)
    texts: int = 0
    units: int = 0

    def line(self) -> str:
        """One human line: ``cc_acc 0.85  role_f1 0.75 ...``."""
        return "  ".join(f"{k} {self.figures[k]:.3f}" for k in FIGURES)


def corpus_dir() -> Path | None:
    """The corpus folder ($ARGMAP_CORPUS, else ``../shared/corpora/arg-microtexts-en``), or None if absent."""
    candidates = []
    env = os.environ.get("ARGMAP_CORPUS")
    if env:
        candidates += [Path(env), Path(env) / CORPUS_NAME]
    # ../shared beside the checkout, wherever this module sits inside it.
    candidates += [p / "shared" / "corpora" / CORPUS_NAME for p in Path(__file__).resolve().parents]
    for c in candidates:
        if c.is_dir() and any(c.glob("*.xml")):
            return c
    return None


def read_gold(xml_path: Path) -> GoldText:
    """Read one ``micro_*.xml`` and its ``.txt``; locate every unit's words in the text."""
    text = xml_path.with_suffix(".txt").read_text(encoding="utf-8")
    root = ET.parse(xml_path).getroot()
    edu_span: dict[str, tuple[int, int]] = {}
    pos = 0
    for edu in root.iter("edu"):
        words = (edu.text or "").strip()
        at = text.find(words, pos)
        if at < 0:  # never seen in this corpus; fall back to a search from the start
            at = max(text.find(words), 0)
        edu_span[edu.get("id", "")] = (at, at + len(words))
        pos = at + len(words)
    side = {
        a.get("id", ""): ("proponent" if a.get("type") == "pro" else "opponent") for a in root.iter("adu")
    }
    edges = {
        e.get("id", ""): (e.get("src", ""), e.get("trg", ""), e.get("type", "")) for e in root.iter("edge")
    }
    unit_span: dict[str, list[tuple[int, int]]] = {}
    for src, trg, kind in edges.values():
        if kind == "seg" and src in edu_span:
            unit_span.setdefault(trg, []).append(edu_span[src])

    def function(eid: str) -> str:
        src, trg, kind = edges[eid]
        return function(trg) if kind == "add" else _FUNCTION[kind]

    def targets(eid: str) -> set[str]:
        src, trg, kind = edges[eid]
        if kind == "add":
            return targets(trg)
        if kind == "und":  # either end of the attacked edge
            return {edges[trg][0]} | targets(trg)
        return {trg}

    outgoing = {src: eid for eid, (src, trg, kind) in edges.items() if kind != "seg"}
    units = []
    central = ""
    for uid in side:
        spans = unit_span.get(uid, [(0, 0)])
        eid = outgoing.get(uid)
        if eid is None:
            central = uid
        units.append(
            GoldUnit(
                id=uid,
                start=min(s for s, _ in spans),
                end=max(e for _, e in spans),
                side=side[uid],
                function=function(eid) if eid else None,
                targets=frozenset(targets(eid)) if eid else frozenset(),
            )
        )
    return GoldText(name=xml_path.stem, text=text, units=tuple(units), central=central)


def read_corpus(folder: Path) -> list[GoldText]:
    """Every text of the corpus folder, in name order."""
    return [read_gold(p) for p in sorted(folder.glob("*.xml"))]


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Character Jaccard of two half-open spans."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter / union if union else 0.0


def _f1_macro(pairs: list[tuple[str, str | None]], labels: tuple[str, str]) -> float:
    f1s = []
    for lab in labels:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


@dataclass
class _Tally:
    texts: int = 0
    units: int = 0
    matched: int = 0
    anchored: int = 0
    anchored_matched: int = 0
    cc: int = 0
    roles: list[tuple[str, str | None]] = field(default_factory=list)
    funcs: list[tuple[str, str | None]] = field(default_factory=list)
    attach_ok: int = 0
    attach_n: int = 0


def _score_text(gold: GoldText, amap: ArgumentMap, t: _Tally) -> None:
    anchored = [s for s in amap.statements if s.span is not None]
    best: dict[str, str] = {}  # gold unit id -> statement id
    for u in gold.units:
        score, sid = max(
            ((jaccard((u.start, u.end), (s.span.start, s.span.end)), s.id) for s in anchored if s.span),
            default=(0.0, ""),
        )
        if score >= 0.5:
            best[u.id] = sid
    t.texts += 1
    t.units += len(gold.units)
    t.matched += len(best)
    t.anchored += len(anchored)
    t.anchored_matched += sum(
        1
        for s in anchored
        if s.span and any(jaccard((u.start, u.end), (s.span.start, s.span.end)) >= 0.5 for u in gold.units)
    )
    roles = derive(amap)
    if roles.main is not None and best.get(gold.central) == roles.main:
        t.cc += 1
    infer = {i.id: i for i in amap.inferences}
    first_link: dict[str, tuple[str, set[str]]] = {}  # statement -> (function, statements it links to)
    for i in amap.inferences:
        for p in i.premises:
            first_link.setdefault(p, ("support", {i.conclusion}))
    for a in amap.attacks:
        ends = (
            {a.target} if a.target not in infer else {infer[a.target].conclusion, *infer[a.target].premises}
        )
        first_link.setdefault(a.source, ("attack", ends))
    for u in gold.units:
        found = best.get(u.id)
        t.roles.append((u.side, roles.side.get(found) if found else None))
        if u.function is None:
            continue
        link = first_link.get(found) if found else None
        t.funcs.append((u.function, link[0] if link else None))
        t.attach_n += 1
        if link and any(best.get(g) in link[1] for g in u.targets):
            t.attach_ok += 1


def score_corpus(
    extractor: Callable[[str], ArgumentMap],
    folder: Path | None = None,
    keep: Callable[[str], bool] | None = None,
) -> Scores:
    """Run ``extractor`` on every corpus text and return the six figures (InputError if no corpus).

    ``keep``, if given, picks the texts by name (``micro_b001``...), for a held-out split."""
    from argmap.errors import InputError

    folder = folder or corpus_dir()
    if folder is None or not any(folder.glob("*.xml")):
        raise InputError(
            f"the {CORPUS_NAME} corpus is not here: put it at ../shared/corpora/{CORPUS_NAME} "
            "beside the repository or set ARGMAP_CORPUS"
        )
    t = _Tally()
    for gold in read_corpus(folder):
        if keep is not None and not keep(gold.name):
            continue
        _score_text(gold, extractor(gold.text), t)
    figures = {
        "seg_recall": t.matched / t.units if t.units else 0.0,
        "seg_precision": t.anchored_matched / t.anchored if t.anchored else 0.0,
        "cc_acc": t.cc / t.texts if t.texts else 0.0,
        "role_f1": _f1_macro(t.roles, ("proponent", "opponent")),
        "func_f1": _f1_macro(t.funcs, ("support", "attack")),
        "attach_acc": t.attach_ok / t.attach_n if t.attach_n else 0.0,
    }
    return Scores(figures=figures, texts=t.texts, units=t.units)


def floor_extract(text: str) -> ArgumentMap:
    """The issue's floor baseline: each sentence a unit, the first the main claim, all others support it."""
    import hashlib
    import re

    from argmap.model import Inference, Source, Span, Statement

    statements: list[Statement] = []
    for m in re.finditer(r"[^.!?]+[.!?]*", text):
        words = m.group().strip()
        if not words:
            continue
        start = text.index(words, m.start())
        statements.append(
            Statement(
                id=f"s{len(statements) + 1}",
                text=words,
                span=Span(start=start, end=start + len(words), text=words),
            )
        )
    inferences = tuple(
        Inference(id=f"i{n}", premises=(s.id,), conclusion="s1") for n, s in enumerate(statements[1:], 1)
    )
    return ArgumentMap(
        id="floor-" + hashlib.sha1(text.encode()).hexdigest()[:12],
        source=Source(text=text),
        statements=tuple(statements),
        inferences=inferences,
    )
