"""compare and grade at 100 / 1,000 / 5,000 / 20,000 statements: seconds per call, on one core.

The maps are made up (no corpus needed): a reference of N statements, each a sentence of its
source text, in chains of reasons under a main conclusion with an objection every tenth; the
student's map keeps 70% as they are, rewords 15% (words shuffled, one dropped), splits 5% in two,
leaves 10% out. Two kinds of student: one made from the same piece (spans) and one retyped (no
spans: alignment by text only). "class of five" grades five such students with ``grade_maps``.
"""

from __future__ import annotations

import random
import sys
import time

from argmap.classroom.compare import compare
from argmap.classroom.grading import grade_maps
from argmap.model import ArgumentMap, Attack, Inference, Source, Span, Statement

VOCAB_SIZE = 4000


def _vocab(rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(VOCAB_SIZE)]


def reference(n: int, seed: int = 1) -> ArgumentMap:
    rng = random.Random(seed)
    vocab = _vocab(rng)
    texts = [
        " ".join(rng.choice(vocab) for _ in range(rng.randint(6, 16))).capitalize() + "." for _ in range(n)
    ]
    source, spans = "", []
    for t in texts:
        start = len(source)
        source += t + " "
        spans.append(Span(start=start, end=start + len(t), text=t))
    statements = tuple(Statement(id=f"s{k}", text=t, span=spans[k]) for k, t in enumerate(texts))
    inferences, attacks = [], []
    for k in range(1, n):
        parent = rng.randrange(0, k) if k > 5 else 0
        if k % 10 == 0:
            attacks.append(Attack(id=f"a{k}", source=f"s{k}", target=f"s{parent}"))
        else:
            inferences.append(Inference(id=f"i{k}", premises=(f"s{k}",), conclusion=f"s{parent}"))
    return ArgumentMap(
        id="ref",
        source=Source(text=source),
        statements=statements,
        inferences=tuple(inferences),
        attacks=tuple(attacks),
    )


def student(ref: ArgumentMap, seed: int, spans: bool) -> ArgumentMap:
    rng = random.Random(seed)
    keep: list[Statement] = []
    parts: dict[str, str] = {}
    for s in ref.statements:
        r = rng.random()
        if r < 0.10 and s.id != "s0":
            continue
        if r < 0.25:
            w = s.text.rstrip(".").split()
            rng.shuffle(w)
            keep.append(Statement(id=s.id, text=" ".join(w[1:]) + "."))
        elif r < 0.30 and s.span is not None and len(s.text.split()) > 6:
            cut = s.text.index(" ", len(s.text) // 2)
            a, b = s.span.start, s.span.start + cut
            keep.append(Statement(id=s.id, text=s.text[:cut], span=Span(start=a, end=b, text=s.text[:cut])))
            tail = Span(start=b + 1, end=s.span.end, text=s.text[cut + 1 :])
            keep.append(Statement(id=s.id + "b", text=tail.text, span=tail))
            parts[s.id + "b"] = s.id
        else:
            keep.append(s)
    if not spans:
        keep = [Statement(id=s.id, text=s.text) for s in keep]
    ids = {s.id for s in keep}
    inferences = [i for i in ref.inferences if i.conclusion in ids and all(p in ids for p in i.premises)]
    inferences += [Inference(id=f"j{b}", premises=(b,), conclusion=a) for b, a in parts.items()]
    attacks = [a for a in ref.attacks if a.source in ids and a.target in ids]
    return ArgumentMap(
        id="stu",
        source=ref.source if spans else None,
        statements=tuple(keep),
        inferences=tuple(inferences),
        attacks=tuple(attacks),
    )


def timed(fn, *args) -> float:  # noqa: ANN001, ANN002
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


def main() -> None:
    warm = reference(20)
    grade_maps(warm, {"warm": student(warm, 0, True)})  # imports (pandas) and compiled patterns
    print(f"{'statements':>10} {'same piece':>11} {'retyped':>9} {'class of five':>14}  score (same piece)")
    for n in [int(a) for a in sys.argv[1:]] or [100, 1_000, 5_000, 20_000]:
        ref = reference(n)
        same = student(ref, 2, True)
        typed = student(ref, 3, False)
        t_same = timed(compare, ref, same)
        t_typed = timed(compare, ref, typed)
        klass = {f"student{k}": student(ref, 10 + k, k % 2 == 0) for k in range(5)}
        t_class = timed(grade_maps, ref, klass)
        score = compare(ref, same).score
        print(f"{n:>10,} {t_same:>10.2f}s {t_typed:>8.2f}s {t_class:>13.2f}s  {score:.2f}")


if __name__ == "__main__":
    main()
