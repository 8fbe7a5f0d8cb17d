"""Which of two figures of one table row is the larger: "Legal coverage extension: was it bigger in
2023 or in 2024?", "gtt staff regular budget vs technical cooperation which more".

The two alternatives are columns of one table, named by their years (the only column of the table
dated exactly so) or by their words; the row is the one the question names (a total row when it
names none: "staff ... regular budget vs technical cooperation" compares the totals).  The answer
is the winning column: its year when the columns were told apart by years, else its heading.
Ordinary English comparatives and "or" / "vs"; rows, columns and figures all come from the graph's
table cells.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_MORE = re.compile(r"\b(?:bigger|larger|greater|higher|more|most|largest|biggest|highest)\b", re.I)
_LESS = re.compile(r"\b(?:smaller|lower|less|fewer|least|fewest|smallest|lowest)\b", re.I)
_ALTERNATIVE = re.compile(r"\bor\b|\bvs\.?(?!\w)|\bversus\b|\bcompared (?:with|to)\b", re.I)
_TOTAL_ROW = re.compile(r"^\s*total\b", re.I)


@dataclass
class Choice:
    label: str  # the winning column's year or heading
    kind: str  # Year | Text
    row: str
    winner: object  # the winning cell
    loser: object
    why: str


def sets_side_by_side(question: str) -> bool:
    """Does the question set two things side by side with a comparative ("A vs B which more")?
    Then a type its other words suggest ("cooperation" read as an organisation) does not decide."""
    return bool((_MORE.search(question) or _LESS.search(question)) and _ALTERNATIVE.search(question))


def choose(question: str, cells, q_terms: set[str], cover, year_marks) -> Choice | None:
    """The larger (or smaller) of two cells of one row the question sets side by side, or None.
    ``cover(terms, label)``: the weighted share of a label's words the question says;
    ``year_marks(text)``: the years and year ranges a text names."""
    more, less = _MORE.search(question), _LESS.search(question)
    if not sets_side_by_side(question):
        return None
    asked_years = year_marks(question)
    by_table: dict[str, list] = {}
    for c in cells:
        if c.unit != "marked":
            by_table.setdefault(c.table, []).append(c)
    found = []
    for table, cs in by_table.items():
        cols = list(dict.fromkeys(c.col for c in cs))
        dated = {col: year_marks(col) for col in cols}
        by_year = [col for col in cols if len(dated[col]) == 1 and dated[col] <= asked_years]
        by_year = by_year if len(by_year) == 2 and len({dated[c] for c in by_year}) == 2 else []
        by_words = [col for col in cols if not dated[col] and cover(q_terms, col) >= 0.99]
        pair, kind = (by_year, "Year") if by_year else (by_words, "Text") if len(by_words) == 2 else ([], "")
        if not pair:
            continue
        rows = list(dict.fromkeys(c.row for c in cs))
        named = sorted(((cover(q_terms, r.split(">")[-1]), r) for r in rows if not _TOTAL_ROW.match(r)), reverse=True)
        if named and named[0][0] >= 0.6 and (len(named) < 2 or named[1][0] < named[0][0]):
            row = named[0][1]
        else:
            totals = [r for r in rows if _TOTAL_ROW.match(r)]
            if len(totals) != 1 or (named and named[0][0] > 0):
                continue  # no row named, and no one total row to stand for the whole table
            row = totals[0]
        grid = {c.col: c for c in cs if c.row == row}
        if not all(col in grid for col in pair):
            continue
        found.append((cover(q_terms, table), table, row, pair, kind, grid))
    if len(found) != 1:
        return None  # no table, or several, hold such a pair: not addressed precisely enough
    _, table, row, pair, kind, grid = found[0]
    a, b = grid[pair[0]], grid[pair[1]]
    if a.value == b.value:
        return None
    bigger = less is None or (more is not None and more.start() < less.start())
    win, lose = (a, b) if (a.value > b.value) == bigger else (b, a)
    label = next(iter(year_marks(win.col))) if kind == "Year" else win.col
    if not label.isdigit():
        kind = "Text"  # a column dated by a range ("Impacts 2021-22"): the range is said, not one year
    return Choice(label, kind, row, win, lose,
                  f"{table} — row “{row.split('>')[-1].strip()}”: “{win.col}” {win.value:,.0f} "
                  f"{'>' if win.value > lose.value else '<'} “{lose.col}” {lose.value:,.0f}")
