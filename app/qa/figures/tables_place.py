"""A table figure answers a question about a country only when the table speaks of that country.

"How many people in Laos have effective health coverage?" matched the programme-wide impacts
table's "Effective coverage" row (2,572,500 people across every country) by its words, and the
country was ignored: the report's own figure for Laos is in a sentence of its country item.  A
cell whose row, column and caption name none of the countries the question names is no figure of
them, and the cell lookup stands aside for the text step, unless the question asks for a table
outright ("according to the funding gap table").  Tables whose rows are countries (a
results table) are unaffected: their row names the country.

A pure check over the cell's labels and the countries' names.
"""
from __future__ import annotations

import re
from typing import Callable


def about_named(cell, countries: list[str], names: Callable[[str], list[str]], question: str = "") -> bool:
    """Does the cell's table speak of the named countries (or does the question name none, or
    name a table outright: "... according to the funding gap table")?"""
    if not countries or re.search(r"\btables?\b", question, re.I):
        return True
    said = f"{cell.row} {cell.col} {cell.table}".lower()
    return any(re.search(rf"\b{re.escape(n.lower())}\b", said) for c in countries for n in names(c) if len(n) > 2)
