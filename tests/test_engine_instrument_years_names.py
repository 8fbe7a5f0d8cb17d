"""Convention and scheme questions of fresh_qconv5 by kind: the year a named instrument or scheme
carries itself (adoption from its title, enactment, launch), the full written name of a scheme or
law ("... for workers in the informal economy (RSPC)"), the kind of ILO instrument asked for
("togo recommendation"), a relation asked with its object unnamed under a region filter ("which
Asian countries formally inquired"), and "countrys"-style plurals.

Pure pieces run on invented text; engine tests ask questions written for these tests over the
real build and compare with values read from the graph, never typed in.
"""
from __future__ import annotations

import pytest

from app.qa.things.entity_years import _asked_events, entity_year
from app.qa.things.instrument_kind import asked_kind
from app.qa.form.spelling import Speller
from app.qa.things.written_names import full_name
from graph.extract.written_forms import written_forms
from tests.support.engine import answer_ids


# -- pure pieces ------------------------------------------------------------------------------------
def test_written_forms_continue_a_name_to_its_acronym_or_number():
    text = ("The Freedonia Welfare Scheme for workers in the rural economy (FWS), launched in 2031, and "
            "the Pension Law (No. 77) approved in 2030. The Injury Scheme (IS) Pilot covers miners.")
    assert written_forms("Freedonia Welfare Scheme", text) == [
        ("Freedonia Welfare Scheme for workers in the rural economy (FWS)", "FWS")]
    assert written_forms("Pension Law", text) == [("Pension Law (No. 77)", None)]
    assert written_forms("Injury Scheme", text) == [("Injury Scheme (IS) Pilot", "IS")]
    # a verb after the name is no qualifier: "Welfare Scheme is run by the Board (WB)"
    assert written_forms("Welfare Scheme", "The Welfare Scheme is run by the Board (WB).") == []


def test_the_full_name_adds_the_parenthesis_to_every_word_of_the_label():
    e = {"label": "Social Cash Transfer programme",
         "alt_labels": ["SCT", "Social Cash Transfer (SCT) programme", "Cash Transfer (X)"]}
    assert full_name(e) == "Social Cash Transfer (SCT) programme"
    assert full_name({"label": "Haba Haba scheme", "alt_labels": []}) is None


def test_the_asked_event_selects_the_dated_attribute():
    class K:
        def __init__(self, e):
            self.e = e

        def entity(self, _):
            return self.e

    conv = K({"label": "Convention No. 999", "attrs": {"adoptionYear": "2031"}})
    assert entity_year("when was C999 adopted", ["LegalInstrument:c999"], conv).year == "2031"
    assert entity_year("c999 year", ["LegalInstrument:c999"], conv).year == "2031"
    # a ratification is between a country and the convention: never the convention's own year
    assert entity_year("ruritania c999 ratification year", ["LegalInstrument:c999"], conv) is None
    scheme = K({"label": "Freedonia scheme", "attrs": {"year": "2030", "status": "relaunched"}})
    assert entity_year("when was the freedonia scheme relaunched", ["Scheme:x"], scheme).year == "2030"
    assert entity_year("when was the freedonia scheme originally set up", ["Scheme:x"], scheme) is None
    assert _asked_events("year it was passed") >= {"pass", "enact"}
    # an end date is no start event the entity carries: the text answers "until which year"
    launched = K({"label": "Freedonia pilot", "attrs": {"year": "2029", "status": "launched"}})
    assert entity_year("when was the freedonia pilot launched", ["Scheme:x"], launched).year == "2029"
    assert entity_year("until which year is the freedonia pilot set to run", ["Scheme:x"], launched) is None
    assert entity_year("freedonia pilot renewed until", ["Scheme:x"], launched) is None


def test_the_asked_instrument_kind_is_read_outside_linked_names():
    class L:
        start, end = 0, 38

    assert asked_kind("togo recommendation", []) == "Recommendation"
    assert asked_kind("which convention and which recommendation", []) is None
    # the title names a recommendation; the question asks for a convention
    assert asked_kind("Social Protection Floors Recommendation: which convention goes with it", [L()]) == "Convention"


def test_a_consonant_y_plural_with_s_is_a_typo():
    from collections import Counter

    sp = Speller(Counter({"country": 50, "countries": 80, "day": 5}))
    assert not sp.known("countrys") and sp.known("days") and sp.known("countries")


# -- the real engine --------------------------------------------------------------------------------
def _instrument_with(engine, attr: str):
    for e in engine.k.entities.values():
        if e.get("type") == "LegalInstrument" and (e.get("attrs") or {}).get(attr):
            return e
    pytest.skip(f"no instrument carries {attr}")


def test_adoption_year_of_a_named_recommendation_or_convention(engine):
    rec = next((e for e in engine.k.entities.values() if e.get("role") == "ILORecommendation"
                and (e.get("attrs") or {}).get("adoptionYear") and (e.get("attrs") or {}).get("title")), None)
    if rec is None:
        pytest.skip("no recommendation with a dated title")
    title, year = rec["attrs"]["title"], rec["attrs"]["adoptionYear"]
    for q in (f"In what year was the {title} adopted?", f"{title.lower()} adopted year",
              f"when did the ILO adopt the {title}"):
        res = engine.ask(q)
        assert [x["label"] for x in res["answers"]] == [str(year)], q


def test_enactment_year_of_a_national_law_asked_by_keywords(engine):
    law = next((e for e in engine.k.entities.values() if e.get("role") == "NationalLaw"
                and (e.get("attrs") or {}).get("enactedYear") and (e.get("attrs") or {}).get("country")
                and " Act" in e.get("label", "")), None)
    if law is None:
        pytest.skip("no dated act")
    country = engine.k.label("Country:" + law["attrs"]["country"])
    short = law["label"].split(" of ")[0]
    res = engine.ask(f"{country.lower()} {short.lower()} year")
    assert [x["label"] for x in res["answers"]] == [str(law["attrs"]["enactedYear"])]


def test_scheme_answers_carry_the_full_written_name(engine):
    scheme = next((e for e in engine.k.entities.values() if e.get("type") == "Scheme" and e.get("acronym")
                   and (e.get("attrs") or {}).get("country") and full_name(e)), None)
    if scheme is None:
        pytest.skip("no scheme with a written full name")
    country = engine.k.label("Country:" + scheme["attrs"]["country"])
    res = engine.ask(f"{country.lower()} schemes")
    names = {x.get("name") for x in res["answers"] if x.get("iri") and engine.k.entity_by_iri(x["iri"])["id"] == scheme["id"]}
    assert names == {full_name(scheme)}


def test_which_recommendation_gets_the_recommendation_not_the_convention(engine):
    # a country entry citing a recommendation in the same sentence as a convention
    for p in engine.k.passages.values():
        if "Recommendation No." in p.text and "Convention No." in p.text:
            iso = None
            for m in engine.k.mentions_in(p.id):
                if m["type"] == "Country":
                    iso = m["key"]
                    break
            if iso:
                break
    else:
        pytest.skip("no passage cites both kinds")
    name = engine.k.label("Country:" + iso).lower()
    rec = engine.ask(f"{name} recommendation")
    assert rec["answers"] and all(engine.k.entity_by_iri(x["iri"])["role"] == "ILORecommendation"
                                  for x in rec["answers"] if x.get("iri"))


def test_a_relation_with_its_object_unnamed_under_a_region(engine):
    inquired = {f["subject"] for f in engine.k.facts if f["predicate"] == "inquiredAbout"}
    for region in sorted({f["object"] for f in engine.k.facts if f["predicate"] == "inRegion"}):
        inside = {f["subject"] for f in engine.k.facts_where(predicate="inRegion", obj=region)}
        placed = inquired & inside
        if placed and inside - inquired:
            break
    else:
        pytest.skip("no region separates the inquiring countries")
    name = engine.k.label(region)
    for q in (f"which countries in {name} formally inquired about ratifying",
              f"{name.lower()} countries inquired ratification"):
        got = answer_ids(engine, engine.ask(q))
        assert got and got <= inquired and not (got & (inside - inquired)), q


def test_scheme_questions_leave_out_partnerships_services_and_reforms():
    from app.qa.things.scheme_kinds import keep_schemes

    ents = {"s": {"type": "Scheme", "attrs": {"kind": "scheme"}},
            "p": {"type": "Scheme", "attrs": {"kind": "partnership"}},
            "r": {"type": "Scheme", "attrs": {"kind": "reform"}}}

    class K:
        def entity_by_iri(self, iri):
            return ents.get(iri)

    answers = [{"iri": i, "label": i} for i in ents]
    assert [x["iri"] for x in keep_schemes(answers, "freedonia schemes", K())] == ["s"]
    assert [x["iri"] for x in keep_schemes(answers, "which reform and schemes in freedonia", K())] == ["s", "r"]


def test_country_scheme_lists_hold_no_partnership(engine):
    kinds = {}
    for e in engine.k.entities.values():
        if e.get("type") == "Scheme" and (e.get("attrs") or {}).get("country"):
            kinds.setdefault(e["attrs"]["country"], set()).add((e.get("attrs") or {}).get("kind"))
    iso = next((c for c, ks in sorted(kinds.items()) if "partnership" in ks and "scheme" in ks), None)
    if iso is None:
        pytest.skip("no country with a scheme and a partnership measure")
    res = engine.ask(f"{engine.k.label('Country:' + iso).lower()} schemes")
    got = [engine.k.entity_by_iri(x["iri"]) for x in res["answers"] if x.get("iri")]
    assert got and all((e.get("attrs") or {}).get("kind") != "partnership" for e in got)
