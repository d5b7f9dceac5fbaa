"""Each rule's measured effect: switched off alone, what moves on every collection.

For every rule of ``argmap.extractor.rules.RULES``, the pipeline is run with that rule off (the shipped
weights unchanged) on the arg-microtexts (cc_acc, role_f1, attach_acc), the cdcp-train comments (main_acc,
link_f1) and the blind pieces of tests/extractor/pieces/ (expectations met: main conclusion, reasons reaching
their claims, direct inferences, attacks, objections left unanswered, background off the line). It prints
the change against all rules on, and the texts whose map changed at all. A rule that changes no text of any
collection moves nothing and should go.

Usage: python bench/ablate.py [RULE_ID ...]   (default: every rule)
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "extractor"))

from argmap.extractor import cdcp, extract, scoring  # noqa: E402
from argmap.extractor.rules import RULES, switched_off  # noqa: E402
from argmap.model import ArgumentMap  # noqa: E402
from argmap.roles import derive  # noqa: E402

MICRO = ("cc_acc", "role_f1", "attach_acc")
CDCP = ("main_acc", "link_f1")


def _texts() -> dict[str, list[str]]:
    from test_pieces import ALL, PIECES

    micro_dir, cdcp_dir = scoring.corpus_dir(), cdcp.corpus_dir()
    return {
        "micro": [g.text for g in scoring.read_corpus(micro_dir)] if micro_dir else [],
        "cdcp": [g.text for g in cdcp.read_corpus(cdcp_dir)] if cdcp_dir else [],
        "pieces": [(PIECES / name).read_text(encoding="utf-8") for name in ALL],
    }


def _fingerprint(amap: ArgumentMap) -> tuple:
    return (
        derive(amap).main,
        tuple((s.span.start, s.span.end) if s.span else None for s in amap.statements),
        tuple((i.premises, i.conclusion) for i in amap.inferences),
        tuple((a.source, a.target) for a in amap.attacks),
    )


def pieces_met(extractor: Callable[[str], ArgumentMap]) -> tuple[int, int]:
    """Expectations of the blind pieces met, and their number."""
    from test_pieces import ALL, MAIN, PIECES, find, reaches

    met = total = 0
    for name, exp in ALL.items():
        amap = extractor((PIECES / name).read_text(encoding="utf-8"))
        main = derive(amap).main
        stmt = next((s for s in amap.statements if s.id == main), None)
        total += 1
        met += bool(stmt) and (
            (stmt.implicit and exp.implicit_ok) or any(all(w in stmt.text for w in ws) for ws in exp.main)
        )
        supports = {(p, i.conclusion) for i in amap.inferences for p in i.premises}
        attacks = {(a.source, a.target) for a in amap.attacks}
        checks = [("reach", a, b) for a, b in exp.supports] + [("direct", a, b) for a, b in exp.direct]
        checks += [("attack", a, b) for a, b in exp.attacks]
        for kind, a, b in checks:
            total += 1
            try:
                x, y = find(amap, a, main), find(amap, b if b != MAIN else MAIN, main)
            except AssertionError:
                continue
            met += (
                reaches(amap, x, y)
                if kind == "reach"
                else (x, y) in supports
                if kind == "direct"
                else (x, y) in attacks
            )
    return met, total


def measure() -> tuple[dict[str, float], dict[str, float], int, int]:
    """The figures with the rules as they are switched now."""
    m = scoring.score_corpus(extract).figures
    c = cdcp.score_comments(extract).figures
    met, total = pieces_met(extract)
    return m, c, met, total


def main() -> None:
    """Print every rule's effect (see the module docstring)."""
    ids = sys.argv[1:] or [r.id for r in RULES]
    texts = _texts()
    base_prints = {k: [_fingerprint(extract(t)) for t in v] for k, v in texts.items()}
    m0, c0, met0, total = measure()
    print("all rules on: micro " + " ".join(f"{k} {m0[k]:.3f}" for k in MICRO), end="")
    print(" | cdcp " + " ".join(f"{k} {c0[k]:.3f}" for k in CDCP) + f" | pieces {met0}/{total} met\n")
    print(f"{'rule off':<30} {'texts changed (micro/cdcp/pieces)':<34} effect")
    idle = []
    for rule_id in ids:
        with switched_off({rule_id}):
            changed = {
                k: sum(_fingerprint(extract(t)) != b for t, b in zip(v, base_prints[k], strict=True))
                for k, v in texts.items()
            }
            m, c, met, _ = measure() if any(changed.values()) else (m0, c0, met0, total)
        moves = [f"{k} {m[k] - m0[k]:+.3f}" for k in MICRO if abs(m[k] - m0[k]) >= 0.0005]
        moves += [f"{k} {c[k] - c0[k]:+.3f}" for k in CDCP if abs(c[k] - c0[k]) >= 0.0005]
        if met != met0:
            moves.append(f"pieces {met - met0:+d}")
        counts = f"{changed['micro']}/{changed['cdcp']}/{changed['pieces']}"
        print(f"{rule_id:<30} {counts:<34} {', '.join(moves) or 'no figure moves'}", flush=True)
        if not any(changed.values()):
            idle.append(rule_id)
    print(f"\nrules that change no text anywhere: {', '.join(idle) or 'none'}")


if __name__ == "__main__":
    main()
