"""The Check page: findings with cue and question, highlighting, schemes and answers, ratings."""

from __future__ import annotations

import re

from tests.app.conftest import current, dot, shown


def node_line(source: str, nid: str) -> str:
    return next(line for line in source.splitlines() if line.strip().startswith(f'"{nid}" ['))


def texts(at) -> str:
    return " ".join(shown(m.value) for m in at.markdown)


def test_findings_show_cue_and_question_grouped_by_node(app) -> None:
    at = app("check")
    body = texts(at)
    assert "rhetorical question" in body and "why quibble?" in body
    assert "hypocritically" in body
    assert "unsupported prediction" in body.lower()
    assert "*Ask:*" in body
    at.radio(key="check_severity").set_value("error").run()
    assert not at.exception
    assert any("No findings" in s.value for s in at.success)


def test_choosing_a_finding_highlights_its_nodes(app) -> None:
    at = app("check")
    box = at.selectbox(key="check_finding")
    labels = box.options
    n = next(i for i, label in enumerate(labels) if "why quibble" in label)
    before = node_line(dot(at), "s8")
    assert "peripheries=2" not in before
    box.set_value(n).run()
    assert not at.exception
    assert "peripheries=2" in node_line(dot(at), "s8")


def test_scheme_and_answers_are_saved_in_the_map_with_undo(app) -> None:
    at = app("check")
    at.selectbox(key="scheme_target").select("i4").run()
    assert at.selectbox(key="scheme_name").value == "cause to effect"
    assert "Suggested:" in " ".join(c.value for c in at.caption)
    at.radio(key="cq_answer_i4_0").set_value("no")
    at.text_input(key="cq_note_i4_0").input("Few voters read about data deals.")
    at.button(key="scheme_save").click().run()
    assert not at.exception
    inf = current(at).element("i4")
    assert inf.scheme == "cause to effect"
    assert inf.answers[0].answer == "no" and inf.answers[0].note == "Few voters read about data deals."
    assert [a.answer for a in inf.answers[1:]] == ["open"] * (len(inf.answers) - 1)
    assert at.session_state["argmap_history"].can_undo


def test_ratings_propagate_and_colour_the_map(app) -> None:
    at = app("check")
    colour_before = re.search(r'fillcolor="([^"]+)"', node_line(dot(at), "s1")).group(1)
    for eid, value in (("s6", "accepted"), ("i3", "strong"), ("i2", "strong")):
        at.selectbox(key="rate_target").select(eid).run()
        at.radio(key="rate_value").set_value(value).run()
        at.button(key="rate_save").click().run()
        assert not at.exception
    amap = current(at)
    assert amap.statement("s6").rating == "accepted"
    rows = at.dataframe[0].value
    status = dict(zip(rows["id"], rows["status"], strict=True))
    assert status["s4"] == "accepted" and status["s1"] == "accepted"
    colour_after = re.search(r'fillcolor="([^"]+)"', node_line(dot(at), "s1")).group(1)
    assert colour_after != colour_before


def _containers_of(node, kind: str, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The block types around every element of type ``kind`` on the page, outermost first."""
    found = [path] if getattr(node, "type", None) == kind else []
    children = getattr(node, "children", None)
    for child in children.values() if isinstance(children, dict) else ():
        found += _containers_of(child, kind, (*path, getattr(node, "type", "")))
    return found


def test_the_tree_takes_the_full_width_unless_put_beside_the_findings(app) -> None:
    at = app("check")
    (where,) = _containers_of(at.main, "graphviz_chart")
    assert "column" not in where  # full width: beside the findings a wide tree was too small to read
    at.toggle(key="check_beside").set_value(True).run()
    (where,) = _containers_of(at.main, "graphviz_chart")
    assert "column" in where
    box = at.selectbox(key="check_finding")
    n = next(i for i, label in enumerate(box.options) if "why quibble" in label)
    box.set_value(n).run()
    assert "peripheries=2" in node_line(dot(at), "s8")  # still highlighted, either way


def test_the_chosen_tab_stays_open_after_saving_a_rating(app) -> None:
    at = app("check")
    at.session_state["check_tab"] = "Ratings"
    at.run()
    at.selectbox(key="rate_target").select("s8").run()
    at.radio(key="rate_value").set_value("rejected")
    at.button(key="rate_save").click().run()
    assert not at.exception
    assert current(at).element("s8").rating == "rejected"
    assert at.session_state["check_tab"] == "Ratings"


def test_a_finding_is_labelled_with_words_and_the_tree_can_be_drawn_sideways(app) -> None:
    at = app("check")
    amap = current(at)
    label = next(o for o in at.selectbox(key="check_finding").options if "why quibble" in o)
    start = amap.element("s8").text.split()[0]
    assert label.split("·")[0].split()[-1] == "s8"  # the ids first
    assert f"({start}" in label  # then the start of the node's own words
    assert "rankdir=BT" in dot(at).replace('"', "")
    at.radio(key="check_direction").set_value("LR").run()
    assert "rankdir=RL" in dot(at).replace('"', "")
