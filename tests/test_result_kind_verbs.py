"""A result kind worded precisely is the subject of its own verb: "measures to improve operations
(of social protection) were introduced" tells that the measures were taken, not a second kind of
result (schemes introduced or reformed).  app/qa/question.py (_KIND_PREDICATE in
_without_kind_phrases).  Expected answers come from the knowledge base's facts, never typed in."""
from __future__ import annotations

from collections import defaultdict

import pytest

from app.qa.question import _without_kind_phrases
from tests.support.engine import amount_value as _value
from tests.support.engine import answer_labels as _labels


@pytest.mark.parametrize("question, loose_left", [
    ("In how many countries were measures to improve operations of social protection introduced in 2024?", False),
    ("which countries had improved operations adopted last year", False),
    ("countries where operations improvements were implemented", False),
    # a conjunction ends the phrase: the verb after it says a kind of its own
    ("countries that improved operations and introduced new laws", True),
])
def test_the_verb_of_a_kind_phrase_is_no_kind(question, loose_left):
    left = _without_kind_phrases(question).lower()
    assert (("introduc" in left) or ("implement" in left) or ("adopt" in left)) is loose_left


def _with_kind(engine, kind: str) -> set[str]:
    out: dict[str, set[str]] = defaultdict(set)
    for f in engine.k.facts_where(predicate="achievedResult"):
        out[f["attrs"].get("result_type")].add(f["subject"])
    if not out.get(kind):
        pytest.skip("the build holds no result of that kind")
    return out[kind]


@pytest.mark.parametrize("question", [
    "In how many countries were measures to improve operations of social protection introduced in 2024?",
    "How many countries had measures to improve the operations of their systems adopted in 2024?",
])
def test_a_count_of_one_kind_with_its_verb_counts_that_kind(engine, question):
    res = engine.ask(question)
    assert [_value(x) for x in _labels(res)] == [float(len(_with_kind(engine, "operations")))]
