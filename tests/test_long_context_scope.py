"""Context sentences a second-language asker writes before the question (app/qa/form/question_sentence.py).

"In Jordan the Social Security Corporation has a new strategy. Which organisations helped SSC to
cost it?": the statement was set apart as mere context (the asking sentence names "SSC" of its own
and its "it" has a name before it), so the place and the name the question only abbreviates were
lost, and the question was read with no country.  A statement that opens on a place ("In X ...")
sets the question's scope, as an opening year does, and one that writes out a name the question
abbreviates introduces what is asked about: both are kept.
"""
from __future__ import annotations

import pytest

from app.qa.form.question_sentence import asking_sentence


@pytest.mark.parametrize("question", [
    "In Atlantis the ministry has a new plan. Which organisations helped the ministry to cost it?",
    "In the Utopian Republic a new law passed. Who funds the ILO's work on the Atlantis Fund?",
    "The National Pension Board has a new strategy. Which organisations helped NPB to cost it?",
    "Last year the Atlantis Workers Fund was reformed. Who works with the AWF on the reform?",
])
def test_a_statement_that_places_or_introduces_what_is_asked_is_kept(question):
    assert not asking_sentence(question).dropped


@pytest.mark.parametrize("question", [
    "Atlantis keeps coming up in this report. Where did the ILO work with Atlantis?",
    "Pooled funds are a recurring theme. Which countries does Atlantis fund?",
    "The National Pension Board has a new strategy. Which organisations helped Utopia to cost it?",
])
def test_a_mere_context_statement_is_still_set_apart(question):
    assert asking_sentence(question).dropped


@pytest.mark.parametrize("context, question", [
    ("In Jordan the Social Security Corporation has a new visioning strategy.",
     "Which organisations were working together with the ILO for helping SSC to conceptualise and to cost it?"),
    ("The Social Security Corporation has a new visioning strategy in Jordan.",
     "Which organisations did work with the ILO for helping SSC to cost it?"),
])
def test_the_context_reads_as_one_sentence_with_the_question(engine, context, question):
    joined = context.rstrip(".") + ", " + question[0].lower() + question[1:]
    one = {a["label"] for a in engine.ask(joined)["answers"]}
    assert one
    assert {a["label"] for a in engine.ask(f"{context} {question}")["answers"]} == one
