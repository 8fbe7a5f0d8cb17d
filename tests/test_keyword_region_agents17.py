"""Keyword queries in round 17: a region beside a body; a type noun before a relation word.

- "americas rbsa", "europe central asia ilo regular budget": a region and a body, no other word,
  ask for the countries there linked to the body, by the relation the bank's neighbours vote for
  among those the graph holds there (app.qa.relation.region_agent), not for the body's own funders;
- a type noun before a singular relation word it is an end of ("burundi programme financing")
  modifies it: the relation's other end is asked (app.qa.understand._keyword_head).
Expected answers come from the engine's own plain wording or the knowledge base, never typed here.
"""
from __future__ import annotations

import pytest

from graph.relations import REGISTRY


def _labels(r) -> set[str]:
    return {a["label"] for a in r["answers"]}


def _region_funders(engine):
    """(region label, body name, countries) for bodies the graph links to a region's countries by
    funding only (no other relation from a country), taken from the knowledge base."""
    k = engine.k
    placed: dict[str, set[str]] = {}
    for f in k.facts_where(predicate="inRegion"):
        placed.setdefault(f["object"], set()).add(f["subject"])
    linking = [r.name for r in REGISTRY if "Country" in r.domain and "Organization" in r.range]
    out = []
    for body in sorted({f["object"] for f in k.facts_where(predicate="fundedBy") if f["object"].startswith("Organization:")}):
        if k.same_thing(body):
            continue  # a government is its country acting: read by the country-funder rules
        if any(k.facts_where(predicate=rel, obj=body) for rel in linking if rel != "fundedBy"):
            continue
        funded = {f["subject"] for f in k.facts_where(predicate="fundedBy", obj=body)}
        for region, countries in sorted(placed.items()):
            there = funded & countries
            if len(there) >= 2:
                out.append((region, body, there))
    return out


def test_the_knowledge_base_has_such_bodies(engine):
    assert len(_region_funders(engine)) >= 2


@pytest.mark.parametrize("order", ["region first", "body first"])
def test_a_region_beside_a_body_asks_its_countries_there(engine, order):
    k = engine.k
    for region, body, _ in _region_funders(engine)[:4]:
        name, rname = k.names(body)[0], k.label(region)
        want = _labels(engine.ask(f"Which countries in {rname} are funded by the {name}?"))
        assert want
        q = f"{rname.lower()} {name.lower()}" if order == "region first" else f"{name.lower()} {rname.lower()}"
        got = engine.ask(q)
        assert got["answer_type"] == "Country", q
        assert _labels(got) == want, q


def test_the_count_of_a_region_and_a_body_counts_those_countries(engine):
    k = engine.k
    region, body, _ = _region_funders(engine)[0]
    name = k.names(body)[0]
    want = _labels(engine.ask(f"Which countries in {k.label(region)} are funded by the {name}?"))
    got = engine.ask(f"{k.label(region).lower()} {name.lower()} count")
    assert got["answer_type"] == "Number"
    assert [a["label"] for a in got["answers"]] == [str(len(want))]


def test_a_body_with_no_country_there_is_not_forced_onto_the_region():
    # the chooser reads only relations the graph holds between the region's countries and the body
    from app.qa.question import Analysis, Link
    from app.qa.relation.region_agent import region_agent_relation

    a = Analysis(question="atlantis acme", answer_type="Organization")
    a.links = [Link(0, 8, "atlantis", ["Region:atlantis"]), Link(9, 13, "acme", ["Organization:acme"])]
    neighbours = [("which countries in [region] are funded by [organisation]", "list|fundedBy|subject|Country", 0.8)]
    assert region_agent_relation(a, "agencyOf", "Text", neighbours, lambda rel, things, regions: 0) is None
    assert region_agent_relation(a, "agencyOf", "Text", neighbours,
                                 lambda rel, things, regions: 3 if rel == "fundedBy" else 0) == ("fundedBy", "subject")
    # a type the question's own words ask ("atlantis acme agencies") is not overridden
    assert region_agent_relation(a, "agencyOf", "Organization", neighbours, lambda rel, things, regions: 3) is None


@pytest.mark.parametrize("country", ["Burundi", "Kenya"])
@pytest.mark.parametrize("noun", ["financing", "funding"])
def test_a_programme_before_a_singular_funding_word_asks_the_funders(engine, country, noun):
    # "burundi programme financing": the programme is what is financed; its funders are asked
    want = _labels(engine.ask(f"Who funds the work in {country}?"))
    assert want
    got = engine.ask(f"{country.lower()} programme {noun}")
    assert got["answer_type"] == "Organization"
    assert _labels(got) == want


def test_a_type_no_end_of_the_last_words_relation_keeps_its_head():
    # "... pension law": a law is no pension's end, so the type noun before it still asks
    from app.qa.understand import _names_an_end

    assert _names_an_end("financing", "Scheme")  # fundedBy: a scheme is financed
    assert not _names_an_end("law", "Scheme")  # instrumentOfCountry: a law of a country
