"""A question typed in lower case stays in lower case once its frame is dropped: its lower-case
acronyms ("did the eu finance") are names only in a lower-case question, and capitalising what was
left after "I'd like to know" lost the EU."""
from __future__ import annotations

import pytest

from app.qa.form import as_sentence_start
from app.qa.form.request_lead import strip


def test_as_sentence_start():
    assert as_sentence_start("how many countries did the eu finance") == "how many countries did the eu finance"
    assert as_sentence_start("how many countries did the EU finance") == "How many countries did the EU finance"


def test_the_request_lead_keeps_lower_case():
    assert strip("I'd like to know how many countries in africa did the eu finance") == \
        "how many countries in africa did the eu finance?"


@pytest.mark.parametrize("framed", ["I'd like to know how many contries in africa did the eu finance",
                                    "Could you tell me how many countries in africa the eu finances"])
def test_the_engine_answers_as_the_bare_lower_case_question(engine, framed):
    bare = engine.ask("how many countries in africa did the eu finance")
    assert bare["answers"]
    assert [a["label"] for a in engine.ask(framed)["answers"]] == [a["label"] for a in bare["answers"]]
