"""A topic asked within the report's own scope ("which Flagship priority countries ... <topic>"):
when the graph answered the whole scope, the topic's countries within it answer instead
(app.qa.topics.scope_topic), and
"which of the programme's priority countries" asks for countries, not for a programme's name
(app.qa.topics.spans.asked_span).

The real engine over the real build.  Questions are written for these tests (in no tuning set);
the topics' countries are whatever the same topic asked without the scope gives, so the test
holds on another report.
"""
from __future__ import annotations

import pytest

from app.qa.topics.scope_topic import without_scope
from app.qa.topics.spans import asked_span
from tests.support.engine import answer_ids


def _priority(engine) -> set[str]:
    return {e["id"] for e in engine.k.of_type("Country") if (e.get("attrs") or {}).get("priority")}


@pytest.mark.parametrize("scoped,plain", [
    ("Which of the Flagship Programme's priority countries got ILO help with disability allowances?",
     "Where did the ILO help with disability allowances?"),
    ("Which priority countries had typhoon damage that the ILO helped respond to?",
     "Which countries had typhoon damage that the ILO helped respond to?"),
    ("Which Flagship priority countries were hit by a typhoon the ILO helped respond to?",
     "Which countries were hit by a typhoon the ILO helped respond to?"),
])
def test_the_scope_filters_the_topic_it_does_not_answer_it(engine, scoped, plain):
    priority = _priority(engine)
    if not priority:
        pytest.skip("the report flags no priority countries")
    got = answer_ids(engine, engine.ask(scoped))
    assert got, scoped
    assert len(got) < len(priority) / 4, scoped  # not the whole list of priority countries
    assert got <= priority
    assert got <= answer_ids(engine, engine.ask(plain)) | got and got & answer_ids(engine, engine.ask(plain)), scoped


@pytest.mark.parametrize("q", [
    "List the Flagship Programme's priority countries.",
    "Which priority countries are in Africa?",
])
def test_the_scope_alone_still_answers_every_country_in_it(engine, q):
    priority = _priority(engine)
    got = answer_ids(engine, engine.ask(q))
    assert got and got <= priority and len(got) >= len(priority) / 3, q


@pytest.mark.parametrize("q,bare", [
    ("Which Flagship priority countries were hit by a typhoon?", "Which countries were hit by a typhoon?"),
    ("Which of the Flagship Programme's priority countries had support on pensions?",
     "Which of countries had support on pensions?"),
    ("Which priority countries had typhoon damage?", "Which countries had typhoon damage?"),
])
def test_the_scopes_words_are_taken_out_of_the_question(q, bare):
    assert without_scope(q, [], set()) == bare


@pytest.mark.parametrize("q", [
    "Which of the Flagship Programme's priority countries had ILO support on unemployment insurance?",
    "Which of these countries got help on pensions?",
    "Which of its partner organisations published a report?",
])
def test_which_of_the_countries_asks_for_the_countries_not_a_name(q):
    assert asked_span(q, [], "Country") is None
