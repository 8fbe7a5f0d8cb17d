"""Publications a report presents without quotes: a typed title after a colon, a capitalised name
with a type word, a publication named by what it is about; and only when the sentence publishes
it.  Sentences are written for this test (not copied from the report)."""
from __future__ import annotations

import json

from graph.extract.publications import _MONTH_YEAR, unquoted_titles


def test_typed_title_after_colon_stops_before_the_next_name():
    got = unquoted_titles("The gender working group released its Policy Brief: Closing Gaps in Maternity Cover "
                          "for Informal Workers and the Youth Network held a webinar.")
    assert got == [("Closing Gaps in Maternity Cover for Informal Workers", "Policy Brief")]


def test_capitalised_name_with_type_word_and_period():
    got = unquoted_titles("Ruritania published its Pension Statistical Bulletin, 2019-2023, with ILO support.")
    assert got == [("Pension Statistical Bulletin, 2019-2023", "Bulletin")]
    got = unquoted_titles("Ruritania launched the first Yearbook Report of Social Insurance on March 3, 2024.")
    assert got == [("Yearbook Report of Social Insurance", "Report")]


def test_publication_named_by_description():
    got = unquoted_titles("A study on long-term care financing in Ruritania, with a focus on rural areas, "
                          "was completed and published in 2024.")
    assert got == [("Study on long-term care financing in Ruritania", "Study")]


def test_a_name_the_sentence_does_not_publish_is_no_publication():
    assert unquoted_titles("Its findings were cited in the Global Outlook Report on Ageing, which informed the summit.") == []
    assert unquoted_titles('The ILO also published the working paper on "Some Quoted Title", in 2024.') == []


def test_dates_with_day_and_on():
    assert _MONTH_YEAR.search("launched on December 17, 2024, which").groups() == ("December", "2024")
    assert _MONTH_YEAR.search("on 5 May 2023 the").groups() == ("May", "2023")


def test_build_holds_unquoted_publications_with_country_and_publisher(built_data_dir):
    kb = json.loads((built_data_dir / "kb.json").read_text())
    pubs = {e["id"]: e for e in kb["entities"] if e["type"] == "Publication"}
    facts = kb["facts"]
    # every publication found only in running text is presented by a sentence that publishes it
    described = [e for e in pubs.values() if e["label"][:1].isupper() and " on " in e["label"] and e["attrs"].get("described_by")]
    assert described
    for e in described:
        assert any(w in e["attrs"]["described_by"] for w in ("publish", "launch", "releas", "develop", "produc", "present", "issued"))
    # a national institution publishing in a country's entry is that country's institution
    for f in facts:
        if f["predicate"] == "publishedBy" and f["subject"] in pubs:
            org = next(x for x in kb["entities"] if x["id"] == f["object"])
            home = org["attrs"].get("country")
            about = {g["object"].split(":", 1)[1] for g in facts if g["subject"] == f["subject"] and g["predicate"] == "publicationAbout"}
            if home and about:
                assert home in about, (f["subject"], org["id"])
