"""Aggregates over what the report lists and tabulates: counts of listed items, row-wise column
comparisons, a count asked after a named set, dated comparisons between named entities, and a
region word inside a name.

Pure pieces are tested on made-up text and cells; the engine is asked over the bundled report
with questions written here, and the expected answers are computed from the passages, the table
cells and the knowledge base's facts by a different route than the engine's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from app.qa.figures import column_pairs, enumerations
from app.qa.figures.counted_list import asks_count
from app.qa.names.region_in_name import inside_name
from graph import countries
from tests.support.engine import answer_ids, passage_with


# -- pure pieces ---------------------------------------------------------------------------------
def test_enumerations_find_each_list_and_count_distinct_items():
    seg = "Funds went to Ruritania, Freedonia and Elbonia, while Sylvania alone asked, with Latveria."
    spans = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"Ruritania|Freedonia|Elbonia|Sylvania|Latveria", seg)]
    lists = enumerations.enumerations(seg, spans)
    assert [e.keys for e in lists] == [("Ruritania", "Freedonia", "Elbonia")]  # "Sylvania ... with Latveria" is no list
    focus = ["funds", "went"]
    assert enumerations.best_enumeration(seg, lists, focus).size == 3


def test_best_enumeration_follows_the_lead_in_the_question_names():
    seg = "Three joined: Ruritania, Freedonia and Elbonia, while others inquired, including Sylvania and Latveria."
    spans = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"Ruritania|Freedonia|Elbonia|Sylvania|Latveria", seg)]
    lists = enumerations.enumerations(seg, spans)
    assert enumerations.best_enumeration(seg, lists, ["inquired"]).keys == ("Sylvania", "Latveria")


@pytest.mark.parametrize("question, kind", [
    ("In how many countries were resources allocated?", "Country"),
    ("how many statistical bulletins 2024 ilo support countries", "Country"),  # a keyword query reordered
    ("How many partners co-chair the group?", "Organization"),
    ("How many workers in these countries were covered?", None),  # people are counted
    ("How many people benefited?", None),
])
def test_counted_kind(question, kind):
    assert enumerations.counted_kind(question) == kind


@pytest.mark.parametrize("question, surface, expected", [
    ("How many countries' initiatives were showcased at the African Regional Forum?", "African", True),
    ("How many countries did the Connect Asia research cover?", "Asia", True),
    ("Which African priority countries got results?", "African", False),
    ("In Asia, which countries joined?", "Asia", False),
    ("How Many Asian Countries Got Results?", "Asian", False),  # title case: read as lower case
    ("latin america GA pathfinders", "latin america", False),  # a lower-case region names no name
])
def test_region_word_inside_a_name(question, surface, expected):
    i = question.index(surface)
    assert inside_name(question, i, i + len(surface)) is expected


def test_a_count_asked_after_a_named_set():
    assert asks_count("Of the eight States that ratified it, how many are priority countries?")
    assert not asks_count("Of the eight States that ratified it, how many and which ones are priority countries?")
    assert not asks_count("Which States ratified it?")


@dataclass
class _Cell:
    table: str
    table_no: str
    row: str
    col: str
    value: float
    unit: str = "count"
    iri: str = ""
    passage_id: str | None = None


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]+", text)} - {"in", "the", "of", "table", "which", "what"}


def _cover(ts: set[str], label: str) -> float:
    words = _words(re.sub(r"\b(?:19|20)\d\d\b", " ", label))
    return len(ts & words) / len(words) if words else 0.0


_TOY = [_Cell("Table 9: Harvests", "9", row, col, v) for row, col, v in [
    ("Wheat", "Harvest 2020-2023", 50), ("Wheat", "Target 2020-25", 40), ("Wheat", "Harvest in 2023", 5),
    ("Rye", "Harvest 2020-2023", 30), ("Rye", "Target 2020-25", 45), ("Rye", "Harvest in 2023", 9),
    ("Oats", "Harvest 2020-2023", 70), ("Oats", "Target 2020-25", 20), ("Oats", "Harvest in 2023", 12),
    ("Total", "Harvest 2020-2023", 150), ("Total", "Target 2020-25", 105), ("Total", "Harvest in 2023", 26)]]


def _compare(question: str):
    return column_pairs.compare(question, _TOY, "9", _words(question), _cover, _words)


def test_column_pairs_against_a_target_use_the_cumulative_column():
    below = _compare("Which crop in Table 9 has not yet reached its target?")
    assert [r[0] for r in below.rows] == ["Rye"]  # 30 < 45; the Total row is no crop
    margin = _compare("Which crop in Table 9 exceeded its target by the largest margin?")
    assert [r[0] for r in margin.rows] == ["Oats"] and margin.rows[0][1] == 50


def test_column_pairs_need_two_columns_told_apart_by_words():
    # "harvest in 2023" and "harvest 2020-2023" differ only by their dates: no pair is named
    assert _compare("In Table 9, where does the harvest in 2023 exceed the harvest 2020-2023?") is None
    assert _compare("Which crop in Table 9 grew the most?") is None  # no comparison worded


# -- the engine over the bundled report ----------------------------------------------------------
def test_listed_countries_are_counted_with_the_list_as_evidence(engine):
    p, m = passage_with(engine, r"statistical bulletins in ([^.]+)\.")
    expected = len({iso for _, _, _, iso in countries.find_countries(m.group(1))})
    res = engine.ask("For how many countries did the ILO support the development of social protection statistical bulletins in 2024?")
    assert res["answer_type"] == "Number"
    assert [a["label"] for a in res["answers"]] == [str(expected)]
    assert res["answers"][0]["evidence"][0]["passage_id"] == p.id


def test_a_closing_how_many_counts_the_named_set(engine):
    years = {f["subject"] for f in engine.k.facts if f["predicate"] == "ratified"
             and str(f["attrs"].get("year")) == "2023"}
    arab = {f["subject"] for f in engine.k.facts if f["predicate"] == "inRegion"
            and engine.k.label(f["object"]) == "Arab States"}
    res = engine.ask("Of the countries that ratified Convention No. 102 in 2023, how many are in the Arab States?")
    assert res["answer_type"] == "Number"
    assert [a["label"] for a in res["answers"]] == [str(len(years & arab))]
    assert set(res["answers"][0]["counted"]) == {engine.k.label(i) for i in years & arab}


def test_a_table_row_compared_with_its_target(engine):
    cells = [c for c in engine.tables.cells if c.table_no == "3"]
    if not cells:
        pytest.skip("no Table 3 in this report")
    aim = next(c.col for c in cells if re.search(r"ambition", c.col, re.I))
    total = next(c.col for c in cells if re.search(r"2021-2024", c.col) and c.col != aim)
    by_row = {}
    for c in cells:
        by_row.setdefault(c.row, {})[c.col] = c.value
    gaps = {r: v[total] - v[aim] for r, v in by_row.items() if not r.lower().startswith("total")}
    top = max(gaps, key=gaps.get)
    res = engine.ask("table 3: which step beat its 2021-25 ambition by the widest margin")
    assert [a["label"] for a in res["answers"]] == [top]
    assert any("runner" in p or "by row" in p for p in res["path"])


def test_two_named_columns_compared_row_by_row(engine):
    cells = [c for c in engine.tables.cells if c.table_no == "5"]
    if not cells:
        pytest.skip("no Table 5 in this report")
    by_row = {}
    for c in cells:
        by_row.setdefault(c.row, {})[c.col.lower()] = c.value
    expected = {r for r, v in by_row.items() if not r.lower().startswith("total")
                and v.get("technical cooperation", 0) > v.get("regular budget", 0)}
    res = engine.ask("According to Table 5, in which offices is technical cooperation staff more than regular budget staff?")
    assert {a["label"] for a in res["answers"]} == expected


def test_average_per_row_ranks_the_years(engine):
    cells = [c for c in engine.tables.cells if c.table_no == "7"]
    if not cells:
        pytest.skip("no Table 7 in this report")
    per: dict[str, dict[str, float]] = {}
    for c in cells:
        per.setdefault(c.row, {})["money" if c.unit == "USD" else "n"] = c.value
    low = min(per, key=lambda y: per[y]["money"] / per[y]["n"])
    res = engine.ask("In Table 7, which year had the lowest funding per new project?")
    assert [a["label"] for a in res["answers"]] == [low]


def test_dated_comparison_ranks_only_the_named_countries(engine):
    years = {}
    for f in engine.k.facts:
        if f["predicate"] == "ratified" and f["attrs"].get("year"):
            years.setdefault(f["subject"], int(str(f["attrs"]["year"])))
    named = [i for i in ("Country:ALB", "Country:JOR") if i in years]
    if len(named) < 2:
        pytest.skip("the report dates neither ratification")
    res = engine.ask("Which ratified Convention No. 102 more recently, Albania or Jordan?")
    assert answer_ids(engine, res) == {max(named, key=years.get)}
    res = engine.ask("did jordan or albania ratify c102 earlier")
    assert answer_ids(engine, res) == {min(named, key=years.get)}


def test_region_word_in_a_forum_name_is_no_count_filter(engine):
    p, m = passage_with(engine, r"African Regional Forum[^.]*showcased initiatives from ([^.]+?) to extend")
    expected = len({iso for _, _, _, iso in countries.find_countries(m.group(1))})
    res = engine.ask("How many countries had initiatives showcased at the African Regional Forum in Abidjan?")
    assert [a["label"] for a in res["answers"]] == [str(expected)]
