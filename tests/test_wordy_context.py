"""A statement sentence before the question that is only context (app/qa/form/question_sentence.py).

"GIZ keeps coming up in this report. Where did the ILO work with GIZ?", "The report covers a lot
of ground on pensions and financing. Who co-chairs ...?": the statement's words ("pensions",
"financing") became topics and relation cues of the question.  It is set apart when the asking
sentence names something of its own and does not point back, and the statement names no part of
the report and limits nothing.  The engine check is the strip-and-compare check: a question
wrapped in context statements gets the answer of the question alone (no answer is written here).
"""
from __future__ import annotations

import pytest

from app.qa.form.asides import keeps_subject
from app.qa.form.question_sentence import asking_sentence, is_context_statement


@pytest.mark.parametrize("question, core", [
    ("Atlantis keeps coming up in this report. Where did the ILO work with Atlantis?",
     "Where did the ILO work with Atlantis?"),
    ("The report covers a lot of ground on pensions, health insurance and financing. Who co-chairs the Utopia Working Group?",
     "Who co-chairs the Utopia Working Group?"),
    ("Pooled funds are a recurring theme. Which countries does Atlantis fund?", "Which countries does Atlantis fund?"),
])
def test_a_context_statement_before_a_question_that_names_its_own_subject_is_set_apart(question, core):
    r = asking_sentence(question)
    assert r.question == core and len(r.dropped) == 1 and is_context_statement(r.dropped[0])


@pytest.mark.parametrize("question", [
    "Table 4 lists results by region. Which countries in Africa had a scheme result?",  # names where to look
    "Only results from 2024 matter here. Which countries in Africa had a scheme result?",  # limits what is asked
    "Atlantis is interesting. Who funds the ILO there?",  # points back into the statement
    "Atlantis and Utopia are the two everyone talks about. Apart from those two, which countries ratified?",
    "Pooled funds are a recurring theme. which ones are largest?",  # names nothing of its own
])
def test_a_statement_the_question_needs_is_kept(question):
    assert not asking_sentence(question).dropped


def test_names_in_a_context_statement_are_not_the_subject():
    class L:  # a linked name: where it is and what it is
        def __init__(self, start, end, ids):
            self.start, self.end, self.ids = start, end, ids
    q = "Atlantis keeps coming up. Who funds Utopia?"
    full = [L(0, 8, ["Country:ATL"]), L(37, 43, ["Country:UTO"])]
    assert keeps_subject(full, [L(10, 16, ["Country:UTO"])], set(), q, ["Atlantis keeps coming up."])
    assert not keeps_subject(full, [], set(), q, ["Atlantis keeps coming up, so"])  # a clause, not a statement


_CONTEXTS = (
    "The report covers a lot of ground on pensions, health insurance and financing.",
    "{name} keeps coming up in this report.",
    "Social protection financing is a recurring theme of this report.",
)


@pytest.mark.parametrize("question, name", [
    ("Who funds the ILO's work in Jordan?", "Jordan"),
    ("Which countries does Japan fund?", "Japan"),
    ("Who co-chairs the USP2030 Working Group on Climate Action?", "USP2030"),
    ("When did Paraguay ratify Convention No. 102?", "Paraguay"),
])
def test_a_question_wrapped_in_context_gets_the_answer_of_the_question_alone(engine, question, name):
    _same_answers(engine, question, [f"{context.format(name=name)} {question}" for context in _CONTEXTS])


def _same_answers(engine, question: str, wordings: list[str]) -> None:
    """Each wording gets the (non-empty) answer of the question alone."""
    alone = {a["label"] for a in engine.ask(question)["answers"]}
    assert alone
    for wording in wordings:
        assert {a["label"] for a in engine.ask(wording)["answers"]} == alone, wording


# -- a clause of background before the question proper (app/qa/form/background_clause.py) ----------

from app.qa.form.background_clause import without_background  # noqa: E402


@pytest.mark.parametrize("question, core", [
    ("Given that the programme works with 50 priority countries, who funds the work in Atlantis?",
     "Who funds the work in Atlantis?"),
    ("Since the network grew to 18 members, which organisations joined Utopia in 2024?",
     "Which organisations joined Utopia in 2024?"),
    ("With all the talk about social protection floors these days, which donor co-funds Utopia?",
     "Which donor co-funds Utopia?"),
    ("Seeing that the report is long, Atlantis appears in which financing lines?",
     "Atlantis appears in which financing lines?"),
])
def test_an_opening_clause_of_background_is_set_apart(question, core):
    r = without_background(question)
    assert r.question == core and len(r.dropped) == 1


@pytest.mark.parametrize("question", [
    "Since 2021, which countries ratified the convention?",  # a date, not a clause
    "As of 2024, who funds Atlantis?",
    "Given that only African countries count, which ratified the convention?",  # limits what is asked
    "Given that Atlantis joined the accelerator, who funds it there?",  # points back into the clause
    "Given that the programme works with 50 priority countries, Atlantis is one of them.",  # asks nothing
    "Since the reform debate opened in 2022, which states have ratified the convention?",  # a year dates it
])
def test_a_clause_the_question_needs_is_kept(question):
    assert not without_background(question).dropped


_BACKGROUND = (
    "Given that the Flagship Programme works with 50 priority countries,",
    "Since the report goes into a lot of detail on financing,",
    "With all the talk about social protection floors these days,",
)


@pytest.mark.parametrize("question", [
    "who funds the ILO's work in Jordan?",
    "which countries does Japan fund?",
    "when did Paraguay ratify Convention No. 102?",
])
def test_a_question_after_background_gets_the_answer_of_the_question_alone(engine, question):
    _same_answers(engine, question[:1].upper() + question[1:], [f"{clause} {question}" for clause in _BACKGROUND])


@pytest.mark.parametrize("question, core", [
    ("The programme supported 31 countries and territories in 2024. Which countries does Atlantis fund?",
     "Which countries does Atlantis fund?"),  # a figure inside a fact is no scope
    ("Who funds the work in Atlantis? Just the names, please.", "Who funds the work in Atlantis?"),
    ("Which countries does Atlantis fund? Only the list, thanks.", "Which countries does Atlantis fund?"),
])
def test_a_fact_or_a_request_about_the_answers_form_is_set_apart(question, core):
    assert asking_sentence(question).question == core


@pytest.mark.parametrize("question", [
    "In 2024 a lot changed. Which countries ratified the Utopia convention?",  # a year opening the statement scopes it
    "Who funds Atlantis? Just the African ones, please.",  # limits the answer, not only its form
])
def test_a_scope_or_a_limit_after_or_before_is_kept(question):
    assert not asking_sentence(question).dropped
