"""Exclusions and yes/no questions over funding where a *country* is the funder (its government):
"kenya funders other than the netherlands", "Does Japan fund Kenya?", "Is Kuwait one of Iraq's funders?".

The real engine over the real build; every question is built from the knowledge base's own facts
(in no tuning set), so the tests hold on another report with the same kinds of facts, or skip.
The negation on a funder noun ("A's funders that are not funders of B") and a country negated as a
funder ("... but not by the Netherlands") are tested with the other set-difference wordings in
tests/test_engine_negated_names.py.
"""
from __future__ import annotations

import pytest

from tests.support.engine import answer_ids, countries_per_government_funder, funders_per_country


def _country_label(engine, gov: str) -> str:
    return engine.k.label("Country:" + gov.split("gov-", 1)[1])


@pytest.mark.parametrize("template", ["{c} funders other than the {g}", "{c} donors except the {g}",
                                      "{c} funders excluding {g}"])
def test_a_funding_country_set_aside_leaves_funders_not_countries(engine, template):
    """Setting a country aside in a keyword query usually asks for places ('typhoon response except
    vietnam'), but a country whose government funds, set aside from funders, leaves funders."""
    per_country = funders_per_country(engine.k)
    case = next(((c, g) for c, fs in sorted(per_country.items()) for g in sorted(fs)
                 if g.startswith("Organization:gov-") and len(fs) >= 2), None)
    if case is None:
        pytest.skip("no country with a government funder among two or more")
    c, g = case
    res = engine.ask(template.format(c=engine.k.label(c).lower(), g=_country_label(engine, g).lower()))
    assert res["answer_type"] == "Organization"
    assert answer_ids(engine, res) == per_country[c] - {g}


def _funder_and_sides(engine):
    """A government funder, a country it funds and a country it does not."""
    funded = countries_per_government_funder(engine.k)
    per_country = funders_per_country(engine.k)
    for g, cs in sorted(funded.items(), key=lambda kv: -len(kv[1])):
        others = sorted(c for c in per_country if c not in cs)
        if cs and others:
            return g, sorted(cs)[0], others[0]
    pytest.skip("no government funder with both funded and unfunded countries")


@pytest.mark.parametrize("template", [
    "Does {g} fund {c}?",
    "Is {g} one of {c}'s funders?",
    "Is {g} among the donors financing the ILO's work in {c}?",
    "Does {c} receive funding from {g}?",
])
def test_yes_no_about_a_funding_country(engine, template):
    g, yes, no = _funder_and_sides(engine)
    name = _country_label(engine, g)
    for country, want in ((yes, "Yes"), (no, "No")):
        res = engine.ask(template.format(g=name, c=engine.k.label(country)))
        assert [a["label"] for a in res["answers"]] == [want], (template, country, res["answers"][:3])
