"""Partners and funders as sets (round 18): the partners in a country that do not fund the work
there ("lebanon partners not funders"), and a set-aside pooled fund taking the donors behind it
with it ("leaving the Multi-donor Programme aside, who funds Senegal?").

The real engine over the real build.  Countries, funds and donors are picked from the knowledge
base's facts, so the tests hold on another report with such facts (or skip, saying why).
"""
from __future__ import annotations

import pytest

from app.qa.constraints.channel_funders import behind_set_aside
from tests.support.engine import answer_ids, funders_per_country


def _partners(k, country: str) -> set[str]:
    """Organisations the graph has working with the ILO in the country (either direction)."""
    out = {f["object"] for f in k.facts_where(subject=country) if f["predicate"] in ("partneredWith", "supportedBy")}
    out |= {f["subject"] for f in k.facts_where(obj=country, predicate="partneredWith")}
    return {o for o in out if o.startswith("Organization:")}


def _country_with_partners_funding_and_not(engine) -> tuple[str, set[str], set[str]]:
    funders = funders_per_country(engine.k)
    for country in sorted(funders):
        partners = _partners(engine.k, country)
        if partners & funders[country] and partners - funders[country]:
            return country, partners, funders[country]
    pytest.skip("no country has partners that fund it and partners that do not")


@pytest.mark.parametrize("wording", ["{name} partners not funders",
                                     "Which organisations did the ILO work with in {name} that do not fund the work there?"])
def test_partners_that_do_not_fund_are_the_partners_minus_the_funders(engine, wording):
    country, partners, funders = _country_with_partners_funding_and_not(engine)
    got = answer_ids(engine, engine.ask(wording.format(name=engine.k.label(country))))
    assert got, "the partner list was lost under the negated funding"
    assert not got & funders  # no funder of the country comes back
    assert got <= partners | {f["object"] for f in engine.k.facts_where(predicate="partneredWith")} | \
        {f["subject"] for f in engine.k.facts_where(predicate="partneredWith")}
    assert got & (partners - funders)


def _country_funded_through_a_pooled_fund(k) -> tuple[str, str, set[str]]:
    """(country, a fund in its financing line, the fund's donors that do not fund the country directly)."""
    funders = funders_per_country(k)
    for country in sorted(funders):
        for fund in sorted(funders[country]):
            behind = {f["object"] for f in k.facts_where(subject=fund, predicate="fundedBy")} - funders[country]
            if behind and len(funders[country]) > 1:
                return country, fund, behind
    pytest.skip("no country is funded through a pooled fund with donors of its own")


def test_setting_a_pooled_fund_aside_takes_its_donors_with_it(engine):
    country, fund, behind = _country_funded_through_a_pooled_fund(engine.k)
    whole = answer_ids(engine, engine.ask(f"Who funds the ILO's work in {engine.k.label(country)}?"))
    assert behind <= whole  # asked plainly, the donors behind the fund are funders of the country
    got = answer_ids(engine, engine.ask(
        f"Leaving the {engine.k.label(fund)} aside, who finances the ILO's work in {engine.k.label(country)}?"))
    assert got and fund not in got and not got & behind
    assert got == whole - {fund} - behind


def test_only_a_set_aside_funder_of_the_recipient_takes_donors_with_it(engine):
    country, fund, behind = _country_funded_through_a_pooled_fund(engine.k)
    direct = funders_per_country(engine.k)[country]
    assert behind_set_aside({fund}, [country], engine.k) == behind
    donor = next(d for d in sorted(direct) if not engine.k.facts_where(subject=d, predicate="fundedBy"))
    assert behind_set_aside({donor}, [country], engine.k) == set()  # a plain donor takes nothing with it
    assert behind_set_aside({fund}, [], engine.k) == set()  # no recipient named: nothing to read through
    other = next((c for c, fs in funders_per_country(engine.k).items() if fund not in fs), None)
    if other:  # the fund does not fund this recipient: it is no channel to it
        assert behind_set_aside({fund}, [other], engine.k) == set()


def test_international_and_national_partners_are_read_as_sides():
    """"international / humanitarian partners" asks the bodies from outside the country, "national
    partners" its own institutions; a name ("International Labour Organization") or a side set aside
    is no such reading."""
    from app.qa.relation.role_kinds import asked_side

    assert asked_side("Which international development partners worked on it?") == "international"
    assert asked_side("kenya humanitarian partners") == "international"
    assert asked_side("Which national partners did the ILO work with?") == "national"
    assert asked_side("Who does the International Labour Organization work with?") is None
    assert asked_side("apart from the national partners, who worked on it?") is None
