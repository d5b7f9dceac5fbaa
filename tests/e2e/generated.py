"""Maps of a given size for the browser tests: a tree of reasons and objections with real-length words."""

from __future__ import annotations

from argmap.model import ArgumentMap, Attack, Evidence, Inference, Source, Span, Statement

_WORDS = (  # noqa: SIM905 (one line of words reads better than twenty quoted ones)
    "council schools traffic children parents streets walking safety drivers deliveries shops "
    "mornings buses cycling air noise evidence survey cities neighbours"
).split()


def generated(statements: int, *, evidence: int = 0, title: str | None = None) -> ArgumentMap:
    """A tree of ``statements`` claims: three reasons under each, every seventh one an objection; the
    sentences run from eight to thirty words, as in an op-ed."""
    sentences = []
    for n in range(statements):
        length = 8 + (n * 11) % 23
        words = " ".join(_WORDS[(n * 7 + k * 3) % len(_WORDS)] for k in range(length))
        sentences.append(f"Point {n + 1}: the {words}.")
    text, spans = "", []
    for sentence in sentences:
        start = len(text)
        text += sentence + " "
        spans.append(Span(start=start, end=start + len(sentence), text=sentence))
    stmts = [Statement(id=f"s{n + 1}", text=sentences[n], span=spans[n]) for n in range(statements)]
    infs, attacks = [], []
    for n in range(1, statements):
        parent = f"s{(n - 1) // 3 + 1}"
        if n % 7 == 0:
            attacks.append(Attack(id=f"a{len(attacks) + 1}", source=f"s{n + 1}", target=parent))
        else:
            infs.append(Inference(id=f"i{len(infs) + 1}", premises=(f"s{n + 1}",), conclusion=parent))
    evs = [
        Evidence(
            id=f"e{k + 1}", target=f"s{k * 5 % statements + 1}", kind="statistic", text=f"{k * 3}% of them"
        )
        for k in range(evidence)
    ]
    return ArgumentMap(
        id=f"generated-{statements}",
        title=title or f"A {statements}-statement map",
        source=Source(title="Generated", text=text),
        statements=tuple(stmts),
        inferences=tuple(infs),
        attacks=tuple(attacks),
        evidence=tuple(evs),
    )
