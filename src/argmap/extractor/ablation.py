"""Each rule's measured effect: switched off alone, what moves on every collection.

``argmap eval --by-rule`` and ``bench/ablate.py`` both print :func:`report`. For every rule of
:data:`argmap.extractor.rules.RULES`, the pipeline runs with that rule off (the shipped weights unchanged) on
every collection found:

- ``micro``: the arg-microtexts (``../shared/corpora/arg-microtexts-en``): main conclusion (``cc_acc``),
  roles (``role_f1``), attachment (``attach_acc``);
- ``cdcp``: the cdcp-train comments (``../shared/corpora/cdcp-train``): main claim (``main_acc``), support
  links (``link_f1``);
- ``pieces``: the blind pieces of ``tests/extractor/pieces/`` with their expectations
  (``tests/extractor/test_pieces.py``): main conclusion found (``main``), expectations met (``met``);
- ``essays``: the annotated essays of ``tests/extractor/essays/`` (:mod:`argmap.extractor.essays`): major
  claim (``main_acc``), objection and rebuttal spans (``objection_f1``, ``rebuttal_f1``), ``attach_acc``.

What moves: the texts whose map changed at all (main conclusion, statements, links, evidence, tags), and
each figure's change against all rules on. A rule that changes no text anywhere moves nothing and should go.
Rules after segmentation reuse each text's units (cut once, with every rule on): the same maps, in a third
of the time.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from argmap.model import ArgumentMap
from argmap.roles import derive

if TYPE_CHECKING:
    from argmap.extractor.essays import Essay
    from argmap.extractor.scoring import Scores

Extractor = Callable[[str], ArgumentMap]
_TESTS = Path(__file__).resolve().parents[3] / "tests" / "extractor"
_BEFORE_UNITS = frozenset(("segment", "evidence"))  # stages that change the units: the cut cannot be reused
_MOVE = 0.0005  # a figure moves when it changes by this much (the third decimal printed)


@dataclass(frozen=True)
class Collection:
    """Texts with a way to score an extractor on them; ``figures`` are the ones the table shows."""

    name: str
    texts: tuple[str, ...]
    score: Callable[[Extractor], dict[str, float]]
    figures: tuple[str, ...]


@dataclass(frozen=True)
class Effect:
    """One rule switched off: the texts whose map changed, and each figure's change, per collection."""

    rule: str
    changed: dict[str, int]
    moves: dict[str, dict[str, float]]

    @property
    def idle(self) -> bool:
        """True when the rule changes no text of any collection."""
        return not any(self.changed.values())


def _pieces_module() -> ModuleType | None:
    path = _TESTS / "test_pieces.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("argmap_blind_pieces", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    try:
        spec.loader.exec_module(module)
    except ImportError:  # the expectations import pytest (a development dependency)
        return None
    return module


def _pieces() -> Collection | None:
    tp = _pieces_module()
    if tp is None:
        return None
    names = tuple(tp.ALL)
    texts = tuple((tp.PIECES / n).read_text(encoding="utf-8") for n in names)

    def score(extractor: Extractor) -> dict[str, float]:
        found = met = total = 0
        for name, text in zip(names, texts, strict=True):
            exp, amap = tp.ALL[name], extractor(text)
            main = derive(amap).main
            stmt = next((s for s in amap.statements if s.id == main), None)
            ok = stmt is not None and (
                (stmt.implicit and exp.implicit_ok) or any(all(w in stmt.text for w in ws) for ws in exp.main)
            )
            found += ok
            supports = {(p, i.conclusion) for i in amap.inferences for p in i.premises}
            attacks = {(a.source, a.target) for a in amap.attacks}
            checks = [("reach", a, b) for a, b in exp.supports] + [("direct", a, b) for a, b in exp.direct]
            checks += [("attack", a, b) for a, b in exp.attacks]
            total += 1 + len(checks)
            met += ok
            for kind, a, b in checks:
                try:
                    x, y = tp.find(amap, a, main), tp.find(amap, b, main)
                except AssertionError:  # a statement the expectation names is not in this map
                    continue
                met += (
                    tp.reaches(amap, x, y)
                    if kind == "reach"
                    else (x, y) in supports
                    if kind == "direct"
                    else (x, y) in attacks
                )
        return {"main": found / len(names), "met": met / total if total else 0.0}

    return Collection("pieces", texts, score, ("main", "met"))


def _figures(
    score: Callable[[Extractor, Path], Scores], folder: Path, extractor: Extractor
) -> dict[str, float]:
    return score(extractor, folder).figures


def _essay_figures(gold: list[Essay], extractor: Extractor) -> dict[str, float]:
    from argmap.extractor.essays import score_essays

    return score_essays(extractor, gold)


def collections(names: Iterable[str] | None = None) -> tuple[list[Collection], list[str]]:
    """The collections present (of ``names``, default all four), and a line for each one absent."""
    from argmap.extractor import cdcp, essays, scoring

    wanted = set(names or ("micro", "cdcp", "pieces", "essays"))
    found: list[Collection] = []
    missing: list[str] = []
    if "micro" in wanted:
        folder = scoring.corpus_dir()
        if folder is None:
            missing.append(f"micro: skipped ({scoring.CORPUS_NAME} not found beside the repository)")
        else:
            texts = tuple(g.text for g in scoring.read_corpus(folder))
            found.append(
                Collection(
                    "micro",
                    texts,
                    partial(_figures, scoring.score_corpus, folder),
                    ("cc_acc", "role_f1", "attach_acc"),
                )
            )
    if "cdcp" in wanted:
        folder = cdcp.corpus_dir()
        if folder is None:
            missing.append(f"cdcp: skipped ({cdcp.CORPUS_NAME} not found beside the repository)")
        else:
            texts = tuple(g.text for g in cdcp.read_corpus(folder))
            found.append(
                Collection(
                    "cdcp",
                    texts,
                    partial(_figures, cdcp.score_comments, folder),
                    ("main_acc", "link_f1"),
                )
            )
    if "pieces" in wanted:
        pieces = _pieces()
        if pieces is None:
            missing.append(
                "pieces: skipped (tests/extractor/pieces and their expectations are in a checkout)"
            )
        else:
            found.append(pieces)
    if "essays" in wanted:
        if not essays.FOLDER.is_dir():
            missing.append("essays: skipped (tests/extractor/essays is in a checkout)")
        else:
            gold = essays.read_essays()
            found.append(
                Collection(
                    "essays",
                    tuple(e.text for e in gold),
                    partial(_essay_figures, gold),
                    ("main_acc", "objection_f1", "rebuttal_f1", "attach_acc"),
                )
            )
    return found, missing


def fingerprint(amap: ArgumentMap) -> tuple[object, ...]:
    """What a map decides, without its wording: main conclusion, statements, links, evidence, tags."""
    return (
        derive(amap).main,
        tuple((s.span.start, s.span.end) if s.span else None for s in amap.statements),
        tuple(s.tags for s in amap.statements),
        tuple((i.premises, i.conclusion) for i in amap.inferences),
        tuple((a.source, a.target) for a in amap.attacks),
        tuple((e.target, e.kind, e.span.start if e.span else None) for e in amap.evidence),
    )


class CutOnce:
    """The extractor with each text's units cut once (all rules on), for the rules after segmentation."""

    def __init__(self) -> None:
        from argmap.extractor import Segmented

        self.cut: dict[str, Segmented] = {}

    def __call__(self, text: str) -> ArgumentMap:
        from argmap.extractor import assemble, decide, segment

        seg = self.cut.get(text)
        if seg is None:
            seg = self.cut[text] = segment(text)
        return assemble(text, decide(seg))


def measure(found: list[Collection], extractor: Extractor) -> dict[str, dict[str, float]]:
    """Every collection's figures for ``extractor``."""
    return {c.name: c.score(extractor) for c in found}


def effects(
    found: list[Collection], ids: Iterable[str] | None = None
) -> Iterator[tuple[dict[str, dict[str, float]], Effect]]:
    """With all rules on, the figures; then, one rule off at a time, its :class:`Effect` (first item: the
    figures with all rules on, repeated with each effect so a caller can print as they come)."""
    from argmap.extractor import extract
    from argmap.extractor.rules import BY_ID, RULES, switched_off

    cut = CutOnce()
    base = measure(found, cut)
    prints = {c.name: [fingerprint(cut(t)) for t in c.texts] for c in found}
    for rule_id in ids or [r.id for r in RULES]:
        extractor: Extractor = extract if BY_ID[rule_id].stage in _BEFORE_UNITS else cut
        with switched_off({rule_id}):
            changed = {
                c.name: sum(
                    fingerprint(extractor(t)) != p for t, p in zip(c.texts, prints[c.name], strict=True)
                )
                for c in found
            }
            moves: dict[str, dict[str, float]] = {}
            for c in found:
                if not changed[c.name]:
                    continue  # no map changed: no figure can
                now = c.score(extractor)
                moves[c.name] = {
                    k: now[k] - base[c.name][k] for k in c.figures if abs(now[k] - base[c.name][k]) >= _MOVE
                }
        yield base, Effect(rule_id, changed, moves)


def header(found: list[Collection], base: dict[str, dict[str, float]]) -> list[str]:
    """The figures with all rules on, and the table's column heads."""
    figures = " | ".join(
        f"{c.name} " + " ".join(f"{k} {base[c.name][k]:.3f}" for k in c.figures) for c in found
    )
    counts = "/".join(c.name for c in found)
    return [
        f"all rules on: {figures}",
        "texts: " + ", ".join(f"{c.name} {len(c.texts)}" for c in found),
        "",
        f"{'rule off':<32} {'texts changed (' + counts + ')':<40} what moves",
    ]


def line(found: list[Collection], effect: Effect) -> str:
    """One row of the table: the rule, the texts changed per collection, the figures that moved."""
    counts = "/".join(str(effect.changed[c.name]) for c in found)
    moves = [f"{c.name} {k} {d:+.3f}" for c in found for k, d in effect.moves.get(c.name, {}).items()]
    return f"{effect.rule:<32} {counts:<40} {', '.join(moves) or 'no figure moves'}"


def report(
    names: Iterable[str] | None = None, ids: Iterable[str] | None = None, echo: Callable[[str], None] = print
) -> list[Effect]:
    """Print the whole table (``names``: the collections; ``ids``: the rules, default all) as it is
    measured, then the rules that change no text anywhere; returns the effects."""
    found, missing = collections(names)
    for m in missing:
        echo(m)
    out: list[Effect] = []
    for base, effect in effects(found, ids):
        if not out:
            for h in header(found, base):
                echo(h)
        out.append(effect)
        echo(line(found, effect))
    idle = [e.rule for e in out if e.idle]
    echo("")
    echo(f"rules that change no text anywhere: {', '.join(idle) or 'none'}")
    return out
