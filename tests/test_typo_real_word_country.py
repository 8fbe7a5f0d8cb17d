"""A real English word typed for the word a question is read by, with one letter dropped: "county"
for country, "counties" for countries (round 27b, metamorphic probe of typos).

"county" is commoner than "country" in English, so the frequency test of real-word slips kept it;
but a letter dropped from a word the questions are read by, where the report's or the bank's word
pairs call for that word, is that word.  "counties" the report writes once (of one country's
districts): it is meant only where the question shares the words of that sentence.
"""
from __future__ import annotations

from collections import Counter

import pytest

from app.qa.form.spelling import Speller


def test_a_dropped_letter_of_an_asking_word_is_that_word():
    sp = Speller(Counter({"country": 300, "countries": 300, "which": 500, "does": 400, "fund": 50}),
                 asking={"country", "countries", "which"}, bigrams=Counter({("which", "country"): 5}))
    assert sp.correct("which county does Norway fund")[0] == "which country does Norway fund"


def test_a_rare_report_word_is_kept_in_its_own_context_only():
    ctx = {"counties": frozenset({"informal", "rural", "strategy", "kisumu"})}
    sp = Speller(Counter({"countries": 300, "which": 500, "counties": 1, "informal": 40, "rural": 12, "strategy": 90}),
                 asking={"countries", "which"}, bigrams=Counter({("which", "countries"): 5}), rare_contexts=ctx)
    assert sp.correct("which counties ratified")[0] == "which countries ratified"
    assert sp.correct("which counties piloted the informal rural strategy")[0] == \
        "which counties piloted the informal rural strategy"


def _labels(engine, q: str) -> list[str]:
    return sorted(a["label"] for a in engine.ask(q)["answers"])


@pytest.mark.parametrize("plain, slipped", [
    ("Which countries get money from both the European Union and the Netherlands?",
     "Which counties get money from both the European Union and the Netherlands?"),
    ("Which country does the Gates Foundation fund?", "Which county does the Gates Foundation fund?"),
    ("RAMU is being rolled out in which country?", "RAMU is being rolled out in which county?"),
    ("Which African countries' ILO work does the EU pay for?", "Which African counties' ILO work does the EU pay for?"),
    # the report's own counties stay counties
    ("In which Kenyan counties was the strategy for extending social protection to informal and rural workers piloted?",
     "In which Kenyan counties was the strategy for extending social protection to informal and rural workers piloted?"),
])
def test_the_slipped_question_gets_the_same_answers(engine, plain, slipped):
    want = _labels(engine, plain)
    assert want, plain
    assert _labels(engine, slipped) == want


def test_the_reports_counties_are_still_answered(engine):
    assert _labels(engine, "kenya informal workers coverage strategy pilot counties") == ["Kisumu", "Mombasa"]
