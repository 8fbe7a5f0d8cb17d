"""A table's row is named as a reader names it (app/qa/names/row_names.py, app/qa/figures/tables.py): without its
numbering ("Step 3: Improving operations"), by the gloss in its parentheses ("higher benefit
levels", "SOCPRO") or by the words before a qualifying tail (", incl. ..."); "HQ" names
headquarters; a "Total" column is named by "total"; a year range that dates one column of a table
("2021-2024") names that column; "achieve" and "achieved" are one word.

Expected figures come from the graph's table cells in Python (never typed here); the questions
are written here, several wordings per mechanism.
"""
from __future__ import annotations

import pytest

from app.qa.names.row_names import forms
from app.qa.figures.tables import addresses_cell


def test_forms_strip_numbering_glosses_and_tails():
    assert "Improving operations" in forms("Step 3: Improving operations")
    f = forms("Increased adequacy (higher benefit levels) > Social assistance")
    assert "Increased adequacy > Social assistance" in f and "higher benefit levels > Social assistance" in f
    assert forms("Regional office (ROAP)")[-1] == "ROAP"
    assert "Raised before May 2020 and kept" in forms("Raised before May 2020 and kept, incl. US$3 million of core funds")
    # a date or a lone qualifier in parentheses names nothing by itself
    assert "2021 – 2023" not in forms("Mobilized during the phase (2021 – 2023)")
    assert "estimated" not in forms("Resources required (estimated)")
    assert forms("2021") == ["2021"]
    # "and" opening a participle clause is a qualifying tail; "and" between two nouns is the name
    assert "Gathered before 1 May 2020" in forms("Gathered before 1 May 2020 and partly covering phase two, incl. core funds")
    assert "Gathered before 1 May 2020" in forms("Gathered before 1 May 2020 and covering phase two")
    assert forms("Regional and country teams") == ["Regional and country teams"]


def test_a_range_dating_a_column_is_one_column_not_a_sum():
    dated = {frozenset({"2021-2024"})}
    assert addresses_cell("how many results were achieved over 2021-2024", "Number", dated)
    assert not addresses_cell("how many results were achieved over 2021-2024", "Number", set())
    assert not addresses_cell("new projects 2021 to 2023", "Number", dated)


def _cell(engine, row_start: str, col_start: str) -> float:
    hits = [c for c in engine.tables.cells if c.row.startswith(row_start) and ">" not in c.row[len(row_start):]
            and c.col.startswith(col_start)]
    assert len(hits) == 1, (row_start, col_start, hits)
    return hits[0].value


def _value(res) -> float | None:
    nums = [a for a in res["answers"] if a.get("value") is not None]
    return nums[0]["value"] if len(res["answers"]) == 1 and nums else None


@pytest.mark.parametrize("question,row,col", [
    ("how many people got higher benefit levels in 2024", "Increased adequacy (higher benefit levels)", "Number of persons"),
    ("number of persons with more life cycle risks covered in 2024", "Increased comprehensives (more life cycle risks covered)",
     "Number of persons"),
    ("how many improving operations results did the programme achieve in 2024", "Step 3", "Results achieved in 2024"),
    ("How many scheme design or law results were achieved over 2021-2024?", "Step 2", "Total results achieved in 2021-2024"),
    ("How many improving-operations results were achieved in total over 2021-2024?", "Step 3", "Total results achieved in 2021-2024"),
    ("ilo hq staff regular budget", "ILO Headquarters", "Regular budget"),
    ("technical cooperation staff at hq", "ILO Headquarters", "Technical cooperation"),
    ("total staff working on social protection at ilo headquarters", "ILO Headquarters", "Total"),
    ("total staff in regional and country teams", "Regional and country teams", "Total"),
    ("What is the Flagship Programme's ambition for effective coverage extension over 2021-25?", "Effective coverage (extension)",
     "Flagship Programme ambition"),
    ("How much had been mobilized before 1 August 2021?", "Mobilized before", "value"),
    ("amount mobilized before 1 august 2021", "Mobilized before", "value"),
])
def test_a_row_named_as_a_reader_names_it_addresses_its_cell(engine, question, row, col):
    res = engine.ask(question)
    assert res["strategy"] == "graph-table", res["path"]
    assert _value(res) == _cell(engine, row, col)


def test_a_range_over_year_rows_is_still_a_sum(engine):
    per_year = [c for c in engine.tables.cells if c.row.strip().isdigit() and c.col.startswith("Number of new projects")]
    assert len(per_year) >= 3
    res = engine.ask("total new projects 2021 to 2024")
    assert _value(res) == sum(c.value for c in per_year if 2021 <= int(c.row) <= 2024)


@pytest.mark.parametrize("question", [
    "what kind of scheme did the Ministry of Public Health establish in Madagascar?",
    "In Madagascar, what type of scheme was set up for informal economy workers in one region?",
])
def test_kinds_of_another_noun_are_not_a_results_table_kinds(engine, question):
    res = engine.ask(question)
    marked_cols = {c.col for c in engine.tables.cells if c.unit == "marked"}
    labels = {a["label"] for a in res["answers"]}
    assert not any(label in col for label in labels for col in marked_cols), labels
