"""Draft an argument map from raw text: offline, deterministic, every step explained.

``extract(text, title=None) -> ArgumentMap`` runs three stages, each returning its decisions to the next:
:func:`segment` (steps 1-4: a :class:`Segmented` text), :func:`decide` (step 5: a :class:`Read`, every
unit's reading and the :class:`~argmap.extractor.relations.Plan`) and :func:`assemble` (step 6: the map).
The steps are small modules:

1. :mod:`~argmap.extractor.normalise` quotes, dashes and whitespace, keeping offsets to the original;
2. :mod:`~argmap.extractor.sentences` splits sentences (pysbd) inside paragraphs;
3. :mod:`~argmap.extractor.evidence` takes out quotations, reported speech (who says what:
   :mod:`~argmap.extractor.speech`), figures and examples as evidence;
4. :mod:`~argmap.extractor.units` splits sentences into clauses at connectives and punctuation;
5. :mod:`~argmap.extractor.reading` reads each unit's cues (lexicons in :mod:`~argmap.extractor.cues`), and
   :mod:`~argmap.extractor.relations` scores the main conclusion and decides every role and link;
6. this module builds the :class:`~argmap.model.ArgumentMap`: statements ``s1..`` with spans into the
   *original* text, inferences ``i1..``, attacks ``a1..``, evidence ``e1..``, each with its cue words, the
   names of the rules and learned features that decided it (``rules``) and a reason worded from them.

Refused at once (``InputError``): text over ``MAX_SOURCE_CHARS`` characters, binary data (NUL bytes or
mostly non-text characters), and empty or blank text ("nothing to map: the text is empty"). Every other
input, however odd, gives a valid map.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from argmap.errors import InputError
from argmap.extractor.evidence import Found, find_evidence
from argmap.extractor.learned import Models
from argmap.extractor.normalise import Normalised, normalise
from argmap.extractor.reading import Reading
from argmap.extractor.relations import Plan, plan
from argmap.extractor.rules import on
from argmap.extractor.sentences import Sentence, split_sentences
from argmap.extractor.units import Unit, split_units
from argmap.model import (
    MAX_SOURCE_CHARS,
    MAX_STATEMENTS,
    ArgumentMap,
    Attack,
    Evidence,
    Inference,
    Source,
    Span,
    Statement,
)
from argmap.roles import main_conclusion

__all__ = ["Read", "Segmented", "assemble", "decide", "extract", "read_text", "segment"]

_OFF_LINE = frozenset(("background", "question"))  # tags that keep a unit out of the argument line
_TITLE_WORDS = 16  # a first line this short, without a full stop, is read as the title
_SPLIT_SHARE = 0.6  # the share of extraction time spent splitting sentences (measured on the bench pieces)
_BINARY_SHARE = 0.25  # more control characters than this (a quarter) and the input is taken for binary


def _check_input(text: str) -> None:
    if not isinstance(text, str):
        raise InputError(f"expected text (str), got {type(text).__name__}")
    if len(text) > MAX_SOURCE_CHARS:
        raise InputError(
            f"the text has {len(text):,} characters; the limit is {MAX_SOURCE_CHARS:,} "
            "(about 300,000 words). Split it into parts and map each."
        )
    if "\x00" in text[:100_000]:
        raise InputError("this looks like binary data (it contains NUL bytes), not text")
    sample = text[:20_000]
    if sample:
        odd = sum(
            1
            for ch in sample
            if (ord(ch) < 32 and ch not in "\n\r\t\f\v") or 0x7F <= ord(ch) < 0xA0 or ch == "\ufffd"
        )
        if odd / len(sample) > _BINARY_SHARE:
            raise InputError("this looks like binary data (mostly control characters), not text")
    if not text.strip():
        raise InputError("nothing to map: the text is empty")


def _title_sentence(norm: Normalised, sentences: list[Sentence]) -> Sentence | None:
    """The first sentence when it is a heading: its own paragraph, short, no full stop."""
    if len(sentences) < 3:
        return None
    first = sentences[0]
    words = norm.text[first.start : first.end]
    if sentences[1].paragraph == first.paragraph or len(words.split()) > _TITLE_WORDS:
        return None
    if words.rstrip().endswith((".", ";", ",")):
        return None
    return first


def _span(text: str, norm: Normalised, start: int, end: int) -> Span:
    a, b = norm.original(start, end)
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Span(start=a, end=b, text=text[a:b])


def extract(
    text: str,
    title: str | None = None,
    *,
    progress: Callable[[float], None] | None = None,
    models: Models | None = None,
) -> ArgumentMap:
    """Draft the argument map of ``text``; ``title`` (else a heading line) helps find the main claim.

    ``progress``, if given, is called a handful of times with the fraction done (0.0 .. 1.0, rising, the
    last call 1.0) so a caller can show a progress bar on a long text; input refused at once never calls it.
    ``models``: the learned scores to use (default: the shipped ``weights.json``; for measurement).
    """
    _check_input(text)
    report = progress or _silent
    report(0.0)
    read = read_text(text, title, models, progress=report)
    report(0.9)
    amap = assemble(text, read)
    report(1.0)
    return amap


@dataclass(frozen=True)
class Segmented:
    """A text cut into units, with its evidence found: what every later stage reads."""

    norm: Normalised
    units: list[Unit]
    found: Found
    title: str | None


@dataclass(frozen=True)
class Read(Segmented):
    """Every stage's decisions on one text, before the map is built (for the map, training and scoring)."""

    plan: Plan


def segment(
    text: str, title: str | None = None, progress: Callable[[float], None] | None = None
) -> Segmented:
    """Normalise ``text``, split its sentences and units and find its evidence."""
    report = progress or _silent
    norm = normalise(text)
    # Sentence splitting (pysbd) is about 60% of the time: it reports its own share as it goes.
    sentences = split_sentences(norm.text, (lambda done: report(_SPLIT_SHARE * done)) if progress else None)
    report(_SPLIT_SHARE)
    heading = _title_sentence(norm, sentences)
    if heading is not None:
        sentences = [s for s in sentences if s is not heading]
        if title is None:
            title = (
                norm.text[heading.start : heading.end].strip().lstrip("#").strip() or None
            )  # "# Title" (Markdown)
    found = find_evidence(norm.text, sentences)
    units = split_units(norm.text, found.sentences)
    units = [u for u in units if any(ch.isalnum() for ch in norm.text[u.start : u.end])]
    return Segmented(norm=norm, units=_within_limit(units), found=found, title=title)


def decide(seg: Segmented, models: Models | None = None) -> Read:
    """Read the units' cues and decide roles and links (``models``: see :func:`relations.plan`)."""
    units, found = seg.units, seg.found
    reading = plan(
        units, seg.norm.text, seg.title, _reported(units, found), _attributed(units, found), models
    )
    return Read(norm=seg.norm, units=units, found=found, title=seg.title, plan=reading)


def read_text(
    text: str,
    title: str | None = None,
    models: Models | None = None,
    progress: Callable[[float], None] | None = None,
) -> Read:
    """Every stage on ``text``: :func:`segment`, then :func:`decide`."""
    seg = segment(text, title, progress)
    (progress or _silent)(0.8)
    return decide(seg, models)


def _reported(units: list[Unit], found: Found) -> frozenset[int]:
    """The units that overlap a piece of evidence (units are in text order, so a bisection finds each)."""
    ends = [u.end for u in units]
    out: set[int] = set()
    for item in found.items:
        k = bisect.bisect_right(ends, item.start)
        while k < len(units) and units[k].start < item.end:
            out.add(k)
            k += 1
    return frozenset(out)


def _attributed(units: list[Unit], found: Found) -> frozenset[int]:
    """The units holding a claim someone else made ("X argued that P"): its stance is X's, not ours."""
    ends = [u.end for u in units]
    out: set[int] = set()
    for item in found.items:
        if item.attributed and item.claim is not None:
            k = bisect.bisect_right(ends, item.claim[0])
            while k < len(units) and units[k].start < item.claim[1]:
                out.add(k)
                k += 1
    return frozenset(out)


def _silent(_done: float) -> None:
    """The default progress callback: report nothing."""


def _within_limit(units: list[Unit]) -> list[Unit]:
    """At most ``MAX_STATEMENTS - 1`` units (one id is kept for an implicit claim): a longer text is read in
    coarser units, several consecutive clauses of a paragraph to one (of several paragraphs if need be),
    rather than cut short."""
    limit = MAX_STATEMENTS - 1
    if len(units) <= limit:
        return units
    size = -(-len(units) // limit)  # units per group
    cross = False  # may a group run across paragraphs?
    while True:
        groups: list[list[Unit]] = []
        for u in units:
            g = groups[-1] if groups else None
            if g and len(g) < size and (cross or g[0].paragraph == u.paragraph):
                g.append(u)
            else:
                groups.append([u])
        if len(groups) <= limit:
            return [Unit(g[0].start, g[-1].end, n, g[0].paragraph) for n, g in enumerate(groups)]
        if cross:
            size *= 2
        cross = True


def _acyclic(links: dict[int, int], src: int, dst: int) -> bool:
    seen = {src}
    cur: int | None = dst
    while cur is not None:
        if cur in seen:
            return False
        seen.add(cur)
        cur = links.get(cur)
    return True


def _names(*groups: Iterable[str | None]) -> tuple[str, ...]:
    """The names behind a decision, each once, in the order they acted."""
    return tuple(dict.fromkeys(n for g in groups for n in g if n))


def _before(fired: list[str]) -> list[str]:
    """The rules that read a unit before its link was decided (all but the learned decisions)."""
    return [f for f in fired if not f.startswith("decide.")]


def _link_names(r: Reading) -> tuple[str, ...]:
    """What made a unit's link: the voice rules that set its side (support or attack), the link rule and the
    tree that kept it, and the pair features that weighed most."""
    if r.link is None:  # linked by the assembly to the claim no unit states
        return ("main.implicit",)
    voice = [f for f in r.fired if f.startswith("voice.")]
    decided = [f for f in r.fired if f.startswith("decide.")]
    return _names(voice, [r.rule], decided, r.learned)


def _resolve_links(
    reading: Plan, sid: dict[int, str], main_id: str | None
) -> dict[int, tuple[str, str, str]]:
    """Each unit's final link as (kind, target statement id, reason), made acyclic: a link that would close
    a circle of support is redirected to the main conclusion, or dropped if that too would close one."""
    rs = reading.readings
    parent: dict[int, int] = {}
    out: dict[int, tuple[str, str, str]] = {}
    main = reading.main
    for n, r in enumerate(rs):
        if n not in sid or n == main:
            continue
        if r.link is None:
            if main_id is not None and main is None and r.voice == "author" and not set(r.tags) & _OFF_LINE:
                out[n] = ("support", main_id, "premise: it supports the unstated main conclusion")
            continue
        kind, target = r.link
        why = r.reason
        if target is not None and (target not in sid or not _acyclic(parent, n, target)):
            target, why = main, f"{why}; the link would close a circle, so it goes to the main conclusion"
            if target is not None and (target == n or not _acyclic(parent, n, target)):
                continue
        tid = sid[target] if target is not None else main_id
        if tid is None or tid == sid[n]:
            continue
        if target is not None:
            parent[n] = target
        out[n] = (kind, tid, why)
    return out


def assemble(text: str, read: Read) -> ArgumentMap:
    """The map of ``text`` from every stage's decisions (:func:`read_text`): statements with their spans in
    the original text, the links made acyclic, the evidence attached, each with the names that decided it."""
    norm, units, reading, found, title = read.norm, read.units, read.plan, read.found, read.title
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    map_id = f"draft-{digest}"
    spans: dict[int, Span] = {}
    sid: dict[int, str] = {}
    for n, u in enumerate(units):
        span = _span(text, norm, u.start, u.end)
        if span.text:
            spans[n] = span
            sid[n] = f"s{len(sid) + 1}"
    rs = reading.readings
    main_id = sid.get(reading.main) if reading.main is not None else None
    implicit = main_id is None and bool(sid) and any(r.link for r in rs) and on("main.implicit")
    if implicit:
        main_id = f"s{len(sid) + 1}"
    links = _resolve_links(reading, sid, main_id)
    statements: list[Statement] = []
    for n, r in enumerate(rs):
        if n not in sid:
            continue
        if n == reading.main:
            reason = reading.main_reason
        elif n in links:
            reason = f"{links[n][2]} ({links[n][1]})"
        elif "background" in r.tags or "question" in r.tags:
            reason = r.reason or "background: no cue links it to the argument"
        else:
            reason = "not linked: no cue ties it to the argument"
        note = (
            "A rhetorical question: read as the claim it implies."
            if "rhetorical question" in r.tags
            else None
        )
        linked = _link_names(r) if n in links else ()
        statements.append(
            Statement(
                id=sid[n],
                note=note,
                text=spans[n].text,
                span=spans[n],
                tags=tuple(r.tags),
                cues=tuple(dict.fromkeys(r.cues)),
                reason=reason,
                rules=_names([units[n].cut], _before(r.fired), linked, r.fired, r.learned),
            )
        )
    if implicit and main_id is not None:
        statements.append(
            Statement(
                id=main_id,
                text="(main conclusion not stated)",
                implicit=True,
                note="No statement reads as the author's claim: the conclusion seems left to the reader.",
                reason="implicit main conclusion: every stated unit is a reason, an example or an objection",
                rules=("main.implicit",),
            )
        )
    inferences: list[Inference] = []
    attacks: list[Attack] = []
    for n, (kind, tid, why) in links.items():
        cues = tuple(dict.fromkeys(rs[n].cues))
        reason = f"{why} ({tid})"
        names = _link_names(rs[n])
        if kind == "support":
            inferences.append(
                Inference(
                    id=f"i{len(inferences) + 1}",
                    premises=(sid[n],),
                    conclusion=tid,
                    cues=cues,
                    reason=reason,
                    rules=names,
                )
            )
        else:
            attacks.append(
                Attack(
                    id=f"a{len(attacks) + 1}",
                    source=sid[n],
                    target=tid,
                    cues=cues,
                    reason=reason,
                    rules=names,
                )
            )
    evidence = _evidence(text, norm, found, units, sid, main_id)
    amap = ArgumentMap(
        id=map_id,
        title=title or "Draft map",
        source=Source(title=title, text=text),
        statements=tuple(statements),
        inferences=tuple(inferences),
        attacks=tuple(attacks),
        evidence=tuple(evidence),
    )
    if main_id is not None and main_conclusion(amap) != main_id:
        # The graph alone would not show the claim (e.g. it is only attacked): name it.
        amap = ArgumentMap.model_validate({**amap.model_dump(), "main": main_id})
    return amap


def _evidence(
    text: str, norm: Normalised, found: Found, units: list[Unit], sid: dict[int, str], main_id: str | None
) -> list[Evidence]:
    """Attach each piece of evidence to the statement it backs: the unit it reports, else the one before."""
    out: list[Evidence] = []
    kept = [(u.start, u.end, sid[n]) for n, u in enumerate(units) if n in sid]  # in text order
    starts = [k[0] for k in kept]
    ends = [k[1] for k in kept]
    for item in found.items:
        target = best = None
        if item.claim is not None:  # the first statement overlapping the reported claim
            k = bisect.bisect_right(ends, item.claim[0])
            if k < len(kept) and kept[k][0] < item.claim[1]:
                target = kept[k][2]
        k = bisect.bisect_left(starts, item.start) - 1  # else the statement before the evidence
        if k >= 0:
            best = kept[k][2]
        target = target or best or main_id or (next(iter(sid.values()), None))
        if target is None:
            continue
        span = _span(text, norm, item.start, item.end)
        if not span.text:
            continue
        out.append(
            Evidence(
                id=f"e{len(out) + 1}",
                target=target,
                kind=item.kind,
                text=span.text,
                span=span,
                source=item.source,
                cues=item.cues,
                reason=f"{item.reason} ({target})",
                rules=(item.rule,) if item.rule else (),
            )
        )
    return out
