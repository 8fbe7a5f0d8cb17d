"""Two forms a writer in a second language types: a setting-aside preposition dropped ("apart
Portugal") and a question without its auxiliary ("With who RSSB made the implementation plan?",
"What the ILO co-publish with OHCHR?").  Each is read as its standard form; the engine's answer
is the standard form's, computed by asking it, never typed here."""
from __future__ import annotations

import pytest

from app.qa.form.dropped_auxiliary import rewrite as with_auxiliary
from app.qa.form.dropped_prepositions import rewrite as with_preposition


@pytest.mark.parametrize("question, read", [
    ("which funders the ILO has in Rwanda apart Portugal?", "which funders the ILO has in Rwanda apart from Portugal?"),
    ("Apart Jordan, which Arab States countries are funded by the EU?",
     "Apart from Jordan, which Arab States countries are funded by the EU?"),
    ("Who funds Jordan except of the EU?", "Who funds Jordan except the EU?"),
])
def test_the_preposition_is_put_back(question, read):
    assert with_preposition(question) == read


@pytest.mark.parametrize("question", ["apart from the EU who funds Jordan", "they are far apart in Africa",
                                      "Which countries are set apart by the report?"])
def test_a_standard_or_other_apart_is_kept(question):
    assert with_preposition(question) == question


@pytest.mark.parametrize("question, read", [
    ("With who RSSB made the implementation plan in August?", "With whom did RSSB made the implementation plan in August?"),
    ("What the ILO co-publish with OHCHR?", "What did the ILO co-publish with OHCHR?"),
    ("When Jordan ratified C102?", "When did Jordan ratified C102?"),
    ("Which countries United Kingdom funded?", "Which countries did United Kingdom funded?"),
])
def test_the_auxiliary_is_put_back(question, read):
    assert with_auxiliary(question) == read


@pytest.mark.parametrize("question", [
    "Who funded the SP&PFM project?",          # the question word is the subject
    "Which countries did the EU fund?",        # the auxiliary is there
    "What the ILO did in Ghana?",              # "did" is the verb itself
    "Which countries the EU funds?",           # a present form: no past to carry
])
def test_a_question_with_its_auxiliary_or_none_needed_is_kept(question):
    assert with_auxiliary(question) == question


@pytest.mark.parametrize("typed, standard", [
    ("which funders the ILO has in Rwanda apart Portugal?", "Which funders does the ILO have in Rwanda apart from Portugal?"),
    ("With who RSSB made the implementation plan in August?", "With whom did RSSB develop the implementation plan in August?"),
    ("What the ILO co-publish with the UN human rights office (OHCHR)?",
     "What did the ILO co-publish with the UN human rights office (OHCHR)?"),
    ("When Jordan ratified C102?", "When did Jordan ratify C102?"),
])
def test_the_engine_answers_as_for_the_standard_form(engine, typed, standard):
    expected = [a["label"] for a in engine.ask(standard)["answers"]]
    assert expected
    assert [a["label"] for a in engine.ask(typed)["answers"]] == expected


@pytest.mark.parametrize("question", ["Which Arab State ratified Convention No. 102 in 2023?",
                                      "Which Arab States paid disability allowances with ILO support?"])
def test_a_capitalised_asked_noun_is_no_subject(question):
    """"Which Arab State ratified ...": the name is the asked noun's, the verb is its own."""
    assert with_auxiliary(question) == question
