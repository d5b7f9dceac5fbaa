"""Refit the main-conclusion weights of ``argmap.extractor.relations`` on the arg-microtexts corpus.

A coordinate search: each weight in turn is moved by a few steps and kept where the objective
(cc_acc + half the sum of role_f1, func_f1 and attach_acc) improves. It prints the best weights; copying
them into relations.py is a deliberate, reviewed edit. Keep the weights few and round, and check the
other seeds afterwards: the extractor is also measured on texts it was not fitted on.

``--holdout``: how well does the fit generalise? The weights are refitted on the ``micro_b`` texts only
and the figures are printed on the held-out ``micro_d`` and ``micro_k`` texts (other writers), with the
current weights and with the refitted ones. The weights in relations.py are left as they are.

Usage: python bench/fit_weights.py [--holdout]
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from argmap.extractor import extract
from argmap.extractor import relations as R
from argmap.extractor.scoring import score_corpus

NAMES = (
    "W_FIRST", "W_LAST", "W_CONCLUSION", "W_CONCLUSION_INNER", "W_STANCE", "W_EVALUATIVE",
    "W_PREMISE", "W_ADDITION", "W_EXAMPLE", "W_COUNTER", "W_QUESTION", "W_LATER",
)  # fmt: skip
STEPS = (-1.0, -0.5, 0.5, 1.0)
FIT_PART = "micro_b"  # the held-out split: fit on these texts, test on the rest (micro_d, micro_k)


def in_fit_part(name: str) -> bool:
    """True for the texts the held-out fit may see."""
    return name.startswith(FIT_PART)


def held_out(name: str) -> bool:
    """True for the texts kept out of the held-out fit."""
    return not in_fit_part(name)


def objective(keep: Callable[[str], bool] | None = None) -> tuple[float, dict[str, float]]:
    """The figure the search maximises, and the six figures (on the texts ``keep`` picks)."""
    f = score_corpus(extract, keep=keep).figures
    return f["cc_acc"] + 0.5 * (f["role_f1"] + f["func_f1"] + f["attach_acc"]), f


def _rounded(figures: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 3) for k, v in figures.items()}


def fit(keep: Callable[[str], bool] | None = None, quiet: bool = False) -> dict[str, float]:
    """Two rounds of coordinate search on the texts ``keep`` picks; the weights are left at the best found."""
    best, figures = objective(keep)
    if not quiet:
        print(f"start {best:.3f}", _rounded(figures))
    for _ in range(2):
        for name in NAMES:
            here = getattr(R, name)
            for step in STEPS:
                setattr(R, name, here + step)
                score, found = objective(keep)
                if score > best + 1e-9:
                    best, figures, here = score, found, here + step
                    if not quiet:
                        print(f"{name} = {here:+.1f}  {best:.3f}", _rounded(found))
                setattr(R, name, here)
    return {name: getattr(R, name) for name in NAMES}


def main() -> None:
    """Refit on the whole corpus and print the weights, or (``--holdout``) print the held-out figures."""
    if "--holdout" not in sys.argv[1:]:
        print(fit())
        return
    current = {name: getattr(R, name) for name in NAMES}
    before = score_corpus(extract, keep=held_out)
    print(f"held out ({before.texts} texts), current weights:      {before.line()}")
    weights = fit(in_fit_part, quiet=True)
    after = score_corpus(extract, keep=held_out)
    print(f"held out ({after.texts} texts), weights fitted on {FIT_PART}: {after.line()}")
    print("changed:", {k: v for k, v in weights.items() if v != current[k]})
    for name, value in current.items():
        setattr(R, name, value)


if __name__ == "__main__":
    main()
