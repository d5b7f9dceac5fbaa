"""Check-worthy claims and their exports (CSV, schema.org ClaimReview skeletons)."""

import csv
import io

from argmap.analysis.claims import check_worthy, claim_reviews, claims_csv
from argmap.model import ArgumentMap, Evidence, EvidenceSource, Inference, Source, Statement


def _map():
    return ArgumentMap(
        id="t",
        source=Source(title="Close the streets", author="A. Writer", url="https://example.org/op-ed"),
        statements=(
            Statement(id="c", text="The council should close the streets."),
            Statement(id="f", text="Car journeys fell by 23 percent."),
            Statement(id="j", text="Streets are nicer when quiet."),
            Statement(id="q", text="The county recorded fourteen collisions last year."),
        ),
        inferences=(Inference(id="i1", premises=("f", "j", "q"), conclusion="c"),),
        evidence=(
            Evidence(
                id="e1", target="q", text="Fourteen collisions.", source=EvidenceSource(author="County")
            ),
        ),
    )


def test_factual_claims_on_the_support_are_listed_and_judgements_are_not():
    claims = {c.id: c for c in check_worthy(_map())}
    assert set(claims) == {"f", "q"}
    assert claims["f"].kinds == ("figure", "event")
    assert claims["q"].source == "County"
    assert claims["f"].source == ""


def test_claims_csv_has_a_row_per_claim():
    rows = list(csv.DictReader(io.StringIO(claims_csv(check_worthy(_map())))))
    assert {r["id"] for r in rows} == {"f", "q"}
    assert rows[0]["claim"] and "share_of_support" in rows[0]


def test_claim_review_skeletons_name_the_claim_its_appearance_and_author_and_leave_the_rating():
    amap = _map()
    reviews = claim_reviews(amap, check_worthy(amap))
    r = reviews[0]
    assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
    assert r["claimReviewed"] in {s.text for s in amap.statements}
    assert r["itemReviewed"]["@type"] == "Claim"
    assert r["itemReviewed"]["appearance"]["url"] == "https://example.org/op-ed"
    assert r["itemReviewed"]["author"] == {"@type": "Person", "name": "A. Writer"}
    assert r["reviewRating"]["alternateName"] == ""  # for the fact-checker
