from argmap.analysis.memo import per_map
from argmap.model import ArgumentMap


def test_per_map_computes_once_per_map_object_and_again_for_another():
    calls = []

    @per_map
    def count(amap):
        calls.append(amap.id)
        return len(calls)

    a, b = ArgumentMap(id="a"), ArgumentMap(id="a")  # equal, but another object: another version
    assert count(a) == count(a) == 1
    assert count(b) == 2
    for n in range(20):  # the cache stays small
        count(ArgumentMap(id=f"m{n}"))
    assert count(a) == 23  # long forgotten: computed again
