"""Keyword, typo and variant wordings that must read as their plain question does (round 16).

- a funding verb outside the analysis's cue list but declared in the registry ("who backs the work
  in X"), and support said to be financial by its adverb ("who supports X financially");
- a plural asked noun before the bare verb "fund" ("which sources fund ..."): the sources are asked,
  not a fund's name;
- a convention and a region with no verb ("c102 africa"): the ratifying countries there, the
  relation the bank's nearest questions vote for between countries and conventions;
- a decade ("2010s") is a range of years; y and i are one letter in a transliterated name
  ("kirgizstan").
Expected answers come from the engine's own plain wording or the knowledge base, never typed here;
made-up words check the readers that must not depend on the report.
"""
from __future__ import annotations

import pytest

from app.qa.constraints.year_ranges import year_range
from app.qa.form.spelling import _translit
from app.qa.form.symbol_shorthand import spell_out
from app.qa.topics.spans import asked_span


def _labels(r) -> set[str]:
    return {a["label"] for a in r["answers"]}


@pytest.mark.parametrize("country", ["Kenya", "Jordan"])
def test_registry_funding_verbs_ask_the_funders(engine, country):
    want = _labels(engine.ask(f"Who funds the work in {country}?"))
    assert len(want) >= 2
    for q in (f"Who backs the work in {country}?", f"Who backs the ILO's work in {country}?",
              f"who backed the ILO in {country}", f"Which organisations back the ILO's work in {country}?",
              f"who supports {country.lower()} financially"):
        assert _labels(engine.ask(q)) == want, q


def test_backing_without_money_words_is_not_funding(engine):
    # "supports" alone stays the support relation: no funders forced onto it
    r = engine.ask("who supports kenya")
    funders = _labels(engine.ask("Who funds the work in Kenya?"))
    assert _labels(r) != funders


@pytest.mark.parametrize("q", ["which sources fund ilo work in atlantis", "which sources fund the work in utopia"])
def test_sources_before_fund_are_asked_not_a_fund_name(q):
    asked = asked_span(q, [], "Organization")
    assert asked is None or "fund" not in asked.heads


def test_which_fund_is_still_a_name():
    asked = asked_span("which fund in atlantis relaunched the scheme", [], "Text")
    assert asked is not None and "fund" in asked.heads


@pytest.mark.parametrize("q", ["sources fund ilo work nepal", "which sources fund ilo work in nepal"])
def test_sources_fund_country_answers_its_funders(engine, q):
    want = _labels(engine.ask("Who funds the work in Nepal?"))
    assert want and _labels(engine.ask(q)) == want


@pytest.mark.parametrize("q, region", [("c102 africa", "Africa"), ("convention 102 americas", "the Americas"),
                                       ("europe c102", "Europe and Central Asia")])
def test_convention_and_region_ask_its_ratifiers_there(engine, q, region):
    want = _labels(engine.ask(f"Which countries in {region} have ratified Convention No. 102?"))
    assert want
    everywhere = _labels(engine.ask("Which countries have ratified Convention No. 102?"))
    assert want < everywhere  # the region narrows the ratifiers
    assert _labels(engine.ask(q)) == want, q


def test_an_agent_beside_a_region_keeps_its_reading(engine):
    # "americas rbsa": the countries there the RBSA funds (app.qa.relation.region_agent), not the RBSA's own funders
    want = _labels(engine.ask("Which countries in the Americas are funded by the RBSA?"))
    assert want and _labels(engine.ask("americas rbsa")) == want


def test_decades_are_year_ranges():
    text, changes = spell_out("c102 ratifications 2010s")
    assert changes and year_range(text) is not None
    r = year_range(text)
    assert (r.low, r.high) == ("2010", "2019")
    text, _ = spell_out("which countries ratified it in the 1990s")
    assert (year_range(text).low, year_range(text).high) == ("1990", "1999")
    assert spell_out("the 2024 report")[1] == []  # a year is no decade


def test_decade_of_ratifications_matches_the_range(engine):
    want = _labels(engine.ask("c102 ratified between 2010 and 2019"))
    assert want
    assert _labels(engine.ask("c102 ratifications 2010s")) == want


def test_y_and_i_are_one_letter_in_names():
    assert _translit("kyrgyzstan") == _translit("kirgizstan")


def test_transliterated_country_name_is_corrected(engine):
    want = _labels(engine.ask("kyrgyzstan donors"))
    assert want and _labels(engine.ask("kirgizstan donors")) == want


def test_a_currency_closing_a_keyword_query_asks_an_amount():
    from app.qa.figures.keyword_figures import closes_on_measure

    assert closes_on_measure("atlantis disability allowance monthly usd")
    assert closes_on_measure("utopia pension top-up in euros")
    assert not closes_on_measure("atlantis disability allowance")


def test_allowance_in_usd_is_a_figure(engine):
    r = engine.ask("lebanon nda top-up usd")
    assert r["answer_type"] == "Number" and r["answers"]
    assert "US$" in r["answers"][0]["label"]


def test_two_letter_slip_of_how_before_many(engine):
    want = engine.ask("how many pathfinder countries")
    got = engine.ask("hw many pathfinder countries")
    assert got["answer_type"] == "Number" == want["answer_type"]
    assert _labels(got) == _labels(want)
    assert engine.ask("hw countries")["answer_type"] != "Number"  # no quantity word: not a count


def test_german_dutch_italian_country_names():
    from app.qa.names.foreign_names import country_names

    names = country_names()
    assert names.get("nederland") == names.get("paesi bassi") == names.get("niederlande")
    assert names.get("nederland") is not None
    assert names.get("deutschland") is not None


def test_informal_demonyms():
    from app.qa.names.demonyms import demonym_country

    assert demonym_country("aussie") == "AUS" and demonym_country("aussies") == "AUS"
    assert demonym_country("kiwis") == "NZL"


def test_endonym_reads_as_the_english_name(engine):
    want = _labels(engine.ask("Germany funded countries"))
    assert want and _labels(engine.ask("deutschland funded countries")) == want


def test_a_national_policy_beside_a_region_is_not_a_ratification(engine):
    # the graph holds no ratification of a national policy: the region filter leaves it alone
    r = engine.ask("great lakes region national social protection policy adopted 2024")
    assert "fg:ratified" not in (r.get("sparql") or "")
