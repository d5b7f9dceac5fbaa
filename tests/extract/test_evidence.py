from argmap.extract.evidence import find_evidence
from argmap.extract.normalise import normalise
from argmap.extract.sentences import split_sentences


def find(raw: str):
    text = normalise(raw).text
    return text, find_evidence(text, split_sentences(text))


def test_a_quotation_with_a_speaker_is_testimony_and_leaves_the_line():
    text, found = find(
        'Rents must be capped. "We cannot pay this anymore," said Maria Lopez, a nurse. It is urgent.'
    )
    (item,) = found.items
    assert item.kind == "testimony"
    assert item.source is not None and item.source.author == "Maria Lopez"
    assert len(found.taken) == 1
    assert [text[s.start : s.end] for s in found.sentences] == ["Rents must be capped.", "It is urgent."]


def test_a_following_pronoun_quote_keeps_the_speaker():
    _, found = find('"Prices doubled," said Tom Reed. "Nobody can plan," he said. We must act.')
    assert [i.source.author for i in found.items if i.source] == ["Tom Reed", "Tom Reed"]


def test_reported_speech_splits_into_claim_and_report():
    text, found = find("The Daily Ledger reports that the mayor sold the land in secret.")
    (item,) = found.items
    assert text[item.start : item.end].startswith("The Daily Ledger reports")
    assert item.claim is not None
    assert text[item.claim[0] : item.claim[1]] == "the mayor sold the land in secret."
    assert [text[s.start : s.end] for s in found.sentences] == ["the mayor sold the land in secret."]


def test_a_study_is_a_study():
    _, found = find("A recent study found that children sleep less than before.")
    assert found.items[0].kind == "study"


def test_the_opponents_voice_is_not_evidence():
    _, found = find("They say that the plan will fail.")
    assert found.items == []


def test_according_to_and_figures():
    _, found = find(
        "According to the census bureau, 40% of homes are rented. Rents rose by 3 million dollars."
    )
    first, second = found.items
    assert (
        first.kind == "statistic" and first.source is not None and first.source.author == "the census bureau"
    )
    assert second.kind == "statistic" and second.source is None
    _, found = find("According to a recent survey, most tenants feel unsafe.")
    assert [i.kind for i in found.items] == ["study"]


def test_a_block_quote_after_a_colon_is_one_report():
    text, found = find(
        "The Herald reports that the council will sell the park:\n\n"
        "The council met on Monday. It agreed to the sale.\n\nThis is a scandal."
    )
    kinds = [(i.kind, text[i.start : i.end][:20]) for i in found.items]
    assert len(found.items) == 2, kinds
    block = found.items[1]
    assert text[block.start : block.end] == "The council met on Monday. It agreed to the sale."
    assert block.claim == found.items[0].claim


def test_named_speaker_without_that():
    text, found = find("Anna Berg said rents will double next year. Having said that, prices fell.")
    (item,) = found.items
    assert item.source is not None and item.source.author == "Anna Berg"
    assert text[item.claim[0] : item.claim[1]] == "rents will double next year."


def test_a_ratio_in_words_is_a_statistic():
    _, found = find("Rents must be capped. One in four tenants now spends half their income on rent.")
    assert [i.kind for i in found.items] == ["statistic"]
    _, found = find("Rents must be capped. Two out of three tenants fear the next increase.")
    assert [i.kind for i in found.items] == ["statistic"]
