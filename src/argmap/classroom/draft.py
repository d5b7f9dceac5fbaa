"""The automatic draft in a class: what a student who hands it in unchanged would score.

Students may start from the draft (an assignment's ``show_draft``), and anyone can draft the piece on
Analyze. If the teacher's reference is the uncorrected draft, every student who submits the draft
unchanged scores 100%: the score then measures nothing. ``reference_warning`` says so to the teacher
at set-up; ``is_draft`` tells the dashboard which submissions are the draft unchanged.
"""

from __future__ import annotations

from functools import lru_cache

from argmap.model import ArgumentMap

CLOSE = 0.9  # the draft unchanged scoring this much against the reference: warn the teacher

Shape = tuple[frozenset[object], ...]


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def shape(amap: ArgumentMap) -> Shape:
    """The map as its words and links, ids, spans and layout aside: two maps of the same shape say the
    same thing in the same words."""
    name: dict[str, object] = {s.id: _words(s.text) for s in amap.statements}
    for i in amap.inferences:
        name[i.id] = (frozenset(name.get(p, p) for p in i.premises), name.get(i.conclusion, i.conclusion))
    attacks = frozenset((name.get(a.source, a.source), name.get(a.target, a.target)) for a in amap.attacks)
    evidence = frozenset((_words(e.text), name.get(e.target, e.target)) for e in amap.evidence)
    statements = frozenset(name[s.id] for s in amap.statements)
    inferences = frozenset(name[i.id] for i in amap.inferences)
    pinned = frozenset({name.get(amap.main, amap.main)} if amap.main else ())  # the main, if chosen
    return (statements, inferences, attacks, evidence, pinned)


def draft(text: str, title: str | None = None) -> ArgumentMap:
    """The automatic draft of the piece, as "Start from the draft" opens it."""
    from argmap.extractor import extract

    return extract(text, title=title)


@lru_cache(maxsize=64)
def _draft_shape(text: str) -> Shape:
    # Only the shape is kept (words, no map): a dashboard checks every student's work against the draft
    # every few seconds, and a kept map would keep its graph caches alive too.
    return shape(draft(text))


def is_draft(amap: ArgumentMap, text: str) -> bool:
    """Whether ``amap`` is the automatic draft of ``text`` unchanged (same statements, same links)."""
    return bool(amap.statements) and shape(amap) == _draft_shape(text)


def draft_score(reference: ArgumentMap) -> float | None:
    """What the automatic draft of the reference's piece, submitted unchanged, scores against it."""
    from argmap.classroom.compare import compare

    if reference.source is None or not reference.source.text.strip():
        return None
    return compare(reference, draft(reference.source.text)).score


def reference_warning(reference: ArgumentMap, *, show_draft: bool | None = None) -> str | None:
    """A sentence for the teacher when the reference is (close to) the automatic draft; else None.

    ``show_draft``: whether students are offered the draft (None: not chosen yet, both cases said)."""
    score = draft_score(reference)
    if score is None or score < CLOSE:
        return None
    if score >= 1.0 - 1e-9 and reference.source is not None and is_draft(reference, reference.source.text):
        what = "This reference is the automatic draft, uncorrected"
    else:
        what = "This reference is close to the automatic draft"
    gets = f"a student who submits the draft unchanged scores {score:.0%}"
    if show_draft is True:
        how = (
            f", and you offer students the draft: every one of them can score {score:.0%} without mapping "
            "anything."
        )
    elif show_draft is False:
        how = ", and any student can draft the piece on Analyze."
    else:
        how = (
            ". Students get the draft from “Start from the draft” if you offer it, and anyone can draft "
            "the piece on Analyze."
        )
    return (
        f"{what}: {gets}{how} Correct the reference on the Map page first (its main conclusion, reasons and "
        "objections), so the score measures the students' work."
    )


__all__ = ["CLOSE", "draft", "draft_score", "is_draft", "reference_warning", "shape"]
