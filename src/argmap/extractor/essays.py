"""Read and score the persuasive essays written for Argmap (``tests/extractor/essays/``, see its README).

Each essay is one ``.txt`` file with inline standoff markers (``{C1>M|words}``): the major claim ``M``, its
restatements ``MR``, claims ``C``, premises ``P``, objections ``O`` and their reasons ``OP``, rebuttals ``R``.
:func:`read_essay` removes the markers and keeps each unit's offsets into the clean text.

Figures (:func:`score_essays`; spans are compared by their word tokens, ``\\w+``):

- ``overlap(a, b)``: shared tokens / the larger span's tokens; two spans *match* at ``overlap >= 0.5`` (each
  covers at least half of the other);
- ``main_acc``: essays whose extracted main conclusion matches the major claim ``M`` (an implicit main
  conclusion, or a restatement chosen instead, is wrong); ``main_or_restated`` also accepts an ``MR``;
- ``objection_*``: the other side's stretches. Gold: the ``O`` and ``OP`` units (and premises of them),
  runs of consecutive such units in one paragraph merged into one stretch. Extracted: the statements on the
  opponent's side (``argmap.roles``), consecutive ones in one paragraph merged likewise. Stretches are matched
  one to one (best overlap first, ``>= 0.5``); precision, recall and F1 pool the counts over the essays;
- ``rebuttal_*``: the same for the author's answers: gold ``R`` units; extracted, the proponent's statements
  that attack a statement;
- ``invented_objections`` / ``invented_rebuttals``: essays with none in the gold that get one or more;
- ``attach_acc``: gold units other than ``M`` whose matched statement's first link (support or attack) points
  at the statement matching the unit's target.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from argmap.errors import FormatError
from argmap.model import ArgumentMap
from argmap.roles import derive

FOLDER = Path(__file__).resolve().parents[3] / "tests" / "extractor" / "essays"
FIGURES = (
    "main_acc",
    "main_or_restated",
    "objection_precision",
    "objection_recall",
    "objection_f1",
    "rebuttal_precision",
    "rebuttal_recall",
    "rebuttal_f1",
    "invented_objections",
    "invented_rebuttals",
    "attach_acc",
)
MATCH = 0.5  # the token overlap at which two spans are the same span
_MARK = re.compile(r"\{([A-Z]+\d*)(?:>([A-Z]+\d*))?\|")
_KIND = re.compile(r"^(MR|OP|M|C|P|O|R)(\d*)$")
_TOKEN = re.compile(r"\w+")
_TARGETS = {  # the kinds each kind may point at (None: no target)
    "M": None,
    "MR": {"M"},
    "C": {"M", "C"},
    "P": {"M", "MR", "C", "P", "O", "OP", "R"},
    "O": {"M", "MR", "C", "P"},
    "OP": {"O", "OP"},
    "R": {"O", "OP"},
}


@dataclass(frozen=True)
class EssayUnit:
    """One annotated span: its id, kind (the id's letters), offsets into the clean text and target id."""

    id: str
    kind: str
    start: int
    end: int
    target: str | None
    opponent: bool = False  # the other side's voice: an objection, its reasons, or a premise of them


@dataclass(frozen=True)
class Essay:
    """One essay: its clean text, annotated units and header fields (``split``: "train" or "test")."""

    name: str
    text: str
    units: tuple[EssayUnit, ...]
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def split(self) -> str:
        """ "train" (may be trained on) or "test" (held out)."""
        return self.meta.get("split", "train")

    def unit(self, uid: str) -> EssayUnit:
        """The unit with this id."""
        return next(u for u in self.units if u.id == uid)

    def paragraph(self, offset: int) -> int:
        """The paragraph (0-based, blank-line separated) that holds this offset."""
        return len(re.findall(r"\n\s*\n", self.text[:offset]))


def read_essay(path: Path) -> Essay:
    """Read one essay file (see the module docstring); a malformed one is a ``FormatError`` (file, line)."""
    raw = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    lines = raw.splitlines(keepends=True)
    body_at = 0
    for n, head in enumerate(lines):
        if head.startswith("%"):
            key, _, value = head[1:].partition(":")
            meta[key.strip()] = value.strip()
            body_at = n + 1
        elif head.strip():
            break
        else:
            body_at = n + 1
    first_line = body_at + 1
    body = "".join(lines[body_at:]).strip("\n")
    text: list[str] = []
    spans: list[tuple[str, str | None, int, int, int]] = []  # id, target, start, end, line
    pos = out = 0
    while (m := _MARK.search(body, pos)) is not None:
        text.append(body[pos : m.start()])
        out += m.start() - pos
        line = first_line + body.count("\n", 0, m.start())
        close = body.find("}", m.end())
        if close < 0 or "{" in body[m.end() : close]:
            raise FormatError(f"marker {m.group(1)} is not closed by '}}'", path=str(path), line=line)
        words = body[m.end() : close]
        spans.append((m.group(1), m.group(2), out, out + len(words), line))
        text.append(words)
        out += len(words)
        pos = close + 1
    text.append(body[pos:])
    clean = "".join(text)
    for ch in "{}|":
        if ch in clean:
            at = clean.index(ch)
            line = first_line + clean.count("\n", 0, at)
            raise FormatError(f"a stray '{ch}' outside a marker", path=str(path), line=line)
    return Essay(name=path.stem, text=clean, units=_units(spans, path), meta=meta)


def _units(spans: list[tuple[str, str | None, int, int, int]], path: Path) -> tuple[EssayUnit, ...]:
    kinds: dict[str, str] = {}
    for uid, _, _, _, line in spans:
        m = _KIND.match(uid)
        if m is None:
            raise FormatError(
                f"unknown unit id {uid!r} (M, MR, C, P, O, OP, R + number)", path=str(path), line=line
            )
        if uid in kinds:
            raise FormatError(f"unit id {uid} is used twice", path=str(path), line=line)
        kinds[uid] = m.group(1)
    if "M" not in kinds:
        raise FormatError("no major claim: mark the thesis {M|...}", path=str(path))
    for uid, target, _, _, line in spans:
        allowed = _TARGETS[kinds[uid]]
        if allowed is None and target is not None:
            raise FormatError(f"{uid} takes no target", path=str(path), line=line)
        if allowed is not None and (target is None or kinds.get(target) not in allowed):
            want = ", ".join(sorted(allowed))
            raise FormatError(
                f"{uid} needs a target of kind {want}, got {target!r}", path=str(path), line=line
            )
    targets = {uid: target for uid, target, *_ in spans}

    def opponent(uid: str, seen: frozenset[str] = frozenset()) -> bool:
        kind = kinds[uid]
        if kind in ("O", "OP"):
            return True
        target = targets[uid]
        if kind != "P" or target is None or target in seen:
            return False
        return opponent(target, seen | {uid})

    return tuple(
        EssayUnit(id=uid, kind=kinds[uid], start=a, end=b, target=target, opponent=opponent(uid))
        for uid, target, a, b, _ in spans
    )


def read_essays(folder: Path | None = None, split: str | None = None) -> list[Essay]:
    """Every essay of the folder (default: the project's), by name; ``split``: "train" or "test" only."""
    essays = [read_essay(p) for p in sorted((folder or FOLDER).glob("*.txt"))]
    return [e for e in essays if split is None or e.split == split]


def _tokens(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _token_set(tokens: list[tuple[int, int]], start: int, end: int) -> frozenset[int]:
    return frozenset(k for k, (a, b) in enumerate(tokens) if a >= start and b <= end)


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """Shared tokens over the larger span's tokens (0 if either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


def _stretches(
    spans: list[tuple[int, int]], others: list[tuple[int, int]], text: str
) -> list[tuple[int, int]]:
    """Merge runs of spans that follow one another in one paragraph with no span of ``others`` between."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out:
            pa, pb = out[-1]
            between = text[pb:a]
            blocked = any(pb <= s < a for s, _ in others)
            if not re.search(r"\n\s*\n", between) and not blocked:
                out[-1] = (pa, max(pb, b))
                continue
        out.append((a, b))
    return out


def _matched(gold: list[frozenset[int]], found: list[frozenset[int]]) -> int:
    """Spans matched one to one, best overlap first (``>= MATCH``)."""
    pairs = sorted(
        ((overlap(g, f), i, j) for i, g in enumerate(gold) for j, f in enumerate(found)), reverse=True
    )
    used_g: set[int] = set()
    used_f: set[int] = set()
    for score, i, j in pairs:
        if score < MATCH:
            break
        if i not in used_g and j not in used_f:
            used_g.add(i)
            used_f.add(j)
    return len(used_g)


@dataclass
class _Tally:
    essays: int = 0
    main: int = 0
    main_or_restated: int = 0
    counts: dict[str, list[int]] = field(
        default_factory=lambda: {"objection": [0, 0, 0], "rebuttal": [0, 0, 0]}
    )
    invented: dict[str, int] = field(default_factory=lambda: {"objection": 0, "rebuttal": 0})
    attach_ok: int = 0
    attach_n: int = 0


def _score_essay(essay: Essay, amap: ArgumentMap, t: _Tally) -> None:
    tokens = _tokens(essay.text)
    anchored = [s for s in amap.statements if s.span is not None]
    spans = {s.id: (s.span.start, s.span.end) for s in anchored if s.span is not None}
    sets = {sid: _token_set(tokens, a, b) for sid, (a, b) in spans.items()}
    gold_sets = {u.id: _token_set(tokens, u.start, u.end) for u in essay.units}
    best: dict[str, str] = {}  # gold unit -> statement
    for u in essay.units:
        score, sid = max(((overlap(gold_sets[u.id], s), sid) for sid, s in sets.items()), default=(0.0, ""))
        if score >= MATCH:
            best[u.id] = sid
    roles = derive(amap)
    t.essays += 1
    restated = {u.id for u in essay.units if u.kind == "MR"}
    if roles.main is not None and roles.main in spans:
        if best.get("M") == roles.main:
            t.main += 1
            t.main_or_restated += 1
        elif any(best.get(r) == roles.main for r in restated):
            t.main_or_restated += 1
    sources_of_attack = {a.source for a in amap.attacks}
    found = {
        "objection": [sid for sid in spans if roles.side.get(sid) == "opponent"],
        "rebuttal": [sid for sid in spans if roles.side.get(sid) == "proponent" and sid in sources_of_attack],
    }
    gold = {
        "objection": [(u.start, u.end) for u in essay.units if u.opponent],
        "rebuttal": [(u.start, u.end) for u in essay.units if u.kind == "R"],
    }
    all_gold = [(u.start, u.end) for u in essay.units]
    for kind in ("objection", "rebuttal"):
        g = _stretches(gold[kind], [s for s in all_gold if s not in gold[kind]], essay.text)
        mine = [spans[sid] for sid in found[kind]]
        f = _stretches(mine, [s for s in spans.values() if s not in mine], essay.text)
        g_sets = [_token_set(tokens, a, b) for a, b in g]
        f_sets = [_token_set(tokens, a, b) for a, b in f]
        c = t.counts[kind]
        c[0] += _matched(g_sets, f_sets)
        c[1] += len(f_sets)
        c[2] += len(g_sets)
        if not g_sets and f_sets:
            t.invented[kind] += 1
    infer = {i.id: i for i in amap.inferences}
    first_link: dict[str, set[str]] = {}
    for i in amap.inferences:
        for p in i.premises:
            first_link.setdefault(p, {i.conclusion})
    for a in amap.attacks:
        ends = (
            {a.target} if a.target not in infer else {infer[a.target].conclusion, *infer[a.target].premises}
        )
        first_link.setdefault(a.source, ends)
    for u in essay.units:
        if u.target is None:
            continue
        t.attach_n += 1
        linked = best.get(u.id)
        if linked is not None and best.get(u.target) in first_link.get(linked, set()):
            t.attach_ok += 1


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_essays(extractor: Callable[[str], ArgumentMap], essays: Iterable[Essay]) -> dict[str, float]:
    """Run ``extractor`` on every essay and return the figures of the module docstring."""
    t = _Tally()
    for essay in essays:
        _score_essay(essay, extractor(essay.text), t)
    out: dict[str, float] = {
        "main_acc": t.main / t.essays if t.essays else 0.0,
        "main_or_restated": t.main_or_restated / t.essays if t.essays else 0.0,
    }
    for kind, (tp, found, gold) in t.counts.items():
        p = tp / found if found else 0.0
        r = tp / gold if gold else 0.0
        out[f"{kind}_precision"], out[f"{kind}_recall"], out[f"{kind}_f1"] = p, r, _f1(p, r)
    out["invented_objections"] = float(t.invented["objection"])
    out["invented_rebuttals"] = float(t.invented["rebuttal"])
    out["attach_acc"] = t.attach_ok / t.attach_n if t.attach_n else 0.0
    return out


def line(figures: dict[str, float]) -> str:
    """One human line of the essay figures."""
    keys = ("main_acc", "main_or_restated", "objection_f1", "rebuttal_f1", "attach_acc")
    head = "  ".join(f"{k} {figures[k]:.3f}" for k in keys)
    return (
        f"{head}  invented obj {figures['invented_objections']:.0f} reb {figures['invented_rebuttals']:.0f}"
    )


def intro_end_extract(text: str) -> ArgumentMap:
    """The essay baseline: each sentence a unit, the last sentence of the introduction (the first paragraph
    that is not a title line) the main claim, every other sentence supports it."""
    import hashlib

    from argmap.model import Inference, Source, Span, Statement

    statements: list[Statement] = []
    paragraph_of: list[int] = []
    for p, m in enumerate(re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text)):
        for s in re.finditer(r"[^.!?]+[.!?]*", m.group()):
            words = s.group().strip()
            if not words:
                continue
            start = m.start() + s.start() + s.group().index(words)
            statements.append(
                Statement(
                    id=f"s{len(statements) + 1}",
                    text=words,
                    span=Span(start=start, end=start + len(words), text=words),
                )
            )
            paragraph_of.append(p)
    if not statements:
        return ArgumentMap(id="intro-empty", source=Source(text=text))
    first = paragraph_of[0]
    if paragraph_of.count(first) == 1 and len(paragraph_of) > 1 and not statements[0].text.endswith("."):
        first = paragraph_of[1]  # a title line
    main = max(k for k, p in enumerate(paragraph_of) if p == first)
    main_id = statements[main].id
    inferences = tuple(
        Inference(id=f"i{n}", premises=(s.id,), conclusion=main_id)
        for n, s in enumerate((s for s in statements if s.id != main_id), 1)
    )
    return ArgumentMap(
        id="intro-" + hashlib.sha1(text.encode()).hexdigest()[:12],
        source=Source(text=text),
        statements=tuple(statements),
        inferences=inferences,
    )
