"""The Check page: findings with cue and question, highlighting, schemes and answers, ratings."""

from __future__ import annotations

import re

from tests.app.conftest import current, dot, shown, tree_data


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


def open_tab(at, name: str):
    """Choose a tab as a reader clicks it: the page reruns and only that tab's content is sent."""
    at.session_state["check_tab"] = name
    return at.run()


def test_scheme_and_answers_are_saved_in_the_map_with_undo(app) -> None:
    at = open_tab(app("check"), "Schemes")
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
    at = open_tab(app("check"), "Ratings")
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
    (where,) = _containers_of(at.main, "bidi_component")  # the app's clickable tree
    assert "column" not in where  # full width: beside the findings a wide tree was too small to read
    at.toggle(key="check_beside").set_value(True).run()
    (where,) = _containers_of(at.main, "bidi_component")
    assert "column" in where
    box = at.selectbox(key="check_finding")
    n = next(i for i, label in enumerate(box.options) if "why quibble" in label)
    box.set_value(n).run()
    assert "peripheries=2" in node_line(dot(at), "s8")  # still highlighted, either way


def test_only_the_open_tab_is_worked_out_and_sent(app) -> None:
    at = app("check")
    keys = {w.key for w in at.selectbox}
    assert "check_finding" in keys and not {"rate_target", "scheme_target"} & keys
    assert not any("status" in d.value for d in at.dataframe)  # the ratings table waits for its tab
    finding = re.compile(r"\*\*(info|warning|error)\*\* · ")  # a line of the Findings tab
    assert finding.search(texts(at))
    at = open_tab(at, "Ratings")
    keys = {w.key for w in at.selectbox}
    assert "rate_target" in keys and "scheme_target" not in keys
    assert not finding.search(texts(at))  # the findings are not sent while their tab is closed
    assert "scheme_target" in {w.key for w in open_tab(at, "Schemes").selectbox}


def test_the_chosen_tab_stays_open_after_saving_a_rating(app) -> None:
    at = open_tab(app("check"), "Ratings")
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
    tree = tree_data(at)["dot"]  # the full tree, below
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


def _large_map(statements: int):
    """A tree of ``statements`` claims, three reasons each and every tenth an objection (as
    bench/bench_app.py builds its 500-node map): most nodes draw a finding."""
    from argmap.model import ArgumentMap, Attack, Inference, Source, Span, Statement

    text, stmts = "", []
    for n in range(statements):
        sentence = f"Claim {n} says that voters and data and trust matter here."
        span = Span(start=len(text), end=len(text) + len(sentence), text=sentence)
        stmts.append(Statement(id=f"s{n + 1}", text=sentence, span=span))
        text += sentence + " "
    infs, attacks = [], []
    for n in range(1, statements):
        parent = f"s{(n - 1) // 3 + 1}"
        if n % 10 == 0:
            attacks.append(Attack(id=f"a{len(attacks) + 1}", source=f"s{n + 1}", target=parent))
        else:
            infs.append(Inference(id=f"i{len(infs) + 1}", premises=(f"s{n + 1}",), conclusion=parent))
    return ArgumentMap(
        id="big", title="A large map", source=Source(title="Generated", text=text),
        statements=tuple(stmts), inferences=tuple(infs), attacks=tuple(attacks),
    )  # fmt: skip


def test_a_large_maps_findings_are_listed_a_page_of_nodes_at_a_time(app, store_dir) -> None:
    from argmap.analysis.checks import by_node, check
    from argmap.formats import native

    amap = _large_map(150)
    groups = list(by_node(amap, check(amap)))
    assert len(groups) > 80  # more than two pages
    (store_dir / "democrats-voter-data.json").write_text(native.dumps(amap), encoding="utf-8")
    at = app("check")
    pager = at.selectbox(key="check_findings_page")
    assert pager.options[0] == f"nodes 1\u201340 of {len(groups)}"
    shown_nodes = [m.value for m in at.markdown if m.value.startswith("**") and " · " in m.value]
    assert len(shown_nodes) == 40 and groups[0] in shown_nodes[0] and groups[39] in shown_nodes[-1]
    pager.set_value(40).run()
    assert not at.exception
    shown_nodes = [m.value for m in at.markdown if m.value.startswith("**") and " · " in m.value]
    assert groups[40] in shown_nodes[0] and groups[79] in shown_nodes[-1]
    at.radio(key="check_severity").set_value("warning").run()  # another list: back to its first page
    assert at.selectbox(key="check_findings_page").value == 0
