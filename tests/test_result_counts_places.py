"""Counts of results under a place, results held beside a negated kind, place words that are no
topic, and ties between figures broken by the words said of each (round 15, qagg15).

Expected values come from the knowledge base's ``achievedResult`` and ``inRegion`` facts, or from
sentences invented here; the questions are written here, several wordings per mechanism.
"""
from __future__ import annotations

import pytest

from app.qa.figures import numbers
from app.qa.figures.clause_words import shared, stretch
from app.qa.figures.result_counts import counts_results
from app.qa.constraints.result_negation import results_also_held
from app.qa.names.subregions import in_subregion
from tests.support.engine import result_kinds


def _region_of(k) -> dict[str, str]:
    return {f["subject"]: f["object"] for f in k.facts if f["predicate"] == "inRegion"}


def _count(engine, question: str) -> str:
    r = engine.ask(question)
    assert r["answers"], question
    return r["answers"][0]["label"]


# -- pure pieces ----------------------------------------------------------------------------------
def test_counting_results_is_told_from_listing_them():
    assert counts_results("africa number of Result 3 results 2024")
    assert counts_results("arab states results 2024 count")
    assert counts_results("How many policy results did West African countries record?")
    assert not counts_results("which countries achieved results in 2024")
    assert not counts_results("results of the Flagship Programme in Kenya")


def test_results_held_beside_a_negated_kind():
    assert results_also_held("Which Asia-Pacific countries with a 2024 result did not improve operations?")
    assert results_also_held("Which countries that recorded results had no scheme reform?")
    assert not results_also_held("Which countries did not achieve any result in 2024?")
    assert not results_also_held("Which countries did not improve operations?")


SEG = ("In Freedonia, around 62,000 recipients of cash transfers were enrolled in the health fund, "
       "while digitalisation of the registry has enabled the registration of 9,000 persons with "
       "disabilities in the database of the disability council.")


def test_a_tie_goes_to_the_figure_whose_stretch_the_question_describes():
    assert "9,000" in stretch(SEG, SEG.index("9,000"), SEG.index("9,000") + 5)
    assert "62,000" not in stretch(SEG, SEG.index("9,000"), SEG.index("9,000") + 5)
    q = "How many persons with disabilities did Freedonia register in its disability council's database?"
    assert shared(SEG, SEG.index("9,000"), SEG.index("9,000") + 5, q) > shared(SEG, SEG.index("62,000"), SEG.index("62,000") + 6, q)
    near = lambda w: w.lower() in ("persons", "recipients")  # both figures sit beside a people noun
    assert numbers.pick(SEG, q, near, strict=True).label == "9,000"
    q2 = "freedonia health fund cash transfer recipients enrolled number"
    assert numbers.pick(SEG, q2, lambda w: False, strict=False).label == "62,000"


def test_a_keyword_query_with_no_counted_noun_takes_the_figure_it_describes():
    seg = ("The new law extends coverage to 2 million additional workers and 0.8 million older persons, "
           "and raises benefit levels for 5 million social assistance beneficiaries.")
    pick = lambda q: numbers.pick(seg, q, lambda w: False, strict=False).label
    assert pick("social assistance beneficiaries higher benefit levels number") == "5 million"
    assert pick("older persons covered new law number") == "0.8 million"


# -- the engine -----------------------------------------------------------------------------------
@pytest.mark.parametrize("template,kind", [
    ("{region} number of Result 3 improving operations results 2024", "operations"),
    ("count of 2024 scheme design / law results in {region}", "scheme_reform"),
    ("How many policies and strategies results were recorded in {region} in 2024?", "policies_strategies"),
])
@pytest.mark.parametrize("region,words", [("Region:africa", "Africa"), ("Region:asia-and-the-pacific", "Asia and the Pacific"),
                                          ("Region:arab-states", "the Arab States")])
def test_a_count_of_results_of_one_kind_in_a_region_counts_its_countries(engine, template, kind, region, words):
    kinds = result_kinds(engine.k, "2024")
    regions = _region_of(engine.k)
    want = sum(1 for c, ks in kinds.items() if kind in ks and regions.get(c) == region)
    assert _count(engine, template.format(region=words)) == str(want)


@pytest.mark.parametrize("question,region", [
    ("arab states results 2024 count", "Region:arab-states"),
    ("europe and central asia results 2024 number", "Region:europe-and-central-asia"),
])
def test_a_keyword_count_of_any_results_in_a_region_counts_every_result(engine, question, region):
    """Results, not the countries holding them: a country with two kinds of result counts twice, as
    the table's own totals count them."""
    kinds = result_kinds(engine.k, "2024")
    want = sum(len(ks) for c, ks in kinds.items() if _region_of(engine.k).get(c) == region)
    assert _count(engine, question) == str(want)


def test_without_a_place_the_table_total_stands(engine):
    kinds = result_kinds(engine.k, "2024")
    with_ops = sum(1 for ks in kinds.values() if "operations" in ks)
    assert _count(engine, "number of Result 3 improving operations results 2024") == str(with_ops)


@pytest.mark.parametrize("question", [
    "South Asian priority countries with a 2024 institutional result",
    "which south asian countries achieved results in 2024",
])
def test_a_subregion_word_is_no_topic_that_narrows_the_list(engine, question):
    want = {c for c in result_kinds(engine.k, "2024") if in_subregion(c.split(":")[1], "Southern Asia")}
    assert len(want) > 1
    r = engine.ask(question)
    assert {"Country:" + a["iso3"] for a in r["answers"]} == want


@pytest.mark.parametrize("question,region,kind", [
    ("Which Asia-Pacific countries with a 2024 result did not improve operations?", "Region:asia-and-the-pacific", "operations"),
    ("Which African countries that recorded results in 2024 had no policy or strategy result?", "Region:africa",
     "policies_strategies"),
])
def test_a_negated_kind_among_countries_with_results(engine, question, region, kind):
    kinds = result_kinds(engine.k, "2024")
    want = {c for c, ks in kinds.items() if kind not in ks and _region_of(engine.k).get(c) == region}
    assert want
    r = engine.ask(question)
    assert {"Country:" + a["iso3"] for a in r["answers"]} == want


@pytest.mark.parametrize("question,pick", [
    ("table 1 which type of impact reached the most people", max),
    ("Table 1 impact type with most people 2024", max),
    ("which kind of impact in table 1 reached the fewest people", min),
])
def test_a_type_asked_ranks_a_tables_group_rows_not_their_branches(engine, question, pick):
    cells = [c for c in engine.tables.cells if c.table_no == "1"]
    rows = [c for c in cells if ">" not in c.row and not c.row.lower().startswith("total")]
    assert any(">" in c.row for c in cells)  # the table has branches
    want = pick(rows, key=lambda c: c.value).row
    r = engine.ask(question)
    assert r["answers"][0]["label"] == want


@pytest.mark.parametrize("question", [
    "Which people-impact categories have already gone past their 2021-25 Flagship Programme ambition?",
    "which impact types have gone beyond the programme's ambition so far",
])
def test_going_past_an_ambition_is_exceeding_it(engine, question):
    """'gone past', 'gone beyond' read as 'exceeded': the same rows as the plain wording, which
    compares the table's cumulative column with its ambition column."""
    plain = engine.ask("In Table 2, which impacts exceeded the 2021-25 ambition?")
    assert plain["answers"]
    assert {x["label"] for x in engine.ask(question)["answers"]} == {x["label"] for x in plain["answers"]}


def _written_ranking(engine, question: str) -> list[str]:
    r = engine.ask(question)
    why = next((p for p in r["path"] if p.startswith("ranked by the figures the report writes: ")), None)
    assert why, r["path"]
    return [item.rsplit(":", 1)[0].strip() for item in why.split(": ", 1)[1].split("; ")]


@pytest.mark.parametrize("question,n", [
    ("Which three regions received the largest shares of allocations for new projects in 2024?", 3),  # plural "shares"
    ("top 3 regions money new projects 2024", 3),  # money ranked by the shares the report writes of it
    ("which two regions got the most new project money in 2024", 2),
])
def test_top_n_of_a_written_list_of_shares(engine, question, n):
    ranking = _written_ranking(engine, "which region got the largest share of new project money in 2024?")
    assert len(ranking) > n
    assert [x["label"] for x in engine.ask(question)["answers"]] == ranking[:n]
