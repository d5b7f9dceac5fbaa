"""The named features fire on what they name, and only there."""

from __future__ import annotations

from argmap.extractor import read_text
from argmap.extractor.features import PAIR_FEATURES, TEXT_FEATURES, UNIT_FEATURES, WORDS


def _rows(text: str, title: str | None = None):
    read = read_text(text, title)
    return [read.norm.text[u.start : u.end] for u in read.units], read.plan.rows


def test_every_feature_has_words_and_a_line():
    for f in (*UNIT_FEATURES, *PAIR_FEATURES, *TEXT_FEATURES):
        assert f.name and f.words and f.fires
    assert WORDS["unit.stance"].format(cue="should") == "it takes a stance ('should')"


def test_an_essay_thesis_closes_the_introduction_and_is_restated():
    words, rows = _rows(
        "Cities are growing fast. The city should plant more trees in every street.\n\n"
        "Trees cool the streets in summer.\n\nIn short, the city should plant more trees."
    )
    thesis = words.index("The city should plant more trees in every street.")
    assert rows[thesis].get("intro_end") == 1 and rows[thesis].get("restated") == 1
    assert rows[-1].get("restates") == 1 and rows[-1].get("last_paragraph") == 1
    assert "intro_end" not in rows[0] and "restated" not in rows[1 + 1]


def test_testimony_is_first_person_past_and_a_story_is_past_only():
    words, rows = _rows("I paid the fee twice last year. The clerk lost the form. The fee should go.")
    assert rows[0].get("testimony") == 1 and "narrative" not in rows[0]
    assert rows[1].get("narrative") == 1 and "testimony" not in rows[1]
    assert "testimony" not in rows[2] and "narrative" not in rows[2]


def test_the_title_feature_needs_the_title_words():
    _, with_title = _rows("Buses are slow. School uniforms end the label contest.", "School uniforms?")
    _, without = _rows("Buses are slow. School uniforms end the label contest.")
    assert with_title[1].get("title") == 1 and "title" not in with_title[0]
    assert all("title" not in r for r in without)


def test_essay_positions_intro_first_body_and_summary():
    words, rows = _rows(
        "Cities are growing fast. The city should plant more trees in every street.\n\n"
        "Trees cool the streets in summer. They may also clean the air.\n\n"
        "To sum up, the city should plant more trees."
    )
    assert rows[0].get("intro_first") == 1 and "body_paragraph" not in rows[0]
    body = [k for k, w in enumerate(words) if w.startswith(("Trees cool", "They may"))]
    assert all(rows[k].get("body_paragraph") == 1 for k in body)
    assert rows[body[1]].get("concession") == 1 and "concession" not in rows[body[0]]
    assert rows[-1].get("summary_opening") == 1 and "body_paragraph" not in rows[-1]


def test_a_story_line_closing_the_introduction_is_no_thesis():
    # The introduction's last line tells, it takes no stance: neither intro_end nor restated fires.
    words, rows = _rows(
        "Last winter the county cut the night buses. Nurses walked home in the dark.\n\n"
        "The buses carried workers home.\n\nThe county should bring back the night buses for nurses."
    )
    assert all("intro_end" not in r and "restated" not in r for r in rows)
    assert all("restates" not in r for r in rows)


def test_a_one_line_introduction_has_no_end_to_close():
    _, rows = _rows("The park matters to the town.\n\nIt is green.\n\nThe council should keep the park.")
    assert all("intro_end" not in r and "intro_first" not in r for r in rows)


def test_an_open_question_closing_the_introduction_takes_no_stance():
    words, rows = _rows(
        "Teenagers sit on walls in my town. What should a town offer its young people?\n\n"
        "A skate park costs little.\n\nEvery town should build a skate park for its teenagers."
    )
    assert all("intro_end" not in r for r in rows)


def _pair(text: str, i: int, j: int):
    from argmap.extractor.features import pair_context, pair_row

    read = read_text(text)
    rs, rows = read.plan.readings, read.plan.rows
    return pair_row(rs, i, j, read.plan.main, pair_context(rs, rows))


def test_a_pair_reads_direction_sentences_and_paragraphs():
    text = "The fee should go. It is unfair, because it hits the poor.\n\nI paid it twice in 2019."
    because = _pair(text, 2, 1)  # "because it hits the poor" -> "It is unfair": same sentence, just before
    assert because.get("before") == 1 and because.get("same_sentence") == 1 and "after" not in because
    assert because.get("before.source.premise_opening") == 1 and "back.source.premise_opening" not in because
    assert because.get("before.target.evaluative") == 1
    story = _pair(text, 3, 0)  # the testimony of the next paragraph -> the claim two sentences back
    assert story.get("previous_paragraph") == 1 and "same_paragraph" not in story
    assert story.get("back.source.kind.i") == 1 and story.get("back.source.kind.number") == 1
    assert story.get("back.target.kind.policy") == 1 and story["sentence_gap"] > 0
    ahead = _pair(text, 0, 1)
    assert ahead.get("after") == 1 and ahead.get("next_sentence") == 1 and ahead.get("target_later") == 1


def test_proposition_kinds_are_read_from_language():
    from argmap.extractor.features import kinds_of

    read = read_text(
        "Lenders should stop calling at night. I got twelve calls last week. You can read the rule at "
        "__URL__. The calls are unfair."
    )
    kinds = [kinds_of(r, row) for r, row in zip(read.plan.readings, read.plan.rows, strict=True)]
    assert "kind.policy" in kinds[0] and "kind.fact" not in kinds[0]
    assert "kind.i" in kinds[1] and "kind.policy" not in kinds[1]
    assert {"kind.you", "kind.reference"} <= kinds[2]
    assert "kind.value" in kinds[3]


def test_every_pair_feature_that_can_fire_has_words():
    text = (
        "Lenders should stop calling at night. I got twelve calls last week, because they never stop. "
        "For example, one came at 3 am.\n\nThe calls are unfair. So the rule must change. See __URL__."
    )
    read = read_text(text)
    from argmap.extractor.relations import pair_rows

    names = {
        k.partition(":")[0]
        for row in pair_rows(read.plan.readings, read.plan.main, read.plan.rows).values()
        for k in row
    }
    missing = sorted(n for n in names if f"pair.{n}" not in WORDS)
    assert not missing, missing
