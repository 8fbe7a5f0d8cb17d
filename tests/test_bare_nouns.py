"""A described noun typed without its article ("Who funds ILO in country where NHIF was replaced?",
"when did contry that used ILO/HEALTH ratify C102?") is read as "the country where ...": the
readings of a country or set named by what happened there open on the article
(app/qa/form/bare_nouns.py).  Checked as a metamorphic pair: the same question with and without
its articles gets the same answers."""
from __future__ import annotations

import pytest

from app.qa.form.bare_nouns import with_articles


@pytest.mark.parametrize("text, want", [
    ("Who funds ILO in country where NHIF was replaced?", "Who funds ILO in the country where NHIF was replaced?"),
    ("could you tell me country where it was piloted?", "could you tell me the country where it was piloted?"),
    ("Who funds ILO's work in countries where it partners with Eni?", "Who funds ILO's work in the countries where it partners with Eni?"),
    ("wat yaer did contry that used ILO/HEALTH ratify C102?", "wat yaer did the contry that used ILO/HEALTH ratify C102?"),
    ("Which members of P4H network does report name?", "Which members of P4H network does the report name?"),
    ("Which country was other one?", "Which country was the other one?"),
    ("Who finances ILO in African country whose trust had a valuation?", "Who finances ILO in the African country whose trust had a valuation?"),
    # a determiner written, a possessive, or the noun not described by a clause: unchanged
    ("in Kenya's country that", "in Kenya's country that"),
    ("Who finances the ILO in the pathfinder countries that endorsed roadmaps?",
     "Who finances the ILO in the pathfinder countries that endorsed roadmaps?"),
    ("For the two Arab States priority countries whose sections give a year", "For the two Arab States priority countries whose sections give a year"),
    ("count of countries where eni s.p.a. is a funder", "count of countries where eni s.p.a. is a funder"),
    ("Number of Flagship countries whose financing line includes the EU?", "Number of Flagship countries whose financing line includes the EU?"),
    ("Is there a report on fiscal space?", "Is there a report on fiscal space?"),
    ("Who funds ILO in the country where NHIF was replaced?", "Who funds ILO in the country where NHIF was replaced?"),
    ("which countries that ratified c102 are pathfinders", "which countries that ratified c102 are pathfinders"),
    ("Who funds the work in each country?", "Who funds the work in each country?"),
])
def test_the_article_goes_back(text, want):
    assert with_articles(text) == want


def _labels(engine, q: str) -> list[str]:
    return sorted(a["label"] for a in engine.ask(q)["answers"])


@pytest.mark.parametrize("plain, bare", [
    ("Who funds the ILO in the country where the NHIF was replaced by the Social Health Authority?",
     "Who funds ILO in country where NHIF was replaced by Social Health Authority?"),
    ("Who pays for the ILO's work in the country where the estidama++ pilot was?",
     "who pays for ilo work in country where estidama++ pilot was"),
    ("Who else finances the ILO's work in the country that Norway funds?",
     "Who else finances ILO's work in country that Norway funds?"),
    ("Which members of the P4H network does the report name?", "Which members of P4H network does report name?"),
    ("Who pays for the ILO's work in the Central Asian country that got an ISPA Core Diagnostic Instrument report in 2024?",
     "Who pays for ILO's work in Central Asian country that got an ISPA Core Diagnostic Instrument report in 2024?"),
])
def test_the_bare_question_gets_the_same_answers(engine, plain, bare):
    want = _labels(engine, plain)
    assert want, plain
    assert _labels(engine, bare) == want
