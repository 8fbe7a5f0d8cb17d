"""Row-wise comparisons of two columns of one table: which rows have one figure above the other,
by how much, or their ratio.

"Which type of impact in Table 2 has not yet reached its 2021-25 ambition?", "which step exceeded
its ambition by the largest margin", "where do regular budget staff outnumber technical
cooperation staff", "which year had the smallest average funding per new project": every one
compares, row by row, two columns the question names (by their words), or a target column
("ambition", "target", "goal") and the achievement it is measured against (the table's widest-
dated other column, the cumulative one).  The operation is read from ordinary English
(comparatives, "short of", "per"); rows, columns and figures all come from the graph's table
cells, so the same question works on another year's tables.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_AIM = re.compile(r"\b(ambitions?|targets?|goals?|aims?|objectives?|aimed\s+(?:for|at)|set\s+out\s+to\s+(?:reach|achieve))\b", re.I)
# Against a target: "has not yet reached its ambition", "exceeded its target by the largest margin"
_BELOW_AIM = re.compile(r"\b(?:not\s+(?:yet\s+)?(?:reach\w*|met|meet\w*|achiev\w*|hit|attain\w*|exceed\w*|surpass\w*)|"
                        r"short\s+of|fall(?:s|en)?\s+short|fell\s+short|below|behind|under|"
                        r"(?:yet\s+)?to\s+(?:reach|meet|hit|achieve))\b", re.I)
_ABOVE_AIM = re.compile(r"\b(?:(?:gone|go(?:es)?|went|got|gotten)\s+(?:past|beyond)|passed|topp(?:ed|ing)|outstrip\w*|exceed\w*|surpass\w*|outperform\w*|beat\w*|beyond|above|overshot|overtook|over(?!\s+(?:the\s+)?(?:(?:19|20)\d\d|period|years?|phase|course|time)\b)|met|reach\w*|"
                        r"achiev\w*|hit)\b", re.I)
# Between two named columns: "where do regular budget staff outnumber technical cooperation staff"
_BELOW = re.compile(r"\b(?:fewer|less|lower|smaller)\s+than\b|\b(?:below|short\s+of|outnumbered)\b", re.I)
_ABOVE = re.compile(r"\b(?:more|greater|higher|larger|bigger)\s+than\b|\b(?:outnumber|outnumbers|exceed\w*|"
                    r"surpass\w*|outperform\w*|above)\b", re.I)
_ASKS_ROW = re.compile(r"\b(?:which|what|where)\b", re.I)
# "what is the total number of people reached through effective coverage, the category measured
# against the 30 million ambition?": a figure asked, the target only describing the row
_ASKS_FIGURE = re.compile(r"\b(?:what|which)\s+(?:is|was|are|were)\s+the\s+(?:\w+\s+)?(?:number|amount|figure|count|sum)\s+of\b", re.I)
_OTHER_ASK = re.compile(r"\b(?:how|who|whom|when|why|whose)\b", re.I)  # a keyword query has neither
_MARGIN = re.compile(r"\b(?:margin|by\s+(?:the\s+)?(?:most|furthest|farthest|largest|widest|biggest|greatest)|"
                     r"furthest|farthest|gap)\b", re.I)
_SUPER = re.compile(r"\b(most|largest|highest|biggest|greatest|widest|lowest|smallest|fewest|least)\b", re.I)
_DOWN = re.compile(r"\b(lowest|smallest|fewest|least)\b", re.I)
# "average funding per new project", "funding per project": the numerator's words, then the denominator's
_PER = re.compile(r"\b(?:average\s+|mean\s+)?((?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:per|for\s+each)\s+((?:[\w'’-]+\s+){0,2}[\w'’-]+)", re.I)
_YEARS = re.compile(r"\b(?:19|20)(\d\d)\b")
# One row's distance from its target: "how far short", "by how much ... exceed", "how many more than"
_HOW_FAR = re.compile(r"\bhow\s+far\b|\bby\s+how\s+(?:much|many|far)\b|\bhow\s+(?:much|many)\s+(?:\w+\s+)?(?:more|less|fewer|short)\b|"
                      r"\b(?:gap|difference|margin|shortfall)\b", re.I)
_TOTAL_ROW = re.compile(r"^\s*total\b", re.I)
_TOTAL_SAID = re.compile(r"\b(?:total|overall|altogether|combined|in all)\b", re.I)
_ROW_YEAR = re.compile(r"^\s*((?:19|20)\d\d)\s*$")
# "Has effective coverage already reached its ambition?": one row tested against the target, yes or no
_POLAR = re.compile(r"^\s*(?:has|have|had|did|does|do|is|are|was|were)\b", re.I)
# A lead-in before the asking clause: "Looking across 2021 to 2024, has the programme reached ...?"
_LEAD = re.compile(r"^\s*[^,?;:]{3,80},\s*(?=(?:has|have|had|did|does|do|is|are|was|were)\b)", re.I)


def _polar(question: str) -> bool:
    """Does the question (after a comma-closed lead-in) open on an auxiliary, close on a "yes/no"
    tag, or is it a keyword query with a question mark ("step 3 total exceeds phase II ambition?"),
    asking yes or no?"""
    return bool(_POLAR.match(_LEAD.sub("", question, count=1)) or _YES_NO_TAG.search(question)
                or (question.rstrip().endswith("?") and not _ASKING.search(question)))


_YES_NO_TAG = re.compile(r"\byes\s*(?:/|or|-)\s*no\b\W*$", re.I)
# (a keyword query with a question mark and no asking word: "step 3 total exceeds phase II ambition?")
_ASKING = re.compile(r"\b(?:which|what|where|who|whom|whose|when|how|why|list|name|is|are|was|were|has|have|had|"
                     r"does|do|did)\b", re.I)


def tests_target(question: str) -> bool:
    """Is this a yes/no question about reaching a target ("Has the programme surpassed its ambition
    for ...?")?  Such a question names a table row, not a list's member, whatever entity it names."""
    return bool(_polar(question) and _AIM.search(question) and not _ASKS_ROW.search(question)
                and (_ABOVE_AIM.search(question) or _BELOW_AIM.search(question)))


@dataclass
class PairAnswer:
    rows: list  # (row label, value of the comparison, cell a, cell b)
    kind: str  # Text | Year | Number | Boolean
    why: str
    held: bool | None = None  # a yes/no question's verdict (kind Boolean)


def _span(col: str) -> int:
    """How many years a column's heading spans ("2021-2024" 4, "in 2024" 1, none 0)."""
    ys = [int("20" + y) for y in _YEARS.findall(col)]
    m = re.search(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)?\d\d)\b", col)
    if m:
        lo, hi = int(m.group(1)), int(m.group(2)) if len(m.group(2)) == 4 else int(m.group(1)[:2] + m.group(2))
        return hi - lo + 1
    return 1 if ys else 0


def _table_cells(cells, table_no: str | None, tables_named) -> dict[str, list]:
    by: dict[str, list] = {}
    for c in cells:
        if c.unit == "marked" or (table_no and c.table_no != table_no):
            continue
        by.setdefault(c.table, []).append(c)
    return {t: cs for t, cs in by.items() if not tables_named or t in tables_named}


def _grid(cs) -> tuple[dict[str, dict[str, object]], list[str]]:
    rows: dict[str, dict[str, object]] = {}
    cols: list[str] = []
    for c in cs:
        rows.setdefault(c.row, {})[c.col] = c
        if c.col not in cols:
            cols.append(c.col)
    return rows, cols


def _columns_named(question: str, cols: list[str], q_terms: set[str], cover) -> list[str]:
    """The columns whose (non-year) words the question says, in the order it says them."""
    named = [c for c in cols if cover(q_terms, c) >= 0.99]
    low = question.lower()

    def first(col: str) -> int:
        pos = [low.find(w) for w in re.findall(r"[a-z]{4,}", col.lower()) if low.find(w) >= 0]
        return min(pos) if pos else len(low)
    return sorted(named, key=first)


def compare(question: str, cells, table_no: str | None, q_terms: set[str], cover, terms) -> PairAnswer | None:
    """The rows a two-column comparison asks for, or None when the question is no such comparison
    (see the module docstring).  ``cover(terms, col)``: the weighted share of a column heading's
    words the question says; ``terms(text)``: words as the table matcher reads them."""
    per = _PER.search(question)
    aim = _AIM.search(question)
    below, above = (_BELOW_AIM.search(question), _ABOVE_AIM.search(question)) if aim else \
        (_BELOW.search(question), _ABOVE.search(question))
    gap = bool(aim and _HOW_FAR.search(question))  # "how far short of its ambition is X": one row's gap
    if not (per or below or above or gap) or not (_ASKS_ROW.search(question) or per or gap or not _OTHER_ASK.search(question)):
        return None
    if _ASKS_FIGURE.search(question) and not (per or gap):
        return None
    best, tie = None, False
    for table, cs in _table_cells(cells, table_no, None).items():
        rows, cols = _grid(cs)
        if len(cols) < 2 or len(rows) < 2:
            continue
        found = _read(question, rows, cols, q_terms, cover, terms, per, aim, below, above)
        if found is None:
            continue
        fit = cover(q_terms, table) + sum(cover(q_terms, r) for r in rows) / len(rows)
        if best is None or fit > best[0]:
            best, tie = (fit, table, found), False
        elif fit == best[0]:
            tie = True
    if best is None or tie:
        return None
    return best[2]


def _read(question, rows, cols, q_terms, cover, terms, per, aim, below, above) -> PairAnswer | None:
    named = _columns_named(question, cols, q_terms, cover)
    table = next(iter(next(iter(rows.values())).values())).table
    if per:
        num, den = _best_cols(cols, set(terms(per.group(1))), cover), _best_cols(cols, set(terms(per.group(2))), cover)
        if len(num) != 1 or len(den) != 1 or num == den:
            return None
        a_col, b_col, op = num[0], den[0], "ratio"
    else:
        aims = [c for c in cols if _AIM.search(c)]
        if aim and len(aims) == 1:
            others = [c for c in cols if c != aims[0] and (_span(c) or not any(_span(x) for x in cols))]
            chosen = [c for c in named if c in others] or others
            if chosen:  # of the achievement columns, the cumulative one (widest dates) is set against a target
                widest = max(_span(c) for c in chosen)
                chosen = [c for c in chosen if _span(c) == widest]
            if len(chosen) != 1:
                return None
            a_col, b_col = chosen[0], aims[0]
        elif len(named) == 2 and _words(named[0]) != _words(named[1]):
            a_col, b_col = named  # (two columns told apart only by their dates are not two named columns)
        else:
            return None
        op = "below" if below and (not above or below.start() < above.start()) else "above"
    out, totals = [], []
    for row, by_col in rows.items():
        if a_col not in by_col or b_col not in by_col:
            continue
        a, b = by_col[a_col], by_col[b_col]
        if op == "ratio":
            if not b.value:
                continue
            item = (row, a.value / b.value, a, b)
        else:
            item = (row, a.value - b.value, a, b)
        (totals if _TOTAL_ROW.match(row) else out).append(item)  # a total row is no row to rank or list
    if len(out) < 2:
        return None
    if aim and op != "ratio" and _polar(question) and not _ASKS_ROW.search(question):
        # "Has the programme surpassed its ambition for total institutional changes?": the row named
        # (a total row when the question says "total") against its target, answered yes or no
        one = _row_named(out + (totals if _TOTAL_SAID.search(question) else []), q_terms, cover) \
            or _row_by_target(out + totals, question) or _lone_total(out, totals, question, q_terms, cover)
        if one is None:
            return None
        r, diff, ca, cb = one
        held = diff < 0 if op == "below" else diff >= 0
        return PairAnswer([(r, diff, ca, cb)], "Boolean", f"{table} — {r.split('>')[-1].strip()}: “{a_col}” "
                          f"{ca.value:,.0f} vs “{b_col}” {cb.value:,.0f} ({diff:+,.0f}): "
                          f"{'below' if diff < 0 else 'at or above'} the target", held)
    if aim and op != "ratio" and _HOW_FAR.search(question):
        # "how far is effective coverage short of its ambition": that row's gap (the total row's too:
        # "by how many did total institutional changes exceed the ambition")
        one = _row_named(out + (totals if _TOTAL_SAID.search(question) else []), q_terms, cover)
        if one is not None:
            r, diff, ca, cb = one
            return PairAnswer([(r, abs(diff), ca, cb)], "Number", f"{table} — {r.split('>')[-1].strip()}: “{a_col}” "
                              f"{ca.value:,.0f} − “{b_col}” {cb.value:,.0f} = {diff:+,.0f} "
                              f"({'short of' if diff < 0 else 'beyond'} the target by {abs(diff):,.0f})")
    years = all(_ROW_YEAR.match(r) for r, *_ in out)
    kind = "Year" if years else "Text"
    if op == "ratio":
        asked_year = [r for r in (m.group(0) for m in re.finditer(r"\b(?:19|20)\d\d\b", question)) if r in rows]
        if _SUPER.search(question):
            pick = (min if _DOWN.search(question) else max)(out, key=lambda x: x[1])
            return PairAnswer([pick], kind, f"{table} — “{a_col}” / “{b_col}” by row: " + _listing(out, ratio=True) +
                              f"; {'lowest' if _DOWN.search(question) else 'highest'}: {pick[0]}")
        if len(asked_year) == 1:
            row = next(x for x in out if x[0] == asked_year[0])
            return PairAnswer([row], "Number", f"{table} — {row[0]}: “{a_col}” {row[2].value:,.0f} / "
                              f"“{b_col}” {row[3].value:,.0f} = {row[1]:,.2f}")
        return None
    if _MARGIN.search(question) or _SUPER.search(question):
        low = op == "below"
        pick = (min if low else max)(out, key=lambda x: x[1])
        if (pick[1] >= 0) == low and pick[1] != 0:
            return None  # "exceeded by the most" when none exceeded: no row answers
        return PairAnswer([pick], kind, f"{table} — “{a_col}” − “{b_col}” by row: " + _listing(out) +
                          f"; {'furthest below' if low else 'furthest above'}: {pick[0]}")
    keep = [x for x in out if (x[1] < 0 if op == "below" else x[1] > 0 if not aim else x[1] >= 0)]
    return PairAnswer(keep, kind, f"{table} — rows where “{a_col}” is {'below' if op == 'below' else 'above'} "
                      f"“{b_col}”: " + (_listing(keep) or "none"))


def _row_named(out: list, q_terms: set[str], cover):
    """The one row the question names (most of its words said, clearly ahead of the others)."""
    scored = sorted(((cover(q_terms, r[0].split(">")[-1]), i) for i, r in enumerate(out)), reverse=True)
    if not scored or scored[0][0] < 0.6 or (len(scored) > 1 and scored[1][0] >= scored[0][0]):
        return None
    return out[scored[0][1]]


def _row_by_target(rows: list, question: str):
    """The one row whose target the question states ("its 60 million-person impact ambition"): the
    figure said is that row's target cell, and no other row's."""
    from app.qa.figures.numbers import spans

    said = {sp.value for sp in spans(question) if sp.value}
    hits = [r for r in rows if r[3].value in said]
    return hits[0] if len(hits) == 1 else None


def _lone_total(out: list, totals: list, question: str, q_terms: set[str], cover):
    """"Had the programme reached its total impact ambition?": the table's one total row, when the
    question says "total" and names none of the other rows."""
    if len(totals) != 1 or not _TOTAL_SAID.search(question) or any(cover(q_terms, r[0].split(">")[-1]) > 0 for r in out):
        return None
    return totals[0]


def _words(col: str) -> set[str]:
    return set(re.findall(r"[a-z]{3,}", re.sub(r"\([^)]*\)|\b(?:19|20)\d\d\b", " ", col.lower())))


def _best_cols(cols: list[str], words: set[str], cover) -> list[str]:
    """The columns a phrase names best ("new project": the projects column, not every "new" one)."""
    scores = {c: cover(words, c) for c in cols}
    top = max(scores.values(), default=0.0)
    return [c for c, v in scores.items() if v == top and v > 0]


def _listing(rows, ratio: bool = False) -> str:
    return "; ".join(f"{r} ({a.value:,.0f} vs {b.value:,.0f}" + (f", {v:,.2f})" if ratio else f", {v:+,.0f})")
                     for r, v, a, b in rows)
