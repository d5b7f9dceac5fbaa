"""Grade a class: compare every student's map with the reference, summarise, and chart what
most students missed. pandas is imported lazily (it costs ~0.4 s)."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.classroom.compare import WEIGHTS, Comparison, compare
from argmap.classroom.exercise import read_map
from argmap.errors import ArgmapError
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = ("student", "score", *WEIGHTS, "missed", "extra", "feedback", "error")


def read_student(path: Path) -> ArgumentMap:
    """A student's map file in any format Argmap reads (chosen by suffix, then by content)."""
    return read_map(path.name, path.read_bytes())


def row(student: str, result: Comparison | None, error: str = "") -> dict[str, Any]:
    """One results row: the student's name, score, parts, counts and feedback (or the error)."""
    out: dict[str, Any] = {"student": student}
    if result is None:
        return out | {k: None for k in COLUMNS[1:-1]} | {"error": error}
    out["score"] = round(result.score, 4)
    out |= {k: (round(result.parts[k], 4) if k in result.parts else None) for k in WEIGHTS}
    out["missed"] = len(result.missed)
    out["extra"] = len(result.extra)
    out["feedback"] = "\n".join(f.message for f in result.feedback)
    out["error"] = ""
    return out


def grade(reference: ArgumentMap, student_paths: list[Path]) -> tuple[pd.DataFrame, dict[str, Comparison]]:
    """A row per student (sorted by name) and each student's comparison.

    A file that cannot be read gets a row with its error and no score: one bad file must not
    stop a class from being graded.
    """
    import pandas as pd

    rows, results = [], {}
    for path in sorted(student_paths):
        name = path.stem
        try:
            results[name] = compare(reference, read_student(path))
        except (ArgmapError, UnicodeDecodeError, OSError) as err:
            rows.append(row(name, None, str(err).splitlines()[0]))
            continue
        rows.append(row(name, results[name]))
    return pd.DataFrame(rows, columns=list(COLUMNS)), results


def grade_maps(
    reference: ArgumentMap, maps: dict[str, ArgumentMap]
) -> tuple[pd.DataFrame, dict[str, Comparison]]:
    """Like ``grade``, for maps already in memory (the app's uploads), keyed by student name."""
    import pandas as pd

    results = {name: compare(reference, amap) for name, amap in sorted(maps.items())}
    rows = [row(name, r) for name, r in results.items()]
    return pd.DataFrame(rows, columns=list(COLUMNS)), results


def summary(table: pd.DataFrame) -> dict[str, Any]:
    """Class figures: how many graded, mean / median / lowest / highest score, mean of each part."""
    scored = table.dropna(subset=["score"])
    out: dict[str, Any] = {"students": len(table), "graded": len(scored)}
    if len(scored):
        s = scored["score"].astype(float)
        out |= {"mean": s.mean(), "median": s.median(), "min": s.min(), "max": s.max()}
        out |= {f"mean {k}": scored[k].astype(float).mean() for k in WEIGHTS if scored[k].notna().any()}
    return {k: (round(float(v), 4) if isinstance(v, float) else v) for k, v in out.items()}


def missed_by(reference: ArgumentMap, results: dict[str, Comparison]) -> pd.DataFrame:
    """For each reference statement: how many students missed it, most missed first."""
    import pandas as pd

    counts = {s.id: 0 for s in reference.statements}
    for r in results.values():
        for sid in r.missed:
            counts[sid] += 1
    n = max(len(results), 1)
    table = pd.DataFrame(
        [
            {"statement": s.id, "text": s.text, "missed": counts[s.id], "share": counts[s.id] / n}
            for s in reference.statements
        ]
    )
    return table.sort_values(["missed", "statement"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )


def missed_chart_svg(table: pd.DataFrame, title: str = "Statements students missed") -> str:
    """A small horizontal bar chart (SVG, drawn by hand) of ``missed_by``'s table."""
    bar_h, gap, left, width = 18, 6, 70, 360
    top = 34
    height = top + len(table) * (bar_h + gap) + 10
    most = max(int(table["missed"].max()) if len(table) else 0, 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 60}" height="{height}" '
        'font-family="sans-serif" font-size="12">',
        f'<text x="4" y="18" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    for n, rec in enumerate(table.to_dict("records")):
        y = top + n * (bar_h + gap)
        w = width * int(rec["missed"]) / most
        tip = escape(f"{rec['statement']}: {rec['text']}")
        parts += [
            f'<g><title>{tip}</title><text x="4" y="{y + 13}">{escape(str(rec["statement"]))}</text>',
            f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="#c0504d"/>',
            f'<text x="{left + w + 4:.1f}" y="{y + 13}">{int(rec["missed"])}</text></g>',
        ]
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
