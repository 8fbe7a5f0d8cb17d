"""Top-N rankings and region rankings that include empty regions.  Expected rows are computed here
from the knowledge base's facts; the questions are written here, several wordings per mechanism."""
from __future__ import annotations

from collections import Counter

import pytest

from app.qa.figures import top_n


@pytest.mark.parametrize("question,n", [
    ("top 3 regions money new projects 2024", 3),
    ("Which five countries have the most funders?", 5),
    ("the 3 largest donors", 3),
    ("Name the two regions with the largest shares of new project money", 2),
    ("Which of the three result types was achieved by the most countries?", None),
    ("Of the five regions, which one has the most pathfinder countries?", None),
    ("Which country has the most funders?", None),
    ("top 2024 results", None),
])
def test_the_cut_a_question_asks_for(question, n):
    assert top_n.asked(question) == n


def test_a_cut_keeps_the_rows_tied_with_the_last():
    rows = [("a", 5), ("b", 4), ("c", 4), ("d", 3)]
    assert top_n.first(rows, 2, lambda r: r[1]) == (rows[:3], rows[3])
    assert top_n.first(rows, 1, lambda r: r[1]) == (rows[:1], rows[1])
    assert top_n.first(rows, 9, lambda r: r[1]) == (rows, None)


def _funders_per_country(k) -> Counter:
    return Counter(f["subject"] for f in k.facts if f["predicate"] == "fundedBy" and f["subject"].startswith("Country:"))


@pytest.mark.parametrize("question,n", [
    ("Which five countries have the most funders?", 5),
    ("top 3 countries by number of funders", 3),
    ("Name the two countries with the largest number of funders", 2),
])
def test_top_n_countries_by_funders(engine, question, n):
    counts = _funders_per_country(engine.k)
    ranked = sorted(counts.values(), reverse=True)
    cut = ranked[n - 1]
    want = {c for c, v in counts.items() if v >= cut}
    r = engine.ask(question)
    got = {"Country:" + a["iso3"] for a in r["answers"] if a.get("iso3")}
    assert got == want, (question, r["path"])
    assert any("top" in p for p in r["path"])  # the ranking it was cut from is shown


@pytest.mark.parametrize("question", [
    "Across all regions, which one counts the fewest countries financed by the EU?",
    "Which region has the fewest countries funded by the European Union?",
    "Among the regions, which has the fewest EU-funded countries?",
])
def test_fewest_includes_regions_with_none(engine, question):
    funded = {f["subject"] for f in engine.k.facts if f["predicate"] == "fundedBy" and f["object"] == "Organization:eu"}
    region_of = {f["subject"]: f["object"] for f in engine.k.facts if f["predicate"] == "inRegion"}
    per = Counter(region_of[c] for c in funded if c in region_of)
    every = set(region_of.values())
    low = min(per.get(r, 0) for r in every)
    want = {engine.k.label(r) for r in every if per.get(r, 0) == low}
    r = engine.ask(question)
    assert {a["label"] for a in r["answers"]} == want, (question, r["path"])
