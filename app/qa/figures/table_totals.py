"""A table's total stands for the side of a cell the question leaves unnamed.

Readers name a table figure by fewer labels than the table has axes: "how many staff does the ILO
have in its regional and country teams?" names a row of a staff table and no column; "how many
technical cooperation staff?" names a column and no row; "how many ILO staff were working on
social protection as of March 2025?" names only the table (its caption).  In each case the reader
means the table's own total along the axis left unnamed: the "Total" column of the named row, the
"Total" row of the named column, the grand total when only the caption is named.  Without this,
the cell lookup refuses (a row and a column must both be named) and the text step reads a stray
number out of the list of tables.  "Total" or "overall" in the question names the total line
itself, never another row or column ("how many technical cooperation staff overall").

A total line is one whose label is "Total", or "Total" followed only by words of the table's own
caption ("Total institutional changes achieved" in a table of institutional changes): the table's
sum, not a dated or qualified part of it ("Total impacts 2021-2024" beside "Impacts in 2024" is a
period, and is named by its years instead).  Pure functions over the scored cells of
:mod:`app.qa.figures.tables`; nothing here names a table, row or column of the report.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

NAMED = 0.75  # cover at which a row or column counts as named by the question
UNNAMED = 0.5  # below this cover, a side is not named at all
CAPTION_NAMED = 0.75  # caption cover that names a table by its caption alone

_TOTAL = re.compile(r"^\s*total\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def is_total(label: str, caption_terms: set[str], terms: Callable[[str], list[str]]) -> bool:
    """Is ``label`` its table's total line: "Total", or "Total" + words of the caption only, and no year?"""
    if not _TOTAL.match(label) or _YEAR.search(label):
        return False
    rest = set(terms(_TOTAL.sub(" ", label)))
    return rest <= caption_terms


def default_cell(scored: Iterable[tuple], terms: Callable[[str], list[str]],
                 caption_terms: Callable[[str], set[str]], explains: Callable[[object], bool],
                 table_named: bool = False):
    """The scored cell a question names by one side (or by its table alone), with the table's total
    on the unnamed side; None when no table fits so, or when two fit equally.

    ``scored``: ``(score, row_cover, col_cover, caption_cover, cell)`` for every cell;
    ``caption_terms(table)``: the caption's words; ``explains(cell)``: do the cell's labels say most
    of what the question says (always required: a question that says much the table does not is
    about something else)?  ``table_named``: the question names the table by its number.  A side
    named outright needs a word of the caption too."""
    by_table: dict[str, list[tuple]] = {}
    for x in scored:
        by_table.setdefault(x[4].table, []).append(x)
    found = []
    for table, xs in by_table.items():
        cap = caption_terms(table)
        if len({x[4].col for x in xs}) < 2 or len({x[4].row for x in xs}) < 2:
            continue  # a one-column table: the lookup's own rule for it applies
        total_rows = {x[4].row for x in xs if is_total(x[4].row, cap, terms)}
        total_cols = {x[4].col for x in xs if is_total(x[4].col, cap, terms)}
        if len(total_rows) != 1 or len(total_cols) != 1:
            continue
        (t_row,), (t_col,) = total_rows, total_cols
        # a total line named by "total" / "overall" is no other row or column named
        top_row = max((x[1] for x in xs if x[4].row != t_row), default=0.0)
        top_col = max((x[2] for x in xs if x[4].col != t_col), default=0.0)
        captioned = table_named or max(x[3] for x in xs) > 0
        if top_row >= NAMED and top_col < UNNAMED and captioned:  # a row named, no column: the row's total
            rows = {x[4].row for x in xs if x[1] == top_row}
            want = [x for x in xs if x[4].row in rows and x[4].col == t_col]
        elif top_col >= NAMED and top_row < UNNAMED and captioned:  # a column named, no row: the column's total
            cols = {x[4].col for x in xs if x[2] == top_col}
            want = [x for x in xs if x[4].col in cols and x[4].row == t_row]
        elif top_row < UNNAMED and top_col < UNNAMED and (table_named or max(x[3] for x in xs) >= CAPTION_NAMED):
            want = [x for x in xs if x[4].row == t_row and x[4].col == t_col]  # the table alone: its grand total
        else:
            continue
        if len(want) == 1 and explains(want[0][4]):  # the cell's labels say most of what is asked
            found.append(want[0])
    if len(found) != 1:
        return None
    return found[0]
