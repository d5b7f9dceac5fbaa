from argmap.analysis.checks import structure


def names(findings):
    return [(f.check, f.node_ids) for f in findings]


def test_unsupported_premise_of_main_is_a_warning(make):
    m = make(
        {"c": "We should act.", "p": "Costs are rising.", "q": "Wages are flat."}, supports=((("p",), "c"),)
    )
    found = list(structure.unsupported_premise(m))
    assert [(f.node_ids, f.severity) for f in found] == [(("p",), "warning")]
    assert found[0].question.endswith("?")


def test_premise_with_evidence_or_background_or_implicit_is_not_flagged(make):
    m = make(
        {
            "c": "We should act.",
            "p": "Costs are rising.",
            "b": "The law passed in 2010.",
            "u": "Costs matter.",
        },
        supports=((("p", "b", "u"), "c"),),
        evidence=(("p", "statistic", "Costs rose 8% in 2024.", "ONS"),),
        tags={"b": ("background",)},
        implicit=frozenset({"u"}),
    )
    assert list(structure.unsupported_premise(m)) == []


def test_deeper_premise_is_info(make):
    m = make({"c": "C.", "m": "M.", "p": "P."}, supports=((("m",), "c"), (("p",), "m")))
    assert [(f.node_ids, f.severity) for f in structure.unsupported_premise(m)] == [(("p",), "info")]


def test_unanswered_objection_fires_until_answered(make):
    texts = {"c": "We should act.", "p": "Costs are rising.", "o": "Acting costs more.", "r": "Not so."}
    m = make(texts, supports=((("p",), "c"),), attacks=(("o", "c"),))
    assert names(structure.unanswered_objection(m)) == [("unanswered_objection", ("o", "c"))]
    answered = make(texts, supports=((("p",), "c"),), attacks=(("o", "c"), ("r", "o")))
    assert list(structure.unanswered_objection(answered)) == []


def test_thin_support_single_premise_and_single_source(make):
    m = make(
        {"c": "C.", "p": "P.", "q": "Q."},
        supports=((("p",), "c"), (("q",), "p")),
        evidence=(("p", "study", "A study.", "Acme"), ("q", "statistic", "A figure.", "Acme")),
    )
    found = list(structure.thin_support(m))
    assert [f.message for f in found] == [
        "The main conclusion rests on a single stated premise.",
        "All the evidence for the main conclusion comes from one source.",
    ]
    assert found[1].cue == "Acme"
    two = make({"c": "C.", "p": "P.", "q": "Q."}, supports=((("p", "q"), "c"),))
    assert list(structure.thin_support(two)) == []


def test_evidence_without_source(make):
    m = make(
        {"c": "C.", "p": "P."},
        supports=((("p",), "c"),),
        evidence=(("p", "statistic", "40% say so.", None), ("p", "example", "My aunt.", None)),
    )
    found = list(structure.evidence_without_source(m))
    assert [(f.node_ids[0], f.severity) for f in found] == [("e0", "warning"), ("e1", "info")]


def test_circular_support_is_an_error(make):
    m = make(
        {"a": "A.", "b": "B.", "c": "C.", "d": "D."}, supports=((("a",), "b"), (("b",), "c"), (("c",), "a"))
    )
    found = list(structure.circular_support(m))
    assert len(found) == 1
    assert found[0].severity == "error"
    assert set(found[0].node_ids) == {"a", "b", "c"}
    straight = make({"a": "A.", "b": "B."}, supports=((("a",), "b"),))
    assert list(structure.circular_support(straight)) == []


def test_near_duplicates_use_fuzzy_matching(make):
    m = make(
        {
            "a": "Voters will become more cautious about sharing data.",
            "b": "Voters will become more cautious about sharing their data.",
            "c": "Retailers want to know who shops in their stores.",
        }
    )
    assert names(structure.near_duplicate(m)) == [("near_duplicate", ("a", "b"))]


def test_unconnected(make):
    m = make(
        {"c": "C.", "p": "P.", "x": "Stray.", "b": "Fact."},
        supports=((("p",), "c"),),
        tags={"b": ("background",)},
    )
    assert names(structure.unconnected(m)) == [("unconnected", ("x",))]


def test_example_map_structure(example):
    assert names(structure.unanswered_objection(example)) == [("unanswered_objection", ("s12", "s2"))]
    assert list(structure.circular_support(example)) == []
    assert list(structure.near_duplicate(example)) == []
    assert list(structure.unconnected(example)) == []


def test_counter_to_an_objection_is_not_an_unanswered_objection_without_a_main(make):
    """No inference, so no main conclusion and no sides: parity still tells the answer from the objection."""
    m = make(
        {"c": "We should recycle.", "o": "Sorting is annoying.", "r": "But we waste too much."},
        attacks=(("o", "c"), ("r", "o")),
    )
    assert list(structure.unanswered_objection(m)) == []


def test_a_claim_repeated_three_times_is_one_finding(make):
    m = make(
        {
            "a": "Voters will become more cautious about sharing data.",
            "b": "Voters will become more cautious about sharing their data.",
            "c": "Voters will become more cautious about sharing the data.",
            "d": "Something else entirely.",
        }
    )
    found = list(structure.near_duplicate(m))
    assert [f.node_ids for f in found] == [("a", "b", "c")]


def test_circular_support_in_a_chain_thousands_deep(make):
    """A 3,000-step chain (a valid map may hold 5,000 statements), closed into one circle at the end:
    found without hitting Python's recursion limit."""
    n = 3000
    texts = {f"s{k}": f"Claim number {k}." for k in range(1, n + 1)}
    supports = tuple(((f"s{k}",), f"s{k + 1}") for k in range(1, n)) + (((f"s{n}",), "s1"),)
    found = list(structure.circular_support(make(texts, supports=supports)))
    assert len(found) == 1 and len(found[0].node_ids) == n
    straight = make(texts, supports=supports[:-1])
    assert list(structure.circular_support(straight)) == []


def test_a_statement_that_supports_and_attacks_one_claim_is_an_error(make):
    texts = {"c": "We should act.", "p": "Costs are rising.", "q": "Prices fall."}
    both = make(texts, supports=((("p",), "c"), (("q",), "c")), attacks=(("p", "c"),))
    found = list(structure.supports_and_attacks(both))
    assert [(f.check, f.severity, f.node_ids) for f in found] == [
        ("supports_and_attacks", "error", ("p", "c"))
    ]
    consistent = make(texts, supports=((("p",), "c"),), attacks=(("q", "c"),))
    assert list(structure.supports_and_attacks(consistent)) == []


def test_the_example_map_does_not_contradict_itself(example):
    assert list(structure.supports_and_attacks(example)) == []


def _generated_texts(n: int, seed: int = 3) -> list[str]:
    """``n`` varied sentences, every 40th a copy of an earlier one with one word changed."""
    import random

    rng = random.Random(seed)
    vocab = [f"{a}{b}" for a in ("bar", "cor", "dun", "fel", "gim", "hol", "jas", "kep") for b in range(60)]
    out: list[str] = []
    for k in range(n):
        if k % 40 == 39:
            words = out[rng.randrange(k)].split()
            words[rng.randrange(len(words))] = rng.choice(vocab)
            out.append(" ".join(words))
        else:
            out.append(" ".join(rng.choice(vocab) for _ in range(rng.randint(5, 14))))
    return out


def test_near_duplicate_pairs_by_length_window_are_every_pair_above_the_cutoff():
    """The length window is exact: the same pairs as comparing every pair with token_sort_ratio."""
    from rapidfuzz import fuzz, utils

    texts = _generated_texts(300)
    brute = {
        (i, j)
        for i in range(len(texts))
        for j in range(i + 1, len(texts))
        if fuzz.token_sort_ratio(texts[i], texts[j], processor=utils.default_process)
        >= structure.DUPLICATE_RATIO
    }
    assert brute  # the planted copies are there
    assert {(i, j) for i, j, _ in structure.similar_pairs(texts)} == brute


def test_past_the_exact_limit_the_rare_word_index_finds_the_planted_copies(monkeypatch):
    texts = _generated_texts(1_200)
    exact = {(i, j) for i, j, _ in structure.similar_pairs(texts)}
    monkeypatch.setattr(structure, "EXACT_UP_TO", 100)
    indexed = {(i, j) for i, j, _ in structure.similar_pairs(texts)}
    assert len(exact) >= 15
    assert indexed == exact
