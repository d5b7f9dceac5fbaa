"""The Map page: select a node, see why it is there, edit it through the forms, undo and redo."""

from __future__ import annotations

import re

from tests.app.conftest import VIEWS, current, dot, messages, page_html, select, shown


def test_selecting_a_node_highlights_it_and_explains_it(app) -> None:
    at = select(app("map"), "s9")
    assert re.search(r'<mark data-id="s9"[^>]*outline', page_html(at))
    assert at.session_state["selected_node"] == "s9"
    text = " ".join(m.value for m in at.markdown)
    assert "They say" in text  # the cue words that made it an objection
    assert "attacks s7" in text
    s9_line = next(line for line in dot(at).splitlines() if line.strip().startswith('"s9" ['))
    assert "peripheries=2" in s9_line  # drawn highlighted in the tree too


def test_add_a_counterargument_with_author(app) -> None:
    at = app("map")
    at.text_input(key="author").input("Ana").run()
    select(at, "s3")
    at.text_area(key="attack_text").input("Parties have always sold mailing lists; nobody noticed.")
    at.button(key="attack_submit").click().run()
    assert not at.exception
    amap = current(at)
    new = amap.statements[-1]
    assert new.text.startswith("Parties have always sold")
    assert new.author == "Ana"
    attack = amap.attacks[-1]
    assert (attack.source, attack.target, attack.author) == (new.id, "s3", "Ana")
    source = dot(at)
    assert new.id in source
    edge = next(line for line in source.splitlines() if f'"{new.id}" -> "s3"' in line)
    assert 'style="dashed"' in edge  # drawn as an attack
    assert any("Added" in m for m in messages(at)["success"])
    assert at.text_area(key="attack_text").value == ""  # the form is ready for the next one


def test_the_edit_tab_stays_chosen_after_a_form_is_sent(app) -> None:
    # An untracked tab bar fell back to "Text" on every rerun: after adding an objection the user lost
    # their place. The chosen tab is kept in session state, across a sent form and a new selection.
    at = select(app("map"), "s3")
    assert at.session_state["edit_tab"] == "Text"  # the first tab by default
    at.session_state["edit_tab"] = "Counterargument"
    at.run()
    at.text_area(key="attack_text").input("Nobody reads the small print of a voter file.")
    at.button(key="attack_submit").click().run()
    assert not at.exception
    nid = current(at).attacks[-1].source
    assert at.session_state["edit_tab"] == "Counterargument"
    select(at, nid)  # now answer the new objection
    assert at.session_state["edit_tab"] == "Counterargument"
    at.session_state["edit_tab"] = "Rebuttal"
    at.run()
    at.text_area(key="rebuttal_text").input("The parties' mailing lists are read by reporters.")
    at.button(key="rebuttal_submit").click().run()
    assert current(at).attacks[-1].target == nid
    assert at.session_state["edit_tab"] == "Rebuttal"


def test_undercut_an_inference(app) -> None:
    at = select(app("map"), "s4")
    at.text_area(key="attack_text").input("The 2012 win had many causes.")
    at.radio(key="attack_target").set_value("i2")
    at.button(key="attack_submit").click().run()
    assert current(at).attacks[-1].target == "i2"


def test_attach_evidence(app) -> None:
    at = select(app("map"), "s11")
    at.selectbox(key="evidence_kind").select("document")
    at.text_area(key="evidence_text").input("OFA filed as a 501(c)(4) in January 2013.")
    at.text_input(key="evidence_title").input("IRS filing")
    at.text_input(key="evidence_author").input("Internal Revenue Service")
    at.text_input(key="evidence_url").input("https://example.org/filing")
    at.button(key="evidence_submit").click().run()
    assert not at.exception
    ev = current(at).evidence[-1]
    assert (ev.target, ev.kind, ev.text) == ("s11", "document", "OFA filed as a 501(c)(4) in January 2013.")
    assert ev.source.url == "https://example.org/filing" and ev.source.author == "Internal Revenue Service"
    assert ev.id in dot(at)


def test_empty_counterargument_is_refused_and_map_unchanged(app) -> None:
    at = select(app("map"), "s3")
    before = current(at)
    at.button(key="attack_submit").click().run()
    assert current(at) == before
    assert any("needs some text" in m for m in messages(at)["error"])


def test_undo_and_redo(app) -> None:
    at = select(app("map"), "s2")
    before = current(at)
    at.text_area(key="premise_text").input("People read the news about data deals.")
    at.button(key="premise_submit").click().run()
    after = current(at)
    assert len(after.statements) == len(before.statements) + 1
    at.button(key="map_undo").click().run()
    assert current(at) == before
    assert at.button(key="map_undo").disabled
    at.button(key="map_redo").click().run()
    assert current(at) == after


def test_co_premise_edit_text_implicit_and_move(app) -> None:
    at = select(app("map"), "s1")
    at.text_area(key="premise_text").input("Voters can refuse to talk to canvassers.")
    at.radio(key="premise_join").set_value("i1")
    at.button(key="premise_submit").click().run()
    amap = current(at)
    new = amap.statements[-1].id
    assert new in amap.element("i1").premises

    select(at, "s8")
    version = at.session_state["argmap_version"]
    assert at.text_area(key=f"edit_text_s8_v{version}").value == "If it brings in cash, why quibble?"
    at.text_area(key=f"edit_text_s8_v{version}").input("If it brings in cash, why quibble at all?")
    at.checkbox(key=f"edit_implicit_s8_v{version}").check()
    at.button(key="edit_submit").click().run()
    s8 = current(at).statement("s8")
    assert s8.text == "If it brings in cash, why quibble at all?" and s8.implicit

    at.selectbox(key="move_target").select("s3")
    at.button(key="move_submit").click().run()
    infs = current(at).inferences
    assert any(i.premises == ("s8",) and i.conclusion == "s3" for i in infs)
    assert not any("s8" in i.premises and i.conclusion == "s7" for i in infs)


def test_rebuttal_and_delete(app) -> None:
    at = select(app("map"), "s9")
    at.text_area(key="rebuttal_text").input("Wal-Mart could buy through a broker anyway.")
    at.button(key="rebuttal_submit").click().run()
    amap = current(at)
    new = amap.statements[-1].id
    assert any(a.source == new and a.target == "s9" for a in amap.attacks)

    select(at, new)
    at.button(key="delete_submit").click().run()
    assert new in current(at).ids()  # not confirmed: nothing deleted
    at.checkbox(key="delete_confirm").check()
    at.button(key="delete_submit").click().run()
    assert new not in current(at).ids()
    assert new not in dot(at)


def test_outline_on_request(app) -> None:
    at = app("map")
    assert not at.code
    at.toggle(key="map_outline").set_value(True).run()
    assert "[s1]" in at.code[0].value and "[s12]" in at.code[0].value


def test_large_map_opens_focused_on_the_selection(app, store_dir) -> None:
    from argmap.edit import operations as edit
    from argmap.storage.store import Store

    store = Store(store_dir)
    amap = store.load("democrats-voter-data")
    parent = "s1"
    for n in range(200):  # a long chain under the main conclusion
        amap, parent = edit.add_premise(amap, parent, f"Reason number {n} for the one above.")
    store.save(amap, "democrats-voter-data", expected_revision=1)
    at = app("map")
    assert at.selectbox(key="view_layers").value == 2
    shown = dot(at)
    assert "Reason number 1 " in shown and "Reason number 3 " not in shown
    assert any("Showing 2 layers around" in c.value for c in at.caption)
    at.selectbox(key="view_layers").set_value(0).run()
    assert "Reason number 150 " in dot(at)


def test_the_direction_follows_the_shape_unless_the_user_picks_one(app, store_dir) -> None:
    # A wide, shallow tree drawn top → bottom and fitted to the page had 5 px labels; sideways it reads.
    from argmap.edit import operations as edit
    from argmap.storage.store import Store

    store = Store(store_dir)
    amap = store.load("democrats-voter-data")
    for n in range(40):
        amap, _ = edit.add_premise(amap, "s1", f"Reason number {n}.")
    store.save(amap, "democrats-voter-data", expected_revision=1)
    at = app("map")
    assert at.radio(key="view_direction").value == "auto"
    assert "rankdir=RL" in dot(at)
    at.radio(key="view_direction").set_value("TB").run()
    assert "rankdir=BT" in dot(at)
    # The choice is the session's: another page and back keeps it.
    at.switch_page("src/argmap/app/views/check.py").run()
    at.switch_page("src/argmap/app/views/map.py").run()
    assert at.radio(key="view_direction").value == "TB"


def test_colour_by_evaluation_changes_tree_and_legend(app) -> None:
    at = app("map")
    by_role = dot(at)
    at.radio(key="view_color_by").set_value("evaluation").run()
    assert not at.exception
    assert dot(at) != by_role
    assert "Tree, by evaluation" in page_html(at) and "accepted" in page_html(at)


def test_an_empty_map_offers_its_first_statement(app) -> None:
    from argmap.edit.history import History
    from argmap.model import ArgumentMap, Source

    at = app("map")
    at.session_state["argmap_history"] = History(
        present=ArgumentMap(id="mine", title="Mine", source=Source(text="Cats are best. They purr."))
    )
    at.run()
    assert not at.exception
    at.text_area(key="first_text").input("Cats are the best pets.")
    at.button(key="first_submit").click().run()
    assert not at.exception
    amap = current(at)
    assert [s.text for s in amap.statements] == ["Cats are the best pets."]
    assert at.session_state["selected_node"] == amap.statements[0].id
    assert [b for b in at.button if b.key == "premise_submit"]  # its edit forms are shown now


def test_a_form_result_is_also_a_toast_seen_wherever_the_page_is_scrolled(app) -> None:
    at = select(app("map"), "s3")
    at.text_area(key="attack_text").input("An objection.")
    at.button(key="attack_submit").click().run()
    assert any("Added" in t.value for t in at.toast)
    at.text_area(key="attack_text").input("   ")
    at.button(key="attack_submit").click().run()
    assert at.toast and "needs some text" in at.toast[0].value and at.toast[0].icon == ":material/error:"


def test_why_it_is_here_names_the_linked_statements_in_words(app) -> None:
    at = select(app("map"), "s9")
    amap = current(at)
    (attack,) = [a for a in amap.attacks if a.source == "s9"]
    target_words = " ".join(amap.element(attack.target).text.split()[:3])
    line = next(
        shown(m.value) for m in at.markdown if f"{attack.id}: attacks {attack.target}" in shown(m.value)
    )
    assert target_words in line  # not the bare id


def test_selected_evidence_names_its_statement_in_words(app) -> None:
    at = app("map")
    amap = current(at)
    ev = amap.evidence[0]
    select(at, ev.id)
    words = " ".join(amap.element(ev.target).text.split()[:3])
    assert any(f"for {ev.target} (“{words}" in shown(m.value) for m in at.markdown)


def test_undo_and_redo_say_what_they_undid(app) -> None:
    at = select(app("map"), "s8")
    at.selectbox(key="move_target").select("s3")
    at.button(key="move_submit").click().run()
    assert any(
        m.startswith("Moved s8 (“If it brings in cash") and "under s3 (“" in m
        for m in messages(at)["success"]
    )
    assert current(at).statement("s8").reason.startswith("moved under s3")
    assert shown(at.button(key="map_undo").proto.help).startswith("Undo: moved s8")
    at.button(key="map_undo").click().run()
    assert any(m.startswith("Undid: moved s8 (“") for m in messages(at)["success"])
    at.button(key="map_redo").click().run()
    assert any(m.startswith("Redid: moved s8 (“") for m in messages(at)["success"])


def test_a_move_that_would_make_a_circle_is_refused_in_words(app) -> None:
    at = select(app("map"), "s3")
    before = current(at)
    at.selectbox(key="move_target").select("s7")  # s7 supports s3
    at.button(key="move_submit").click().run()
    assert current(at) == before
    assert any("circle" in m and "s3 → s7" in m for m in messages(at)["error"])


def test_pin_a_new_main_conclusion_keeps_the_old_one_with_its_reasons(app) -> None:
    at = select(app("map"), "s4")
    at.radio(key="pin_old_main").set_value("reason")
    at.button(key="pin_main").click().run()
    assert not at.exception
    amap = current(at)
    from argmap.roles import derive

    roles = derive(amap)
    assert roles.main == "s4" and roles.role["s1"] == "intermediate"
    assert roles.role["s10"] == "rebuttal"  # the author's answer stays an answer
    assert any(m.startswith("Pinned s4 (“") for m in messages(at)["success"])


def test_a_large_map_has_an_overview_branch_by_branch(app, store_dir) -> None:
    from argmap.edit import operations as edit
    from argmap.storage.store import Store

    store = Store(store_dir)
    amap = store.load("democrats-voter-data")
    for n in range(200):
        amap, _ = edit.add_premise(amap, "s2", f"Reason number {n} for s2.")
    store.save(amap, "democrats-voter-data", expected_revision=1)
    at = app("map")
    assert not at.exception
    assert at.toggle(key="view_overview").value
    labels = [shown(e.label) for e in at.expander]
    s2 = next(label for label in labels if label.startswith("+ s2 (“In the future"))
    assert int(s2.split("· ")[-1].split()[0]) > 200  # all it holds, however deep
    branch = next(
        b for b in at.button if b.key and b.key.startswith("overview_") and b.label == "Show this branch"
    )
    branch.click().run()
    assert at.session_state["selected_node"] in {"s2", "s4", "s5"}


def test_a_drafted_node_says_which_rules_decided_it(app) -> None:
    at = app("analyze")
    at.text_area(key="analyze_text").input(
        "Schools should start later. Teenagers sleep late, because their body clocks shift. "
        "Admittedly, buses cost more. But the savings in health are larger."
    )
    at.button(key="analyze_go").click().run()
    assert not at.exception
    amap = current(at)
    objection = next(s for s in amap.statements if s.text.startswith("Admittedly"))
    at.switch_page(f"{VIEWS}/map.py").run()
    text = " ".join(shown(m.value) for m in select(at, objection.id).markdown)
    assert "objection: the opponent's voice ('admittedly')" in text  # the reason, in words
    assert "decided by: voice.opponent_cue, link.objection" in text  # the rules that made it
