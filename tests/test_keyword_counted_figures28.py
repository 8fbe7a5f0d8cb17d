"""Keyword queries asking a figure by the noun it counts (qkey28).

- "... online audience", "newsletter readership": nouns of an audience are only ever counted, like
  "viewers" and "subscribers" (app.qa.figures.keyword_figures);
- "country pages users 2024": a query opening on a kind noun ("country") that only modifies the
  measured thing is not "which country ..." when the query closes on a measure
  (app.qa.form.keyword_order.which_first);
- "social protection platform users 2024": of close sentences, the one whose figure stands before the
  counted noun ("121,000 users") answers, not the best-ranked one whose figure counts something else
  ("3,300 copies ... downloaded from the Platform in 2024") (app.qa.figures.counted_beside).

The real engine over the real build; sentences and figures are read from the report.
"""
from __future__ import annotations

import re

from app.qa.figures.counted_beside import counted_noun, figure_counts
from app.qa.figures.keyword_figures import asks_figure, closes_on_measure
from app.qa.form.keyword_order import question_word_first
from tests.support.engine import passage_with


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def test_audience_nouns_ask_a_figure():
    assert closes_on_measure("atlantis summit launch online audience")
    assert closes_on_measure("quarterly bulletin readership")
    assert asks_figure("audience atlantis summit launch")
    assert not closes_on_measure("which countries had an audience with the minister")


def test_kind_noun_modifying_the_measured_thing_is_not_asked():
    assert question_word_first("country pages users 2024") == "country pages users 2024"
    assert question_word_first("country profiles page views") == "country profiles page views"
    # a kind noun opening a query that closes on no measure is still the asked kind
    assert question_word_first("countries portugal finance africa").startswith("which countries")


def test_counted_noun_of_a_keyword_query():
    assert counted_noun("platform users 2024") == "users"
    assert counted_noun("how many countries did the atlantis study cover") is None  # the count rules read it
    assert counted_noun("how many atlantis migrant workers abroad") == "workers"  # "... workers abroad number"
    assert counted_noun("atlantis pension reform countries") is None
    assert figure_counts("the site had 1,200 users", 13, 18, "users")
    assert not figure_counts("1,200 copies were downloaded by users", 0, 5, "users")


def test_figure_before_the_counted_noun_answers(engine):
    # a sentence dating a figure of users; another sentence of the same section writes the same
    # year and the same place with a figure of something else
    _, m = passage_with(engine, r"In ((?:19|20)\d\d), the (\w+) boasted (?:over |more than |nearly )?([\d,]+) users\b")
    year, place, figure = m.groups()
    res = engine.ask(f"social protection {place.lower()} users {year}")
    got = [a["label"] for a in res["answers"]]
    assert got and _digits(got[0]) == _digits(figure)


def test_kind_noun_opening_a_measure_query(engine):
    _, m = passage_with(engine, r"the (country pages) by (?:nearly |over |more than )?([\d,]+) users\b")
    res = engine.ask(f"{m.group(1)} users 2024")
    got = [a["label"] for a in res["answers"]]
    assert res["answer_type"] == "Number"
    assert got and _digits(got[0]) == _digits(m.group(2))


def test_measure_word_first_without_its_of():
    from app.qa.figures.keyword_figures import opens_on_measure

    assert opens_on_measure("size atlantis envelope iraq lebanon")
    assert opens_on_measure("share new 2024 project allocations atlantis region")
    assert opens_on_measure("share of new resources")
    assert not opens_on_measure("share")
    assert not opens_on_measure("which share went to atlantis")


def test_size_of_an_envelope_said_first(engine):
    _, m = passage_with(engine, r"in ([A-Z]\w+) and ([A-Z]\w+) with a planned envelope of (?:more than )?\**US\\?\$([\d.]+) million")
    res = engine.ask(f"size envelope {m.group(1).lower()} {m.group(2).lower()} social protection")
    got = [a["label"] for a in res["answers"]]
    assert got and m.group(3) in got[0]
