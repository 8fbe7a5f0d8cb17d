"""Chains whose outer relation is not funding: what the countries a funder finances ratified, who
the ILO partners with in them, and a description ("the countries funded by X") that must not keep
its own relation as the asked one.  The real engine over the real build; expected answers come from
the knowledge base's facts, so the tests hold on another report.
"""
from __future__ import annotations

import pytest

from app.qa.graphstep import AUTHOR_ORGS
from tests.support.engine import answer_ids


def _funded(engine, funder: str) -> set[str]:
    return {f["subject"] for f in engine.k.facts_where(predicate="fundedBy", obj=funder)
            if f["subject"].startswith("Country:")}


def _ratified(engine, country: str) -> set[str]:
    """What the country ratified, leaving out ratifications approved at home but not registered."""
    return {f["object"] for f in engine.k.facts_where(subject=country, predicate="ratified")
            if (f.get("attrs") or {}).get("status") in (None, "registered")}


def _partners(engine, country: str) -> set[str]:
    out = {f["object"] for p in ("partneredWith", "supportedBy") for f in engine.k.facts_where(subject=country, predicate=p)}
    out |= {f["subject"] for f in engine.k.facts_where(predicate="partneredWith", obj=country)}
    return {x for x in out if not x.startswith("Country:") and x not in AUTHOR_ORGS and _an_organisation(engine, x)}


def _an_organisation(engine, eid: str) -> bool:
    """Organisations, and initiatives the graph also types as one (a network): the asked kind."""
    e = engine.k.entity(eid) or {}
    return e.get("type") == "Organization" or any(x.get("type") == "Organization" for x in (e.get("attrs") or {}).get("also", []))


def _government_funders(engine) -> list[str]:
    """Governments that fund countries, most countries first (a described set, not one country)."""
    govs = {f["object"] for f in engine.k.facts_where(predicate="fundedBy")
            if f["object"].startswith("Organization:gov-") and f["subject"].startswith("Country:")}
    return sorted(govs, key=lambda g: (-len(_funded(engine, g)), g))


def _country_name(engine, gov: str) -> str:
    return engine.k.label("Country:" + gov.split("gov-", 1)[1])


def test_conventions_ratified_by_the_countries_a_funder_finances(engine):
    """"Which conventions have the countries <X> funds ratified": the ratifications of any of them."""
    for gov in _government_funders(engine):
        want = set().union(*(_ratified(engine, c) for c in _funded(engine, gov)))
        if want:
            break
    else:
        pytest.skip("no funded country ratified anything")
    name = _country_name(engine, gov)
    for q in (f"Which conventions have the countries {name} funds ratified?",
              f"conventions ratified by {name}-funded countries"):
        res = engine.ask(q)
        assert answer_ids(engine, res) == want, q
        # the described set is answered first (country_chain, or the description read as a relative
        # clause with no connective: "the countries X funds")
        assert any("countries described by" in p or "countries funded by" in p for p in res["path"]), res["path"]


def test_a_funder_whose_countries_ratified_nothing_gets_no_convention(engine):
    for gov in _government_funders(engine):
        if not set().union(*(_ratified(engine, c) for c in _funded(engine, gov))):
            break
    else:
        pytest.skip("every funder's countries ratified something")
    res = engine.ask(f"Which conventions did the countries {_country_name(engine, gov)} funds ratify?")
    assert res["answers"] == []


def test_partners_in_the_countries_a_funder_finances(engine):
    """"Which organisations does the ILO partner with in the countries funded by X": partners, and
    of every one of those countries (not the first alone), never X's fellow funders."""
    for gov in _government_funders(engine):
        countries = _funded(engine, gov)
        per = [c for c in countries if _partners(engine, c)]
        if len(per) >= 1 and len(countries) >= 2:
            break
    else:
        pytest.skip("no funder with partnered countries")
    want = set().union(*(_partners(engine, c) for c in countries))
    res = engine.ask(f"Which organisations does the ILO partner with in the countries funded by {_country_name(engine, gov)}?")
    got = answer_ids(engine, res)
    assert got == want


def test_a_described_set_keeps_the_questions_own_relation(engine):
    """"Who are the ILO's partners in the countries funded by the EU in <region>": the description's
    funding picks the countries; the answers are their partners, not their other funders."""
    eu = "Organization:eu"
    if not engine.k.entity(eu):
        pytest.skip("no EU")
    by_region: dict[str, set[str]] = {}
    for c in _funded(engine, eu):
        for f in engine.k.facts_where(subject=c, predicate="inRegion"):
            by_region.setdefault(f["object"], set()).add(c)
    region, countries = max(by_region.items(), key=lambda kv: len(kv[1]))
    partners = set().union(*(_partners(engine, c) for c in countries))
    funders = {f["object"] for c in countries for f in engine.k.facts_where(subject=c, predicate="fundedBy")}
    if not partners or not (funders - partners):
        pytest.skip("partners and funders coincide")
    res = engine.ask(f"Who are the ILO's partners in the countries funded by the EU in {engine.k.label(region)}?")
    got = answer_ids(engine, res)
    assert got and got <= partners


def _funded_via(engine, fund: str) -> set[str]:
    """Countries whose financing line names the pooled fund."""
    return {f["subject"] for f in engine.k.facts_where(predicate="fundedBy", obj=fund) if f["subject"].startswith("Country:")}


def test_pathfinders_supported_by_a_pooled_fund(engine):
    """"Which pathfinder countries are supported by <a fund>": the fund has no pathfinders, it pays
    for the work of some; the answer is the pathfinders it funds, also asked at length (where the
    fund's name, a "programme", does not make the question ask for schemes)."""
    path = engine.k.facts_where(predicate="pathfinderOf")
    if not path:
        pytest.skip("no pathfinders")
    init = path[0]["object"]
    pf = {f["subject"] for f in path if f["object"] == init}
    funds = sorted({f["object"] for f in engine.k.facts_where(predicate="fundedBy") if f["object"].startswith("Initiative:")
                    and not engine.k.facts_where(subject=None, predicate="pathfinderOf", obj=f["object"])})
    fund = next((x for x in funds if pf & _funded_via(engine, x)), None)
    if fund is None:
        pytest.skip("no pooled fund pays for a pathfinder")
    want = pf & _funded_via(engine, fund)
    name = engine.k.label(fund)
    for q in (f"Which pathfinder countries are supported by the {name}?",
              f"I'm looking at the pathfinder countries of the {engine.k.label(init)}, and among those I'd like the ones "
              f"whose ILO work is supported by the {name}; which are they?"):
        res = engine.ask(q)
        assert answer_ids(engine, res) == want, q


def test_a_country_named_as_funder_is_not_the_inquirer(engine):
    """"<X>-funded countries that asked about ratifying <convention>": X funds, the funded countries
    inquired; the inquiry (worded by a keyword of its own) is meant, not a ratification."""
    inquiries = engine.k.facts_where(predicate="inquiredAbout")
    if not inquiries:
        pytest.skip("no inquiries")
    inst = inquiries[0]["object"]
    asked = {f["subject"] for f in inquiries if f["object"] == inst}
    gov = next((g for g in _government_funders(engine) if _funded(engine, g) & asked), None)
    if gov is None:
        pytest.skip("no funder of an inquiring country")
    want = _funded(engine, gov) & asked
    name, label = _country_name(engine, gov), engine.k.label(inst)
    for q in (f"countries funded by {name.lower()} that asked about ratifying {label}",
              f"Which {name}-funded countries inquired about ratifying {label}?"):
        res = engine.ask(q)
        assert answer_ids(engine, res) == want, q


def test_countries_supported_by_a_body_that_only_funds(engine):
    """"Which of the countries supported by <a pooled fund> are in <region>": a body the graph holds
    only as a funder of countries is their funder when the question says "supported"."""
    def engaged(b):
        return engine.k.facts_where(predicate="partneredWith", obj=b) or engine.k.facts_where(predicate="supportedBy", obj=b) \
            or engine.k.facts_where(subject=b, predicate="partneredWith")

    funds = sorted({f["object"] for f in engine.k.facts_where(predicate="fundedBy")
                    if f["object"].startswith("Initiative:") and len(_funded_via(engine, f["object"])) >= 3
                    and not engaged(f["object"])})
    if not funds:
        pytest.skip("no pooled fund")
    fund = funds[0]
    by_region: dict[str, set[str]] = {}
    for c in _funded_via(engine, fund):
        for f in engine.k.facts_where(subject=c, predicate="inRegion"):
            by_region.setdefault(f["object"], set()).add(c)
    region, want = max(by_region.items(), key=lambda kv: len(kv[1]))
    res = engine.ask(f"Which of the countries supported by the {engine.k.label(fund)} are in {engine.k.label(region)}?")
    assert answer_ids(engine, res) == want
