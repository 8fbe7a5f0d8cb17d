"""A five-letter English word the report never writes, one dropped letter from the word the report
writes next to the question's neighbouring word, is that word ("heath insurance" -> health
insurance).  Real words shorter than six letters were never corrected ("tale", "kids", "help" are
too often meant), so "heath insurance" looked for heaths; now a five-letter one is, but only by a
dropped letter and only with the report's own word pair as evidence."""
from __future__ import annotations

from collections import Counter

import pytest

from app.qa.form.spelling import Speller


def _speller() -> Speller:
    # a toy report: general words only
    counts = Counter({"health": 40, "insurance": 30, "help": 20, "held": 12, "funds": 9, "the": 300})
    bigrams = Counter({("health", "insurance"): 12, ("the", "funds"): 3})
    return Speller(counts, bigrams=bigrams, common_english=True)


def test_a_dropped_letter_next_to_the_reports_word_pair_is_corrected():
    assert _speller().correct("heath insurance schemes")[0] == "health insurance schemes"


def test_without_the_word_pair_or_by_another_slip_it_stays():
    sp = _speller()
    assert sp.correct("the heath of the poor")[0] == "the heath of the poor"  # no report pair around it
    assert sp.correct("the ILO help")[0] == "the ILO help"  # four letters: meant
    assert sp.correct("the finds")[0] == "the finds"  # not a dropped letter of "funds"


def _labels(engine, q: str) -> list[str]:
    return sorted(a["label"] for a in engine.ask(q)["answers"])


@pytest.mark.parametrize("plain, slipped", [
    ("Which countries got help with health insurance?", "Which countries got help with heath insurance?"),
    ("health insurance countries", "heath insurance countries"),
])
def test_the_slipped_question_gets_the_same_answers(engine, plain, slipped):
    want = _labels(engine, plain)
    assert want, plain
    assert _labels(engine, slipped) == want
