"""Rankings asked below the top (app/qa/figures/ordinal.py): "the second most", "third-largest", "after X,
which ... the most", across the rankers that use it (registry aggregates, regions, year rows of a
table), and comparisons of two year rows ("more new projects in 2021 or in 2024?").

Expected answers are computed in Python from the knowledge base's facts and the table cells, not
by the engine's SPARQL; the questions are written here, several wordings per mechanism.
"""
from __future__ import annotations

from collections import Counter

import pytest

from app.qa.figures import ordinal
from tests.support.engine import funders_per_country


def _labels(res) -> list[str]:
    return [a["label"] for a in res["answers"]]


def _competition_rank(counter: Counter, rank: int) -> set[str]:
    """The keys at ``rank`` (ties share a rank; the next rank skips past them)."""
    ordered = counter.most_common()
    pos = 0
    while pos < len(ordered):
        tied = [k for k, v in ordered if v == ordered[pos][1]]
        if pos < rank <= pos + len(tied):
            return set(tied)
        pos += len(tied)
    return set()


def _countries_per_funder(k) -> Counter:
    n: Counter = Counter()
    for f in k.facts:
        if f["predicate"] == "fundedBy" and f["subject"].startswith("Country:"):
            n[f["object"]] += 1
    return n


def test_read_takes_the_ordinal_out_and_keeps_the_superlative():
    for q, rank, rest in [("Which funder supports the second most countries?", 2, "Which funder supports the most countries?"),
                          ("year with the second-largest funding", 2, "year with the largest funding"),
                          ("third biggest donor", 3, "biggest donor"),
                          ("which region has the next highest count", 2, "which region has the highest count")]:
        got = ordinal.read(q)
        assert got is not None and got.rank == rank and got.question == rest and got.after is None
    got = ordinal.read("After the European Union, which funder finances the most countries?")
    assert got.rank == 1 and got.after == "the European Union" and got.question.lower().startswith("which funder")
    got = ordinal.read("which donor funds the most countries after the Netherlands")
    assert got.after == "the Netherlands" and "after" not in got.question
    # no ranking, or "after" bounding years: nothing read
    assert ordinal.read("What happened after the second phase?") is None
    assert ordinal.read("Which year after 2021 had the most projects?") is None
    assert ordinal.read("Who funds the second phase?") is None


def test_select_uses_competition_ranking_with_ties():
    rows = [("a", 11), ("b", 10), ("c", 9), ("d", 9), ("e", 6)]
    val = lambda r: r[1]  # noqa: E731
    assert ordinal.select(rows, val, 2) == ([("b", 10)], ("c", 9))
    assert ordinal.select(rows, val, 3) == ([("c", 9), ("d", 9)], ("e", 6))
    assert ordinal.select(rows, val, 4) == ([("c", 9), ("d", 9)], ("e", 6))
    assert ordinal.select(rows, val, 5) == ([("e", 6)], None)
    assert ordinal.select(rows, val, 6) is None
    assert ordinal.select(rows, val, after=lambda r: r[0] == "c") == ([("e", 6)], None)
    assert ordinal.select(rows, val, after=lambda r: r[0] == "e") is None  # nothing ranks after the last


@pytest.mark.parametrize("question", ["Which funder supports the second most priority countries?",
                                      "second biggest donor by number of countries",
                                      "which organisation finances the 2nd most countries"])
def test_second_most_countries_per_funder(engine, question):
    k = engine.k
    want = {k.label(i) for i in _competition_rank(_countries_per_funder(k), 2)}
    res = engine.ask(question)
    assert set(_labels(res)) == want
    assert "second" in res["answer_text"] and res["strategy"] == "graph-aggregate"


@pytest.mark.parametrize("question", ["After the European Union, which funder supports the most priority countries?",
                                      "which donor funds the most countries after the EU"])
def test_after_a_named_rival_ranks_the_next_group(engine, question):
    k = engine.k
    per = _countries_per_funder(k)
    eu = next(i for i in per if k.label(i) == "European Union")
    lower = Counter({i: n for i, n in per.items() if n < per[eu]})
    want = {k.label(i) for i in _competition_rank(lower, 1)}
    res = engine.ask(question)
    assert set(_labels(res)) == want and "European Union" not in _labels(res)


@pytest.mark.parametrize("question", ["arab states country with the second most funders",
                                      "Which Arab States country has the second-highest number of funders?"])
def test_second_most_funders_within_a_region(engine, question):
    k = engine.k
    arab = next(e["id"] for e in k.entities.values() if e["type"] == "Region" and e["label"] == "Arab States")
    inside = {f["subject"] for f in k.facts if f["predicate"] == "inRegion" and f["object"] == arab}
    per = Counter({c: len(fs) for c, fs in funders_per_country(k).items() if c in inside})
    want = {k.label(i) for i in _competition_rank(per, 2)}
    assert len(want) == 1, "the fixture needs a clear second"
    assert set(_labels(engine.ask(question))) == want


@pytest.mark.parametrize("question", ["which region has the second most priority countries",
                                      "region with the 2nd largest number of priority countries"])
def test_second_region_by_priority_countries(engine, question):
    k = engine.k
    per = Counter(f["object"] for f in k.facts if f["predicate"] == "inRegion" and f["subject"].startswith("Country:")
                  and any(g["predicate"] == "priorityCountryOf" for g in k.facts_where(subject=f["subject"])))
    want = {k.label(i) for i in _competition_rank(per, 2)}
    res = engine.ask(question)
    assert set(_labels(res)) == want and "second" in res["answer_text"]


def _year_column(engine, words: str) -> dict[str, float]:
    cells = [c for c in engine.tables.cells if words in c.col.lower() and c.row.strip().isdigit()]
    return {c.row.strip(): c.value for c in cells}


@pytest.mark.parametrize("question,col,rank", [
    ("Which year had the second-largest amount of new funding approved?", "amount of new funding", 2),
    ("year with second most new projects", "number of new projects", 2),
    ("in which year were the third most new projects approved", "number of new projects", 3)])
def test_year_rows_ranked_below_the_top(engine, question, col, rank):
    rows = _year_column(engine, col)
    assert len(rows) >= 3
    want = sorted(rows, key=rows.get, reverse=True)[rank - 1]
    res = engine.ask(question)
    assert _labels(res) == [want]


@pytest.mark.parametrize("question,col,fewer", [
    ("were more new projects approved in 2021 or in 2024", "number of new projects", False),
    ("Was less new funding approved in 2022 or in 2024?", "amount of new funding", True),
    ("Did 2023 or 2022 have more new projects?", "number of new projects", False)])
def test_two_year_rows_compared(engine, question, col, fewer):
    import re

    rows = _year_column(engine, col)
    a, b = re.findall(r"\b20\d\d\b", question)
    want = (min if fewer else max)((a, b), key=rows.get)
    res = engine.ask(question)
    assert _labels(res) == [want] and res["answer_type"] == "Year"


def _funders_of(k, countries: set[str]) -> Counter:
    n: Counter = Counter()
    for f in k.facts:
        if f["predicate"] == "fundedBy" and f["subject"] in countries:
            n[f["object"]] += 1
    return n


@pytest.mark.parametrize("question,predicate", [
    ("Which funder backs the most Global Accelerator pathfinder countries?", "pathfinderOf"),
    ("which donor funds the most countries with an improving operations result", "achievedResult")])
def test_funders_ranked_over_the_countries_a_condition_describes(engine, question, predicate):
    """The countries counted are the described ones (pathfinders, a result kind), not every country."""
    k = engine.k
    if predicate == "achievedResult":
        countries = {f["subject"] for f in k.facts if f["predicate"] == predicate and "operations" in f["object"].lower()}
    else:
        countries = {f["subject"] for f in k.facts if f["predicate"] == predicate and f["subject"].startswith("Country:")}
    per = _funders_of(k, countries)
    want = {k.label(i) for i in _competition_rank(per, 1)}
    res = engine.ask(question)
    assert set(_labels(res)) == want
    assert res["answers"][0]["value"] == max(per.values())


@pytest.mark.parametrize("question,a,b,fewer", [
    ("japan vs ireland number of countries funded which more", "Japan", "Ireland", False),
    ("portugal vs france number of countries financed - which is more", "Portugal", "France", False),
    ("germany or japan countries funded which has fewer", "Germany", "Japan", True)])
def test_keyword_comparison_with_the_comparative_last(engine, question, a, b, fewer):
    k = engine.k
    per = {k.label(i): n for i, n in _countries_per_funder(k).items()}
    assert per[a] != per[b]
    want = (min if fewer else max)((a, b), key=per.get)
    assert _labels(engine.ask(question)) == [want]
