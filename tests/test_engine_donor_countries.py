"""'Which donor country / government funds the most countries?' ranks the countries whose
governments fund, not the funded countries (which answered the country with the most funders).
Expected answers are computed from the knowledge base's fundedBy and governmentOf facts."""
from __future__ import annotations

from collections import Counter

import pytest

from app.qa.figures.aggregate import funder_countries_asked


@pytest.mark.parametrize("q, asked", [
    ("Which single donor country is named most often?", True),
    ("Which government funds the most countries?", True),
    ("Which donor governments fund the fewest countries?", True),
    ("Which country has the most funders?", False),
    ("Which countries are funded by the most donors?", False),
])
def test_countries_in_the_funders_role(q, asked):
    assert funder_countries_asked(q) is asked


def _reach(k) -> Counter:
    country_of = {f["subject"]: f["object"] for f in k.facts_where(predicate="governmentOf")}
    return Counter(country_of[f["object"]] for f in k.facts_where(predicate="fundedBy")
                   if f["subject"].startswith("Country:") and f["object"] in country_of)


def _ids(engine, res) -> set[str]:
    return {engine.k.entity_by_iri(a["iri"])["id"] for a in res["answers"] if a.get("iri")}


@pytest.mark.parametrize("q, best", [
    ("Which donor country funds the most countries?", max),
    ("Which government funds the fewest countries?", min),
    ("Which single donor country is named for the largest number of countries?", max),  # no funding verb
])
def test_donor_country_ranked_by_countries_funded(engine, q, best):
    reach = _reach(engine.k)
    assert len(set(reach.values())) > 1
    top = best(reach.values())
    res = engine.ask(q)
    assert _ids(engine, res) == {c for c, n in reach.items() if n == top}


def test_funded_country_ranking_unchanged(engine):
    per = Counter(f["subject"] for f in engine.k.facts_where(predicate="fundedBy") if f["subject"].startswith("Country:"))
    top = max(per.values())
    assert _ids(engine, engine.ask("Which country has the most funders?")) == {c for c, n in per.items() if n == top}


def test_bilateral_donor_is_a_government(engine):
    k = engine.k
    govs = {f["subject"] for f in k.facts_where(predicate="governmentOf")}
    reach = Counter(f["object"] for f in k.facts_where(predicate="fundedBy")
                    if f["subject"].startswith("Country:") and f["object"] in govs)
    everyone = Counter(f["object"] for f in k.facts_where(predicate="fundedBy") if f["subject"].startswith("Country:"))
    if max(everyone.values()) == max(reach.values()):
        pytest.skip("the top funder is a government anyway")
    top = max(reach.values())
    res = engine.ask("Which bilateral donor funds the most countries?")
    assert _ids(engine, res) == {g for g, n in reach.items() if n == top}
