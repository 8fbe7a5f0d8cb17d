"""Figures of a table's rows added up by the rows' own label, or a group's figure less one of its
rows: "table 1 - add up all the health protection rows, how many people in total in 2024?" (the
"Health protection" rows under every type of impact), "Table 1 2024 effective coverage, total
excluding disability benefits" (the "Effective coverage" group less its "Disability benefits" row).

A table of grouped rows repeats a row label under several groups; no cell holds the sum across
them, and the cell readings answered the first group's figure or the table's grand total.  Rows,
groups, columns and figures all come from the graph's table cells; the asking is read from ordinary
English ("add up", "total", "combined"; "excluding", "except", "other than", "minus").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_SUM = re.compile(r"\b(?:add(?:ed|ing)?\s+up|sum(?:med)?|totals?|combined|altogether|in\s+all|together)\b", re.I)
_EXCLUDING = re.compile(r"\b(?:excluding|except(?:\s+for)?|other\s+than|apart\s+from|leaving\s+out|not\s+counting|"
                        r"minus|less)\s+(?:the\s+)?(?P<x>[^,?;.]+)", re.I)
_SET_AGAINST = re.compile(r"\b(?:vs\.?|versus|compared?|than|difference|differ|change[ds]?|increase[ds]?|"
                          r"decrease[ds]?|grow|grew|rose|fell|each|per)\b", re.I)
_TABLE_SAID = re.compile(r"\btables?\b|\brows?\b|\blines?\b", re.I)
FULL = 0.99  # a label is said when (nearly) all of its weighted words are


@dataclass(frozen=True)
class RowSum:
    cells: tuple  # the cells added (or the group's cell first, then the row taken out of it)
    subtract: bool  # the group's figure less the row's
    why: str

    @property
    def value(self) -> float:
        if self.subtract:
            return self.cells[0].value - self.cells[1].value
        return sum(c.value for c in self.cells)


def _leaf(row: str) -> str:
    return row.split(">")[-1].strip()


def _parent(row: str) -> str | None:
    return row.split(">")[0].strip() if ">" in row else None


def _column(question: str, cols: list[str], words: set[str], cover) -> str | None:
    """The table's only column, or the one the question names by its words or its one year."""
    if len(cols) == 1:
        return cols[0]
    named = [c for c in cols if cover(words, c) >= FULL]
    if len(named) == 1:
        return named[0]
    years = set(re.findall(r"\b(?:19|20)\d\d\b", question))
    dated = [c for c in cols if years and set(re.findall(r"\b(?:19|20)\d\d\b", c)) == years]
    return dated[0] if len(dated) == 1 else None


def _year_columns(question: str, cols: list[str]) -> list[str] | None:
    """The columns the question names one by one by their years ("adding together the 2023 and
    2024 figures": "Impacts in 2023", "Impacts in 2024"), or None unless every year names one."""
    years = set(re.findall(r"\b(?:19|20)\d\d\b", question))
    if len(years) < 2:
        return None
    by_year = {y: [c for c in cols if set(re.findall(r"\b(?:19|20)\d\d\b", c)) == {y}] for y in years}
    return [by_year[y][0] for y in sorted(years)] if all(len(v) == 1 for v in by_year.values()) else None


def find(question: str, cells, cover, terms) -> RowSum | None:
    """The rows added (or the group and the row taken out), from the one table that fits."""
    out = re.search(_EXCLUDING, question)
    if not out and not _SUM.search(question):
        return None
    if not out and _SET_AGAINST.search(question):
        return None  # "2023 vs 2024 in total": figures compared, not added
    # Rows added across every group are asked by a word of the table too ("health protection ...
    # total" alone is a sentence's network of members); the groups or years named one by one
    # ("adding legal and effective coverage together") say it themselves.
    table_said = bool(_TABLE_SAID.search(question))
    asked = question[:out.start()] + question[out.end():] if out else question
    q_words, x_words = terms(asked), terms(out.group("x")) if out else set()
    found: list[RowSum] = []
    by_table: dict[str, list] = {}
    for c in cells:
        if c.unit != "marked":
            by_table.setdefault(c.table, []).append(c)
    for table, cs in by_table.items():
        cols = list(dict.fromkeys(c.col for c in cs))
        col = _column(question, cols, q_words, cover)
        dated = _year_columns(question, cols) if col is None and not out else None
        if dated:  # one row's figures added over the years named
            rows = [r for r in dict.fromkeys(c.row for c in cs) if cover(q_words, r) >= FULL]
            if len(rows) == 1:
                added = [next(c for c in cs if c.row == rows[0] and c.col == d) for d in dated
                         if any(c.row == rows[0] and c.col == d for c in cs)]
                if len(added) == len(dated):
                    found.append(RowSum(tuple(added), False, f"{table} — row “{rows[0]}”: " +
                                        " + ".join(f"“{c.col}” ({c.value:,.0f})" for c in added)))
            continue
        if col is None:
            continue
        in_col = [c for c in cs if c.col == col]
        if out:
            for group in {c.row for c in in_col if ">" not in c.row}:
                kids = [c for c in in_col if _parent(c.row) == group and cover(x_words, _leaf(c.row)) >= FULL]
                whole = next(c for c in in_col if c.row == group)
                if len(kids) == 1 and cover(q_words, group) >= FULL:
                    found.append(RowSum((whole, kids[0]), True,
                                        f"{table} — column “{col}”: “{group}” ({whole.value:,.0f}) − "
                                        f"“{kids[0].row}” ({kids[0].value:,.0f})"))
            continue
        leaves: dict[str, list] = {}
        for c in in_col:
            if ">" in c.row:
                leaves.setdefault(_leaf(c.row).lower(), []).append(c)
        for _, rows in leaves.items():
            if len(rows) < 2 or cover(q_words, _leaf(rows[0].row)) < FULL:
                continue
            named = [r for r in rows if cover(q_words, _parent(r.row)) >= FULL]
            if len(named) == 1 or (not named and not table_said):
                continue  # one group named: its one cell, not the rows across groups
            added = named or rows  # "adding legal and effective coverage together": the groups named
            found.append(RowSum(tuple(added), False, f"{table} — column “{col}”: " +
                                " + ".join(f"“{r.row}” ({r.value:,.0f})" for r in added)))
    return found[0] if len(found) == 1 else None
