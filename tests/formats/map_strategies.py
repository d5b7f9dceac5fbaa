"""Hypothesis strategies for argument maps whose texts hold what breaks naive writers.

Every generated map is one tree under ``s1`` (each later statement is a premise, co-premise, objection
or undercutter of something earlier), plus a few extra relations between later statements, so Kialo's
single tree can hold it all and ``-> See`` links get written.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from argmap.model import EVIDENCE_KINDS, ArgumentMap

# Markup characters of Argdown, Kialo and Markdown, quotes, newlines and some Unicode.
_TRICKY = list("\"'_*[](){}<>#\\.:/=-+,;@!?&%`~|$^\t\n\r") + ["\r\n", "--", "===", "->", "1.2. ", "//", "/*"]
_UNICODE = list("éüßøçñ—–“”‘’…«»€中文日本語한국어עבריתالعربية\u00a0") + ["😀", "🧭", "𝔸"]
_WORD = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=8
)
_PIECE = st.one_of(_WORD, st.sampled_from(_TRICKY), st.sampled_from(_UNICODE), st.just(" "))

texts = st.lists(_PIECE, min_size=1, max_size=14).map("".join).filter(lambda t: bool(t.strip()))
plain_texts = st.lists(_WORD, min_size=1, max_size=5).map(" ".join)
tags = st.lists(
    st.one_of(plain_texts, st.sampled_from(["two words", "économie", "x)y", "tag#1"])),
    max_size=3,
    unique=True,
)
schemes = st.one_of(
    st.none(), st.sampled_from(["cause to effect", "expert opinion", "sign, or symptom"]), plain_texts
)


@st.composite
def maps(draw: st.DrawFn, max_statements: int = 8) -> ArgumentMap:
    """A valid map of 1..``max_statements`` statements, every one connected to ``s1``."""
    n = draw(st.integers(1, max_statements))
    statements = [
        {
            "id": f"s{k}",
            "text": draw(texts),
            "tags": draw(tags),
            "implicit": draw(st.booleans()),
            "rating": draw(st.sampled_from([None, "accepted", "doubtful", "rejected"])),
            "note": draw(st.one_of(st.none(), texts)),
        }
        for k in range(1, n + 1)
    ]
    inferences: list[dict[str, Any]] = []
    attacks: list[dict[str, Any]] = []
    for k in range(2, n + 1):
        sid = f"s{k}"
        kind = draw(st.sampled_from(["pro", "pro", "con", "linked", "undercut"]))
        if kind == "linked" and inferences:
            inference = inferences[draw(st.integers(0, len(inferences) - 1))]
            inference["premises"].append(sid)
        elif kind == "undercut" and inferences:
            target = inferences[draw(st.integers(0, len(inferences) - 1))]["id"]
            attacks.append({"id": f"a{len(attacks) + 1}", "source": sid, "target": target})
        elif kind == "con":
            target = f"s{draw(st.integers(1, k - 1))}"
            attacks.append({"id": f"a{len(attacks) + 1}", "source": sid, "target": target})
        else:
            conclusion = f"s{draw(st.integers(1, k - 1))}"
            inferences.append(
                {
                    "id": f"i{len(inferences) + 1}",
                    "premises": [sid],
                    "conclusion": conclusion,
                    "scheme": draw(schemes),
                    "rating": draw(st.sampled_from([None, "strong", "weak", "none"])),
                    "note": draw(st.one_of(st.none(), plain_texts)),
                }
            )
    # Extra relations between later statements: a statement under two parents becomes a Kialo link.
    if n >= 3:
        for _ in range(draw(st.integers(0, 2))):
            a, b = draw(st.integers(2, n)), draw(st.integers(1, n))
            if a == b:
                continue
            if draw(st.booleans()):
                inferences.append(
                    {
                        "id": f"i{len(inferences) + 1}",
                        "premises": [f"s{a}"],
                        "conclusion": f"s{b}",
                        "scheme": None,
                    }
                )
            else:
                attacks.append({"id": f"a{len(attacks) + 1}", "source": f"s{a}", "target": f"s{b}"})
    evidence = [
        {
            "id": f"e{k}",
            "target": f"s{draw(st.integers(1, n))}",
            "text": draw(texts),
            "kind": draw(st.sampled_from(EVIDENCE_KINDS)),
            "reliability": draw(st.sampled_from([None, "high", "medium", "low"])),
            "source": draw(
                st.one_of(
                    st.none(),
                    st.fixed_dictionaries(
                        {
                            "title": st.one_of(st.none(), texts),
                            "url": st.sampled_from([None, "https://example.org/a?b=1"]),
                        }
                    ),
                )
            ),
            "note": draw(st.one_of(st.none(), texts)),
        }
        for k in range(1, draw(st.integers(0, 2)) + 1)
    ]
    title = draw(st.one_of(plain_texts, texts))
    return ArgumentMap(
        id="generated",
        title=title,
        statements=statements,
        inferences=inferences,
        attacks=attacks,
        evidence=evidence,
    )
