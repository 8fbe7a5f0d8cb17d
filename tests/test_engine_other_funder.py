"""Countries funded by someone other than a named funder ("which <region> countries have funders
other than <funder>"): countries with a financing statement whose funder is not the one set aside
(app.qa.constraints.other_funder), not a sentence about some funder.

The real engine over the real build.  The region, the funder and the expected countries are read
from the knowledge base's inRegion and fundedBy facts, so the test holds on another report.
"""
from __future__ import annotations

import pytest

from tests.support.engine import answer_ids


def _case(engine) -> tuple[str, str, set[str]]:
    """A region and a funder of some of its countries, where some country of the region is funded
    by the funder alone (so the reading matters): (region, funder, expected countries)."""
    k = engine.k
    funders_of: dict[str, set[str]] = {}
    for f in k.facts_where(predicate="fundedBy"):
        if f["subject"].startswith("Country:"):
            funders_of.setdefault(f["subject"], set()).add(f["object"])
    regions: dict[str, set[str]] = {}
    for f in k.facts_where(predicate="inRegion"):
        if f["subject"] in funders_of:
            regions.setdefault(f["object"], set()).add(f["subject"])
    for region, countries in sorted(regions.items(), key=lambda r: len(r[1])):
        for funder in sorted({x for c in countries for x in funders_of[c]}):
            if not funder.startswith("Organization:") or funder.startswith("Organization:gov-"):
                continue
            only = {c for c in countries if funders_of[c] == {funder}}
            rest = {c for c in countries if funders_of[c] - {funder}}
            if only and rest and any(funder in funders_of[c] for c in rest):
                return region, funder, rest
    pytest.skip("no region has a country funded by one funder alone beside others it funds too")


@pytest.mark.parametrize("ask", [
    "Which {r} countries have funders other than the {f}?",
    "which {r} countries got money from someone besides the {f}",
    "Which countries in {r} are funded by donors other than the {f}?",
])
def test_countries_with_another_funder(engine, ask):
    region, funder, expected = _case(engine)
    q = ask.format(r=engine.k.label(region), f=engine.k.label(funder))
    assert answer_ids(engine, engine.ask(q)) == expected, q


def test_a_set_aside_recipient_is_still_taken_out_of_the_answers(engine):
    """"Besides <country>, which <region> countries get funding": the country is an answer set
    aside, not a funder; the reading above must not take it."""
    region, funder, expected = _case(engine)
    country = sorted(expected)[0]
    res = engine.ask(f"Besides {engine.k.label(country)}, which {engine.k.label(region)} countries get funding?")
    assert not any("someone other than" in str(p) for p in res["path"]), res["path"]
    assert country not in answer_ids(engine, res)
