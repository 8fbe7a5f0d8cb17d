"""The country a publication is about, the publication named by its own title's words: "Which
country's National Social Security Fund had its health insurance schemes assessed in an ILO
report?" was answered from the sentence nearest its words (another country's fund); the graph
records which countries each publication is about."""
from __future__ import annotations

import pytest


def _about_one_country(engine):
    """Publications about exactly one country, with a title of several words."""
    return [p for p in engine.titles.pubs if len(p.countries) == 1 and len(p.title_terms) >= 4]


def _country_names(engine, iso):
    return {n.lower() for n in engine.k.names(f"Country:{iso}")}


def _without_country(engine, title, iso):
    """The title with the country's names (and adjectives such as "Cambodian") taken out."""
    words = [w for w in title.replace("'s", "").split()
             if not any(w.lower().startswith(n[:5]) for n in _country_names(engine, iso) if len(n) >= 4)]
    return " ".join(words)


def test_which_country_a_publication_named_by_its_title_is_about(engine):
    pubs = _about_one_country(engine)
    if not pubs:
        pytest.skip("no publication about a single country in this report")
    checked = 0
    for p in pubs:
        (iso,) = tuple(p.countries)
        topic = _without_country(engine, p.label, iso)
        if len(topic.split()) < 4:
            continue
        out = engine.ask(f"Which country is the ILO report on {topic.lower()} about?")
        got = [(engine.k.entity_by_iri(x["iri"]) or {}).get("id") for x in out["answers"]]
        if out.get("answer_type") == "Country" and out.get("strategy") == "graph-publication":
            assert got == [f"Country:{iso}"], (p.label, got)
            checked += 1
    assert checked >= 1


def test_a_question_that_names_a_country_is_not_rerouted(engine):
    pubs = _about_one_country(engine)
    if not pubs:
        pytest.skip("no publication about a single country in this report")
    p = pubs[0]
    (iso,) = tuple(p.countries)
    out = engine.ask(f"Who funds the work in {engine.k.label('Country:' + iso)}?")
    assert out.get("strategy") != "graph-publication"


def test_the_nssf_wording(engine):
    pubs = [p for p in _about_one_country(engine) if {"national", "social", "security", "fund"} <= {
        w.lower() for w in p.label.replace("'s", "").split()}]
    if not pubs:
        pytest.skip("no publication on a national social security fund")
    (iso,) = tuple(pubs[0].countries)
    out = engine.ask("Which country's National Social Security Fund had its health insurance schemes "
                     "assessed in an ILO report?")
    assert [(engine.k.entity_by_iri(x["iri"]) or {}).get("id") for x in out["answers"]] == [f"Country:{iso}"]


def test_countries_of_a_kind_are_not_one_publications_countries(engine):
    """"Which countries put out a statistics bulletin": every country with one of that kind, which a
    title of generic words does not single out; the reading is for one country asked."""
    for p in _about_one_country(engine):
        out = engine.ask(f"Which countries put out a {p.label.lower()} with ILO help?")
        assert out.get("strategy") != "graph-publication" or out.get("answer_type") != "Country"
