"""Convention questions worded loosely (issue 9, fresh_qconv6): the instrument cited by its number
alone ("No.102", "ratified 102"), a dropped letter in a wh-word ("whn"), a year that qualifies
rather than asks ("what did X ratify in 2022"), years written as alternatives ("in 2013 or
2014"), "who" standing for countries, and a keyword query naming both ends of a ratification.

Pure pieces run on invented names; engine tests ask questions written for these tests over the
real build and compare with the ratification facts of the graph, never typed-in answers.
"""
from __future__ import annotations

from collections import Counter

import pytest

from app.qa.graphstep import _listed_years
from app.qa.names.instrument_names import bare_numbers, citation_variants
from app.qa.question import analyse
from app.qa.form.spelling import Speller
from tests.support.engine import answer_ids


# -- pure pieces ------------------------------------------------------------------------------------
def test_the_number_designator_alone_cites_a_numbered_instrument():
    forms = citation_variants("Convention No. 301")
    assert "No. 301" in forms and "number 301" in forms


def test_a_bare_number_is_an_instrument_only_without_a_unit_or_counted_noun():
    ids = {"301": {"LegalInstrument:c301"}}
    assert [s[:2] for s in bare_numbers("301 ratifiers since 2030", ids)] == [(0, 3)]
    assert bare_numbers("who ratified 301", ids)[0][2] == {"LegalInstrument:c301"}
    assert bare_numbers("301 million people", ids) == []
    assert bare_numbers("US$301 for 301 projects", ids) == []
    assert bare_numbers("ratified 3010", ids) == []


def test_a_dropped_letter_breaks_a_tie_between_wh_words():
    sp = Speller(Counter({"report": 5}))
    assert sp.wh_word("whn") == "when"  # "who" would need a changed letter
    assert sp.wh_word("wht") == "what"


def test_years_written_together_are_alternatives():
    assert _listed_years("ratified in 2013 or 2014?", "2013") == ["2013", "2014"]
    assert _listed_years("in 2019, 2021 and 2023", "2021") == ["2019", "2021", "2023"]
    assert _listed_years("between 2015 and 2020", "2015") == []
    assert _listed_years("ratified in 2013, a result in 2024", "2013") == []


# -- the real engine --------------------------------------------------------------------------------
def _ratifications(engine) -> dict[str, str]:
    """Country -> ratification year of Convention No. 102, from the graph's own statements."""
    out = {}
    for f in engine.k.facts_where(predicate="ratified", obj="LegalInstrument:c102"):
        attrs = f.get("attrs") or {}
        if attrs.get("year") and attrs.get("status") in (None, "", "registered", "ratified"):
            out[f["subject"]] = str(attrs["year"])
    if len(set(out.values())) < 3:
        pytest.skip("too few dated ratifications")
    return out


def test_the_number_designator_links_and_is_no_negation(engine):
    for q in ("No.102 ratifications", "countries that ratified No 102"):
        a = analyse(q, engine.lexicon)
        assert "LegalInstrument:c102" in {i for l in a.links for i in l.ids}, q
        assert "ratify" not in a.negated, q


def test_who_ratified_a_bare_number_asks_for_countries(engine):
    plain = answer_ids(engine, engine.ask("Which countries ratified Convention No. 102?"))
    res = engine.ask("who ratified 102")
    assert res["answer_type"] == "Country" and answer_ids(engine, res) == plain


def test_a_year_in_the_question_qualifies_what_did_x_ratify(engine):
    dated = _ratifications(engine)
    country, year = sorted(dated.items())[0]
    name = engine.k.label(country)
    res = engine.ask(f"What did {name} ratify in {year}?")
    assert res["answer_type"] == "Convention" and "LegalInstrument:c102" in answer_ids(engine, res)


def test_years_joined_by_or_keep_every_ratifier(engine):
    dated = _ratifications(engine)
    y1, y2 = sorted(set(dated.values()))[:2]
    res = engine.ask(f"Which countries ratified Convention No. 102 in {y1} or {y2}?")
    assert answer_ids(engine, res) == {c for c, y in dated.items() if y in (y1, y2)}


def test_a_keyword_query_naming_both_ends_asks_the_year(engine):
    dated = _ratifications(engine)
    country, year = sorted(dated.items())[-1]
    name = engine.k.label(country).lower()
    for q in (f"No.102 {name} ratified", f"{name} c102 ratification"):
        res = engine.ask(q)
        assert res["answer_type"] == "Year" and [a["label"] for a in res["answers"]] == [year], q


def test_whn_reads_as_when(engine):
    dated = _ratifications(engine)
    country, year = sorted(dated.items())[1]
    res = engine.ask(f"whn did {engine.k.label(country)} ratify c102")
    assert [a["label"] for a in res["answers"]] == [year]


# -- sub-regions of the Americas, acronyms asked for their name, a relation chosen by its type -----
def test_south_american_is_a_sub_region_not_the_united_states():
    from app.qa.names.subregions import named_subregion

    assert named_subregion("Which South American state ratified it?") == "South America"
    assert named_subregion("central american ratifiers") == "Central America"
    assert named_subregion("South Africa ratified") is None


def test_a_south_american_filter_keeps_only_that_sub_region(engine):
    from app.qa.names.subregions import in_subregion

    plain = answer_ids(engine, engine.ask("Which countries ratified Convention No. 102?"))
    want = {c for c in plain if in_subregion(c.split(":", 1)[1], "South America")}
    if not want:
        pytest.skip("no South American ratifier in this report")
    res = engine.ask("south american countries that ratified 102")
    assert answer_ids(engine, res) == want


def _scheme_with_acronym(engine):
    for eid, e in engine.k.entities.items():
        if e["type"] == "Scheme" and e.get("acronym") and engine.k.facts_where(subject=eid, predicate="schemeInCountry"):
            country = engine.k.facts_where(subject=eid, predicate="schemeInCountry")[0]["object"]
            return eid, e["acronym"], engine.k.label(country)
    pytest.skip("no scheme with an acronym placed in a country")


def test_what_an_acronym_stands_for_is_the_named_scheme_itself(engine):
    eid, acr, country = _scheme_with_acronym(engine)
    for q in (f"what does {acr} stand for in {country.lower()}", f"{country.lower()} {acr}", f"{acr} full name"):
        res = engine.ask(q)
        assert answer_ids(engine, res) == {eid} and res["answer_type"] == "Scheme", q


def test_the_acronym_cue_does_not_hide_an_asked_country(engine):
    eid, acr, country = _scheme_with_acronym(engine)
    res = engine.ask(f"I came across the acronym {acr} in a note; which country is it in?")
    assert res["answer_type"] == "Country"


def test_an_unworded_relation_gives_way_to_the_one_joining_the_asked_type(engine):
    # a country with exactly one scheme: "what is X's cash transfer programme called" must name it,
    # though "cash" reads as money by meaning
    per_country: dict[str, list[str]] = {}
    for f in engine.k.facts_where(predicate="schemeInCountry"):
        per_country.setdefault(f["object"], []).append(f["subject"])
    single = sorted(c for c, s in per_country.items() if len(s) == 1 and engine.k.entity(s[0]).get("acronym"))
    if not single:
        pytest.skip("no country with a single named scheme")
    country = single[0]
    res = engine.ask(f"what is {engine.k.label(country).lower()}s cash transfer programme called")
    assert answer_ids(engine, res) == set(per_country[country])


# -- schemes the report names only by a lower-case description and an acronym -------------------
def test_a_described_scheme_with_an_acronym_is_a_name():
    from graph.extract.schemes import ACR_AFTER, ACR_BEFORE

    m = ACR_AFTER.search("a rise in contributions to the old-age survivors scheme (OSS) from 2 percent")
    assert m and m.group("acr") == "OSS" and m.group("desc").rstrip().endswith("old-age survivors")
    m = ACR_BEFORE.search("both the OSS and the voluntary savings (VSS) schemes.")
    assert m and m.group("acr") == "VSS" and m.group("head") == "scheme"
    assert ACR_AFTER.search("the health insurance scheme covers everyone") is None  # no acronym, no name


def test_described_schemes_are_placed_in_their_country(engine):
    found = [e for e in engine.k.entities.values() if e["type"] == "Scheme" and e.get("acronym")
             and e["label"] == e["label"].lower()]
    if not found:
        pytest.skip("the report names no scheme by a described acronym")
    for e in found:
        assert engine.k.facts_where(subject=e["id"], predicate="schemeInCountry"), e["label"]
        res = engine.ask(f"what does {e['acronym']} stand for")
        assert e["id"] in answer_ids(engine, res), e["acronym"]


def test_who_before_another_verb_keeps_the_agent(engine):
    res = engine.ask("c102 campaign launched by")
    assert res["answer_type"] == "Organization"
    a = analyse("kuwait funded", engine.lexicon)
    from app.qa.relation.open_slot import both_ends_year
    from app.qa.understand import _keyword_support

    assert not both_ends_year(a, _keyword_support, engine.k)  # one name is no pair of ends
