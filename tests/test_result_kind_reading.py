"""How a results question's words are read: which result kinds it names, whether its negation is
about the results, and what a count of results counts.  Expected answers come from the knowledge
base's achievedResult facts (computed here); the questions are written here, several wordings per
mechanism.
"""
from __future__ import annotations

import pytest


def _results(k) -> list[dict]:
    return [f for f in k.facts if f["predicate"] == "achievedResult"]


def _region_of(k) -> dict[str, str]:
    return {f["subject"]: f["object"] for f in k.facts if f["predicate"] == "inRegion"}


def _countries(k, region: str, kind: str | None = None) -> set[str]:
    return {f["subject"] for f in _results(k) if _region_of(k).get(f["subject"]) == region
            and (kind is None or f["attrs"].get("result_type") == kind)}


def _iso(r) -> set[str]:
    return {"Country:" + a["iso3"] for a in r["answers"] if a.get("iso3")}


@pytest.mark.parametrize("question", [
    "In 2024 which Asian countries improved the operation of their social protection schemes?",
    "which asia pacific countries improved the operations of their pension schemes in 2024",
    "Which countries in Asia and the Pacific strengthened operations in their social protection systems in 2024?",
])
def test_the_object_of_a_kind_phrase_is_no_second_kind(engine, question):
    """"improved the operation of their schemes" names one kind (operations): the schemes operated
    are not a scheme reform, so the answer is every operations country, not the few with both."""
    want = _countries(engine.k, "Region:asia-and-the-pacific", "operations")
    both = want & _countries(engine.k, "Region:asia-and-the-pacific", "scheme_reform")
    assert len(want) > len(both)
    assert _iso(engine.ask(question)) == want


def test_two_kinds_joined_by_and_stay_two_kinds(engine):
    results = _results(engine.k)
    ops = {f["subject"] for f in results if f["attrs"].get("result_type") == "operations"}
    reform = {f["subject"] for f in results if f["attrs"].get("result_type") == "scheme_reform"}
    assert _iso(engine.ask("countries that improved operations and reformed schemes in 2024")) == ops & reform


@pytest.mark.parametrize("question,region,kind", [
    ("How many policies and strategies results did African countries achieve in 2024?", "Region:africa", "policies_strategies"),
    ("number of improving operations results in africa 2024", "Region:africa", "operations"),
    ("What was the total number of Result 3 results recorded in Africa?", "Region:africa", "operations"),
    ("number of results in the arab states 2024", "Region:arab-states", None),
    ("count of institutional results in asia and the pacific", "Region:asia-and-the-pacific", None),
])
def test_a_count_of_results_counts_results_of_the_kinds_named(engine, question, region, kind):
    """"number of / count of / total number of ... results" counts the result statements (not the
    countries, not a figure read from text), only those of the kinds the question names."""
    want = len({f["object"] for f in _results(engine.k) if _region_of(engine.k).get(f["subject"]) == region
                and (kind is None or f["attrs"].get("result_type") == kind)})
    r = engine.ask(question)
    assert r["answers"] and r["answers"][0]["label"] == str(want), question


def test_a_verb_after_how_many_counts_the_countries_left_unsaid(engine):
    """"Of the countries X funds, how many recorded a result" counts countries, not results."""
    funded = {f["subject"] for f in engine.k.facts if f["predicate"] == "fundedBy" and f["object"] == "Organization:eu"}
    with_result = {f["subject"] for f in _results(engine.k)}
    want = len(funded & with_result)
    assert want and len({f["object"] for f in _results(engine.k) if f["subject"] in funded}) != want
    r = engine.ask("Of the countries the European Union funds, how many recorded a result in 2024?")
    assert r["answers"][0]["label"] == str(want)


@pytest.mark.parametrize("question,region", [
    ("Which priority countries in Africa did not register a single institutional result in 2024?", "Region:africa"),
    ("In which Asian countries were results not recorded in 2024?", "Region:asia-and-the-pacific"),
    ("APAC priority countries with zero institutional results in 2024", "Region:asia-and-the-pacific"),
])
def test_a_negation_of_the_results_lists_the_countries_without_one(engine, question, region):
    region_countries = {f["subject"] for f in engine.k.facts if f["predicate"] == "inRegion" and f["object"] == region}
    got = _iso(engine.ask(question))
    assert got and got <= region_countries and not (got & _countries(engine.k, region)), question


def test_a_negation_about_something_else_leaves_the_results_positive(engine):
    """"results extended coverage to people who were not covered before": the "not" is the
    people's; the answer is not the complement (the countries without a result)."""
    with_result = {f["subject"] for f in _results(engine.k)}
    got = _iso(engine.ask("Which countries' headline 2024 results extended health coverage to people who were not covered before?"))
    assert len(got & with_result) > len(got - with_result)


@pytest.mark.parametrize("question,region,kind", [
    ("Which African countries achieved legal results in 2024?", "Region:africa", "scheme_reform"),
    ("which countries had a legislative result in 2024 in asia", "Region:asia-and-the-pacific", "scheme_reform"),
    ("Name the Asia-Pacific countries where schemes were introduced or reformed in 2024.", "Region:asia-and-the-pacific", "scheme_reform"),
    ("african countries where social protection schemes were reformed in 2024", "Region:africa", "scheme_reform"),
])
def test_result_kinds_read_by_their_words(engine, question, region, kind):
    assert _iso(engine.ask(question)) == _countries(engine.k, region, kind)


@pytest.mark.parametrize("question,country", [
    ("What institutional change did Nepal achieve in 2024?", "Country:NPL"),
    ("What institutional changes did Zambia achieve in 2024?", "Country:ZMB"),
])
def test_an_institutional_change_asked_of_a_country_lists_its_result_kinds(engine, question, country):
    kinds = {f["attrs"].get("result_type") for f in _results(engine.k) if f["subject"] == country}
    r = engine.ask(question)
    assert len(r["answers"]) == len(kinds) and r["answer_type"] == "Text"


@pytest.mark.parametrize("question,a,b", [
    ("Who achieved more results in 2024: Lebanon or Jordan?", "Country:LBN", "Country:JOR"),
    ("who recorded more institutional results in 2024, Kenya or Nigeria?", "Country:KEN", "Country:NGA"),
])
def test_who_compared_by_results_names_the_country_with_more(engine, question, a, b):
    """"Who ..." over two named countries asks which of them, whatever type "who" suggests."""
    n = {c: sum(1 for f in _results(engine.k) if f["subject"] == c) for c in (a, b)}
    assert n[a] != n[b]
    want = {max(n, key=n.get)}
    assert _iso(engine.ask(question)) == want
