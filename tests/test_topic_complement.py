"""A negated topic over a named universe is answered as the universe minus the topic's countries
(app.qa.constraints.topic_complement); a topic's branch word narrows topic coverage
(app.qa.topics.topic_coverage.qualifiers); "where is the ILO ...ing" asks entry by entry."""

import pytest

from app.qa.constraints.topic_complement import positive, report_wide, universe_minus
from app.qa.topics.topic_coverage import qualifiers
from app.qa.topics.topic_rerank import asks_for_many
from app.qa.units import terms


@pytest.mark.parametrize("question,expected", [
    ("Which African countries did not get ILO support on unemployment insurance?",
     "Which African countries did get ILO support on unemployment insurance?"),
    ("Which Europe and Central Asia priority countries had no ILO work on unemployment benefits?",
     "Which Europe and Central Asia priority countries had ILO work on unemployment benefits?"),
    ("Which Arab States countries didn't receive help on pensions?", "Which Arab States countries did receive help on pensions?"),
    ("Which pathfinder countries are without any work on digitalisation?", "Which pathfinder countries are with work on digitalisation?"),
])
def test_the_negation_is_taken_off_the_topic(question, expected):
    assert positive(question) == expected


@pytest.mark.parametrize("question", [
    "Apart from Egypt, where did the ILO help include refugees in health insurance?",  # a set-aside
    "Which countries no longer receive EU funding?",  # a change over time
    "None of which countries ratified?",  # a choice
    "Which country's ratification is not yet valid?",  # a status
    "Which countries did not get support and were not funded?",  # two negations: not this reader's
    "Which countries got support on pensions?",  # nothing negated
])
def test_no_positive_reading_when_the_negation_is_not_a_plain_one_of_the_topic(question):
    assert positive(question) is None


def test_the_topic_is_asked_report_wide_and_taken_out_in_the_universe_order():
    assert report_wide("Which Asian priority countries had work on health insurance?") == \
        "Which countries had work on health insurance?"
    assert report_wide("Where did it happen?") is None
    assert universe_minus(["Country:A", "Country:B", "Country:C"], {"Country:B"}) == ["Country:A", "Country:C"]


def test_a_branch_word_before_a_protection_noun_narrows_when_the_best_sentence_writes_it():
    idf = {t: 4.0 for t in terms("pension health actuarial valuation system social national")}
    idf.update({t: 1.0 for t in terms("social national")})
    best = set(terms("the ILO produced an actuarial valuation of the pension system"))
    assert qualifiers("Which countries got an actuarial valuation of their pension system?", best, idf, ["actuarial"]) == \
        terms("pension")
    # a common word ("social") or one the best sentence does not write narrows nothing
    assert qualifiers("Which countries reformed their social protection?", best, idf, []) == []
    assert qualifiers("Which countries got valuations of health insurance?", best, idf, []) == []


@pytest.mark.parametrize("question,many", [
    ("Where is the ILO studying whether to introduce an unemployment insurance scheme?", True),
    ("Where are governments extending coverage to informal workers?", True),
    ("Where is the ILO's regional office?", False),
    ("Where was the workshop held?", False),
])
def test_where_with_work_going_on_asks_for_every_country(question, many):
    assert asks_for_many(question) is many


def _ids(res):
    return {a["iri"] for a in res["answers"]}


def test_a_negated_topic_is_the_region_minus_the_topics_countries(engine):
    neg = engine.ask("Which African countries did not get ILO support on unemployment insurance?")
    pos = engine.ask("Which countries did get ILO support on unemployment insurance?")
    region = engine.ask("Which African priority countries are there?")
    assert neg["answers"] and pos["answers"]
    assert not _ids(neg) & _ids(pos)  # none of the topic's countries is answered
    assert _ids(neg) <= _ids(region)  # every answer is a country of the universe asked
    assert (_ids(region) - _ids(neg)) <= _ids(pos)  # and only the topic's countries were taken out
    assert any("minus the countries the question's topic holds" in p for p in neg["path"])


def test_a_negated_relation_is_not_read_as_a_topic(engine):
    res = engine.ask("Which Arab States countries are not financed by the European Union?")
    assert not any("minus the countries the question's topic holds" in p for p in res.get("path", []))


def test_the_branch_asked_narrows_the_topic_countries(engine):
    res = engine.ask("Which countries got an ILO actuarial valuation of their pension system?")
    assert res["answers"]
    for a in res["answers"]:
        assert any("pension" in e["text"].lower() for e in a["evidence"]), a["label"]


def test_a_coordinated_alternative_narrows_nothing():
    idf = {t: 4.0 for t in terms("health refugees protection schemes")}
    best = set(terms("refugees were included in the universal health insurance scheme"))
    assert qualifiers("Where did the ILO help bring refugees into social protection or health schemes?", best, idf,
                      ["refuge"]) == []


def test_a_head_noun_before_another_is_no_branch():
    idf = {t: 4.0 for t in terms("unemployment benefit schemes")}
    best = set(terms("reviewing the parameters of the unemployment benefit scheme"))
    assert qualifiers("unemployment benefit schemes countries", best, idf, ["unemployment"]) == []
