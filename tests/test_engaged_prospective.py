"""Countries an initiative is only in talks with, however the question says so: "engaging with
them about joining" (an engagement word with joining still ahead), a partitive preamble that names
that set before the interrogative ("of the countries X is still in talks with, which ..."), and a
"which ones" pronoun mid-question standing for a kind said before it. The set is the initiative's
``partneredWith`` statements with an engagement status, never its members; committing "to join"
without an engagement word stays a membership question."""
from __future__ import annotations

import pytest

from app.qa.form.wording import partitive_preamble
from app.qa.question import answer_type


def _labels(engine, q):
    return {x["label"] for x in engine.ask(q)["answers"]}




def test_partitive_preamble_is_kept_as_the_set_asked_from():
    q = "For a note: of the countries the Accelerator is still in talks with about joining, which have ratified C102?"
    assert partitive_preamble(q) == "of the countries the Accelerator is still in talks with about joining"
    assert partitive_preamble("For a briefing I'm preparing, which countries joined?") == ""


@pytest.mark.parametrize("q, want", [
    ("Governments keep showing interest in the partnership - with which ones are talks ongoing?", "Country"),
    ("Several organisations back the fund; which ones are they?", "Organization"),
    # a set named first keeps its kind, whatever plural noun its description holds
    ("Among the countries whose programmes are paid for by donors to the fund, which ones are pathfinders?", "Country"),
    ("Of the countries that Portugal funds, which ones are pathfinders?", "Country"),
])
def test_which_ones_mid_question_stands_for_the_kind_before_it(q, want):
    assert answer_type(q) == want


def test_engaging_about_joining_gives_the_engaged_countries_not_the_members(engine):
    got = _labels(engine, "Which countries is the Global Accelerator engaging with about joining?")
    members = _labels(engine, "Which countries are members of the Global Accelerator?")
    assert got and not (got & members)
    assert got == _labels(engine, "Which countries are in talks to join the Global Accelerator?")


def test_partitive_set_of_engaged_countries_meets_a_second_condition(engine):
    talks = _labels(engine, "Which countries are in talks to join the Global Accelerator?")
    ratified = _labels(engine, "Which countries ratified Convention No. 102?")
    got = _labels(engine, "For a note on standards: of the countries the Global Accelerator is still in talks "
                          "with about joining, which have already ratified Convention No. 102?")
    assert got and got == talks & ratified


def test_which_ones_with_engagements_ongoing_lists_the_engaged_countries(engine):
    talks = _labels(engine, "Which countries are in talks to join the Global Accelerator?")
    got = _labels(engine, "Governments keep showing interest in the Global Accelerator - with which ones are "
                          "engagements still ongoing?")
    assert got == talks


def test_a_commitment_to_join_is_still_a_membership(engine):
    talks = _labels(engine, "Which countries are in talks to join the Global Accelerator?")
    got = _labels(engine, "Which countries confirmed their commitment to join the Global Accelerator?")
    assert got and not (got & talks)
