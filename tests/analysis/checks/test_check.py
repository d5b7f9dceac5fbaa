from argmap.analysis.checks import CHECKS, by_node, check
from argmap.analysis.checks.finding import SEVERITIES


def test_registry_names_are_unique_functions():
    names = [c.__name__ for c in CHECKS]
    assert len(names) == len(set(names))


def test_every_finding_names_its_check_and_existing_nodes(example):
    found = check(example)
    assert found
    ids = example.ids()
    names = {c.__name__ for c in CHECKS}
    for f in found:
        assert f.check in names
        assert f.node_ids and set(f.node_ids) <= ids
        assert f.message and f.question.endswith("?")


def test_min_severity_filters_and_sorts(example):
    every = check(example)
    warnings = check(example, min_severity="warning")
    assert warnings and all(f.severity in ("warning", "error") for f in warnings)
    assert len(warnings) < len(every)
    ranks = [SEVERITIES.index(f.severity) for f in every]
    assert ranks == sorted(ranks, reverse=True)


def test_by_node_groups_in_map_order(example):
    groups = by_node(example, check(example))
    order = [s.id for s in example.statements]
    keys = [k for k in groups if k in order]
    assert keys == sorted(keys, key=order.index)
    assert all(f.node_ids[0] == k for k, fs in groups.items() for f in fs)


def test_a_clean_map_has_no_warnings(make):
    m = make(
        {"c": "The city should build more housing.", "p": "Rents rose 8% last year.", "q": "Wages rose 2%."},
        supports=((("p", "q"), "c"),),
        evidence=(("p", "statistic", "Rents rose 8%.", "ONS"), ("q", "statistic", "Wages rose 2%.", "ONS")),
    )
    assert check(m, min_severity="warning") == []
