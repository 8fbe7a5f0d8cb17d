"""Arithmetic over a table whose rows are years (a time series), whether or not the question
names the table.

"year most new projects approved", "in which year was the most funding approved", "total number
of new projects 2021 to 2024", "by how much did the number of new projects fall from 2023 to
2024", "in which years were more than 15 new projects approved": the column is named by its words (weighted by rarity, as every table cell is matched in
:class:`app.qa.figures.tables.TableLookup`), the rows are the years, and the operation is read from
ordinary English: a superlative ranks the rows, "total"/"altogether" adds the rows of the range,
"by how much ... from Y1 to Y2" (or "change/difference between Y1 and Y2") subtracts two rows.
Every answer keeps the cells it used.  Ordinary English only; the years and figures come from the
graph's table cells.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.figures import thresholds
from app.qa.figures.ordinal import ordinal_word, select

_YEAR = re.compile(r"^\s*((?:19|20)\d\d)\s*$")
_YEARS_IN = re.compile(r"\b(?:19|20)\d\d\b")
SUPERLATIVE = re.compile(r"\b(most|largest|highest|biggest|greatest|peak|lowest|smallest|fewest|(?<!at )least)\b", re.I)
_DOWN = re.compile(r"\b(lowest|smallest|fewest|(?<!at )least)\b", re.I)
YEAR_ASKED = re.compile(r"\b(?:which|what|in what)\s+year\b|^\s*year\b|\byear\s+(?:with|had|saw|of)\b|\bwhen\b", re.I)
ADDED_UP = re.compile(r"\b(?:add(?:s|ed|ing)?\s+(?:\w+\s+){0,8}?up|added\s+together|summ(?:ed|ing)|sum\s+of)\b", re.I)
TOTAL = re.compile(r"\b(?:total|sum|altogether|in all|combined|overall|cumulative|all together)\b", re.I)
CHANGE = re.compile(r"\bby how (?:much|many)\b|\bhow (?:much|many) (?:more|fewer|less)\b|\b(?:difference|change|"
                    r"increase|decrease|drop|decline|fall|rise|growth|gap) (?:between|from)\b", re.I)
# "more new projects in 2021 or in 2024", "did 2022 see less funding than 2023"
COMPARED = re.compile(r"\b(?:more|fewer|less|larger|bigger|higher|greater|smaller|lower)\b", re.I)
_FEWER = re.compile(r"\b(?:fewer|less|smaller|lower)\b", re.I)
MIN_COLUMN_COVER = 0.6  # share of a column heading's weighted words the question must say


@dataclass
class SeriesAnswer:
    label: str
    kind: str  # Year | Number
    value: float
    why: str
    cells: list  # the app.qa.figures.tables.Cell objects used
    labels: tuple[str, ...] = ()  # every year a threshold lets through ("more than 15 projects"), when several


def _series(cells) -> dict[tuple[str, str], dict[int, object]]:
    """(table, column) -> {year: cell} for every column whose rows are years (at least three)."""
    out: dict[tuple[str, str], dict[int, object]] = {}
    for c in cells:
        m = _YEAR.match(c.row)
        if m and c.unit != "marked":
            out.setdefault((c.table, c.col), {})[int(m.group(1))] = c
    return {k: v for k, v in out.items() if len(v) >= 3}


# The words a superlative ranks by: "the largest number of new projects", "the most new funding".
RANKED_BY = re.compile(r"\b(?:most|largest|highest|biggest|greatest|fewest|smallest|lowest|least)\s+"
                       r"((?:[A-Za-z$-]+\s+){0,5}?[A-Za-z$-]+)"
                       r"(?=\s*(?:[?,.;]|$|\b(?:in|between|during|over|of all|among|across|from|since)\b))", re.I)


def ranked_by(question: str) -> str:
    """What the question's superlatives rank by ("Looking at the table of new projects and funding
    approved, which year had the largest *number of new projects*"): those words name the column
    before the rest of the question's words do."""
    return " ".join(m.group(1) for m in RANKED_BY.finditer(question))


def _named_column(question_terms: set[str], series, cover, terms, ranked: set[str] = frozenset()
                  ) -> tuple[str, str] | None:
    """The one time-series column the question names best: the one sharing most of the words the
    superlative ranks by (``ranked``), then most of the question's words ("the largest amount of
    funding approved for new projects" is the funding column, not the projects column that shares
    only "new projects"), then the best covered; it must be named mostly, and clearly better than
    any other."""
    scored = sorted((((len(ranked & set(terms(key[1]))), len(question_terms & set(terms(key[1]))),
                       cover(question_terms, key[1])), key)
                     for key in series if cover(question_terms, key[1]) >= MIN_COLUMN_COVER), key=lambda x: x[0], reverse=True)
    if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]


def answer(question: str, answer_type: str, cells, question_terms: set[str], cover, terms,
           rank: int = 1) -> SeriesAnswer | None:
    """The figure or year a time-series question asks for, or None (see the module docstring).

    ``cover(terms, label)``: the weighted share of ``label``'s words among ``terms``; ``terms(text)``:
    a label's words as the table matcher reads them; ``rank``: the rank a superlative asks below
    the top ("the second-largest", see :mod:`app.qa.figures.ordinal`)."""
    series = _series(cells)
    if not series:
        return None
    key = _named_column(question_terms, series, cover, terms, terms(ranked_by(question)))
    if key is None:
        return None
    rows = series[key]
    years = [int(y) for y in _YEARS_IN.findall(question)]
    if SUPERLATIVE.search(question) and (answer_type == "Year" or YEAR_ASKED.search(question)):
        low = bool(_DOWN.search(question))
        pool = {y: c for y, c in rows.items() if len(years) != 2 or min(years) <= y <= max(years)}
        ordered = sorted(pool.values(), key=lambda c: c.value, reverse=not low)
        chosen = select(ordered, lambda c: c.value, rank)
        if chosen is None:
            return None
        best = chosen[0][0]
        y = int(_YEAR.match(best.row).group(1))
        word = ('lowest' if low else 'highest') if rank == 1 else f"{ordinal_word(rank)} {'lowest' if low else 'highest'}"
        ranked = "" if rank == 1 else "; by rank: " + ", ".join(f"{_YEAR.match(c.row).group(1)} ({c.value:,.0f})"
                                                                for c in ordered)
        return SeriesAnswer(str(y), "Year", float(y), f"{key[0]} — {word} “{key[1]}”: {y} ({best.value:,.0f}){ranked}",
                            [best])
    bar = thresholds.read(question)
    if bar is not None and not bar.percent and (answer_type in ("Year", "Number") or YEAR_ASKED.search(question)):
        # "in which years were more than 15 new projects approved", "how many years saw under $10 million"
        pool = [rows[y] for y in sorted(rows) if len(years) != 2 or min(years) <= y <= max(years)]
        hits = thresholds.meeting(pool, lambda c: c.value, bar)
        listed = ", ".join(f"{_YEAR.match(c.row).group(1)} ({c.value:,.0f})" for c in pool)
        why = f"{key[0]} — “{key[1]}” {bar.said}: " + (", ".join(_YEAR.match(c.row).group(1) for c in hits) or "none") + \
            f"; every year: {listed}"
        if answer_type == "Number" and not YEAR_ASKED.search(question):
            return SeriesAnswer(str(len(hits)), "Number", float(len(hits)), why, hits or pool[:1])
        if not hits:
            return None
        labels = tuple(_YEAR.match(c.row).group(1) for c in hits)
        return SeriesAnswer(labels[0], "Year", float(labels[0]), why, hits, labels)
    if COMPARED.search(question) and len(years) == 2 and all(y in rows for y in years) and \
            (answer_type == "Year" or re.search(r"\bor\b|\bvs\.?\b|\bversus\b", question, re.I)):
        # "were more new projects approved in 2021 or in 2024": the two rows compared, the year answers
        a, b = rows[years[0]], rows[years[1]]
        if a.value == b.value:
            return None
        low = bool(_FEWER.search(question))
        win = min((a, b), key=lambda c: c.value) if low else max((a, b), key=lambda c: c.value)
        y = int(_YEAR.match(win.row).group(1))
        return SeriesAnswer(str(y), "Year", float(y), f"{key[0]} — “{key[1]}” compared: {years[0]} ({a.value:,.0f}) "
                            f"against {years[1]} ({b.value:,.0f}): {'fewer' if low else 'more'} in {y}", [a, b])
    if answer_type != "Number":
        return None
    if CHANGE.search(question) and len(years) == 2 and all(y in rows for y in years):
        a, b = rows[years[0]], rows[years[1]]
        diff = b.value - a.value
        return SeriesAnswer(_fmt(abs(diff)), "Number", abs(diff),
                            f"{key[0]} — “{key[1]}”: {years[1]} ({b.value:,.0f}) − {years[0]} ({a.value:,.0f}) = {diff:,.0f}",
                            [a, b])
    # "the total in each year" asks the years one by one; adding them up ("if you add up the amount
    # approved in each year ..., what is the total") sums them whatever "each" says
    added = ADDED_UP.search(question)
    if (TOTAL.search(question) or added) and (added or not re.search(r"\b(each|per)\b", question, re.I)):
        lo, hi = (min(years), max(years)) if len(years) == 2 else (min(rows), max(rows))
        used = [rows[y] for y in sorted(rows) if lo <= y <= hi]
        if len(used) < 2:
            return None
        total = sum(c.value for c in used)
        return SeriesAnswer(_fmt(total), "Number", total, f"{key[0]} — “{key[1]}” over " +
                            ", ".join(f"{_YEAR.match(c.row).group(1)} ({c.value:,.0f})" for c in used) +
                            f" = {_fmt(total)}", used)
    return None


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"
