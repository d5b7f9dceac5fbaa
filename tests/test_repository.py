"""The checkout itself: no merge left half done (conflict markers in a tracked file break set-up or docs)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKER = re.compile(r"^(<{7} |>{7} |={7}$)", re.M)


def test_no_tracked_file_holds_a_conflict_marker() -> None:
    files = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    bad = []
    for name in files:
        path = ROOT / name
        if path.suffix in {".png", ".pdf", ".zip", ".docx", ".odt"} or not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        bad += [f"{name}:{text[: m.start()].count(chr(10)) + 1}" for m in MARKER.finditer(text)]
    assert bad == [], f"conflict markers left by a merge: {bad}"
