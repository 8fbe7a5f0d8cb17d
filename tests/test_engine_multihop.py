"""Chains through regions: a country the report names without a regional heading (a pathfinder with
no country entry) is placed by the general ILO region table; everyday region names ("Asia",
"Central Asia") link.  The real engine over the real build; expected answers from the graph's facts
and the general gazetteer, so the tests hold on another report.
"""
from __future__ import annotations

import pytest

from graph.countries import ilo_region


def iso3s(res) -> set[str]:
    return {a["iso3"] for a in res["answers"] if a.get("iso3")}


def _region_of(engine, iso3: str) -> str | None:
    """The report's placement, else the general table's."""
    placed = [f["object"] for f in engine.k.facts_where(subject=f"Country:{iso3}", predicate="inRegion")]
    return engine.k.label(placed[0]) if placed else ilo_region(iso3)


def _pathfinders(engine) -> tuple[str, set[str]]:
    facts = engine.k.facts_where(predicate="pathfinderOf")
    if not facts:
        pytest.skip("no pathfinders")
    init = facts[0]["object"]
    return init, {f["subject"].split(":", 1)[1] for f in facts if f["object"] == init}


@pytest.mark.parametrize("region,wording", [("Africa", "in Africa"), ("Asia and the Pacific", "in Asia")])
def test_pathfinders_of_a_region_include_those_without_an_entry(engine, region, wording):
    init, pf = _pathfinders(engine)
    want = {c for c in pf if _region_of(engine, c) == region}
    res = engine.ask(f"Which {engine.k.label(init)} pathfinder countries are {wording}?")
    assert iso3s(res) == want and want
    res = engine.ask(f"How many {engine.k.label(init)} pathfinders are {wording}?")
    assert res["answers"][0]["value"] == len(want)


def test_not_in_a_region_is_the_complement_among_pathfinders(engine):
    init, pf = _pathfinders(engine)
    want = {c for c in pf if _region_of(engine, c) != "Africa"}
    res = engine.ask(f"Which pathfinders of the {engine.k.label(init)} are not in Africa?")
    assert iso3s(res) == want


def test_the_reports_placement_wins_over_the_table(engine):
    """Only countries the report places nowhere are placed by the general table."""
    from app.qa.graphstep import _placed_by_gazetteer

    placed = {f["subject"] for f in engine.k.facts_where(predicate="inRegion")}
    regions = [i for i, e in engine.k.entities.items() if e["type"] == "Region"]
    assert regions
    by_table = {c for r in regions for c in _placed_by_gazetteer(engine.k, r)}
    assert by_table and not (by_table & placed)
    for r in regions:
        for c in _placed_by_gazetteer(engine.k, r):
            assert ilo_region(c.split(":", 1)[1]) == engine.k.label(r)


def test_funders_of_countries_described_by_a_graph_relation_are_the_chain(engine):
    """"Who funds the work in the countries that ratified <convention> in <year>": the countries
    are the ratification relation's whole answer set, and the funders those of any of them (the
    same as asking country by country)."""
    from collections import defaultdict

    by_year = defaultdict(set)
    for f in engine.k.facts_where(predicate="ratified"):
        if f["attrs"].get("year") and f["attrs"].get("status") in (None, "registered") \
                and engine.k.facts_where(subject=f["subject"], predicate="fundedBy"):
            by_year[(f["object"], f["attrs"]["year"])].add(f["subject"])
    pairs = [(k, v) for k, v in by_year.items() if len(v) >= 2]
    if not pairs:
        pytest.skip("no year with two ratifying funded countries")
    (conv, year), countries = pairs[0]
    res = engine.ask(f"Who funds the ILO's work in the countries that ratified {engine.k.label(conv)} in {year}?")
    one_by_one = set()
    for c in countries:
        r = engine.ask(f"Who funds the ILO's work in {engine.k.label(c)}?")
        one_by_one |= {a["iri"] for a in r["answers"]}
    assert {a["iri"] for a in res["answers"]} == one_by_one and one_by_one


def _partner_countries(engine, org: str) -> set[str]:
    out = {f["subject"] for p in ("partneredWith", "supportedBy") for f in engine.k.facts_where(predicate=p, obj=org)}
    out |= {f["object"] for f in engine.k.facts_where(subject=org, predicate="partneredWith")}
    return {c.split(":", 1)[1] for c in out if c.startswith("Country:")}


def _funded_countries(engine, org: str) -> set[str]:
    direct = {f["subject"] for f in engine.k.facts_where(predicate="fundedBy", obj=org)}
    return {c.split(":", 1)[1] for c in direct if c.startswith("Country:")}


def test_each_organisation_goes_to_the_relation_word_before_it(engine):
    """"countries where the ILO partners with <A> that are funded by <B>": A is a partner, B a funder."""
    orgs = sorted({f["object"] for f in engine.k.facts_where(predicate="partneredWith") if f["object"].startswith("Organization:")},
                  key=lambda o: -len(_partner_countries(engine, o)))
    funders = sorted({f["object"] for f in engine.k.facts_where(predicate="fundedBy") if f["object"].startswith("Organization:")},
                     key=lambda o: -len(_funded_countries(engine, o)))
    for p in orgs[:5]:
        for f in funders[:5]:
            want = _partner_countries(engine, p) & _funded_countries(engine, f)
            if p != f and want:
                res = engine.ask(f"Which countries where the ILO partners with the {engine.k.label(p)} are funded "
                                 f"by the {engine.k.label(f)}?")
                assert iso3s(res) == want
                return
    pytest.skip("no partner and funder sharing a country")


def test_count_of_partnership_countries(engine):
    org = max({f["object"] for f in engine.k.facts_where(predicate="partneredWith") if f["object"].startswith("Organization:")},
              key=lambda o: len(_partner_countries(engine, o)), default=None)
    if org is None:
        pytest.skip("no partnerships")
    res = engine.ask(f"In how many countries did the ILO partner with the {engine.k.label(org)}?")
    assert res["answers"][0]["value"] == len(_partner_countries(engine, org))
