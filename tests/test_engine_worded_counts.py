"""Keyword counts said last, and relations worded only by the registry's keywords.

Pure pieces on made-up queries; the engine over the bundled report with questions written here,
the expected answers computed from the knowledge base's facts (a route other than the engine's
SPARQL).
"""
from __future__ import annotations

import pytest

from app.qa.figures import region_count
from app.qa.form.keyword_order import question_word_first
from tests.support.engine import funders_per_country


# -- pure pieces ---------------------------------------------------------------------------------
@pytest.mark.parametrize("query, expected", [
    ("swedish funded asian countries how many", "how many swedish funded asian countries"),
    ("kenya donor count", "how many kenya donor"),
    ("countries where the eu funds", "countries where the eu funds"),  # a relative "where" stays
])
def test_count_words_said_last_move_first(query, expected):
    assert question_word_first(query) == expected


def test_regions_counted_after_other_words_but_not_countries_in_regions():
    assert region_count._REGIONS_COUNTED.search("how many spain funding - regions")
    assert region_count._REGIONS_COUNTED.search("in how many different regions does spain fund countries")
    assert not region_count._REGIONS_COUNTED.search("how many countries does spain fund in all regions")


# -- the engine on the bundled report ---------------------------------------------------------------
def _countries(res) -> set[str]:
    return {"Country:" + a["iso3"] for a in res["answers"] if a.get("iso3")}


def _funded_by(engine, iso3: str) -> set[str]:
    return {c for c, fs in funders_per_country(engine.k).items() if f"Organization:gov-{iso3}" in fs}


def _region(engine, country: str) -> set[str]:
    return {f["object"] for f in engine.k.facts_where(subject=country, predicate="inRegion")}


def test_a_demonym_backing_is_funding(engine):
    expected = _funded_by(engine, "IRL")
    if not expected:
        pytest.skip("the report names no country funded by Ireland")
    for q in ("countries backed by the Irish", "which countries did the irish back"):
        res = engine.ask(q)
        assert res["answer_type"] == "Country", q
        assert _countries(res) == expected, q


def test_every_country_where_a_government_is_named_among_funders(engine):
    expected = _funded_by(engine, "IRL")
    res = engine.ask("For a memo I'm drafting: could you name every country where the report lists the Irish "
                     "government among the ILO's financing sources?")
    assert res["answer_type"] == "Country"
    assert _countries(res) == expected


def test_keyword_count_said_last_counts_the_filtered_list(engine):
    funded = _funded_by(engine, "IRL")
    african = {c for c in funded if "Region:africa" in _region(engine, c)}
    res = engine.ask("irish funded african countries how many")
    assert res["answer_type"] == "Number"
    assert [a["value"] for a in res["answers"]] == [float(len(african))]
    assert set(res["answers"][0]["counted"]) == {engine.k.label(c) for c in african}  # the rows behind it


def test_singular_counted_noun_in_a_keyword_query(engine):
    per = funders_per_country(engine.k)
    country = max(per, key=lambda c: len(per[c]))
    name = engine.k.label(country).lower()
    res = engine.ask(f"{name} donor count")
    assert [a["value"] for a in res["answers"]] == [float(len(per[country]))]


def test_regions_counted_in_a_keyword_query(engine):
    funded = _funded_by(engine, "DEU")
    regions = {r for c in funded for r in _region(engine, c)}
    res = engine.ask("germany funding - how many regions")
    assert [a["value"] for a in res["answers"]] == [float(len(regions))]


def test_a_funder_worded_by_a_participle_composes_with_a_ratification(engine):
    funded = {c for c, fs in funders_per_country(engine.k).items() if "Organization:eu" in fs}
    ratified = {f["subject"] for f in engine.k.facts if f["predicate"] == "ratified"
                and f["attrs"].get("status", "registered") == "registered"}  # not one approved, not yet deposited
    expected = funded & ratified
    res = engine.ask("eu backed countries that ratifed convention 102")
    assert _countries(res) == expected


# -- count conditions, comparisons, written name forms -----------------------------------------------
def test_count_condition_reads_number_and_relation_noun_not_labels_or_figures():
    from app.qa.constraints.count_conditions import _CONDITION, _relation_for_noun

    assert _relation_for_noun("funder listed", "Country")[0].name == "fundedBy"
    assert _relation_for_noun("donors", "Country")[1] == "object"
    assert _relation_for_noun("priority countries", "Country") is None  # "50 priority countries": a size
    assert _relation_for_noun("workers", "Country") is None  # a figure, not entities
    m = _CONDITION.search("which countries have two or more donors")
    assert (m.group("n"), m.group("tail")) == ("two", "more")
    assert not _CONDITION.search("reaching more than 3,000 workers")


def _per_region(engine, region: str) -> set[str]:
    return {f["subject"] for f in engine.k.facts if f["predicate"] == "inRegion" and f["object"] == region}


@pytest.mark.parametrize("question, test", [
    ("Which African countries have just one funder listed?", lambda n: n == 1),
    ("african countries with two or more donors", lambda n: n >= 2),
    ("Which countries in Africa are financed by more than three funders?", lambda n: n > 3),
])
def test_count_condition_on_funders(engine, question, test):
    per = funders_per_country(engine.k)
    expected = {c for c in _per_region(engine, "Region:africa") if per.get(c) and test(len(per[c]))}
    res = engine.ask(question)
    assert _countries(res) == expected
    assert any("counted" in p for p in res["path"])  # the path says why each is in


def test_count_of_countries_with_a_single_funder(engine):
    per = funders_per_country(engine.k)
    expected = {c for c in _per_region(engine, "Region:africa") if len(per.get(c, ())) == 1}
    res = engine.ask("how many african countries have a single donor")
    assert [a["value"] for a in res["answers"]] == [float(len(expected))]


def test_versus_compares_two_funders(engine):
    n = {iso: len(_funded_by(engine, iso)) for iso in ("IRL", "FRA")}
    if n["IRL"] == n["FRA"]:
        pytest.skip("a tie")
    res = engine.ask("ireland vs france: who finances more countries")
    assert [a["label"] for a in res["answers"]][:1] == [max(n, key=n.get) == "IRL" and "Ireland" or "France"]


def test_written_forms_of_a_company_name():
    from app.qa.names.name_forms import written_forms

    assert written_forms("Acme S.p.A.") == ["Acme SpA", "Acme"]
    assert written_forms("Global Accelerator") == []


def test_a_result_kind_in_a_keyword_query_qualifies_the_countries(engine):
    from tests.support.engine import result_kinds

    kinds = result_kinds(engine.k, "2024")
    funded = {c for c, fs in funders_per_country(engine.k).items() if "Organization:eu" in fs}
    expected = {c for c in funded if "scheme_reform" in kinds.get(c, ())}
    res = engine.ask("eu funded countries scheme reform 2024")
    assert res["answer_type"] == "Country"  # the "scheme" of "scheme reform" is no head noun
    assert _countries(res) == expected


def test_funders_joined_by_or_are_alternatives(engine):
    either = _funded_by(engine, "JPN") | _funded_by(engine, "AUS")
    both = _funded_by(engine, "JPN") & _funded_by(engine, "AUS")
    assert _countries(engine.ask("which countries are financed by Japan or Australia")) == either
    assert _countries(engine.ask("which countries are financed by both Japan and Australia")) == both
    res = engine.ask("how many countries get Japanese or Australian money")
    assert [a["value"] for a in res["answers"]] == [float(len(either))]


def test_more_funders_than_a_named_country(engine):
    per = funders_per_country(engine.k)
    bar = len(per["Country:LBN"])
    expected = {c for c, fs in per.items() if len(fs) > bar}
    res = engine.ask("Which countries have more funders than Lebanon?")
    assert _countries(res) == expected and "Country:LBN" not in expected


def test_count_condition_ignores_stated_sizes_and_the_asked_things():
    from app.qa.constraints.count_conditions import _names_asked_type

    assert _names_asked_type("briefs to", "Publication")
    assert not _names_asked_type("funder listed", "Country")


def test_a_count_of_pages_said_before_how_many(engine):
    expected = _funded_by(engine, "PRT")
    res = engine.ask("Of the country write-ups, how many name Portugal among the funders?")
    assert [a["value"] for a in res["answers"]] == [float(len(expected))]
    assert set(res["answers"][0]["counted"]) == {engine.k.label(c) for c in expected}


def test_a_count_never_answers_with_a_list():
    from app.qa.figures.counted_list import as_count, needs_count

    rows = [{"label": "A", "iri": "x:a", "type": "Country", "evidence": []},
            {"label": "B", "iri": "x:b", "type": "Country", "evidence": []}]
    assert needs_count("Number", "graph", rows) and not needs_count("Country", "graph", rows)
    c = as_count(rows)
    assert (c["value"], c["counted"], c["type"]) == (2.0, ["A", "B"], "Number")
