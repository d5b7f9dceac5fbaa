"""Check-worthy claims: the factual claims (figures, events, attributions) that carry the conclusion,
for a fact-checker, with their words in the text and the source the piece gives for them.

Exported as CSV (``claims_csv``) and as schema.org ClaimReview JSON-LD skeletons (``claim_reviews``):
the claim, where it appeared and who wrote it are filled in; the rating is left for the fact-checker.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from typing import Any

from argmap.analysis.checks import lexicons as lx
from argmap.analysis.checks.language import cues, is_question
from argmap.model import ArgumentMap

# Past events: a time in the past or a past verb of record (what happened, when).
_EVENT = re.compile(
    r"\b(?:last (?:year|month|week|spring|summer|autumn|winter|term)|(?:in|since|during) (?:19|20)\d\d|"
    r"\d+ (?:years|months|weeks) ago|yesterday|recorded|happened|voted|closed|opened|fell|rose|doubled|"
    r"halved|lent|cut|passed|announced|introduced)\b",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|according to|found|reported|claims?|argues?)\b", re.IGNORECASE
)
# A condition ("When the streets are closed,") states no fact.
_IF = re.compile(r"\s*(?:when|if|unless|whenever)\b", re.IGNORECASE)
# Claims about what ought to be are judgements, not facts to check.
_NORMATIVE = re.compile(r"\b(?:should|must|ought|need to|have to)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Claim:
    """A factual claim the conclusion rests on, as a fact-checker needs it."""

    id: str  # the statement's id
    text: str
    kinds: tuple[str, ...]  # figure | event | attribution
    share: float  # of the main conclusion's support through it
    source: str  # the source the piece gives ("" when none)
    start: int | None = None  # its words in the text
    end: int | None = None


def _kinds(text: str) -> tuple[str, ...]:
    out = []
    figures = [w for w, label in cues(lx.FIGURE, text) if not re.fullmatch(r"(?:1[89]|20)\d\d", w)]
    if figures:
        out.append("figure")
    if _EVENT.search(text):
        out.append("event")
    if _ATTRIBUTION.search(text) or cues(lx.VAGUE_SOURCE, text) or cues(lx.SOURCE_NAMED, text):
        out.append("attribution")
    return tuple(out)


def _source_given(amap: ArgumentMap, sid: str, text: str) -> str:
    labels = [e.source.label() for e in amap.evidence if e.target == sid and e.source and e.source.label()]
    if labels:
        return "; ".join(dict.fromkeys(labels))
    named = cues(lx.SOURCE_NAMED, text) or cues(lx.VAGUE_SOURCE, text)
    return ", ".join(dict.fromkeys(w for w, _ in named))


def check_worthy(amap: ArgumentMap, share: dict[str, float] | None = None) -> list[Claim]:
    """The statements on the main conclusion's support that state a figure, an event or an
    attribution (not judgements or questions), most weight first; evidence quoted for them counts
    as their words."""
    if share is None:
        from argmap.analysis.audit import support_share

        share = support_share(amap)
    quoted: dict[str, list[str]] = {}
    for e in amap.evidence:
        quoted.setdefault(e.target, []).append(e.text)
    out = []
    for s in amap.statements:
        weight = share.get(s.id, 0.0)
        if weight <= 0 or s.implicit or is_question(s.text) or _NORMATIVE.search(s.text) or _IF.match(s.text):
            continue
        kinds = _kinds(" ".join([s.text, *quoted.get(s.id, [])]))
        if not kinds:
            continue
        out.append(
            Claim(
                id=s.id,
                text=s.text,
                kinds=kinds,
                share=round(weight, 3),
                source=_source_given(amap, s.id, s.text),
                start=s.span.start if s.span else None,
                end=s.span.end if s.span else None,
            )
        )
    out.sort(key=lambda c: (-c.share * (1 + len(c.kinds)), c.start if c.start is not None else 0))
    return out


def claims_csv(claims: list[Claim] | tuple[Claim, ...]) -> str:
    """The claims as CSV: id, claim, kinds, source given, share, start, end."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "claim", "kinds", "source_given", "share_of_support", "start", "end"])
    for c in claims:
        w.writerow([c.id, c.text, " ".join(c.kinds), c.source, f"{c.share:.2f}", c.start, c.end])
    return buf.getvalue()


def claim_reviews(amap: ArgumentMap, claims: list[Claim] | tuple[Claim, ...]) -> list[dict[str, Any]]:
    """schema.org ClaimReview skeletons, one per claim: the claim, its appearance (the piece's URL and
    title) and its author filled in; the review's rating, author and date left empty for the checker."""
    src = amap.source
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if src and src.url:
        appearance["url"] = src.url
    if src and (src.title or amap.title):
        appearance["headline"] = src.title or amap.title
    if src and src.date:
        appearance["datePublished"] = src.date
    out = []
    for c in claims:
        item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
        if src and (src.author or src.outlet):
            item["author"] = {
                "@type": "Person" if src.author else "Organization",
                "name": src.author or src.outlet,
            }
        if src and src.date:
            item["datePublished"] = src.date
        out.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": c.text,
                "itemReviewed": item,
                "author": {"@type": "Organization", "name": ""},
                "datePublished": "",
                "url": "",
                "reviewRating": {"@type": "Rating", "ratingValue": "", "alternateName": ""},
            }
        )
    return out
