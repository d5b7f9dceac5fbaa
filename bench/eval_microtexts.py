"""Print the extractor's six figures on the arg-microtexts corpus (the same code as ``argmap eval``).

Usage: python bench/eval_microtexts.py [--floor]   (--floor: the issue's baseline, to check the scorer)
"""

from __future__ import annotations

import sys
import time

from argmap.extractor import extract
from argmap.extractor.scoring import FIGURES, floor_extract, score_corpus


def main() -> None:
    """Run the evaluation and print one figure a line."""
    use_floor = "--floor" in sys.argv[1:]
    t0 = time.perf_counter()
    scores = score_corpus(floor_extract if use_floor else extract)
    took = time.perf_counter() - t0
    print(
        f"arg-microtexts ({'floor baseline' if use_floor else 'extractor'}): {scores.texts} texts, "
        f"{scores.units} gold units, {took:.2f} s"
    )
    for k in FIGURES:
        print(f"  {k:14} {scores.figures[k]:.3f}")


if __name__ == "__main__":
    main()
