"""Keyword queries whose "which" was dropped: a kind of thing, then its verb ("jordanian ministry led
the pilot ..."); the asked kind of named thing said last, after a clause with a verb ("lao pdr adopt
2024 ... decree"); a question word closing the query ("funds ilo andean countries who"); "... called"
asking a name.  Each reading is checked on several wordings, with made-up names where the rewrite
must not depend on the report; the engine checks read their expected answers from the knowledge base.
"""
from __future__ import annotations

import pytest

from app.qa.form.keyword_heads import asked_noun_first, np_then_verb
from app.qa.form.keyword_order import question_word_first


@pytest.mark.parametrize("query", [
    "jordanian ministry led pilot of the diagnostic tool climate change",
    "private company partnered with ilo maternity benefits",
    "international development partners worked with ilo refugees haba haba",
    "sources finance ilo's social protection work atlantis",
    "african agencies joined the network 2024",
    "priority countries financed only by the regular budget",  # modifiers and the passive's "by": the kind asked
])
def test_kind_then_verb_gets_its_which(query):
    assert np_then_verb(query)
    assert question_word_first(query) == "which " + query


@pytest.mark.parametrize("query", [
    "countries funded by atlantis",  # a passive read as it is
    "countries financed donors utopia fund",  # money participle straight after the kind: a passive
    "funders countries ratified c99 2023",  # the funders of those countries (asked_noun_first)
    "jordan visioning strategy costing partners",  # an -ing word after a noun: a compound, partners asked
    "besides atlantis countries covered by the network",  # "besides" opens an exception, not a noun phrase
    "kenya pension reform scheme",  # no verb at all
])
def test_no_which_where_no_clause(query):
    assert not question_word_first(query).startswith("which " + query)


@pytest.mark.parametrize("query, noun", [
    ("atlantis adopt 2024 change health insurance rates decree", "decree"),
    ("lemuria planned maternity benefit costed against convention", "convention"),
    ("utopia adopted strategy", "strategy"),
    ("utopia joined 2024 network", "network"),
])
def test_named_kind_said_last_after_a_verb_is_asked(query, noun):
    assert asked_noun_first(query).startswith(f"which {noun} ")


@pytest.mark.parametrize("query", [
    "zambia national health insurance scheme",  # a name, no verb
    "iraq pension policy paper",
    "malawi social protection policy",
    "pension reform countries",  # countries last: the analysis reads them already
    "money given to atlantis programmes",  # the noun is a preposition's object
    "atlantis funded country programmes",  # "country programmes": the countries are asked
])
def test_kind_last_without_a_clause_is_left(query):
    assert asked_noun_first(query) == query


@pytest.mark.parametrize("query, expected", [
    ("funds ilo andean countries who", "who funds ilo andean countries"),
    ("pays atlantis work central asian countries who", "who pays atlantis work central asian countries"),
])
def test_closing_question_word_is_asked(query, expected):
    assert question_word_first(query) == expected


@pytest.mark.parametrize("query", [
    "atlantis independent workers regime called",
    "lemuria mothers cash programme called",
])
def test_called_last_asks_the_name(query):
    assert question_word_first(query).startswith("what is ") and question_word_first(query).endswith(" called?")


# -- the engine ----------------------------------------------------------------------------------
def _labels(r: dict) -> set[str]:
    return {a["label"] for a in r["answers"]}


def test_sources_keyword_query_names_the_funders(engine):
    """"sources finance ilo's work <country>": the country's funders, as "which sources finance ..." gets."""
    funded = [f["subject"] for f in engine.k.facts_where(predicate="fundedBy") if f["subject"].startswith("Country:")]
    country = max(sorted(set(funded)), key=funded.count)  # the country with the most funders
    name = engine.k.label(country)
    want = _labels(engine.ask(f"which sources finance the ILO's social protection work in {name}?"))
    assert want
    for q in (f"sources finance ilo's social protection work {name.lower()}",
              f"sources finance ilo work in {name.lower()}"):
        assert _labels(engine.ask(q)) == want, q


def test_funds_who_keyword_query_asks_the_funder(engine):
    """The question word closing a keyword query is the asked one, after a plural place noun too."""
    want = _labels(engine.ask("who funds the ILO in the andean countries"))
    assert want
    for q in ("funds ilo andean countries who", "finances ilo work andean countries who"):
        r = engine.ask(q)
        assert r["answer_type"] == "Organization" and _labels(r) == want, q
