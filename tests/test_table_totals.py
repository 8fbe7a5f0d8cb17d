"""A table figure named by one side (or by the table alone) is the table's total on the other side
(app/qa/figures/table_totals.py).

Pure checks on made-up cells, then engine checks whose expected figures are read from the build's
table cells (the knowledge base's Data Cube observations), never typed: a row named with no
column is the row's "Total" column, a column named with no row is the "Total" row, the caption
alone is the grand total.  The questions are written here, several wordings per shape.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.qa.figures import table_totals
from app.qa.units import terms


@dataclass
class _Cell:
    table: str
    row: str
    col: str
    value: float


_CAPTION = "Table 9: Widgets made by factory"
_CELLS = [_Cell(_CAPTION, r, c, v) for r, c, v in [
    ("North plant", "Blue", 1), ("North plant", "Red", 2), ("North plant", "Total", 3),
    ("South plant", "Blue", 4), ("South plant", "Red", 5), ("South plant", "Total", 9),
    ("Total", "Blue", 5), ("Total", "Red", 7), ("Total", "Total", 12)]]


def _scored(row_named: set[str], col_named: set[str], caption: float):
    return [(0.0, 1.0 if c.row in row_named else 0.0, 1.0 if c.col in col_named else 0.0, caption, c) for c in _CELLS]


def _pick(row_named=(), col_named=(), caption=0.0, table_named=False):
    got = table_totals.default_cell(_scored(set(row_named), set(col_named), caption), terms,
                                    lambda t: set(terms(t)), lambda c: True, table_named)
    return None if got is None else got[4].value


def test_a_named_row_takes_the_total_column():
    assert _pick(row_named={"South plant"}, caption=0.3) == 9
    assert _pick(row_named={"South plant"}, table_named=True) == 9


def test_a_named_column_takes_the_total_row():
    assert _pick(col_named={"Red"}, caption=0.3) == 7


def test_a_side_named_needs_a_word_of_its_table():
    """"Red" alone could be any table's column: the table itself must be named somehow."""
    assert _pick(col_named={"Red"}) is None


def test_total_named_by_total_is_no_other_side():
    """"how many red widgets overall": the Total row is named by "total", the column by "red"."""
    scored = [(0.0, 0.6 if c.row == "Total" else 0.0, 1.0 if c.col == "Red" else 0.0, 0.3, c) for c in _CELLS]
    got = table_totals.default_cell(scored, terms, lambda t: set(terms(t)), lambda c: True)
    assert got is not None and got[4].value == 7


def test_the_caption_alone_is_the_grand_total():
    assert _pick(caption=1.0) == 12
    assert _pick(table_named=True) == 12


def test_nothing_named_is_no_cell():
    assert _pick(caption=0.2) is None


def test_both_sides_named_is_left_to_the_lookup():
    assert _pick(row_named={"South plant"}, col_named={"Red"}) is None


@pytest.mark.parametrize("label, total", [
    ("Total", True), ("Total widgets made", True), ("Total made in 2021-2024", False), ("Blue", False)])
def test_total_lines(label, total):
    assert table_totals.is_total(label, set(terms(_CAPTION)), terms) is total


# -- engine: figures read from the build's own table cells -------------------------------------------

def _staff_table(engine):
    """The build's table whose rows and columns both hold a plain "Total" line, with its cells."""
    by_table: dict[str, list] = {}
    for c in engine.tables.cells:
        by_table.setdefault(c.table, []).append(c)
    for table, cells in by_table.items():
        if any(c.row.strip() == "Total" for c in cells) and any(c.col.strip() == "Total" for c in cells) \
                and "staff" in table.lower():
            return table, cells
    pytest.skip("the build has no staff table with a total row and a total column")


def _value(cells, row, col) -> float:
    return next(c.value for c in cells if c.row == row and c.col == col)


def _answered(engine, question) -> float | None:
    res = engine.ask(question)
    nums = [a.get("value") for a in res["answers"] if a.get("type") == "Number"]
    return nums[0] if len(nums) == 1 else None


@pytest.mark.parametrize("question", [
    "How many ILO staff were working on social protection as of March 2025?",
    "What was the total number of ILO social protection staff in March 2025?",
])
def test_caption_named_question_gets_the_grand_total(engine, question):
    _, cells = _staff_table(engine)
    assert _answered(engine, question) == _value(cells, "Total", "Total")


@pytest.mark.parametrize("question, side, words", [
    ("how many social protection staff does the ILO have in its regional and country teams?", "row", "regional"),
    ("For a staffing review, how many staff work on social protection in the regional and country teams?", "row", "regional"),
    ("ILO headquarters social protection staff", "row", "headquarters"),
    ("How many technical cooperation staff work on social protection at the ILO?", "col", "technical"),
    ("how many ILO social protection staff are funded from the regular budget?", "col", "regular"),
    ("how many technical cooperation staff does the ILO have overall for social protection?", "col", "technical"),
])
def test_a_named_side_gets_its_total(engine, question, side, words):
    """A named row takes the Total column; a named column the Total row."""
    _, cells = _staff_table(engine)
    named = next(getattr(c, side) for c in cells if words in getattr(c, side).lower())
    row, col = (named, "Total") if side == "row" else ("Total", named)
    assert _answered(engine, question) == _value(cells, row, col)


@pytest.mark.parametrize("question", [
    "what share of GTT staff is based outside ILO headquarters",
    "What percentage of ILO social protection staff sit in regional and country teams?",
])
def test_a_share_is_no_total_of_counts(engine, question):
    """A share asked of a table of counts is not its total: the count is never the answer."""
    _, cells = _staff_table(engine)
    res = engine.ask(question)
    assert res["strategy"] != "graph-table"
    assert not {a.get("value") for a in res["answers"]} & {c.value for c in cells if c.col == "Total"}
