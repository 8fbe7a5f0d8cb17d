"""Names the asker marks off after the asked noun as examples ("Which donors - Dutch, British, EU or
others - fund ...", "What partners (e.g. UNICEF, WFP) ...") illustrate the kind asked; they are no
condition.  Before, "Dutch, British" became the countries whose funders were asked, and the
answer was empty."""
from __future__ import annotations

import pytest

from app.qa.form.marked_aside import strip


@pytest.mark.parametrize("question, read", [
    ("Which donors - Dutch, British, EU or others - fund the work in Jordan?", "Which donors fund the work in Jordan?"),
    ("What partners (e.g. UNICEF, WFP) worked with the ILO in Egypt?", "What partners worked with the ILO in Egypt?"),
    ("which agencies (such as the World Bank or UNICEF) co-organised it", "which agencies co-organised it"),
    ("Which countries (Jordan, Iraq etc.) did the EU fund?", "Which countries did the EU fund?"),
])
def test_an_example_list_is_dropped(question, read):
    assert strip(question) == read


@pytest.mark.parametrize("question", [
    "Which countries - apart from Jordan - did the EU fund?",  # a condition, not examples
    "Which donors (the EU and the Netherlands) fund Jordan?",  # no example marker: may be the pool offered
    "Which donors - not the EU or others - fund Jordan?",
])
def test_a_marked_condition_stays(question):
    assert strip(question) == question


@pytest.mark.parametrize("with_examples, plain", [
    ("Which donors - Dutch, British, EU or others - fund the ILO in the Arab states that have ratified C102?",
     "Which donors fund the ILO in the Arab states that have ratified C102?"),
    ("What partners (e.g. UNICEF, WFP) worked with the ILO in Egypt?", "What partners worked with the ILO in Egypt?"),
])
def test_examples_do_not_change_the_answers(engine, with_examples, plain):
    want = {a["label"] for a in engine.ask(plain)["answers"]}
    assert want
    assert {a["label"] for a in engine.ask(with_examples)["answers"]} == want
