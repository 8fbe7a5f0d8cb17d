"""Two rows of one table set against each other: "In 2024, did the Flagship Programme extend legal
coverage to more people than effective coverage?" (yes or no), "By how many persons did new
effective coverage in health protection exceed new effective coverage in old-age pensions?" (the
difference).

Each side of the comparison names a row by its words ("legal coverage", "effective coverage in
health protection", which is the row "Health protection" under "Effective coverage"); no one cell
holds the answer, and the other table readings took the first row's figure for it.  The column is
the table's only one, or the one the question dates ("in 2024") or names by its words.  Rows,
columns and figures all come from the graph's table cells; the comparison is read from ordinary
English (an auxiliary that asks yes or no, "more ... than", "exceed", "by how many").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.figures.comparatives import AUX as _AUX, LEAD as _LEAD, LESS as _LESS, MORE as _MORE

_POLAR = re.compile(rf"^\s*{_AUX}\b", re.I)
# "more people than", "a larger number than": the comparative, a few words it qualifies, then "than"
_THAN = re.compile(rf"\b(?P<cmp>{_MORE}|{_LESS})\b(?:\s+[\w'’-]+){{0,12}}?\s+than\b", re.I)
# "by how many persons did A exceed B", "how much more did A ... than B"
_BY_HOW = re.compile(r"\bby\s+how\s+(?:many|much)\b(?:\s+[\w'’-]+){0,2}?\s+(?:did|does|do|was|were|is|are|has|had|have)\b",
                     re.I)
_EXCEED = re.compile(r"\b(?:exceed(?:ed|s)?|surpass(?:ed|es)?|outnumber(?:ed|s)?|top(?:ped|s)?|outstrip(?:ped|s)?)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TOTAL_ROW = re.compile(r"^\s*total\b", re.I)
FULL = 0.99  # a side names a row when it says (nearly) all of the row's weighted words


# a choice between the two rows: "did it extend legal coverage or effective coverage to more people?"
_CHOICE_POLAR = re.compile(rf"^(?P<a>.+?)\s+or\s+(?P<b>.+?)\s+(?:to\s+|for\s+|in\s+)?(?P<cmp>{_MORE}|{_LESS})\b"
                           r"(?:\s+[\w'’-]+){0,4}$", re.I)
# "was more new funding approved in 2022 or in 2024?": the comparative first, then two years offered
_CHOICE_YEARS = re.compile(rf"^(?P<cmp>{_MORE}|{_LESS})\b.*?\s(?:(?:in|for|during)\s+)?(?P<a>(?:19|20)\d\d)\s+or\s+"
                           r"(?:(?:in|for|during)\s+)?(?P<b>(?:19|20)\d\d)$", re.I)
# "which was larger in 2024, legal coverage or effective coverage?"
_CHOICE_WHICH = re.compile(rf"^which\b[^,:;]*?\b(?P<cmp>{_MORE}|{_LESS})\b[^,:;]*[,:]\s*(?P<a>.+?),?\s+or\s+(?P<b>.+)$", re.I)


@dataclass(frozen=True)
class RowPair:
    polar: bool  # yes/no ("did A ... more than B?"), else the difference ("by how many did A exceed B")
    larger: bool  # is A asked to be the larger?
    first: str  # the words naming row A
    second: str  # the words naming row B
    choice: bool = False  # "A or B": the winning row is the answer, not yes or no


def read(question: str) -> RowPair | None:
    """The two sides of a row comparison, or None for another question."""
    q = " ".join(question.split()).rstrip(" ?.!")
    by_how = _BY_HOW.search(q)
    if by_how:
        rest = q[by_how.end():]
        verb = _EXCEED.search(rest) or _THAN.search(rest)
        if verb is None:
            return None
        larger = not (verb.groupdict().get("cmp") and re.fullmatch(_LESS, verb.group("cmp"), re.I))
        return RowPair(False, larger, rest[:verb.start()].strip(), rest[verb.end():].strip())
    clause = _LEAD.sub("", q, count=1)
    chosen = _choice(clause)
    if chosen is not None:
        return chosen
    if not _POLAR.match(clause) or re.search(r"\b(?:which|what|who|how|or)\b", clause, re.I):
        return None
    than = _THAN.search(clause)
    if than is None:
        return None
    larger = re.fullmatch(_MORE, than.group("cmp"), re.I) is not None
    # (side A runs up to "than": "more new projects approved in 2023 than in 2021" names its row after "more")
    return RowPair(True, larger, clause[_POLAR.match(clause).end():than.end() - len("than")].strip(),
                   clause[than.end():].strip())


def _choice(clause: str) -> RowPair | None:
    """Two rows offered with "or" and a comparative that asks which wins, with no "than"."""
    if re.search(r"\bthan\b", clause, re.I) or len(re.findall(r"\bor\b", clause, re.I)) != 1:
        return None
    m = _CHOICE_WHICH.match(clause)
    if m is None:
        polar = _POLAR.match(clause)
        m = (_CHOICE_POLAR.match(clause[polar.end():].strip()) or _CHOICE_YEARS.match(clause[polar.end():].strip())) \
            if polar else None
    if m is None:
        return None
    larger = re.fullmatch(_MORE, m.group("cmp"), re.I) is not None
    return RowPair(True, larger, m.group("a").strip(), m.group("b").strip(), choice=True)


def _label_words(row: str) -> str:
    """A row's words, its parents' included ("Effective coverage > Health protection")."""
    return row.replace(">", " ")


def _best_row(words: set[str], rows: list[str], cover, terms, side: str = "") -> str | None:
    """The row a side names: all its words said, the most specific such row (most words), alone; in
    a table whose rows are years, the one year the side says ("the amount approved in 2022")."""
    if rows and all(_YEAR.fullmatch(r.strip()) for r in rows):
        said = set(_YEAR.findall(side))
        return next((r for r in rows if r.strip() in said), None) if len(said) == 1 else None
    full = [(len(terms(_label_words(r))), r) for r in rows
            if not _TOTAL_ROW.match(r) and cover(words, _label_words(r)) >= FULL]
    if not full:
        return None
    full.sort(reverse=True)
    if len(full) > 1 and full[0][0] == full[1][0]:
        return None
    return full[0][1]


def _column(question: str, cols: list[str], words: set[str], cover, terms=None) -> str | None:
    """The table's only column, or the one dated by the question's one year, or named by its words:
    all of them, unless another heading shares more of the question's words ("new project funding
    approved" is the "Amount of new funding approved", not the "Number of new projects")."""
    if len(cols) == 1:
        return cols[0]
    years = set(_YEAR.findall(question))
    dated = [c for c in cols if years and set(_YEAR.findall(c)) == years and not re.search(r"\d\s*[-–]\s*\d", c)]
    if len(dated) == 1:
        return dated[0]
    named = [c for c in cols if cover(words, c) >= FULL]
    if named and terms is not None:
        shared = {c: len(words & terms(re.sub(r"\([^)]*\)", " ", c))) for c in cols if cover(words, c) >= 0.5}
        most = max(shared.values())
        widest = [c for c in shared if shared[c] == most]
        if len(widest) == 1:
            return widest[0]
    if named:
        return named[0] if len(named) == 1 else None
    # no heading said whole ("new project funding" for "Amount of new funding approved (in US$)"):
    # the one the question says most of, when it says most of it
    fits = sorted(((cover(words, c), c) for c in cols), reverse=True)
    if fits and fits[0][0] >= 0.5 and (len(fits) == 1 or fits[1][0] < fits[0][0]):
        return fits[0][1]
    return None


@dataclass
class RowPairAnswer:
    first: object  # cell of row A
    second: object  # cell of row B
    table: str
    fit: float


def find(ask: RowPair, question: str, cells, cover, terms) -> RowPairAnswer | None:
    """The two cells compared, from the table whose rows both sides name best; None when no table
    has both rows and one column to read them in, or two tables fit equally and disagree."""
    a_words, b_words, q_words = terms(ask.first), terms(ask.second), terms(question)
    by_table: dict[str, list] = {}
    for c in cells:
        if c.unit != "marked":
            by_table.setdefault(c.table, []).append(c)
    found: list[RowPairAnswer] = []
    for table, cs in by_table.items():
        rows = list(dict.fromkeys(c.row for c in cs))
        cols = list(dict.fromkeys(c.col for c in cs))
        ra, rb = _best_row(a_words, rows, cover, terms, ask.first), _best_row(b_words, rows, cover, terms, ask.second)
        by_year = bool(rows) and all(_YEAR.fullmatch(r.strip()) for r in rows)
        col = _column("" if by_year else question, cols, q_words, cover, terms)
        if ra is None or rb is None or ra == rb or col is None:
            continue
        ca = next((c for c in cs if c.row == ra and c.col == col), None)
        cb = next((c for c in cs if c.row == rb and c.col == col), None)
        if ca is None or cb is None:
            continue
        found.append(RowPairAnswer(ca, cb, table, cover(q_words, table)))
    if not found:
        return None
    found.sort(key=lambda f: (-f.fit, f.table))  # (ties by the table's caption: the same answer from every store)
    best = found[0]
    rival = [f for f in found[1:] if f.fit == best.fit]
    if any((f.first.value > f.second.value) != (best.first.value > best.second.value) for f in rival):
        return None
    return best


def why(ask: RowPair, got: RowPairAnswer) -> str:
    """The two cells behind the verdict or the difference, as the path and the summary say them."""
    a, b = got.first, got.second
    if ask.polar:
        return (f"{got.table} — column “{a.col}”: “{a.row}” {a.value:,.0f} vs “{b.row}” {b.value:,.0f} "
                f"(difference {a.value - b.value:+,.0f})")
    return f"{got.table} — column “{a.col}”: “{a.row}” ({a.value:,.0f}) − “{b.row}” ({b.value:,.0f}) = {a.value - b.value:,.0f}"
