"""Question forms found by round 32's probes, each read as a plain wording of the same question.

- a relative "where" after a place ("In Freedonia, where the ILO backs vouchers, who funds ...?")
  opens no question; the later question word does;
- "list the organisations the ILO cooperated with ..." asks for organisations, not for the papers
  named later;
- "Name them all please." after the question asks nothing new;
- a question word inside a phrase ("the minimum standards of which convention") never links as
  part of a reordered name;
- a figure the question states as a change's start ("up from 50,000") asks where it went.
Synthetic sentences and invented names where the reading is pure; the engine's own answers to the
plain wording where it is not.
"""
from __future__ import annotations

import pytest

from app.qa.form.sign_off import strip
from app.qa.form.wording import core_question
from app.qa.question import answer_type


def _pick(seg: str, question: str, focus: list[str]) -> str | None:
    from app.qa.figures.numbers import pick
    from app.qa.textstep import _near

    got = pick(seg, question, lambda w: _near(w, focus), strict=bool(focus))
    return got.label if got else None


@pytest.mark.parametrize("question, core", [
    ("Thinking about maternal health in Freedonia, where the ILO backs vouchers, who is financing the work there?",
     "who is financing the work there?"),
    ("In Freedonia, which has a new law, what did the ILO support?", "what did the ILO support?"),
])
def test_a_relative_clause_after_a_comma_opens_no_question(question, core):
    assert core_question(question) == core
    assert answer_type(question) == answer_type(core[:1].upper() + core[1:])


def test_a_lone_where_after_a_comma_still_asks():
    assert core_question("For the record, where did the ILO train inspectors?") == "where did the ILO train inspectors?"


@pytest.mark.parametrize("question", [
    "Could you please list the organisations the ILO cooperated with when it developed policy papers on refugees?",
    "List the organisations the ILO worked with on the policy note",
    "Name the institutions that co-published the report",
])
def test_list_the_noun_asks_that_noun(question):
    assert answer_type(question) == "Organization"


def test_list_the_papers_still_asks_papers():
    assert answer_type("list the papers the ILO wrote with the organisations") == "Publication"


@pytest.mark.parametrize("question, kept", [
    ("With whom did the ILO write the paper? Name them all please.", "With whom did the ILO write the paper?"),
    ("Which donors fund Freedonia? List all of them.", "Which donors fund Freedonia?"),
    ("Which countries ratified C102? Just the names, please.", "Which countries ratified C102?"),
])
def test_a_request_for_the_whole_answer_asks_nothing_new(question, kept):
    assert strip(question) == kept


def test_a_lone_request_is_kept():
    assert strip("Name them all, please.") == "Name them all"   # (its closing "please" goes, the request stays)


def test_a_question_word_parts_two_phrases_of_a_reordered_name(engine):
    q = "the minimum standards of which convention were the scenarios meant to reach in Tajikistan?"
    links = engine.lexicon.link("In Tajikistan the ILO costed a maternity scheme; " + q)
    assert not any("which" in l.surface.lower() for l in links)
    plain = engine.ask(q)
    assert plain["answers"]
    got = engine.ask("In Tajikistan the ILO costed a maternity benefits scheme; " + q)
    assert got["answer_type"] == "Convention"
    assert [a["label"] for a in got["answers"]] == [a["label"] for a in plain["answers"]]


SEG = ("Registered workers increased from 50,000 to 146,000 and employers from 240 to 4,700 between "
       "2017 and 2023.")


@pytest.mark.parametrize("question, focus, want", [
    ("how many registered workers in 2023, up from 50,000 in 2017?", ["registered", "workers"], "146,000"),
    ("how many employers in 2023, up from 240 in 2017?", ["employers"], "4,700"),
    ("how many registered workers were there before the rise to 146,000?", ["registered", "workers"], "50,000"),
])
def test_a_stated_start_of_a_change_asks_its_end(question, focus, want):
    assert _pick(SEG, question, focus) == want
