"""Layout: the direction chosen from the map's shape, and the way down from the main conclusion."""

from __future__ import annotations

from argmap.model import ArgumentMap, Inference, Statement
from argmap.render.layout import breadcrumb, breadcrumbs, choose_direction, shape
from argmap.render.view import ViewOptions


def fan(reasons: int) -> ArgumentMap:
    """s1 with ``reasons`` reasons directly under it: wide and shallow."""
    stmts = [Statement(id=f"s{n}", text=f"claim {n}") for n in range(1, reasons + 2)]
    infs = [Inference(id=f"i{n}", premises=(f"s{n + 1}",), conclusion="s1") for n in range(1, reasons + 1)]
    return ArgumentMap(id="fan", statements=tuple(stmts), inferences=tuple(infs))


def chain(length: int) -> ArgumentMap:
    """s1 ← s2 ← … ← sN: deep and narrow."""
    stmts = [Statement(id=f"s{n}", text=f"claim {n}") for n in range(1, length + 1)]
    infs = [Inference(id=f"i{n}", premises=(f"s{n + 1}",), conclusion=f"s{n}") for n in range(1, length)]
    return ArgumentMap(id="chain", statements=tuple(stmts), inferences=tuple(infs))


def test_shape_counts_levels_and_leaves() -> None:
    assert shape(fan(6)) == type(shape(fan(6)))(depth=2, breadth=6, leaves=6)
    assert shape(chain(5)).depth == 5 and shape(chain(5)).leaves == 1


def test_a_wide_shallow_tree_goes_sideways_a_deep_or_small_one_top_down() -> None:
    assert choose_direction(fan(12)) == "LR"
    assert choose_direction(fan(3)) == "TB"  # fits the width at reading size
    assert choose_direction(chain(12)) == "TB"
    # The space counts: three reasons side by side fit a laptop, not a narrow column.
    assert choose_direction(fan(4), width_px=1200) == "TB"
    assert choose_direction(fan(4), width_px=500) == "LR"


def test_the_shape_is_of_what_is_shown() -> None:
    # Focused on one reason, a wide map is small: no need to go sideways.
    assert choose_direction(fan(12), ViewOptions(focus="s5", depth=1)) == "TB"


def test_breadcrumb_runs_from_the_main_conclusion() -> None:
    amap = chain(4)
    assert breadcrumb(amap, "s4") == ["s1", "s2", "s3", "s4"]
    assert breadcrumb(amap, "s1") == ["s1"]
    assert breadcrumb(amap, "nope") == []
    apart = ArgumentMap(id="m", statements=(*amap.statements, Statement(id="s9", text="alone")),
                        inferences=amap.inferences)  # fmt: skip
    assert breadcrumbs(apart)["s9"] == ["s9"]
