"""A scheme's wording ("design ... schemes", "new schemes") with a topic beyond it asks the topic, not the
results table's scheme kind (app.qa.constraints.worded_result); the results table still answers when
the question has no topic or speaks of results."""

from types import SimpleNamespace

import pytest

from app.qa.constraints.worded_result import only_worded


def _c(obj="result:scheme_reform", negated=False):
    return SimpleNamespace(negated=negated, evidence=[("?", "achievedResult", obj)])


def test_only_the_scheme_kind_read_from_wording_counts():
    assert only_worded("which countries did the ILO help design schemes for platform workers", [_c()])
    assert not only_worded("which countries had scheme design results", [_c()])  # results said
    assert not only_worded("which countries improved their operations", [_c("result:operations")])
    assert not only_worded("which countries designed schemes but not in Africa", [_c(), _c(negated=True)])
    assert not only_worded("anything", [])


@pytest.mark.parametrize("question,expected", [
    ("For a note on gig work: in which country did the ILO give options for scheme design to cover platform workers?", "India"),
    ("sickness invalidity unemployment new schemes comparative studies country", "Angola"),
])
def test_a_topic_beyond_the_scheme_wording_is_answered_by_its_countries(engine, question, expected):
    res = engine.ask(question)
    assert [x["label"] for x in res["answers"]] == [expected]


@pytest.mark.parametrize("question", [
    "Which countries introduced new schemes in 2024?",
    "which countries reformed schemes",
])
def test_without_a_topic_the_results_table_answers(engine, question):
    res = engine.ask(question)
    assert res["strategy"].startswith("graph") and len(res["answers"]) >= 5
