"""Funding asked for a year the report's financing lines are not dated to is answered with none
(and a message), not with the funders of the report's own year; the report's year, and a year that
belongs to another clause, still get their answers.

The real engine over the real build; the years come from the headings over the financing lines and
the countries from the funding facts, so the tests hold on another year's report.
"""
from __future__ import annotations

import pytest

from app.qa.constraints.funding_years import financing_years
from tests.support.engine import answer_ids, funders_per_country


def _case(engine) -> tuple[str, set[str], str, str]:
    """A funded country, its funders, a year of the financing lines and a year outside them."""
    years = financing_years(engine.k)
    if not years:
        pytest.skip("no dated financing lines")
    funders = funders_per_country(engine.k)
    country = next((c for c, fs in sorted(funders.items()) if len(fs) >= 2), None)
    if country is None:
        pytest.skip("no country with two funders")
    inside = max(years)
    outside = str(int(min(years)) - 5)
    return country, funders[country], inside, outside


@pytest.mark.parametrize("template", ["Who funded the ILO's work in {c} in {y}?", "who funds {c} in {y}",
                                      "Which organisations financed the programme in {c} during {y}?"])
def test_funders_for_a_year_outside_the_financing_lines_are_none(engine, template):
    country, _, _, outside = _case(engine)
    res = engine.ask(template.format(c=engine.k.label(country), y=outside))
    assert res["answers"] == [], [a["label"] for a in res["answers"]]
    assert outside in res.get("message", "")


@pytest.mark.parametrize("template", ["Who funded the ILO's work in {c} in {y}?", "who funds {c} in {y}"])
def test_funders_for_the_report_s_year_are_answered(engine, template):
    country, funders, inside, _ = _case(engine)
    res = engine.ask(template.format(c=engine.k.label(country), y=inside))
    assert answer_ids(engine, res) == funders
