"""Slips in a possessive word and in a demonym (round 27b, metamorphic probe of typos).

- A possessive with a slip in its stem ("naation's", "Tajikstan's") is corrected in the stem and
  keeps its possessive: corrected whole, "naation's" became "nations" and the question lost the
  possessor it asks about.
- A demonym with one slip ("Ivoiran", "Ivorin", "Ivorrian", "Parguayan", "Zamian") names the same
  country as the demonym typed right.

Pure pieces use a small hand-made vocabulary; the engine pairs check that the slipped question gets
the answers of its clean form.
"""
from __future__ import annotations

from collections import Counter

import pytest

from app.qa.form.spelling import Speller
from app.qa.names.demonyms import demonym_country


def test_a_slip_in_a_possessive_keeps_the_possessive():
    sp = Speller(Counter({"nation": 5, "nations": 40, "programme": 30, "kenya": 20}))
    assert sp.correct("Which naation's programme")[0] == "Which nation's programme"
    assert sp.correct("the natoin’s programme")[0] == "the nation’s programme"
    # a possessive of a known word is left as typed
    assert sp.correct("Kenya's programme")[0] == "Kenya's programme"


@pytest.mark.parametrize("typed, iso", [
    ("Ivoiran", "CIV"), ("Ivorin", "CIV"), ("Ivorrian", "CIV"), ("Parguayan", "PRY"), ("Zamian", "ZMB"),
    ("Ivorian", "CIV"), ("Paraguayan", "PRY"), ("Zambian", "ZMB"),
])
def test_a_demonym_with_one_slip_names_its_country(typed, iso):
    assert demonym_country(typed) == iso


@pytest.mark.parametrize("word", ["guardian", "median", "fundi", "tanzanie"])
def test_words_that_are_no_demonym_stay_unlinked(word):
    assert demonym_country(word) is None


def _labels(engine, q: str) -> list[str]:
    return sorted(a["label"] for a in engine.ask(q)["answers"])


@pytest.mark.parametrize("plain, slipped", [
    ("Which nation's Social Cash Transfer programme households were given free healthcare?",
     "Which naation's Social Cash Transfer programme households were given free healthcare?"),
    ("Which development partners besides the ILO contributed to digitalising Tajikistan's social protection system?",
     "Which development partners besides the ILO contributed to digitalising Tajikstan's social protection system?"),
    ("In what year did the Ivorian government ratify No. 102?", "In what year did the Ivoiran government ratify No. 102?"),
    ("In what year did the Ivorian government ratify No. 102?", "In what year did the Ivorrian government ratify No. 102?"),
    ("What did the Paraguayan government ratify in 2021?", "What did the Parguayan government ratify in 2021?"),
    ("What's the Zambian cash transfer programme whose households were added to the national health insurance?",
     "What's the Zamian cash transfer programme whose households were added to the national health insurance?"),
])
def test_the_slipped_question_gets_the_same_answers(engine, plain, slipped):
    want = _labels(engine, plain)
    assert want, plain
    assert _labels(engine, slipped) == want
