"""The rule ablation (``argmap eval --by-rule``, ``bench/ablate.py``): what moves when one rule is off."""

from __future__ import annotations

from argmap.extractor import extract
from argmap.extractor.ablation import Collection, CutOnce, collections, effects, fingerprint, line
from argmap.roles import derive

FIRES = "We should raise wages. Prices are high, because rents have doubled."  # link.reason_after
QUIET = "We should raise wages. Prices are high. Rents have doubled."


def _main_is_first(extractor):
    amap = extractor(FIRES)
    return {"main": float(derive(amap).main == amap.statements[0].id), "links": float(len(amap.inferences))}


def test_a_rule_that_fires_moves_its_text_and_one_that_does_not_is_idle():
    toy = [Collection("toy", (FIRES, QUIET), _main_is_first, ("main", "links"))]
    found = {e.rule: e for _, e in effects(toy, ["link.reason_after", "evidence.quotation"])}
    fires, idle = found["link.reason_after"], found["evidence.quotation"]
    assert fires.changed == {"toy": 1} and not fires.idle
    assert idle.changed == {"toy": 0} and idle.idle and idle.moves == {}
    assert line(toy, idle).split() == ["evidence.quotation", "0", "no", "figure", "moves"]


def test_the_figures_that_move_are_reported_with_their_change():
    def links(extractor):
        return {"links": float(sum(len(extractor(t).inferences) for t in (FIRES, QUIET)))}

    toy = [Collection("toy", (FIRES, QUIET), links, ("links",))]
    ((base, effect),) = list(effects(toy, ["segment.comma_connective"]))
    assert base["toy"]["links"] > 0
    assert effect.changed["toy"] == 1 and effect.moves["toy"]["links"] < 0  # one clause fewer, one link fewer
    assert "toy links -" in line(toy, effect)


def test_reusing_the_cut_gives_the_maps_extract_gives():
    found, _ = collections(["pieces"])
    cut = CutOnce()
    for text in found[0].texts[:6]:
        assert cut(text) == extract(text)
        assert fingerprint(cut(text)) == fingerprint(extract(text))


def test_the_blind_pieces_are_a_collection_with_their_expectations():
    found, missing = collections(["pieces", "essays"])
    assert [c.name for c in found] == ["pieces", "essays"] and not missing
    pieces = found[0]
    assert len(pieces.texts) >= 15
    figures = pieces.score(extract)
    assert figures["main"] == 1.0 and 0.9 <= figures["met"] <= 1.0
