"""Grade a class: compare every student's map with the reference, summarise, and chart what
most students missed. pandas is imported lazily (it costs ~0.4 s)."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.classroom.assignment import Assignment, Submission
from argmap.classroom.compare import WEIGHTS, Comparison, compare
from argmap.errors import ArgmapError
from argmap.formats import read
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = ("student", "score", *WEIGHTS, "missed", "extra", "feedback", "error")


def read_student(path: Path) -> ArgumentMap:
    """A student's map file in any format Argmap reads (chosen by suffix, then by content; an exercise
    file gives its reference map)."""
    return read(path.read_bytes(), path.name)[0]


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


def as_percents(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` (``grade``'s rows) with the score and its parts as whole percents, for showing."""
    out = table.copy()
    for col in ("score", *WEIGHTS):
        if col in out:
            out[col] = (
                out[col].map(lambda v: None if v is None or v != v else percent(float(v))).astype("Int64")
            )
    return out


# A mistake in the class view, said of the class: "Missed the reason “…”" (kind → sentence).
_CLASS_SENTENCE = {
    "no_main": "Missed the main conclusion {q}",
    "wrong_main": "Took another claim for the main conclusion {q}",
    "missed": "Missed the {role} {q}",
    "as_reason": "Used the objection {q} as a reason",
    "answer_as_reason": "Used the author's answer {q} as a reason",
    "as_objection": "Used the reason {q} as an objection",
    "wrong_claim": "Put {q} under the wrong claim",
    "unlinked": "Left {q} unlinked",
    "evidence_missed": "Missed the evidence {q}",
    "evidence_target": "Attached the evidence {q} to the wrong claim",
}
_ROLE_WORD = {
    "main": "main conclusion",
    "premise": "reason",
    "intermediate": "reason",
    "objection": "objection",
    "rebuttal": "author's answer",
    "unconnected": "statement",
}
TOP = 8  # items in the class chart


def mistakes_by(
    reference: ArgumentMap, results: dict[str, Comparison], top: int | None = TOP
) -> pd.DataFrame:
    """The class's most common mistakes, most students first: one row per (mistake, reference element)
    with a full sentence, how many students made it and their share. ``top`` rows (None: all)."""
    import pandas as pd

    from argmap.classroom.compare import quote
    from argmap.roles import derive

    roles = derive(reference).role
    items = {s.id: s for s in reference.statements} | {e.id: e for e in reference.evidence}
    who: dict[tuple[str, str], set[str]] = {}
    for name, r in results.items():
        for f in r.mistakes:
            if not f.reference_ids:
                continue
            rid = f.reference_ids[0]
            who.setdefault((f.kind, rid), set()).add(name)
    n = max(len(results), 1)
    rows = []
    for (kind, rid), names in who.items():
        item = items.get(rid)
        if item is None or kind not in _CLASS_SENTENCE:
            continue
        role = _ROLE_WORD.get(roles.get(rid, ""), "statement")
        sentence = _CLASS_SENTENCE[kind].format(q=quote(item, 110), role=role)
        rows.append(
            {
                "mistake": sentence,
                "kind": kind,
                "element": rid,
                "students": len(names),
                "share": len(names) / n,
            }
        )
    table = pd.DataFrame(rows, columns=["mistake", "kind", "element", "students", "share"])
    table = table.sort_values(["students", "mistake"], ascending=[False, True], kind="stable")
    table = table.reset_index(drop=True)
    return table if top is None else table.head(top)


def percent(score: float | None) -> int | None:
    """A score (0 to 1) as the whole percent a teacher reads and a gradebook imports (half rounds up)."""
    return None if score is None else int(score * 100 + 0.5 + 1e-9)


def mistake_lines(table: pd.DataFrame, students: int) -> list[tuple[str, float]]:
    """Each row of ``mistakes_by`` as the line a bar stands under, with the bar's length (the share
    of the class, 0 to 1): "Missed the reason “…”: 2 of 30 students"."""
    noun = "student" if students == 1 else "students"
    return [
        (f"{rec['mistake']}: {int(rec['students'])} of {students} {noun}", float(rec["share"]))
        for rec in table.to_dict("records")
    ]


def score_bins(scores: Iterable[float], width: float = 0.1) -> pd.DataFrame:
    """How many students scored in each band (0-10%, ..., 90-100%): the class's score distribution.
    ``scores`` are 0 to 1 (``Comparison.score``)."""
    import pandas as pd

    k = round(1 / width)
    counts = [0] * k
    for v in scores:
        counts[min(int(float(v) / width + 1e-9), k - 1)] += 1
    labels = [f"{round(i * width * 100)}–{round((i + 1) * width * 100)}%" for i in range(k)]
    return pd.DataFrame({"band": labels, "students": counts})


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def mistakes_chart_svg(
    table: pd.DataFrame, students: int, title: str = "What most students got wrong"
) -> str:
    """A horizontal bar chart (SVG, drawn by hand) of ``mistakes_by``: each bar under its full sentence."""
    width, left, text_w = 360, 8, 64
    y = 34
    most = max(students, 1)
    body = []
    for rec in table.to_dict("records"):
        for line in _wrap(str(rec["mistake"]), text_w):
            body.append(f'<text x="{left}" y="{y}">{escape(line)}</text>')
            y += 15
        w = width * int(rec["students"]) / most
        body += [
            f'<rect x="{left}" y="{y - 10}" width="{w:.1f}" height="14" fill="#0072B2"/>',
            f'<text x="{left + w + 6:.1f}" y="{y + 1}">{int(rec["students"])} of {students}</text>',
        ]
        y += 26
    if not len(table):
        body.append(f'<text x="{left}" y="{y}">No mistake was made by any student.</text>')
        y += 20
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + max(width + 80, text_w * 7)}" height="{y}" '
        'font-family="sans-serif" font-size="12">',
        f'<text x="{left}" y="18" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    return "\n".join([*head, *body, "</svg>"]) + "\n"


# --- an assignment's gradebook -------------------------------------------------------------------

GRADEBOOK = ("student", "status", "score", "note", "revisions", "saved", "submitted")
_CACHE: dict[tuple[str, str, int], Comparison] = {}  # (code, seat, revision) → its comparison
_CACHE_SIZE = 2_000


def compare_cached(assignment: Assignment, sub: Submission) -> Comparison | None:
    """The comparison of a student's latest work with the reference, computed once per revision."""
    if sub.map is None:
        return None
    key = (assignment.code, sub.seat, sub.revision)
    if key not in _CACHE:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        _CACHE[key] = compare(assignment.reference, sub.map)
    return _CACHE[key]


def gradebook(assignment: Assignment, subs: list[Submission]) -> tuple[pd.DataFrame, dict[str, Comparison]]:
    """A row per student (name, status, score of the latest work, revisions, times) and each comparison.

    A student who has saved but not submitted gets the score of the work so far, so the teacher
    sees the class progress; the CSV is what a gradebook imports. The score is a whole percent
    (``percent``), the same on the dashboard and in the CSV. ``note`` says when the work is the
    automatic draft unchanged (``argmap.classroom.draft``): its score is the draft's, not the student's.
    """
    import pandas as pd

    from argmap.classroom.draft import is_draft

    rows, results = [], {}
    for sub in subs:
        result = compare_cached(assignment, sub)
        if result is not None:
            results[sub.name] = result
        rows.append(
            {
                "student": sub.name,
                "status": sub.status,
                "score": percent(result.score) if result is not None else None,
                "revisions": sub.revision,
                "saved": sub.saved.strftime("%Y-%m-%d %H:%M") if sub.saved else "",
                "submitted": sub.submitted.strftime("%Y-%m-%d %H:%M") if sub.submitted else "",
                "note": _note(sub, is_draft(sub.map, assignment.text) if sub.map is not None else False),
            }
        )
    table = pd.DataFrame(rows, columns=list(GRADEBOOK))
    table["score"] = table["score"].astype("Int64")  # whole percents; blank for work not started
    return table, results


def _note(sub: Submission, draft: bool) -> str:
    """What the teacher should know about a student's work beside its score."""
    if not draft:
        return ""
    return "submitted the draft unchanged" if sub.status == "submitted" else "saved the draft unchanged"
