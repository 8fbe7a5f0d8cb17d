"""'How many of <a set> are <something>?' counts the pick, not the set (app.qa.figures.picked_count).

The count reading used to count the first set whole (every EU-funded country for "how many of the
countries funded by the EU are in the Arab States?").  Expected counts are computed from the
knowledge base's facts, not typed; the questions are written for these tests.
"""
from __future__ import annotations

import pytest

from app.qa.figures.picked_count import pick_form
from tests.support.engine import funders_per_country


@pytest.mark.parametrize("question, expected", [
    ("How many of the countries funded by the EU are in the Arab States?",
     "Which of the countries funded by the EU are in the Arab States?"),
    ("Looking at the partnership, in how many of them do the Dutch appear as a funder?",
     "Looking at the partnership, in which of them do the Dutch appear as a funder?"),
    ("how many of those nine countries are also pathfinders",
     "Which of those nine countries are also pathfinders"),
    ("How many countries does the EU fund?", None),                  # no pick: the set's own size
    ("how many of the meetings had fewer than 40 people", None),      # not a set of named things
    ("How many of the countries are there?", None),                   # nothing said of the set
])
def test_pick_form(question, expected):
    assert pick_form(question) == expected


def _count(res) -> int:
    assert res["answer_type"] == "Number" and len(res["answers"]) == 1, res["answers"]
    return int(res["answers"][0]["value"])


def test_count_of_a_pick_is_the_overlap_not_the_set(engine):
    k = engine.k
    eu_funded = {c for c, fs in funders_per_country(k).items() if "Organization:eu" in fs}
    arab = {f["subject"] for f in k.facts_where(predicate="inRegion") if f["object"] == "Region:arab-states"}
    expected = len(eu_funded & arab)
    assert 0 < expected < len(eu_funded)  # the build has a pick smaller than the set
    res = engine.ask("How many of the countries funded by the European Union are in the Arab States?")
    assert _count(res) == expected
    counted = {k.entity_by_iri(i)["id"] for i in res["answers"][0]["counted_iris"]}
    assert counted == eu_funded & arab


def test_count_of_a_pick_from_a_described_set(engine):
    """The set named by what its members did (a sentence's list), the condition a graph relation:
    the count is the size of the pick's own answer, below the set's size."""
    pick = engine.ask("Which of the countries that formally inquired about the Convention No. 102 campaign "
                      "are Flagship Programme priority countries?")
    whole = engine.ask("Which countries formally inquired about the Convention No. 102 campaign?")
    picked = {a["iri"] for a in pick["answers"]}
    assert picked and len(picked) < len(whole["answers"])
    res = engine.ask("How many of the countries that formally inquired about the Convention No. 102 campaign "
                     "are Flagship Programme priority countries?")
    assert _count(res) == len(picked)


def test_count_of_the_set_itself_unchanged(engine):
    """No pick: the count reading stands."""
    k = engine.k
    eu_funded = {c for c, fs in funders_per_country(k).items() if "Organization:eu" in fs}
    assert _count(engine.ask("How many countries does the European Union fund?")) == len(eu_funded)
