"""Argmap: draft an argument map from an opinion piece, then correct, check, compare and share it.

The public API is loaded lazily so that ``import argmap`` (and the CLI) stays fast.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# name -> module that defines it
_EXPORTS = {
    "ArgmapError": "argmap.errors",
    "ArgumentMap": "argmap.model",
    "Attack": "argmap.model",
    "Evidence": "argmap.model",
    "Exercise": "argmap.classroom.exercise",
    "Finding": "argmap.analysis.checks",
    "Inference": "argmap.model",
    "Source": "argmap.model",
    "Span": "argmap.model",
    "Statement": "argmap.model",
    "Store": "argmap.storage.store",
    "check": "argmap.analysis.checks",
    "extract": "argmap.extractor",
    "open_store": "argmap.storage.location",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")
