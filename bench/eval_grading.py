"""Agreement of the classroom score with known mistakes, on the fair-score test set.

The test set (tests/classroom/variants.py): three pieces, each with a hand-written Argdown reference,
maps that differ from it only in wording and segmentation (the reference itself, a good map in other
words with one reason split and two merged and the thesis or its restatement as main conclusion, and
that map with the main claim in the reference's words), and every compatible combination of one to
three real mistakes made on the good map (wrong main conclusion, an objection used as a reason, a
missed reason, a reason under the wrong claim, the author's answer missed).

For each piece, and for student maps typed (no spans) and made in the app (spans in the piece), it
prints each pair's score, its mistakes and what they cost, then:

- **pairwise agreement**: of the pairs where one variant's mistakes strictly include the other's (so it
  must score lower), the share the score orders that way;
- **Kendall tau-b** of the score with minus the number of mistakes (+1 would need every one-mistake
  variant above every two-mistake one, which no fair score does: a wrong main conclusion costs more
  than a reason under the wrong claim and a missed answer together);
- **tau with the documented costs**: with 1 minus the sum of each mistake's cost when made alone
  (argmap.classroom.compare.WEIGHTS shared among the part's elements), i.e. whether costs add up;
- whether every wording/splitting-only variant scores at least 0.9.

Usage: python bench/eval_grading.py [--all]   (--all: every variant's row, not only one and two mistakes)
Exits 1 if an ordering is wrong or a wording-only variant scores below 0.9.
"""

from __future__ import annotations

import sys
from pathlib import Path

from scipy.stats import kendalltau  # scipy comes with scikit-learn (requirements-dev.txt)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from argmap.classroom.compare import compare  # noqa: E402
from tests.classroom.variants import (  # noqa: E402
    NAMES,
    ordered_pairs,
    piece,
    variants,
    with_spans,
    wording_only,
)

GOOD = 0.9


def _name(key: frozenset[str]) -> str:
    return " + ".join(sorted(key)) or "no mistake (the good map)"


def evaluate(name: str, anchored: bool, rows: bool) -> tuple[int, int, bool]:
    """Print one piece's table; (pairs ordered right, pairs compared, all wording-only variants >= 0.9)."""
    text, ref, student = piece(name)
    base = with_spans(student, text) if anchored else student
    how = "spans" if anchored else "typed"
    print(f"\n{name} ({how}): {len(ref.statements)} reference statements")
    good = True
    for label, m in wording_only(text, ref, base).items():
        score = compare(ref, m).score
        ok = score >= GOOD
        good &= ok
        print(f"  wording only  {score:6.3f}  {'ok  ' if ok else 'LOW '} {label}")
    scores: dict[frozenset[str], float] = {}
    costs: dict[frozenset[str], str] = {}
    for key, m in variants(base).items():
        c = compare(ref, m)
        scores[key] = c.score
        costs[key] = ", ".join(f"{f.kind} -{f.cost:.3f}" for f in c.mistakes) or "-"
    alone = {next(iter(k)): 1.0 - scores[k] for k in scores if len(k) == 1}
    for key in sorted(scores, key=lambda k: (len(k), -scores[k])):
        if rows or len(key) <= 2:
            n = f"{len(key)} mistake{'s' if len(key) != 1 else ' '}"
            print(f"  {n}   {scores[key]:6.3f}  {_name(key)}  [{costs[key]}]")
    right, total, wrong = ordered_pairs(scores)
    keys = list(scores)
    tau_n = kendalltau([scores[k] for k in keys], [-len(k) for k in keys]).statistic
    tau_c = kendalltau([scores[k] for k in keys], [1.0 - sum(alone[m] for m in k) for k in keys]).statistic
    print(
        f"  expected order: a variant whose mistakes include another's scores lower ({total} such pairs)\n"
        f"  pairwise agreement {right}/{total} = {right / total:.3f} · Kendall tau-b with the number of "
        f"mistakes {tau_n:+.3f} · with the documented costs {tau_c:+.3f}"
    )
    for w in wrong:
        print(f"    out of order: {w}")
    return right, total, good


def main() -> int:
    """Print every piece's table and the totals; 1 if the score disagrees with the mistakes."""
    rows = "--all" in sys.argv[1:]
    right = total = 0
    good = True
    for name in NAMES:
        for anchored in (False, True):
            r, t, g = evaluate(name, anchored, rows)
            right, total, good = right + r, total + t, good and g
    print(
        f"\nall pieces: pairwise agreement {right}/{total} = {right / total:.3f}; "
        f"wording/splitting-only variants >= {GOOD}: {'yes' if good else 'NO'}"
    )
    return 0 if right == total and good else 1


if __name__ == "__main__":
    sys.exit(main())
