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
    rows = next(d.value for d in at.dataframe if "status" in d.value)  # the ratings table, not the claims
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


def _points(at) -> list[str]:
    """The numbered sentences of the audit's top points, as shown."""
    return [shown(m.value) for m in at.markdown if re.match(r"\*\*\d\.\*\* ", m.value)]


def test_the_page_opens_on_the_top_points_in_sentences_and_groups_the_rest(app) -> None:
    at = app("check")
    assert not at.exception
    assert "What to raise first" in [h.value for h in at.subheader]
    points = _points(at)
    top = [p for p in points if re.match(r"\*\*[1-5]\.\*\* ", p)]
    assert 1 <= len(top) <= 5
    if len(points) > 5:  # the rest wait, folded, below the top five
        assert any("more point" in e.label for e in at.expander)
    assert all(" — " in p for p in points)  # "<where it sits> — <what is weak>"
    assert any(m.value.startswith("**Also noticed:**") and "no reason given" in m.value for m in at.markdown)
    assert {"audit_report", "audit_claims_csv", "audit_claims_ld"} <= {
        b.key for b in at.get("download_button")
    }


def test_showing_a_point_marks_its_words_and_its_nodes(app) -> None:
    at = app("check")
    show = next(b for b in at.button if b.key and b.key.startswith("audit_show_"))
    key = show.key.removeprefix("audit_show_")
    show.click().run()
    assert not at.exception
    assert at.session_state["audit_point"] == key
    nodes = key.split(":", 1)[1].split("+")
    assert any("<mark" in h.proto.body for h in at.get("html"))  # its words, marked in the text
    tree = at.get("graphviz_chart")[-1].proto.spec  # the full tree, below
    assert "peripheries=2" in node_line(tree, nodes[0]) or "peripheries=2" in tree


def test_a_point_asked_dismissed_and_answered_is_remembered_in_the_map(app) -> None:
    at = app("check")
    keys = [b.key.removeprefix("audit_show_") for b in at.button if b.key and b.key.startswith("audit_show_")]
    first, second = keys[0], keys[1]
    at.text_area(key=f"audit_q_{first}").input("Where does this figure come from?")
    at.button(key=f"audit_ask_{first}").click().run()
    assert not at.exception
    review = {r.key: r for r in current(at).reviews}[first]
    assert (review.status, review.question) == ("asked", "Where does this figure come from?")
    thread = [c for c in current(at).comments if "Where does this figure come from?" in c.text]
    assert len(thread) == 1 and thread[0].text.startswith("Question for the writer:")
    at.button(key=f"audit_drop_{second}").click().run()
    assert {r.key: r.status for r in current(at).reviews}[second] == "dismissed"
    assert second not in [
        b.key.removeprefix("audit_show_") for b in at.button if b.key and b.key.startswith("audit_show_")
    ]
    from argmap.analysis.audit import audit
    from argmap.analysis.report import render

    # What the report download holds: the question asked, under "Questions for the writer".
    report = render(current(at), audit(current(at)), "markdown")
    assert "Where does this figure come from?" in report.split("Questions for the writer")[1]
    at.button(key=f"audit_done_{first}").click().run()
    assert {r.key: r.status for r in current(at).reviews}[first] == "answered"
    assert at.session_state["argmap_history"].can_undo
