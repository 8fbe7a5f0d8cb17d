"""Results and figures questions read by their kind (round 18): a keyword query naming a results
table, a region and a result kind asks for the countries (not a 0 in one row's cell); "what did
the programme aim for" asks a table's ambition figure; "the African countries only" scopes the
countries, not the kinds of result; "which of A, B and C ..." picks from the named countries
whatever noun follows.  Expected answers are computed from the build's facts and table cells,
never typed from the report.
"""
from __future__ import annotations

import re

import pytest

from app.qa.constraints.result_sets import _only_named
from app.qa.question import answer_type


def _labels(r) -> set[str]:
    return {a["label"] for a in r["answers"]}


def _with_result(engine, kind: str, region: str | None = None) -> set[str]:
    where = {f["subject"] for f in engine.k.facts_where(predicate="inRegion", obj=region)} if region else None
    return {f["subject"] for f in engine.k.facts_where(predicate="achievedResult")
            if f["attrs"].get("result_type") == kind and (where is None or f["subject"] in where)}


def _results_table_no(engine) -> str:
    """The number of the table whose rows are the countries marked by result type."""
    nos = {c.table_no for c in engine.tables.cells if re.search(r"\bresults?\b", c.table, re.I)
           and re.search(r"polic", c.col, re.I)}
    if len(nos) != 1:
        pytest.skip("no single results-by-type table in this report")
    return nos.pop()


# -- pure pieces -------------------------------------------------------------------------------
@pytest.mark.parametrize("question, expected", [
    ("What did the Flagship Programme aim for?", "Text"),  # the programme is the subject, not asked
    ("What did the scheme cover in 2024?", "Text"),
    ("What did Kenya extend under the new scheme?", "Scheme"),  # a kind noun after the verb still heads
    ("What was the Flagship Programme ambition 2021-25 for improving operations?", "Number"),
    ("What was the programme target for legal coverage?", "Number"),
])
def test_answer_type_of_do_supported_and_target_questions(question, expected):
    assert answer_type(question) == expected


@pytest.mark.parametrize("question, limits_kinds", [
    ("Looking at the African priority countries only, which of them adopted a strategy?", False),
    ("Asian countries only: which had Result 3?", False),
    ("Which countries had only an improving operations result in 2024?", True),
    ("Which had Result 3 and nothing else?", True),
])
def test_only_after_a_set_of_places_scopes_the_places(question, limits_kinds):
    assert _only_named(question) is limits_kinds


# -- the real engine over the real build -------------------------------------------------------------
def test_keyword_query_naming_the_results_table_region_and_kind_lists_the_countries(engine):
    no = _results_table_no(engine)
    asked = 0
    for region in sorted({f["object"] for f in engine.k.facts_where(predicate="inRegion")}):
        want = _with_result(engine, "policies_strategies", region)
        members = {f["subject"] for f in engine.k.facts_where(predicate="inRegion", obj=region)}
        if not want or not (members - want):
            continue  # a region where a row without the mark could answer "0"
        r = engine.ask(f"table {no} {engine.k.label(region).lower()} policies and strategies result")
        assert r["answer_type"] == "Country", r["path"]
        assert _labels(r) == {engine.k.label(i) for i in want}
        asked += 1
    assert asked, "precondition: some region has countries with and without a strategy result"


@pytest.mark.parametrize("question", [
    "What did the Flagship Programme aim for, for 2021-25, in terms of improving operations results?",
    "What was the Flagship Programme ambition 2021-25 for improving operations?",
])
def test_aim_asked_by_a_verb_or_a_noun_is_the_ambition_cell(engine, question):
    cells = [c for c in engine.tables.cells if re.search(r"ambition", c.col, re.I)
             and re.search(r"operations", c.row, re.I)]
    if len(cells) != 1:
        pytest.skip("no single improving-operations ambition cell in this report")
    r = engine.ask(question)
    assert r["answer_type"] == "Number"
    assert [a["value"] for a in r["answers"]] == [cells[0].value]


def test_only_after_the_region_keeps_every_country_of_the_kind(engine):
    africa = next(f["object"] for f in engine.k.facts_where(predicate="inRegion")
                  if engine.k.label(f["object"]) == "Africa")
    want = _with_result(engine, "policies_strategies", africa)
    others = {f["subject"] for f in engine.k.facts_where(predicate="achievedResult")
              if f["attrs"].get("result_type") != "policies_strategies"}
    assert want & others, "precondition: some African strategy country also had another kind of result"
    r = engine.ask("Looking at the African priority countries only, which of them adopted a new national "
                   "social protection policy or strategy in 2024 (result type 1 in the institutional results table)?")
    assert _labels(r) == {engine.k.label(i) for i in want}


def test_which_of_named_countries_picks_from_them_whatever_noun_follows(engine):
    reform = _with_result(engine, "scheme_reform")
    countries = sorted({f["subject"] for f in engine.k.facts_where(predicate="inRegion")})
    yes = [c for c in countries if c in reform][:2]
    no = [c for c in countries if c not in reform and engine.k.facts_where(subject=c, predicate="achievedResult")][:1]
    assert len(yes) == 2 and no
    names = [engine.k.label(i) for i in yes + no]
    r = engine.ask(f"Which of {names[0]}, {names[1]} and {names[2]} chalked up a scheme introduction or reform result?")
    assert r["answer_type"] == "Country"
    assert _labels(r) == {engine.k.label(i) for i in yes}


@pytest.mark.parametrize("typed, fixed", [
    ("how mny people were covered", "how many people were covered"),
    ("how mch funding was approved", "how much funding was approved"),
    ("How mnay countries", "How many countries"),
    ("how old", "how old"),  # a real word after "how" stays
    ("how it works", "how it works"),
])
def test_a_short_slip_of_many_or_much_after_how(engine, typed, fixed):
    assert engine.speller.correct(typed)[0] == fixed
