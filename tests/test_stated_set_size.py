"""A background clause that states the size of the whole set ("there are eight new ratifications;
which of them are not African?") is no count condition on each answer
(app/qa/constraints/count_conditions.py, ``_STATED_SIZE``); a count worded as a condition still is.
Expected sets come from the graph's own statements, not from the report's text."""
from __future__ import annotations

from collections import Counter

import pytest

from app.qa.constraints.count_conditions import count_condition
from app.qa.question import analyse


@pytest.mark.parametrize("question", [
    "Since the campaign started there are eight new ratifications of C102; which ones are not in Africa?",
    "There have been eight ratifications of C102 since 2021 - which countries are outside Africa?",
    "The box lists eight ratifications of Convention No. 102; which of those countries are not African?",
])
def test_a_stated_size_sets_no_count(engine, question):
    a = analyse(question, engine.lexicon)
    assert count_condition(a, engine.k) is None, question


@pytest.mark.parametrize("question", [
    "Which countries have exactly two funders?",
    "Which countries have only one funder?",
])
def test_a_count_worded_as_a_condition_still_counts(engine, question):
    a = analyse(question, engine.lexicon)
    assert count_condition(a, engine.k) is not None, question


def test_the_stated_size_no_longer_empties_the_answer(engine):
    ratified = {f["subject"] for f in engine.k.facts_where(predicate="ratified")}
    assert ratified
    question = ("Since the C102 ratification campaign started in 2021 there are eight new ratifications; "
                "can you give me only the ones which are not African countries?")
    r = engine.ask(question)
    assert r["answers"], r.get("path")
    assert not any("statements counted" in p for p in r["path"])
    funded = Counter(f["subject"] for f in engine.k.facts_where(predicate="fundedBy"))
    assert funded  # the graph has the counted relation the old reading used
