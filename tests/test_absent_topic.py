"""A group or topic the report never writes gets no answer (app.qa.constraints.absent_topic), while
groups and topics the report writes keep theirs."""

import pytest

from app.qa.constraints.absent_topic import absent_topic
from app.qa.units import terms

# A report's words (as the passage index spells them): the protection nouns, verbs and groups it writes
VOCAB = set(terms("The ILO helped design and introduce pension schemes, social protection, social security and "
                  "health insurance reforms for refugees, self-employed and independent workers in several countries "
                  "in Asia and the Pacific; the decree raised the base value used to calculate monthly benefits; "
                  "minimum standards were supported; coverage was extended"))


@pytest.mark.parametrize("question,word", [
    ("Which countries did the ILO help design pension schemes for teachers?", "teachers"),
    ("seafarers' social security countries", "seafarers"),
    ("Did the ILO extend social protection to plantation workers in Asia?", "plantation"),
    ("minimum wage reforms supported by the ilo countries", "wage"),
])
def test_a_word_qualifying_a_protection_noun_that_the_report_never_writes(question, word):
    assert absent_topic(question, VOCAB, set()) == word


@pytest.mark.parametrize("question", [
    "Which countries did the ILO help extend social protection to refugees?",  # a report word
    "Which countries extended coverage to independant workers?",  # a misspelling of a report word
    "Which programme gives a monthly pension for everyone aged 70?",  # a pronoun is no group
    "Who handles social security in Kenya?",  # a verb before "social" is no qualifier
    "By how much did the decree raise the base value used to calculate benefits?",
    "which governments pledged funds to the Digital Convergence Initiative",  # a participle is no group
    "Which countries saw expanding coverage in 2024?",
    "Which Zorvian workers' schemes did the ILO support?",  # a name: app.qa.constraints.absent's
])
def test_no_absent_topic_when_the_qualifier_is_known_or_no_topic(question):
    assert absent_topic(question, VOCAB, set()) is None


def test_words_of_the_asking_are_never_topics():
    assert absent_topic("pension schemes for teachers", VOCAB, set(terms("teachers"))) is None


@pytest.mark.parametrize("question", [
    "In which countries did the ILO help design pension schemes for teachers?",
    "Did the ILO support social protection for fishers in the Pacific?",
    "health insurance for miners countries",
    "which countries got ILO help with social protection for taxi drivers' pension schemes",
])
def test_the_engine_abstains_on_a_group_the_report_never_writes(engine, question):
    res = engine.ask(question)
    assert res["answers"] == [] and "does not write about" in res["message"]


@pytest.mark.parametrize("question", [
    "Which countries did the ILO help extend social protection to self-employed workers?",
    "Where did the ILO help extend health insurance to refugees?",
    "platform workers social protection countries",
])
def test_groups_the_report_writes_keep_their_answers(engine, question):
    res = engine.ask(question)
    assert res["answers"] and res["answer_type"] == "Country"
