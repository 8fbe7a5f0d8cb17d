"""Counting a country's funders counts the names on its financing line (app/qa/figures/line_counts.py).

The list "who funds X?" also names the donors behind a pooled fund on X's line (they pay for the
work through it), but "how many funders are listed for X" counts the line's entries: the fund is
one of them.  The country is found in the knowledge base's facts (a priority country whose line
holds a fund that has funders of its own), so the test holds on an altered report or skips.
"""
from __future__ import annotations

import pytest

from app.qa.graphstep import VIA, Constraint
from app.qa.figures.line_counts import direct_funders
from tests.support.engine import answer_ids, funders_per_country


def test_a_through_the_fund_reading_becomes_the_direct_one():
    c = Constraint(pattern="{ <c> fg:fundedBy ?answer } UNION { <c> fg:fundedBy ?f . ?f fg:fundedBy ?answer }",
                   description="funders of C", evidence=[("Country:c", "fundedBy", VIA)])
    (d,) = direct_funders([c])
    assert "UNION" not in d.pattern and "fg:fundedBy ?answer" in d.pattern
    assert d.evidence == [("Country:c", "fundedBy", "?")]


def test_other_constraints_are_left_alone():
    other = Constraint(pattern="?answer fg:fundedBy <o>", description="funded by O", evidence=[("?", "fundedBy", "Organization:o")])
    negated = Constraint(pattern="{ a } UNION { b }", description="not funders of C",
                         evidence=[("Country:c", "fundedBy", VIA)], negated=True)
    assert direct_funders([other, negated]) == [other, negated]


def _country_with_a_pooled_fund(k) -> tuple[str, set[str], set[str]]:
    """A country whose funders include a body that has funders of its own: (country, its line's
    funders, the funders behind them)."""
    direct = funders_per_country(k)
    for country in sorted(direct):
        behind = {f["object"] for o in direct[country] for f in k.facts_where(subject=o, predicate="fundedBy")}
        if behind - direct[country]:
            return country, direct[country], behind - direct[country]
    pytest.skip("no country whose financing line names a fund with funders of its own")


@pytest.mark.parametrize("template", ["How many funders are listed for {x}?", "number of donors {x}"])
def test_a_count_of_a_country_s_funders_counts_its_line(engine, template):
    country, line, _ = _country_with_a_pooled_fund(engine.k)
    res = engine.ask(template.format(x=engine.k.label(country)))
    assert res["answers"] and res["answers"][0]["label"] == str(len(line)), (res["answers"][:1], sorted(line))


def test_the_list_still_names_the_donors_behind_the_fund(engine):
    country, line, behind = _country_with_a_pooled_fund(engine.k)
    got = answer_ids(engine, engine.ask(f"Who funds the ILO's work in {engine.k.label(country)}?"))
    assert line <= got and behind & got
