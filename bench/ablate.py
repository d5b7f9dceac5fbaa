"""Each rule's measured effect: switched off alone, what moves on every collection.

The table of ``argmap eval --by-rule`` (one implementation: :mod:`argmap.extractor.ablation`): for every rule
of ``argmap.extractor.rules.RULES``, the pipeline runs with that rule off (the shipped weights unchanged) on
the arg-microtexts, the cdcp-train comments, the blind pieces of tests/extractor/pieces/ and the essays of
tests/extractor/essays/, and prints the texts whose map changed and each figure's change. A rule that changes
no text of any collection moves nothing and should go.

Usage: python bench/ablate.py [RULE_ID ...]   (default: every rule)
"""

from __future__ import annotations

import sys

from argmap.extractor.ablation import report

if __name__ == "__main__":
    report(ids=sys.argv[1:] or None, echo=lambda line: print(line, flush=True))
