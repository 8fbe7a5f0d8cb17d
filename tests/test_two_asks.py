"""Two asks of one kind in one question (app/qa/form/two_asks.py).

"Which countries gave extra money to the fund in 2024, and which ones committed money to the ILO for
its projects?", "Who was leading the session of the network, and with which organisation they
collaborated?": read whole, one template matched the mixture and one ask (or neither) came back.
Each ask is now answered on its own ("which ones" takes the first ask's noun, "they" / "it" what
the first ask is about) and both answers are given.  A second ask pointing at the first one's
answer ("who funds the ILO there", "that funder", "in which regions are they") is a chain, not
split.
"""
from __future__ import annotations

import pytest

from app.qa.form.two_asks import split


def _at_capital(text):
    import re
    m = re.search(r"(?<=\s)(?:the\s+)?[A-Z]", text)
    return m.start() if m else None


@pytest.mark.parametrize("question, first, second", [
    ("Which countries gave money to the Atlantis Fund, and which ones committed money to the Utopia Facility?",
     "Which countries gave money to the Atlantis Fund?", "Which countries committed money to the Utopia Facility?"),
    ("Who was leading the session of the Atlantis Network at the symposium, and with which organisation they collaborated?",
     "Who was leading the session of the Atlantis Network at the symposium?",
     "With which organisation the Atlantis Network at the symposium collaborated?"),
    ("who leads the Utopia Facility and which agencies are part of it?",
     "Who leads the Utopia Facility?", "Which agencies are part of the Utopia Facility?"),
])
def test_two_asks_are_split(question, first, second):
    asks = split(question, _at_capital)
    assert asks is not None and (asks.first, asks.second) == (first, second)


@pytest.mark.parametrize("question", [
    "Who is funding the work in Atlantis and which other countries does that funder support?",  # a chain
    "Which country joined the Atlantis Network in July, and who finances the ILO there?",
    "Which countries list Utopia as a funder, and in which regions are they?",
    "Which countries ratified the convention in 2022, and where does the report say so?",
    "Which multi-donor fund pays for the ILO's work in Atlantis, and which donors stand behind it?",  # its answer
    "Who funds the ILO in Atlantis, and which partners would I approach for similar support?",  # the asker
    "Is Atlantis in the network, and which other countries are in it?",  # no question of its own first
])
def test_a_second_ask_about_the_first_answer_is_not_split(question):
    assert split(question, _at_capital) is None


def _labels(engine, q):
    return {a["label"] for a in engine.ask(q)["answers"]}


@pytest.mark.parametrize("a, b", [("Japan", "Ireland"), ("Portugal", "France")])
def test_two_asks_get_both_answers(engine, a, b):
    one, two = _labels(engine, f"Which countries does {a} fund?"), _labels(engine, f"Which countries does {b} fund?")
    assert one and two and one != two
    got = _labels(engine, f"Which countries does {a} fund, and which ones does {b} give the money to for the ILO work?")
    assert got == one | _labels(engine, f"Which countries does {b} give the money to for the ILO work?")
    assert one < got
