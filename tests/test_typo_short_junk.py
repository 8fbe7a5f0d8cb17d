"""A five-letter dictionary entry so rare it is junk, one dropped letter from a frequent report
word, is that word (round 27b, metamorphic probe of typos): "Arica" for Africa, "Zamia's" for
Zambia's, "regin" for region.  Ordinary five-letter words ("heath", "doors") are left alone."""
from __future__ import annotations

from collections import Counter

import pytest

from app.qa.form.spelling import Speller


def test_a_junk_five_letter_word_is_the_report_word_it_drops_a_letter_of():
    sp = Speller(Counter({"africa": 120, "zambia": 40, "region": 60, "health": 300, "countries": 200}))
    assert sp.correct("In Arica, how many countries")[0] == "In Africa, how many countries"
    assert sp.correct("Zamia's cash transfer")[0] == "Zambia's cash transfer"
    assert sp.correct("which regin")[0] == "which region"
    assert sp.correct("the heath of")[0] == "the heath of"  # a common English word: meant as typed


def _labels(engine, q: str) -> list[str]:
    return sorted(a["label"] for a in engine.ask(q)["answers"])


@pytest.mark.parametrize("plain, slipped", [
    ("In Africa, how many countries list donors to the RBSA among their financing sources?",
     "In Arica, how many countries list donors to the RBSA among their financing sources?"),
    ("result 3 africa vs asia which more", "result 3 arica vs asia which more"),
    ("Which global health fund financially supported free healthcare for Zambia's cash transfer households?",
     "Which global health fund financially supported free healthcare for Zamia's cash transfer households?"),
    ("Which region had the fewest countries recording a policies and strategies result in 2024?",
     "Which regin had the fewest countries recording a policies and strategies result in 2024?"),
])
def test_the_slipped_question_gets_the_same_answers(engine, plain, slipped):
    want = _labels(engine, plain)
    assert want, plain
    assert _labels(engine, slipped) == want
