"""A question corrected as it is typed ("..., sorry, I mean: who funds the ILO in Viet Nam?") is
asked as corrected: the abandoned start added a relation and names of its own, and the answer went."""
from __future__ import annotations

import pytest

from app.qa.form.self_correction import rewrite


@pytest.mark.parametrize("question, asked", [
    ("Which funder of ILO work in Viet Nam also funds Japan's neighbours... sorry, I mean: who funds the ILO in Viet Nam?",
     "who funds the ILO in Viet Nam?"),
    ("which countries ratified c102 in 2013 - no wait, which ratified it in 2023?", "which ratified it in 2023?"),
    ("who runs the TSF, or rather, who leads it?", "who leads it?"),
    ("Jordan's funders, I meant which countries fund Jordan?", "which countries fund Jordan?"),
])
def test_the_corrected_question_is_the_one_asked(question, asked):
    assert rewrite(question) == asked


@pytest.mark.parametrize("question", [
    "What I mean is simple: which countries ratified C102?",   # no question right after the marker
    "I mean, which countries ratified C102?",                  # nothing before the marker to correct
    "Which countries ratified C102?",
])
def test_no_correction_leaves_the_question(question):
    assert rewrite(question) == question


def test_the_engine_answers_the_correction(engine):
    corrected = engine.ask("who funds the ILO in Viet Nam?")
    assert corrected["answers"]
    got = engine.ask("Which funder of ILO work in Viet Nam also funds work in Japan's neighbourhood... "
                     "sorry, I mean: who funds the ILO in Viet Nam?")
    assert {a["label"] for a in got["answers"]} == {a["label"] for a in corrected["answers"]}
