"""Which figure of a sentence a figure question asks, when the sentence writes several
(app.qa.figures.keyword_figures.closing_reach_verb, the age reading of app.qa.figures.numbers,
the Number reading of app.qa.question).  Made-up sentences only."""
from __future__ import annotations

import pytest

from app.qa.figures import numbers
from app.qa.figures.keyword_figures import closing_reach_verb
from app.qa.question import answer_type
from app.qa.textstep import _near

_SENTENCE = ("The act created the Elder Grant, a monthly benefit to people aged 75 and above that has the "
             "potential to reach 120,000 people in the country.")


@pytest.mark.parametrize("q, verb", [
    ("atlantis elder grant reach", "reach"),
    ("atlantis elder grant people reached", "reached"),
    ("atlantis health insurance enrolled", "enrolled"),
    ("How many people could the elder grant reach?", None),   # a question word: read by its own head
    ("atlantis elder grant reach age", None),                 # closes on something else
])
def test_a_keyword_query_closing_on_a_verb_of_reaching(q, verb):
    assert closing_reach_verb(q) == verb


def test_the_figure_beside_the_reach_verb_is_picked_not_the_first():
    q = "atlantis elder grant reach"
    verb = closing_reach_verb(q)
    got = numbers.pick(_SENTENCE, q, lambda w: _near(w, [verb]), strict=False)
    assert got is not None and got.value == 120000


@pytest.mark.parametrize("q", ["age from which the atlantis elder grant is paid",
                               "What is the age at which people get the Elder Grant?"])
def test_the_age_from_which_a_benefit_is_paid_is_a_number_and_an_age(q):
    assert answer_type(q) == "Number"
    got = numbers.pick(_SENTENCE, q, lambda w: False, strict=False)
    assert got is not None and got.value == 75
