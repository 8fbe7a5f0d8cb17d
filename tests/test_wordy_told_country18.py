"""Wordy questions that tell their country in a statement first, confirm with a tag question, leave
the question word in place, or ask the name of a body (qwordy18).

- "X was launched with ILO support. Who funds the ILO's work in that country?": the statement
  names the country by what happened there; its demonyms and languages ("Portuguese") are no
  country of the question (:mod:`app.qa.multihop.told_country`).
- "So the ILO did X, right? In which year did that country ratify C102?": a tag question is
  context, the later sentence asks (:func:`app.qa.form.question_sentence.asking_sentence`).
- "when did the country where the ILO did X ratify ...": "did" is the clause's own verb.
- "In Senegal, the ILO works with who?": the question word left after its preposition asks for a
  body, as "with whom ..." does.
- "the name of the new authority that administers ...": a body is asked, not a scheme's name.

Parsing rules are tested on invented text; the engine tests build their questions from what the
report's passages say (``passage_with``) and compare with the engine's answer to the question with
the country named: nothing is typed from the report.
"""
from __future__ import annotations

import re

import pytest

from app.qa.form.question_sentence import asking_sentence
from app.qa.multihop import described_country, told_country
from app.qa.question import answer_type
from app.qa.topics.spans import asked_span
from tests.support.engine import answer_ids, passage_with

_NONE = (lambda t: [], lambda k: None)


def test_a_statement_then_that_country_is_split():
    n = told_country.split("A colleague mentioned that a new pension portal was launched with support from the "
                           "Blue Fund. Who funds the ILO's work in that country?", *_NONE)
    assert n is not None
    assert n.inner == "In which country did this happen: a new pension portal was launched with support from the Blue Fund?"
    assert n.outer == "Who funds the ILO's work in {}?"


def test_a_tag_question_is_a_statement_and_there_is_the_country():
    n = told_country.split("So the ILO ran a big actuarial study for the Blue Trust, right? I'm curious, who pays "
                           "for the work there?", *_NONE)
    assert n is not None and n.desc == "the ILO ran a big actuarial study for the Blue Trust"
    assert n.outer == "I'm curious, who pays for the work in {}?"


def test_a_statement_naming_its_country_is_left_to_the_whole_reading():
    named = (lambda t: [("Utopian", "Country:UTO")] if "Utopian" in t else [("Utopia", "Country:UTO")], lambda k: "Utopia")
    assert told_country.split("Utopia adopted a framework law in 2021. When did that country ratify it?", *named) is None
    # a demonym or a language is no name of the country told
    assert told_country.split("A portal in Utopian and English was launched in 2024. Who funds the work in that "
                              "country?", *named) is not None


def test_two_questions_or_no_back_reference_are_not_split():
    assert told_country.split("Who funds Utopia? Who funds the work in that country?", *_NONE) is None
    assert told_country.split("A new pension portal was launched with support. Who funds Utopia?", *_NONE) is None


def test_a_tag_question_before_the_question_is_context():
    s = asking_sentence("So the ILO did a study for the Blue Trust, right? I'm curious, in which year did Utopia "
                        "ratify it?")
    assert s.question != "So the ILO did a study for the Blue Trust, right?"
    assert "in which year did Utopia ratify it?" in s.question


def test_did_is_the_described_clauses_own_verb():
    n = described_country.split("In which year did the country where the ILO did a fifth valuation for the Blue "
                                "Trust ratify the convention?")
    assert n is not None and n.outer == "In which year did {} ratify the convention?"
    assert n.desc == "the ILO did a fifth valuation for the Blue Trust"


@pytest.mark.parametrize("question", ["In Utopia, the ILO works with who?",
                                      "In Utopia, the ILO worked with who to bring refugees into the scheme?",
                                      "the issue paper on Utopia was written by whom?"])
def test_a_question_word_left_in_place_asks_for_a_body(question):
    assert answer_type(question) == "Organization"


def test_a_relative_whom_is_no_question_word():
    assert answer_type("The ILO worked with whom the Blue Union trusts?") != "Organization"


def test_the_name_of_a_body_is_no_scheme_name():
    assert asked_span("Could you tell me the name of the new authority that now administers the benefits?",
                      [], "Organization") is None
    assert asked_span("What is the name of the new benefit that the authority pays?", [], "Scheme") is not None


# -- the engine, on questions built from the report's passages ------------------------------------
def _named_in_path(res) -> str:
    m = next((re.search(r"” is (.+?) \(asked first", p) for p in res.get("path") or [] if "asked first" in p), None)
    assert m is not None, res.get("path")
    return m.group(1)


def test_a_valuation_told_with_a_tag_question_names_its_country(engine):
    p, m = passage_with(engine, r"the ILO completed and delivered an actuarial valuation of the [^()]{5,80}\(([A-Z]{3,8})\)")
    told = engine.ask(f"So the ILO delivered an actuarial valuation for {m.group(1)}, right? I'm curious, in which "
                      f"year did that country ratify C102?")
    country = _named_in_path(told)
    named = engine.ask(f"In which year did {country} ratify C102?")
    assert named["answers"] and [a["label"] for a in told["answers"]] == [a["label"] for a in named["answers"]]


def test_languages_in_the_statement_are_no_countries(engine):
    p, m = passage_with(engine, r"launched a (multilingual [\w ]{5,40}Portal) available in ([A-Z]\w+, [A-Z]\w+,? and [A-Z]\w+)")
    told = engine.ask(f"A colleague mentioned a {m.group(1)} in {m.group(2)} that was launched with ILO support. "
                      f"Who funds the ILO's work in that country?")
    country = _named_in_path(told)
    assert country.lower() not in m.group(2).lower()  # not a country named after one of the languages
    named = engine.ask(f"Who funds the ILO's work in {country}?")
    assert named["answers"] and answer_ids(engine, told) == answer_ids(engine, named)


def test_a_question_naming_one_country_then_asking_about_it_is_split():
    n = told_country.split("Which country with a Blue province joined the Green Accelerator in July 2024, and who "
                           "finances the ILO there?", *_NONE)
    assert n is not None
    assert n.inner == "Which country with a Blue province joined the Green Accelerator in July 2024?"
    assert n.outer == "Who finances the ILO in {}?"


def test_one_country_asked_by_an_event():
    from app.qa.multihop.event_country import event_of

    assert event_of("Which country launched a national awareness campaign in 2024 about its new pensions law?") == \
        "launched a national awareness campaign in 2024 about its new pensions law"
    assert event_of("Which countries launched a national awareness campaign in 2024 about pensions?") is None
    assert event_of("Which country ratified it?") is None  # no event of its own: the graph's to read


def test_an_event_the_graph_cannot_read_names_its_country(engine):
    p, m = passage_with(engine, r"launched, in collaboration with the ILO and the European Union, (a new national "
                                r"[\w ]{5,40}campaign)")
    res = engine.ask(f"Which country launched {m.group(1)} in 2024?")
    assert len(res["answers"]) == 1 and res["answers"][0]["type"] == "Country", res.get("path")
    assert answer_ids(engine, res) <= {f"Country:{c}" for c in p.countries}  # the country the sentence names
