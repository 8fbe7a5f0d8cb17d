"""Tools asked by their noun ("which actuarial model ...") are read from the sentences
(app/qa/question.py asks_tool, app/qa/topics/spans.py the "tool" family and coded names).

"Which actuarial model was used for the valuation of the ISSS health and occupational risks systems
in El Salvador?" was typed as a scheme (the bank's nearest question) and answered with the systems
valued; the model the sentence names was never read.  A tool's name is often a code written before
a lower-case head ("the ILO/PENSIONS actuarial model", "the ILO/EII (Employment Injury Insurance)
model"), which the capitalised-name reader could not see.
"""
from __future__ import annotations

import pytest

from app.qa.question import answer_type, asks_tool
from app.qa.topics.spans import name_spans


@pytest.mark.parametrize("question, asked", [
    ("Which actuarial model was used for the valuation?", True),
    ("what software does the fund use", True),
    ("Which scheme did the model law inspire?", False),
    ("Which countries adopted a new pension model?", False),
])
def test_a_tool_is_asked_by_its_noun(question, asked):
    assert asks_tool(question) is asked


def test_a_tool_question_is_answered_by_text():
    assert answer_type("Which actuarial model was used for the valuation of the pension scheme?") == "Text"


@pytest.mark.parametrize("sentence, name", [
    ("The valuation was finalized using the ABC/PENSIONS actuarial model and submitted.", "ABC/PENSIONS"),
    ("Staff were trained in the use of the ABC/EII (Employment Injury Insurance) model.", "ABC/EII"),
    ("The office deployed the OpenXYZ management software in two provinces.", "OpenXYZ"),
])
def test_a_coded_name_before_a_lower_case_tool_head_is_read(sentence, name):
    spans = name_spans(sentence, frozenset({"tool"}))
    assert name in [sentence[s:e] for s, e in spans]


def test_the_model_a_valuation_used_is_answered(engine):
    got = engine.ask("Which actuarial model was used for the valuation of the ISSS health and occupational risks "
                     "systems in El Salvador?")
    assert got["answer_type"] == "Text"
    assert got["answers"] and "Actuarial Model" in got["answers"][0]["label"]
    sentence = got["answers"][0]["evidence"][0]["text"]
    assert "ISSS" in sentence or "valuation" in sentence

