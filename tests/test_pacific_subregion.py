""""The Pacific" alone is the island states of Oceania, a filter finer than the ILO region "Asia and
the Pacific" that holds the word ("which countries is the ILO helping ... in the Pacific" answered
every Asian country of the list).  The continent comes from the UN geoscheme table (general
knowledge); the engine test reads the expected countries from the graph's facts.
"""
from __future__ import annotations

import pytest

from app.qa.names.subregions import in_subregion, named_subregion


@pytest.mark.parametrize("q, sub", [
    ("which pacific island states ratified c102", "Pacific"),
    ("countries in the Pacific assessed against c102", "Pacific"),
    ("which countries in Oceania inquired", "Oceania"),
    ("which Asia and the Pacific countries inquired about c102", None),
    ("asia-pacific pathfinders", None),
    ("which countries in asia pacific are pathfinders", None),
])
def test_the_pacific_alone_is_a_sub_region_but_not_inside_the_ilo_region(q, sub):
    assert named_subregion(q) == sub


def test_the_pacific_holds_the_island_states_of_oceania_only():
    assert in_subregion("FJI", "Pacific") and in_subregion("WSM", "Pacific")
    assert not in_subregion("IDN", "Pacific") and not in_subregion("KHM", "Pacific")


@pytest.mark.parametrize("form", [
    "which countries has the ILO helped compare their social security with convention {n} in the pacific",
    "c{n} alignment assessment countries in the pacific",
])
def test_a_pacific_filter_narrows_a_relation_answer(engine, form):
    from collections import Counter

    from app.qa.names.instrument_names import instrument_number

    facts = engine.k.facts_where(predicate="alignmentAssessed")
    if not facts:
        pytest.skip("no alignment assessments in this build")
    inst = Counter(f["object"] for f in facts).most_common(1)[0][0]
    n = instrument_number(engine.k.label(inst))
    holders = {f["subject"] for f in facts if f["object"] == inst}
    pacific = {h for h in holders if in_subregion(h.split(":", 1)[1], "Pacific")}
    if not pacific or pacific == holders:
        pytest.skip("no Pacific country (or only Pacific ones) among the assessed")
    res = engine.ask(form.format(n=n))
    assert {a["iso3"] for a in res["answers"]} == {h.split(":", 1)[1] for h in pacific}
