"""Negations and yes/no questions over funding where a *country* is the funder (its government) or
the negation is worded as a noun: "which of A's funders are not funders of B", "countries funded by
X but not by the Netherlands", "kenya funders other than the netherlands", "Does Japan fund Kenya?",
"Is Kuwait one of Iraq's funders?".

The real engine over the real build; every question is built from the knowledge base's own facts
(in no tuning set), so the tests hold on another report with the same kinds of facts, or skip.
"""
from __future__ import annotations

import pytest

from tests.support.engine import answer_ids, funders_per_country
from tests.test_engine_negated_names import _pair


def _government_funders(engine) -> dict[str, set[str]]:
    """Government funder id -> the countries it funds directly."""
    funded: dict[str, set[str]] = {}
    for f in engine.k.facts_where(predicate="fundedBy"):
        if f["subject"].startswith("Country:") and f["object"].startswith("Organization:gov-"):
            funded.setdefault(f["object"], set()).add(f["subject"])
    return funded


def _country_label(engine, gov: str) -> str:
    return engine.k.label("Country:" + gov.split("gov-", 1)[1])


@pytest.mark.parametrize("template", [
    "Which of {a}'s funders are not funders of {b}?",
    "{a} funders that are not donors to {b}",
    "Which funders of {a} are not also backers of {b}?",
])
def test_a_negated_funder_noun_is_a_set_difference(engine, template):
    a, b, fa, fb = _pair(engine)
    res = engine.ask(template.format(a=engine.k.label(a), b=engine.k.label(b)))
    assert answer_ids(engine, res) == fa - fb, (template, fa, fb)


@pytest.mark.parametrize("template", [
    "countries funded by {x} but not by the {y}",
    "Which countries does {x} finance that the {y} does not fund?",
])
def test_a_country_negated_as_a_funder_is_its_government(engine, template):
    """'... but not by the Netherlands': the country is named, its government is what funds."""
    funded = _government_funders(engine)
    pooled = {f["object"] for f in engine.k.facts_where(predicate="fundedBy") if not f["subject"].startswith("Country:")}
    funded = {g: cs for g, cs in funded.items() if g not in pooled}
    pair = next(((x, y) for x in sorted(funded) for y in sorted(funded)
                 if x != y and funded[x] & funded[y] and funded[x] - funded[y]), None)
    if pair is None:
        pytest.skip("no two government funders whose countries overlap and differ")
    x, y = pair
    res = engine.ask(template.format(x=_country_label(engine, x), y=_country_label(engine, y)))
    assert answer_ids(engine, res) == funded[x] - funded[y]


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
    funded = _government_funders(engine)
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
