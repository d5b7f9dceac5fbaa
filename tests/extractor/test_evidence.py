import pytest

from argmap.extractor import extract
from argmap.extractor.evidence import find_evidence
from argmap.extractor.normalise import normalise
from argmap.extractor.sentences import split_sentences


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


def item_of(raw: str):
    text, found = find(raw)
    assert found.items, f"no evidence in {raw!r}"
    item = found.items[0]
    return text[item.start : item.end], item


@pytest.mark.parametrize(
    ("raw", "author"),
    [
        ("The department says that roundabouts reduce serious crashes.", "The department"),
        ("Another head teacher told a local newspaper that bullying fell sharply.", "Another head teacher"),
        ("The retailers' association says that new machines cost too much.", "The retailers' association"),
        ("Sales are up, and Drew Brighton of Acme Data said that sales grew.", "Drew Brighton of Acme Data"),
        ("Prices rose as AFP noted yesterdayProPublica reports that firms sell data.", "ProPublica"),
        ("Tom Ellery, who runs a corner shop, told the Gazette that trade is up.", "Tom Ellery"),
        ("our installer said most of his customers get their money back in six years", "our installer"),
        ("A spokesperson for the council told us that roads close.", "A spokesperson for the council"),
    ],
)  # fmt: skip
def test_a_reports_source_is_its_whole_noun_phrase(raw, author):
    words, item = item_of(raw)
    assert item.source is not None and item.source.author == author
    assert words.startswith(author.split()[-1]) or words.startswith(author)
    assert words.rstrip().endswith(raw.rstrip()[-10:])  # the report's full words, up to the sentence's end


def test_a_bare_surname_and_a_pronoun_take_the_full_name_met_before():
    _, found = find(
        '"Sales grew," said Drew Brighton of TargetSmart. Brighton said retailers, for example, want data. '
        "He also says that banks will follow."
    )
    assert [i.source.author for i in found.items if i.source] == ["Drew Brighton of TargetSmart"] * 3


def test_a_quotation_that_goes_on_is_one_item():
    text, found = find(
        '"We grew fast," said Ann Lee of Acme. "Next year we will sell to shops." We must act.'
    )
    (item,) = found.items
    assert text[item.start : item.end].endswith('sell to shops."')


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("Rents must be capped. Rents rose by 40% in two years.", "statistic"),
        ("Rents must be capped. Fewer than 300 flats were built last year.", "statistic"),
        ("Rents must be capped. Researchers at Leeds University found that tenants move.", "study"),
        ("Rents must be capped. A report by the housing agency concludes that caps work.", "study"),
        ("Rents must be capped. Dr. Jane Roe says that caps protect families.", "expert"),
        ("Rents must be capped. Jane Roe, an economist at a bank, said that caps help.", "expert"),
        ('Rents must be capped. "I cannot pay," said Maria Lopez, a nurse.', "testimony"),
        ("Rents must be capped. For example, a flat in Leeds now costs a whole salary.", "example"),
        ("Rents must be capped. Take the case of Leeds, where rents doubled.", "example"),
        ("Rents must be capped. Last year my neighbour lost her flat to a rent rise.", "example"),
        ("Rents must be capped. Last winter we moved out because the rent doubled.", "example"),
        ("Rents must be capped. The law states that a home must be affordable.", "document"),
        ("Rents must be capped. The contract says that the landlord may raise the rent.", "document"),
    ],
)  # fmt: skip
def test_each_kind_of_evidence_is_read_from_its_words(raw, kind):
    _, found = find(raw)
    assert [i.kind for i in found.items] == [kind]


@pytest.mark.parametrize(
    "raw",
    [
        "Some members will object that public money should go only to families in need.",
        "This shows that the plan works.",
        "Supporters argue that the plan works.",
        "64% of voters said that the plan works, according to nobody.",
        "I am astonished by who wants to be my friend.",
        "My opponent claims that taxes kill jobs.",
        "The mayor's decision shows that he does not care.",
        "The rise in prices suggests that demand is high.",
        "It is often said that cats are wise.",
        "He said that it rains.",
    ],
)
def test_groups_anaphora_and_figures_are_no_named_source(raw):
    _, found = find(raw)
    named = {i.source.author for i in found.items if i.source}
    assert not named & {"Some members", "This", "Supporters", "64%", "My opponent", "He", "It"}
    assert not [i for i in found.items if i.kind in ("study", "example")]


def test_an_opening_phrase_goes_with_the_report_not_the_argument():
    text, found = find("Last week in these pages, Gordon Hale argued that the library should close.")
    (item,) = found.items
    assert item.source.author == "Gordon Hale"
    assert text[item.start : item.end].startswith("Last week in these pages, Gordon Hale argued")
    assert [text[s.start : s.end] for s in found.sentences] == ["the library should close."]


def test_a_closing_attribution_is_evidence_for_its_clause():
    text, found = find("The campaign became a lobbying effort, as AFP pointed out yesterday. We object.")
    (item,) = found.items
    assert text[item.start : item.end] == "as AFP pointed out yesterday."
    assert item.source.author == "AFP"
    assert [text[s.start : s.end] for s in found.sentences] == [
        "The campaign became a lobbying effort",
        "We object.",
    ]
    assert item.claim == (found.sentences[0].start, found.sentences[0].end)


def test_a_subject_with_its_own_clause_and_a_figure_in_words():
    _, found = find(
        "The tenancy agreement that most agents use states that repairs come in a reasonable time. "
        "A 2021 study found that children in damp homes were twice as likely to have asthma."
    )
    assert [(i.kind, i.source.author) for i in found.items] == [
        ("document", "The tenancy agreement"),
        ("statistic", "A 2021 study"),
    ]


def test_a_quotation_inside_reported_speech_keeps_the_reporter():
    _, found = find(
        'Professor Ruth Okafor told the council last spring that mould "does its damage quietly".'
    )
    (item,) = found.items
    assert (item.kind, item.source.author) == ("expert", "Professor Ruth Okafor")


def test_a_fraction_in_words_is_a_statistic():
    amap = extract(
        "We should build a park. Residents here have less than a tenth of the park area of the west."
    )
    assert [e.kind for e in amap.evidence] == ["statistic"]
