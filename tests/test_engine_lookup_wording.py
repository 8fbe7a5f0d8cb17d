"""Lookups of conventions, schemes, bodies and initiatives worded as people write them (issue 9,
fresh_qlook7): "X initiatives" from the member's side (the report's own programme is no answer),
keyword year lists ("c102 ratifications 2021 2022"), a possessive after a demonym ("which Paraguayan
institute's schemes"), "number of <noun>" closing a keyword query, "fund" the noun ("health
funds"), a convention named by its subject with "number", "what did the X government ratify", and
a body qualified by its country ("which Lao body").

Pure pieces run on invented text; engine tests build their questions from the graph's own facts
and compare with sets computed from those facts, never typed in.
"""
from __future__ import annotations

import pytest

from app.qa.relation.fund_nouns import blank_fund_nouns
from app.qa.graphstep import _listed_years
from app.qa.names.instrument_names import instrument_number
from app.qa.constraints.org_country import national_answers, qualified_countries
from app.qa.relation.participation import own_programme
from app.qa.question import analyse, answer_type
from tests.support.engine import answer_ids


# -- pure pieces ------------------------------------------------------------------------------------
def test_fund_after_a_name_word_is_a_noun_and_after_a_subject_a_verb():
    mods = frozenset({"health", "insurance", "solidarity"})
    assert "fund" not in blank_fund_nouns("freedonia health insurance fund country", mods)
    assert "funds" not in blank_fund_nouns("freedonia non-contributory health funds", mods)
    assert "fund" in blank_fund_nouns("which countries fund the work in Freedonia", mods)
    assert blank_fund_nouns("who funds it", frozenset()) == "who funds it"


def test_a_query_ending_on_funds_then_a_participle_or_year_keeps_funds_a_noun():
    mods = frozenset({"health", "insurance", "solidarity"})
    for q in ("freedonia non-contributory health coverage funds operationalised 2024",
              "freedonia health coverage funds launched", "freedonia solidarity coverage funds 2023",
              "freedonia health coverage funds created in 2022"):
        assert "funds" not in blank_fund_nouns(q, mods), q
    # a plural object after the verb: funding, not funds
    assert "funds" in blank_fund_nouns("which donor health coverage funds countries", mods)


def test_years_written_side_by_side_are_one_enumeration():
    assert _listed_years("c301 ratifications 2031 2032", "2031") == ["2031", "2032"]
    assert _listed_years("ratified in 2031 or 2032", "2032") == ["2031", "2032"]
    assert _listed_years("ratified in 2031", "2031") == []


@pytest.mark.parametrize("question, expected", [
    ("grand accelerator first round number of pathfinder countries", "Number"),  # the noun is counted
    ("What is Freedonia involved in among the global initiatives?", "Initiative"),  # the set picked from
    ("Which Freedonian institute's pension schemes is the ILO valuing?", "Organization"),  # the possessor
    ("Which Freedonian board is extending social insurance to traders?", "Organization"),
])
def test_answer_type_of_lookup_wordings(question, expected):
    assert answer_type(question) == expected


def test_the_subject_after_did_is_not_the_asked_type():
    assert answer_type("What did the Freedonian government ratify in 2031?") != "Country"
    assert answer_type("Which countries did the Freedonian government fund?") == "Country"


# -- the real engine --------------------------------------------------------------------------------
def _countries_in(engine, init: str) -> set[str]:
    return {f["subject"] for f in engine.k.facts_where(predicate="priorityCountryOf", obj=init)}


def test_member_side_keyword_query_leaves_out_the_reports_own_programme(engine):
    own = own_programme(engine.k)
    if not own:
        pytest.skip("the build marks no programme of the report's own")
    others = {f["object"] for f in engine.k.facts_where(predicate="priorityCountryOf") if f["object"] not in own}
    country = next((c for i in sorted(others) for c in sorted(_countries_in(engine, i))
                    if any(c in _countries_in(engine, o) for o in own)), None)
    if country is None:
        pytest.skip("no priority country of the own programme is selected by another initiative")
    res = engine.ask(f"{engine.k.label(country).lower()} initiatives")
    got = answer_ids(engine, res)
    held = {f["object"] for f in engine.k.facts_where(subject=country, predicate="priorityCountryOf")} - own
    assert got and not (got & own) and held <= got


def test_two_years_side_by_side_answer_either_year(engine):
    from collections import Counter

    facts = engine.k.facts_where(predicate="ratified")
    if not facts:
        pytest.skip("no ratification in the graph")
    inst = Counter(f["object"] for f in facts).most_common(1)[0][0]
    label = next((n for n in engine.k.names(inst) if instrument_number(n)), engine.k.label(inst))
    by_year: dict[str, set[str]] = {}
    for st in facts:
        year = str((st.get("attrs") or {}).get("year") or "")
        if year.isdigit() and st["object"] == inst and \
                (st.get("attrs") or {}).get("status", "registered") == "registered":
            by_year.setdefault(year, set()).add(st["subject"])
    if len(by_year) < 2:
        pytest.skip("fewer than two ratification years in the graph")
    y1, y2 = sorted(by_year)[:2]
    res = engine.ask(f"{label.lower()} ratifications {y1} {y2}")
    assert answer_ids(engine, res) == by_year[y1] | by_year[y2]


def test_health_funds_of_a_country_are_no_funding_question(engine):
    mods = engine.lexicon.fund_modifiers
    assert mods, "the graph names no fund"
    word = sorted(mods)[0]
    a = analyse(f"freedonia {word} funds", engine.lexicon)
    assert not a.fund
    assert analyse("which countries does the freedonian government fund", engine.lexicon).fund


def _subject_titled_instrument(engine) -> tuple[str, str]:
    for e in engine.k.of_type("LegalInstrument"):
        if not any(instrument_number(n) for n in engine.k.names(e["id"])):
            continue
        for n in engine.k.names(e["id"]):
            if n[:1].isalpha() and not any(ch.isdigit() for ch in n) and "convention" in n.lower():
                a = analyse(f"{n.lower()} number", engine.lexicon)
                if [i for l in a.links for i in l.ids] == [e["id"]]:
                    return e["id"], n
    pytest.skip("no numbered convention carries a title without its number")


def test_a_convention_named_by_subject_with_number_is_answered_by_the_instrument(engine):
    eid, title = _subject_titled_instrument(engine)
    res = engine.ask(f"{title.lower()} number")
    assert answer_ids(engine, res) == {eid} and res["answer_type"] == "Convention"
    counted = engine.ask("how many countries ratified " + engine.k.label(eid))
    assert counted["answer_type"] == "Number"  # a count stays a count


def test_what_did_the_government_ratify_asks_the_instrument(engine):
    facts = [f for f in engine.k.facts_where(predicate="ratified")  # registered: approved at home is not yet
             if (f.get("attrs") or {}).get("status", "registered") == "registered"]
    if not facts:
        pytest.skip("no ratification in the graph")
    country = sorted({f["subject"] for f in facts})[0]
    expected = {f["object"] for f in facts if f["subject"] == country}
    for q in (f"What did the government of {engine.k.label(country)} ratify?",
              f"What has the {engine.k.label(country)} government ratified?"):
        res = engine.ask(q)
        assert res["answer_type"] == "Convention" and answer_ids(engine, res) == expected, q


def test_a_body_qualified_by_its_country_keeps_that_countrys_bodies(engine):
    fact = next(iter(sorted(engine.k.facts_where(predicate="institutionOf"), key=lambda f: f["subject"])), None)
    if fact is None:
        pytest.skip("the graph places no national institution")
    body, country = fact["subject"], fact["object"]
    author = next(e["id"] for e in engine.k.of_type("Organization") if "ILO" in engine.k.names(e["id"]))
    a = analyse(f"Which {engine.k.label(country)} body had its governance reviewed?", engine.lexicon)
    assert qualified_countries(a) == {country}
    answers = [{"iri": str(engine.k.iri(author))}, {"iri": str(engine.k.iri(body))}]
    assert [x["iri"] for x in national_answers(answers, a, engine.k)] == [str(engine.k.iri(body))]
    keyword = analyse(f"{engine.k.label(country).lower()} un agency partners", engine.lexicon)
    assert not qualified_countries(keyword)  # a keyword query's country is no qualifier


# -- names: adjectival titles, bodies headed before "for", common nouns, possessors ----------------
def test_a_title_naming_a_country_by_adjective_is_about_it():
    from app.qa.things.titles import _adjectival_countries

    assert _adjectival_countries("Review of the Kenyan Pension Fund's schemes") == {"KEN"}
    assert _adjectival_countries("Social Protection for All") == set()


def test_a_body_headed_by_organization_before_for_is_a_name():
    from graph.extract.organizations import inline_definitions

    text = "The valuation was submitted to the National Organization for Welfare Insurance (NOWI) in 2031."
    assert [(d[2], d[3]) for d in inline_definitions(text)] == [("National Organization for Welfare Insurance", "NOWI")]


def test_a_lower_case_name_is_a_description_unless_it_has_an_acronym(engine):
    from app.qa.names.common_names import common_named

    for e in engine.k.of_type("Scheme"):
        if e["label"] == e["label"].lower():
            assert common_named(engine.k, e["id"]) == (not e.get("acronym"))
        elif e["label"][:1].isupper():
            # a scheme found by its description and named later by its entry ("Community-Based Health
            # Insurance (AMBC)") is still a kind when a question uses the description
            described = (e.get("attrs") or {}).get("described") and any(n == n.lower() for n in e.get("alt_labels") or ())
            assert common_named(engine.k, e["id"]) == bool(described)


def test_which_countrys_named_body_is_the_country_placing_it(engine):
    from collections import Counter

    facts = engine.k.facts_where(predicate="institutionOf")
    shared = Counter(engine.k.label(f["subject"]) for f in facts)
    for f in sorted(facts, key=lambda f: f["subject"]):
        ent = engine.k.entity(f["subject"])
        acr = ent.get("acronym")
        if not acr or shared[ent["label"]] < 2:
            continue  # a name several countries' bodies share, told apart by the acronym
        res = engine.ask(f"Which country's {ent['label']} goes by the acronym {acr}?")
        assert answer_ids(engine, res) == {f["object"]}
        return
    pytest.skip("no body name is shared by two countries' bodies with an acronym")
