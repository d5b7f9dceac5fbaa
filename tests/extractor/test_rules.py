"""Every rule of the table fires where it should and stays quiet where it should not.

A rule *fires* on a text when switching it off changes what the pipeline decides there (units, voices, main
conclusion or links); it is *quiet* when switching it off changes nothing. Each rule has one case of each,
written for this test (not taken from any corpus).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.extractor import extract, read_text
from argmap.extractor.rules import BY_ID, RULES, switched_off, table

PIECES = Path(__file__).resolve().parent / "pieces"

CASES: dict[str, tuple[str, str]] = {
    "evidence.quotation": (
        'The pool must stay open. "It is the only place my kids can swim," said Maria Lopez, a parent.',
        "The pool must stay open. It is the only place the children can swim.",
    ),
    "evidence.reported_speech": (
        "The pool must stay open. The coach reports that children learn to swim faster there.",
        "The pool must stay open. Children learn to swim faster there.",
    ),
    "evidence.block_quote": (
        (
            "The pool must stay open. The coach reports that the pool is full:\n\nChildren queue at the door "
            "every morning. They wait an hour.\n\nThat is reason enough."
        ),
        (
            "The pool must stay open. The coach reports that the pool is full.\n\nChildren queue at the door "
            "every morning. They wait an hour.\n\nThat is reason enough."
        ),
    ),
    "evidence.closing_attribution": (
        "The pool must stay open. Swimming lessons save lives, as the coastguard pointed out last year.",
        "The pool must stay open. Swimming lessons save lives, and the coastguard runs them every year.",
    ),
    "evidence.figure": (
        "The pool must stay open. Forty per cent, or 40%, of the children in town swim there.",
        "The pool must stay open. Most of the children in town swim there every week.",
    ),
    "evidence.example": (
        "The pool must stay open. For example, my neighbour learned to swim there last summer.",
        "The pool must stay open. My neighbour thinks the children should learn to swim there.",
    ),
    "evidence.according_to": (
        "The pool must stay open. According to the coach, it is the safest place to learn.",
        "The pool must stay open. In the coach's view, it is the safest place to learn.",
    ),
    "segment.comma_connective": (
        ("We should plant trees in the square, because they cool the streets in summer."),
        ("We should plant trees in the square and along the main road this year."),
    ),
    "segment.bare_connective": (
        ("The council should fund the library because many children read there every day."),
        ("The council should fund the library for the children who read there every day."),
    ),
    "segment.new_subject": (
        ("The bus is late every morning and it leaves workers standing in the rain."),
        ("The bus is late every morning and evening in the winter months."),
    ),
    "segment.causal_for": (
        ("We must protect the marsh, for it shelters the birds that nest there."),
        ("We must protect the marsh, for the birds that nest there in spring."),
    ),
    "segment.semicolon": (
        ("The tax is unfair to small shops; large chains simply pass it on to buyers."),
        ("The tax is unfair to small shops, large chains and buyers alike."),
    ),
    "segment.which_consequence": (
        ("The town closed the only pool, which will leave the children without lessons."),
        ("The town closed the only pool, which stood near the old market square."),
    ),
    "segment.if_then": (
        ("If the fares rise again, then fewer students will take the bus to college."),
        ("When the fares rise again, fewer students will take the bus to college."),
    ),
    "segment.colon": (
        ("The plan has one clear flaw in its design: nobody has costed the new bridge at all."),
        ("The plan has one flaw: cost."),
    ),
    "segment.initial_subordinate": (
        ("Although the new road is expensive to build, it will save drivers an hour a day."),
        ("The new road is expensive to build and it will save drivers an hour a day."),
    ),
    "voice.opponent_cue": (
        ("The city should ban cars from the centre. Admittedly, shops fear losing customers."),
        ("The city should ban cars from the centre. Shops will gain customers."),
    ),
    "voice.turn": (
        (
            "Homework builds good habits. Homework, however, often keeps tired children up far too late, "
            "and parents should limit it."
        ),
        (
            "Homework builds good habits. Homework also keeps tired children busy, and parents should "
            "welcome it."
        ),
    ),
    "voice.granted": (
        ("We should build the bridge. It will cost a great deal of money. But it will last for a century."),
        ("We should build the bridge. It will cost very little money. And it will last for a century."),
    ),
    "voice.anaphoric_grant": (
        (
            "The park should stay open at night. Night visitors make some noise. That may be true, but "
            "the noise is small."
        ),
        (
            "The park should stay open at night. Night visitors make some noise. The lights help, and the "
            "noise is small."
        ),
    ),
    "voice.and_joined": (
        ("The school should start later. Some say that buses would cost more, and parents would object."),
        ("The school should start later. Some say that buses would cost more."),
    ),
    "voice.stretch": (
        (
            "The market should move indoors. Some argue that the square is its home. Tourists come to see "
            "it there. The stalls are old. But rain keeps them away half the year."
        ),
        (
            "The market should move indoors. Some argue that the square is its home. But rain keeps "
            "tourists away half the year."
        ),
    ),
    "voice.block_quote": (
        (
            "The mayor wrote this week:\n\n> The tram is a waste of money and nobody will ride it.\n\nBut "
            "he is wrong. The tram is full every morning, and it should be extended."
        ),
        (
            "The mayor wrote this week:\n\n> The tram is full every morning.\n\nThe tram should be "
            "extended to the hospital and the station."
        ),
    ),
    "tag.rhetorical_question": (
        "The pool must stay open. Why would we close the only place children learn to swim?",
        "The pool must stay open. Where else will the children learn to swim?",
    ),
    "background.open_question": (
        "Should the town keep its pool? The pool must stay open, because children learn to swim there.",
        "The town should keep its pool. The pool must stay open, because children learn to swim there.",
    ),
    "background.aside": (
        "The pool must stay open. (It opened in nineteen sixty.) Children learn to swim there.",
        "The pool must stay open. It opened in nineteen sixty. Children learn to swim there.",
    ),
    "main.implicit": (
        "Because the pool is old. Since repairs would cost a lot.",
        "The pool must stay open. Children learn to swim there.",
    ),
    "main.chain_end": (
        ("Cheap parking leads to more cars, which leads to dirtier air."),
        ("Cheap parking fills the centre with cars every single day."),
    ),
    "voice.contrast_report": (
        (
            "The town should keep its library open on Sundays. On the other hand, critics argue that few "
            "people visit on Sundays. Yet the visitor count shows the opposite."
        ),
        (
            "The town should keep its library open on Sundays. On the other hand, the building is old. "
            "Families still visit it every week."
        ),
    ),
    "voice.answer_needed": (
        (
            "Buses should be free in our city.\n\nMany drivers say they would take the bus if it were "
            "cheaper. Fewer cars would mean cleaner air.\n\nFree buses would help everyone."
        ),
        (
            "Buses should be free in our city.\n\nMany drivers say they would never take the bus. But "
            "most of them have never tried it.\n\nFree buses would help everyone."
        ),
    ),
    "voice.signal_needed": (
        (
            "Our city needs safe cycle lanes.\n\nPainted lines on the road are cheap, but they do little to "
            "stop a car. A kerb gives riders real protection.\n\nThe city should build protected lanes."
        ),
        (
            "Our city needs safe cycle lanes.\n\nPainted lines may be cheap, but they do little to stop a "
            "car. A kerb gives riders real protection.\n\nThe city should build protected lanes."
        ),
    ),
    "main.thesis_restated": (
        (
            "The town should keep the late trains running. Many towns are debating them this year.\n\nNurses "
            "use them after every night shift. Students use them too.\n\nIn conclusion, the late trains must "
            "keep running."
        ),
        (
            "Towns are debating late trains. Nurses use them after every night shift.\n\nStudents use "
            "them too.\n\nIn conclusion, the late trains must keep running."
        ),
    ),
    "main.restatement": (
        (
            "Buses are slow in our town. The council should buy ten new buses this year.\n\nOld buses break "
            "down every week. Riders wait in the rain.\n\nIn short, new buses would serve the town better."
        ),
        (
            "Buses are slow in our town. The council should buy ten new buses this year.\n\nOld buses break "
            "down every week. Riders wait in the rain.\n\nMechanics have said as much for years."
        ),
    ),
    "main.closing_question": (
        (
            "The council plans a new car park.\n\nThe old one is half empty on most days.\n\nIs this "
            "really the best use of the money?"
        ),
        (
            "The council plans a new car park.\n\nThe old one is half empty on most days.\n\nThe council "
            "should drop the plan. Is this really the best use of the money?"
        ),
    ),
    "background.narrative": (
        ("LONG:column-harbour-field.txt"),
        (
            "My neighbour walks to the station. She waits an hour. The train never comes. She goes "
            "home.\n\nThe railway must publish its delays. Riders need to plan their day. A simple board "
            "would help. The data already exist. Other lines publish theirs. It costs little."
        ),
    ),
    "link.rebuttal": (
        (
            "The city should ban cars from the centre. Admittedly, shops fear losing customers. But "
            "pedestrians spend more than drivers."
        ),
        ("The city should ban cars from the centre. Admittedly, shops fear losing customers."),
    ),
    "link.opening_reason": (
        ("We should build a new hall. Since the old hall is unsafe, children cannot use it."),
        ("We should build a new hall. The old hall is unsafe, and children cannot use it."),
    ),
    "link.reason_after": (
        ("We should raise wages. Prices are high, because rents have doubled."),
        ("We should raise wages. Prices are high. Rents have doubled."),
    ),
    "link.example": (
        (
            "Small towns lose their banks. For example, our town lost both of its branches last year. The "
            "state should keep one branch in every town."
        ),
        (
            "Small towns lose their banks. Our town lost both of its branches last year. The state should "
            "keep one branch in every town."
        ),
    ),
    "link.backs_answer": (
        (
            "The pool should stay open.\n\nOur pool is old and small. Some say it costs too much. But the "
            "cost is small. It is a tenth of the sports budget."
        ),
        (
            "The pool should stay open.\n\nOur pool is old and small. Some say it costs too much. But the "
            "cost is small."
        ),
    ),
    "link.paragraph_claim": (
        (
            "The ferry should run all year.\n\nWinter is the hard season. Islanders need the doctor then. "
            "The road is closed by snow."
        ),
        ("The ferry should run all year."),
    ),
    "link.objection": (
        ("We should tax sugar in drinks. Critics argue that the tax hurts poor families."),
        ("We should tax sugar in drinks. The tax lowers the sugar that children drink."),
    ),
    "link.objection_reason": (
        (
            "We should tax sugar in drinks. Critics argue that the tax hurts poor families. Poor families "
            "buy more soft drinks. But the tax lowers what children drink."
        ),
        (
            "We should tax sugar in drinks. Critics argue that the tax hurts poor families. But the tax "
            "lowers what children drink."
        ),
    ),
    "link.quote_case": (
        (
            "The mayor wrote this week:\n\n> The tram is a waste of money, and it will fail.\n\nI think "
            "he is wrong on every count. Riders fill it each morning.\n\nIn short, the tram should be "
            "extended to the hospital."
        ),
        (
            "The mayor wrote this week:\n\n> The tram is full every morning.\n\nIn short, the tram should "
            "be extended to the hospital."
        ),
    ),
    "link.quote_answer": (
        (
            "The mayor wrote this week:\n\n> The tram is a waste of money, and it will fail.\n\nI think "
            "he is wrong on every count. Riders fill it each morning.\n\nIn short, the tram should be "
            "extended to the hospital."
        ),
        (
            "The mayor wrote this week:\n\n> The tram is full every morning.\n\nIn short, the tram should "
            "be extended to the hospital."
        ),
    ),
    "link.point_by_point": (
        (
            "Critics say the new tram is slow. Critics say the new tram is empty. But they are wrong.\n\n"
            "The new tram is not slow at all, since it has its own lane.\n\nThe city should extend the "
            "tram to the hospital."
        ),
        (
            "Critics say the new tram is slow. But they are wrong.\n\nIt has its own lane.\n\nThe city "
            "should extend the tram to the hospital."
        ),
    ),
    "link.chain": (
        (
            "The city should stop building roads. Every new road leads to more traffic, which means "
            "dirtier air."
        ),
        ("The city should stop building roads. Every new road costs millions of pounds."),
    ),
    "decide.side": (
        ("Homework builds good habits. However, it often keeps tired children up far too late."),
        ("The council should keep the theatre open. Admittedly, it costs money. But it sells out."),
    ),
    "decide.tree": (
        (
            "The county should restore the night buses. Nurses finish late shifts at midnight. They have "
            "no car. Cleaners and cooks are in the same place. The savings are small."
        ),
        ("The county should restore the night buses."),
    ),
}


def _decisions(text: str) -> tuple:
    if text.startswith("LONG:"):  # a long blind piece (tests/extractor/pieces/long/), read whole
        text = (PIECES / "long" / text.removeprefix("LONG:")).read_text(encoding="utf-8")
    read = read_text(text)
    p = read.plan
    amap = extract(text)
    return (
        tuple((u.start, u.end) for u in read.units),
        tuple((i.start, i.end, i.kind) for i in read.found.items),  # the evidence found
        tuple(r.voice for r in p.readings),
        tuple(tuple(r.tags) for r in p.readings),
        p.main,
        tuple(r.link for r in p.readings),
        tuple(r.proposed for r in p.readings),  # what the rules proposed to the tree
        # the map as assembled (an implicit main conclusion, the links to it)
        tuple((s.id, s.implicit) for s in amap.statements),
        tuple((i.premises, i.conclusion) for i in amap.inferences),
        tuple((a.source, a.target) for a in amap.attacks),
    )


def test_every_rule_has_a_row_and_cases():
    missing = [r.id for r in RULES if r.id not in CASES]
    assert not missing, f"rules without a firing and a quiet case in CASES: {missing}"
    assert not set(CASES) - set(BY_ID), f"cases of rules not in the table: {sorted(set(CASES) - set(BY_ID))}"
    assert all(len(CASES[r]) == 2 and all(CASES[r]) for r in CASES)
    assert len({r.id for r in RULES}) == len(RULES)
    assert all(
        r.doc and r.stage in {"evidence", "segment", "tag", "voice", "main", "background", "link", "decide"}
        for r in RULES
    )
    assert table().count("\n") == len(RULES) + 1


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_fires_on_its_case(rule_id):
    text = CASES[rule_id][0]
    with switched_off({rule_id}):
        without = _decisions(text)
    assert _decisions(text) != without, f"{rule_id} changed nothing on its firing case"


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_stays_quiet_on_its_other_case(rule_id):
    text = CASES[rule_id][1]
    with switched_off({rule_id}):
        without = _decisions(text)
    assert _decisions(text) == without, f"{rule_id} changed its quiet case"


def test_an_unknown_rule_cannot_be_switched_off():
    with pytest.raises(KeyError, match="unknown rules"), switched_off({"link.nothing"}):
        pass
