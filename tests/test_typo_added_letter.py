"""A letter dropped or two letters swapped is a likelier slip than a letter added that doubles none
(round 27b, metamorphic probe of typos): "fundrs" is funders (an e dropped), not funds (an r
added); "pliots" is pilots (i and l swapped), not plots (an i added)."""
from __future__ import annotations

from collections import Counter

import pytest

from app.qa.form.spelling import Speller, _slip_rank


def test_an_added_letter_ranks_below_a_dropped_or_swapped_one():
    assert _slip_rank("fundrs", "funders") == 0 and _slip_rank("fundrs", "funds") == 1
    assert _slip_rank("pliots", "pilots") == 0 and _slip_rank("pliots", "plots") == 1
    assert _slip_rank("fuunders", "funders") == 0  # a doubled letter is still a common slip


def test_the_dropped_letter_wins_over_a_commoner_word_with_one_added():
    sp = Speller(Counter({"funds": 120, "funders": 60, "pilots": 10, "plots": 14}))
    assert sp.correct("which fundrs support")[0] == "which funders support"
    assert sp.correct("ilo pliots")[0] == "ilo pilots"


def _labels(engine, q: str) -> list[str]:
    return sorted(a["label"] for a in engine.ask(q)["answers"])


@pytest.mark.parametrize("plain, slipped", [
    ("Apart from Eni, which funders support the ILO's work in Kenya?", "Apart from Eni, which fundrs support the ILO's work in Kenya?"),
    ("ivory coast funders", "ivory coast fundrs"),
    ("Which funders of the ILO's work in Jordan are not governments?", "Which fundes of the ILO's work in Jordan are not governments?"),
    ("ilo imf pilots", "ilo imf pliots"),
])
def test_the_slipped_question_gets_the_same_answers(engine, plain, slipped):
    want = _labels(engine, plain)
    assert want, plain
    assert _labels(engine, slipped) == want
