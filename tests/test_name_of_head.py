"""“what is the name of the X”: the wh-phrase's head is read from every cue, overlapping ones too,
so a clause of context before it ("Malawi passed an act in April 2024, and what is the name of the
monthly benefit ...") does not lend its head noun ("act") to the question."""
from __future__ import annotations

import pytest

from app.qa.topics.spans import asked_span


# -- the head of "the name of the X" ----------------------------------------------------------
@pytest.mark.parametrize("question, head", [
    ("Kenya passed a law in 2023, and what is the name of the fund it created?", "fund"),
    ("Malawi passed an act in April 2024, what is the name of the monthly benefit it created?", "benefit"),
    ("What is the name of the scheme the new decree set up?", "scheme"),
    ("Which programme did the act create?", "programme"),
])
def test_the_head_of_name_of_is_read_past_a_context_clause(question, head):
    asked = asked_span(question)
    assert asked is not None and asked.heads[0] == head


def test_a_benefit_named_after_a_context_clause_is_the_benefit_not_the_act(engine):
    q = ("We're comparing cash benefits for the elderly, so bear with me: Malawi passed an act in April 2024, "
         "and what is the name of the monthly benefit it created for people aged 70 and above?")
    plain = engine.ask("What is the name of the monthly benefit Malawi's act created for people aged 70 and above?")
    out = engine.ask(q)
    assert plain["answers"], "the plain wording is answered"
    assert [x["label"] for x in out["answers"]] == [x["label"] for x in plain["answers"]]
    assert not any(x["label"].lower().endswith(" act") for x in out["answers"])
