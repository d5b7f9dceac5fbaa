from argmap.extractor.normalise import normalise
from argmap.extractor.relations import plan
from argmap.extractor.sentences import split_sentences
from argmap.extractor.units import split_units


def read(raw: str, title: str | None = None):
    text = normalise(raw).text
    units = split_units(text, split_sentences(text))
    p = plan(units, text, title)
    words = [text[u.start : u.end] for u in units]
    return p, words


def test_claim_reasons_objection_and_answer():
    p, w = read(
        "The city should ban cars from the centre. The air there is the worst in the country. "
        "Admittedly, shops fear losing customers. But pedestrians spend more than drivers. "
        "Besides, the streets would be safer for children."
    )
    rs = p.readings
    assert w[p.main].startswith("The city should ban")
    assert rs[1].link == ("support", 0)
    assert rs[2].voice == "opponent" and rs[2].link == ("attack", 0)
    assert rs[3].link == ("attack", 2) and "but" in rs[3].cues
    assert rs[4].link == ("support", 0)
    assert "besides" in rs[4].cues
    assert "rebuttal" in rs[3].reason and "objection" in rs[2].reason


def test_because_supports_its_host_clause_and_therefore_chains():
    p, w = read(
        "Prices are rising fast. Wages are flat, because unions are weak. "
        "Therefore the government must act before winter."
    )
    rs = p.readings
    assert w[p.main].startswith("Therefore the government must act")
    assert rs[2].link == ("support", 1)  # because -> its clause
    assert rs[1].link == ("support", 3)  # the sentence before "therefore" leads to it
    assert "because" in rs[2].cues and "therefore" in rs[3].cues


def test_opponents_stretch_runs_to_the_answer():
    p, w = read(
        "Yes, recycling is a chore. Sorting the bins takes time every day. "
        "But the landfill is full. We should recycle more."
    )
    rs = p.readings
    assert [r.voice for r in rs] == ["opponent", "opponent", "author", "author"]
    assert rs[1].link == ("support", 0)
    assert rs[2].link == ("attack", 0)
    assert w[p.main] == "We should recycle more."


def test_rhetorical_question_is_tagged_and_read_as_a_claim():
    p, _ = read("We must keep the library open. Who would want a town without books? It serves everyone.")
    assert "rhetorical question" in p.readings[1].tags
    assert p.readings[1].link == ("support", 0)


def test_main_conclusion_unstated_when_every_unit_is_a_reason():
    p, _ = read("Because the roads are full. Since the trains are late. For example, my bus took an hour.")
    assert p.main is None


def test_title_words_help_choose_the_claim():
    text = "Trains are slow today, because the tracks are old. School uniforms would end the label contest."
    without, w = read(text)
    with_title, _ = read(text, title="School uniforms for every pupil?")
    assert w[without.main].startswith("Trains")
    assert w[with_title.main].startswith("School uniforms")


def test_causal_chain_makes_two_inferences():
    p, w = read(
        "The city should stop building roads. Every new road leads to more traffic, which means dirtier air."
    )
    rs = p.readings
    assert w == [
        "The city should stop building roads.",
        "Every new road",
        "leads to more traffic,",
        "which means dirtier air.",
    ]
    assert rs[1].link == ("support", 2) and rs[2].link == ("support", 3) and rs[3].link == ("support", 0)
    assert "leads to" in rs[2].cues and "which means" in rs[3].cues


def test_a_narrative_paragraph_of_a_long_piece_is_background():
    story = "Last spring the council closed the old bridge. Traffic moved to the ring road. Shops lost trade."
    argument = (
        "The council should reopen the bridge. It is the only direct route to the school, because the "
        "ring road is far. Of course, repairs cost money. But the closure costs the town more. Besides, "
        "children now walk along a busy road. Finally, the shops need the passing trade. Most owners agree, "
        "since their sales fell. Therefore the bridge must reopen this year."
    )
    p, w = read(story + "\n\n" + argument)
    narrative = [r for r in p.readings if r.unit.paragraph == 0]
    assert narrative and all("background" in r.tags and r.link is None for r in narrative)
    assert p.readings[p.main].unit.paragraph == 1


def links_of(p):
    return {n: r.link for n, r in enumerate(p.readings) if r.link}


def test_a_causal_chain_reads_a_to_b_to_c_and_argues_for_its_last_link():
    p, w = read("Selling the records leads to wary voters, which kills the party's best source of support.")
    assert w[p.main].startswith("which kills")
    assert links_of(p) == {0: ("support", 1), 1: ("support", 2)}


def test_a_chain_inside_a_longer_piece_inserts_each_link_before_the_claim():
    p, w = read(
        "The county must keep the bus line. Cutting the line leads to more cars on the road, "
        "which raises the accident rate. Buses also serve people who cannot drive."
    )
    assert w[p.main].startswith("The county must")
    a = next(n for n, t in enumerate(w) if t.startswith("Cutting"))
    b = next(n for n, t in enumerate(w) if t.startswith("leads to"))
    c = next(n for n, t in enumerate(w) if t.startswith("which raises"))
    assert p.readings[a].link == ("support", b)
    assert p.readings[b].link == ("support", c)
    assert p.readings[c].link == ("support", p.main)


def test_a_proposal_keeps_the_claim_and_its_consequence_is_a_reason():
    p, w = read("We should plant trees along every street, which will cool the city in summer.")
    assert w[p.main].startswith("We should plant")
    assert p.readings[1].link == ("support", p.main)


def test_if_then_makes_the_antecedent_the_consequent_s_reason():
    p, w = read(
        "The town should sell the old depot. If the council sells it, then the money pays for a new school "
        "roof. The depot has stood empty for years."
    )
    assert w[p.main].startswith("The town should")
    cond = next(n for n, t in enumerate(w) if t.startswith("If the council"))
    then = next(n for n, t in enumerate(w) if t.startswith("then the money"))
    assert p.readings[cond].link == ("support", then)
    assert p.readings[then].link == ("support", p.main)


def test_then_opening_a_sentence_is_a_sequence_not_a_chain():
    p, w = read("We must fix the roof now. The storm came last week. Then the rain got into the hall.")
    then = next(n for n, t in enumerate(w) if t.startswith("Then"))
    assert p.readings[then - 1].link != ("support", then)


def test_an_unhedged_clause_before_yet_is_the_author_s_contrast_not_a_concession():
    p, w = read(
        "The council should build a crossing at the school gate. The road is the only way to the school, yet "
        "children cross it between moving lorries. Two pupils were hurt there last year."
    )
    assert all(r.voice == "author" for r in p.readings)
    assert not any(r.link and r.link[0] == "attack" for r in p.readings)


def test_a_hedged_clause_before_yet_is_granted():
    p, w = read(
        "The council should build a crossing at the school gate. A crossing may cost a great deal of money, "
        "yet the safety of children matters more than any budget."
    )
    hedged = next(n for n, t in enumerate(w) if t.startswith("A crossing may"))
    assert p.readings[hedged].voice == "opponent"


def test_a_group_s_view_is_the_opponent_s_and_the_answer_rebuts_it():
    p, w = read(
        "Many drivers believe that speed cameras only raise money. In fact, the cameras cut crashes by a "
        "third. The town should keep its cameras."
    )
    view = next(n for n, t in enumerate(w) if t.startswith("Many drivers"))
    answer = next(n for n, t in enumerate(w) if t.startswith("In fact"))
    assert p.readings[view].voice == "opponent"
    assert p.readings[answer].link == ("attack", view)


def test_a_stance_free_piece_closing_on_a_rhetorical_question_makes_it_the_claim():
    p, w = read(
        "The city spent four million on a new fountain.\n\nThe library down the road closes at five, and its "
        "roof leaks.\n\nWho would call that a sensible use of public money?"
    )
    assert w[p.main].startswith("Who would call")
    assert "rhetorical question" in p.readings[p.main].tags


def test_a_closing_rhetorical_question_leaves_a_stated_stance_the_claim():
    p, w = read(
        "The city should fix the library roof before anything else.\n\nThe library closes at five, and "
        "its roof leaks.\n\nWho would call a fountain a better use of public money?"
    )
    assert w[p.main].startswith("The city should fix")


def test_a_paragraph_carrying_evidence_is_not_narration():
    paragraph = "A survey found that 70% of riders missed a bus last year. The service was cut twice."
    text = normalise(
        "Bus fares should fall.\n\nRiders pay more than ever. They wait longer. Fares rise every year. Buses "
        "are late. Stops have no shelter.\n\n"
        f"{paragraph}\n\nCheaper fares would bring riders back. Full buses cost less per seat. Roads would "
        "be calmer. The county must act, and it must act soon."
    ).text
    units = split_units(text, split_sentences(text))
    at = text.index(paragraph)
    reported = frozenset(n for n, u in enumerate(units) if at <= u.start < at + len(paragraph))
    assert reported
    without = plan(units, text)
    with_evidence = plan(units, text, reported=reported)
    assert all("background" in without.readings[n].tags for n in reported)
    assert not any("background" in with_evidence.readings[n].tags for n in reported)


def test_a_grant_that_points_back_makes_the_sentence_before_the_other_side_s():
    p, w = read(
        "The city should keep the old trams. The transport office claims buses are cheaper to run. That may "
        "be true in the short term, yet trams last three times as long."
    )
    view = next(n for n, t in enumerate(w) if "buses are cheaper" in t)
    answer = next(n for n, t in enumerate(w) if t.startswith("yet trams"))
    assert p.readings[view].voice == "opponent" and p.readings[view].link == ("attack", p.main)
    assert p.readings[answer].link == ("attack", view)


def test_a_dismissal_answers_the_objection_before_it():
    p, w = read(
        "You should back up your photos every week. Some readers will point out that their phones never "
        "failed. That proves very little, because a phone fails without warning."
    )
    view = next(n for n, t in enumerate(w) if t.startswith("Some readers"))
    answer = next(n for n, t in enumerate(w) if t.startswith("That proves"))
    assert p.readings[view].voice == "opponent"
    assert p.readings[answer].link == ("attack", view)


def test_in_conclusion_opening_a_paragraph_sums_up_the_piece_not_the_sentence_before():
    p, w = read(
        "Towns should plant more trees.\n\nTrees cool the streets in summer. They also clean the air.\n\n"
        "Critics say trees cost money. But shade saves more on cooling than the trees cost. The savings "
        "add up over the years.\n\nIn conclusion, trees pay for themselves. Every town should plant them."
    )
    summary = next(n for n, t in enumerate(w) if t.startswith("In conclusion"))
    assert p.readings[summary].link == ("support", p.main)


def test_a_new_paragraph_after_an_answer_opens_a_new_point():
    p, w = read(
        "Towns should plant more trees. Critics say trees cost money. But shade saves more than it costs.\n\n"
        "Trees also clean the air around schools."
    )
    point = next(n for n, t in enumerate(w) if t.startswith("Trees also"))
    assert p.readings[point].link == ("support", p.main)


def test_a_noun_that_points_back_grants_the_sentence_before():
    p, w = read(
        "The council should keep the pool open. The manager says closing would save money. "
        "That sum is real, but it is not a saving. Staff would move to other shifts."
    )
    rs = p.readings
    granted = next(i for i, x in enumerate(w) if x.startswith("That sum is real"))
    answer = next(i for i, x in enumerate(w) if x.startswith("but it is not a saving"))
    assert rs[granted - 1].voice == "opponent"
    assert rs[answer].link == ("attack", granted - 1)


def test_two_demands_in_one_closing_sentence_are_read_from_the_first():
    p, words = read(
        "The park matters to the town.\n\nIt is the only green space near the harbour.\n\n"
        "The council should keep the park, and it should spend some money on it."
    )
    assert words[p.main].startswith("The council should keep the park")


BLOCK = (
    "Last week the columnist Tom Hale wrote that the market should close. Here is his argument:\n\n"
    "> The market loses money every year. Traders are leaving because rents are high. "
    "It is time to close it.\n\n"
    "{answer} The stalls bring visitors into town.\n\n"
    "First, the market does not lose money every year. It made a profit in four of the last five years.\n\n"
    "The council should keep the market open."
)


def test_a_block_quote_the_author_answers_is_the_other_sides_case():
    p, words = read(BLOCK.format(answer="I think he is wrong."))
    quoted = [
        i for i, w in enumerate(words) if w.startswith(("The market loses", "Traders are", "It is time"))
    ]
    assert all(p.readings[i].voice == "opponent" for i in quoted)
    denial = next(i for i, w in enumerate(words) if w.startswith("First, the market does not"))
    link = p.readings[denial].link
    assert link is not None and link[0] == "attack" and words[link[1]].startswith("The market loses money")


def test_a_block_quote_left_unanswered_keeps_its_reading():
    p, words = read(BLOCK.format(answer="The stalls are busy."))
    quoted = [i for i, w in enumerate(words) if w.startswith(("The market loses", "Traders are"))]
    assert all(p.readings[i].voice == "author" for i in quoted)


def test_a_weak_report_is_the_authors_unless_answered_but_a_doubt_is_the_other_sides():
    from argmap.extractor import read_text

    text = (
        "Translation apps are everywhere now.\n\n{report} Learning French is worth it.\n\n"
        "Schools should keep teaching languages."
    )
    told = read_text(text.format(report="Many travellers say the apps helped them abroad.")).plan.readings
    doubt = read_text(
        text.format(report="Some of my classmates ask why they should learn French.")
    ).plan.readings
    assert told[1].voice == "author" and "voice.answer_needed" in told[1].fired
    assert doubt[1].voice == "opponent"
