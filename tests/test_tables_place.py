"""A programme-wide table cell is no figure of a named country (app/qa/figures/tables_place.py).

Pure checks on made-up cells; engine checks that a figure asked of a country is not a cell of a
table that never names it (cells read from the build), while a country row of a results table and
a table figure asked of no country still answer.  Questions written here."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.qa.figures.tables_place import about_named


@dataclass
class _Cell:
    table: str
    row: str
    col: str


def _names(c):
    return {"Country:LAO": ["Lao PDR", "Laos"], "Country:NGA": ["Nigeria"]}[c]


def test_a_table_that_never_names_the_country_is_not_about_it():
    cell = _Cell("Table 1: Impacts on people", "Effective coverage", "Number of persons")
    assert not about_named(cell, ["Country:LAO"], _names)
    assert about_named(cell, [], _names)


def test_a_country_row_is_about_it():
    assert about_named(_Cell("Table 4: Results", "Africa > Nigeria", "Result 3"), ["Country:NGA"], _names)


@pytest.mark.parametrize("question", [
    "How many people in Laos have effective health coverage according to the report?",
    "lao health insurance efective coverage peple",
    "effective coverage in Lao PDR - how many people?",
])
def test_country_figure_is_not_a_programme_cell(engine, question):
    res = engine.ask(question)
    assert res["strategy"] != "graph-table", res["path"]
    for a in res["answers"]:  # a figure read where the report writes of the country, if any
        assert any("Lao" in e.get("text", "") for e in a.get("evidence", [])), a


def test_a_programme_figure_asked_of_no_country_still_answers(engine):
    res = engine.ask("How many people got legal coverage extension in 2024?")
    assert res["strategy"] == "graph-table"


def test_a_table_asked_for_outright_keeps_its_cell(engine):
    """A country beside a question that asks a table outright does not veto its cell."""
    res = engine.ask("Swaziland and the rest of the Flagship: how much money was mobilized in 2024 according to the funding gap table?")
    assert res["strategy"] == "graph-table"
