"""A bare pronoun question after the thing it asks of (app/qa/form/pronoun_question.py): the thing is put
in place of the pronoun, and the engine then reads the figure the noun names.  Questions written
here; the engine's figure is compared with the table cell read from the build."""
from __future__ import annotations

import pytest

from app.qa.form import pronoun_question


@pytest.mark.parametrize("text, expected", [
    ("For my article I need the remaining funding gap of the programme at the end of 2024 — what was it?",
     "what was the remaining funding gap of the programme at the end of 2024?"),
    ("Quick check on the amount mobilized in 2024: what was it?", "what was the amount mobilized in 2024?"),
    ("I'm curious about the adoption of the new policy - when was it?", "when was the adoption of the new policy?"),
    ("For the audit, the share of resources from the EU; how much was that?", "how much was the share of resources from the EU?"),
])
def test_pronoun_takes_the_named_thing(text, expected):
    assert pronoun_question.rewrite(text) == expected


@pytest.mark.parametrize("text", [
    "What is it?", "What was the funding gap in 2024?", "Which countries fund it, and when was it signed",
    "the funding gap: which countries closed it?",
])
def test_other_questions_are_left_alone(text):
    assert pronoun_question.rewrite(text) == text


@pytest.mark.parametrize("question", [
    "For my article I need the remaining funding gap of the flagship programme at the end of 2024 — what was it?",
    "Writing a donor note, so: the remaining funding gap at the end of 2024 - what is it?",
])
def test_engine_reads_the_figure(engine, question):
    gap = [c for c in engine.tables.cells if "remaining" in c.row.lower() and "gap" in c.row.lower()]
    if len(gap) != 1:
        pytest.skip("the build has no single remaining-gap cell")
    res = engine.ask(question)
    assert [a.get("value") for a in res["answers"]] == [gap[0].value]


def test_a_named_thing_is_not_rewritten():
    """"the report on X: what is it?" asks what the thing is, not a figure."""
    q = "There is the report on informality published with the OECD - what is it?"
    assert pronoun_question.rewrite(q) == q
