from argmap import graph
from argmap.analysis.memo import per_map
from argmap.model import ArgumentMap


def test_per_map_computes_once_per_map_object_and_forgets_it_with_the_map():
    calls = []

    @per_map
    def count(amap):
        calls.append(amap.id)
        return len(calls)

    a, b = ArgumentMap(id="a"), ArgumentMap(id="a")  # equal, but another object: another version
    assert count(a) == count(a) == 1
    assert count(b) == 2
    for n in range(50):
        m = ArgumentMap(id=f"m{n}")
        count(m)
        del m  # freed at once: what was kept for it goes too
    assert len(graph._KEPT) < 10
