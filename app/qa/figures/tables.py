"""Figures held in tables, addressed by their row and column (Data Cube observations).

The graph holds every table cell as a ``qb:Observation`` with its row label, column label, value,
unit and the table's caption.  A number question ("table 1 legal coverage old-age pensions number
of persons") is matched against the words of each cell's row, column and caption, weighted by how
rare each word is in the report; a cell answers when both its row and its column are named (or
the question names the table and the cell is the clear best).  "Which year saw the largest number
of new projects (Table 7)" is an argmax over the rows of the best-matching column.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.names import row_names
from app.qa.figures import year_series
from app.qa.figures.ordinal import ordinal_word, select
from app.qa.units import terms as _terms


def terms(text: str) -> list[str]:
    return [_SYNONYMS.get(t) or _SYNONYMS.get(_z_spelling(t), _z_spelling(t)) for t in _terms(text)]


def _z_spelling(t: str) -> str:
    """"mobilised" and "mobilized", "organisation" and "organization": one stem, whichever
    spelling the question and the table chose; "achieve" and "achieved" (stemmed "achiev"), and
    "strategy" and "strategies" (stemmed "strateg"), too; an adverb is its adjective's row word
    ("legally covered": "Legal coverage", "effectively covered": "Effective coverage")."""
    if len(t) > 6 and t.endswith(("ally", "ively", "ully")):
        t = t[:-2]
    if len(t) >= 5 and t.endswith("y") and t[-2] not in "aeiouy":
        return t[:-1]  # "Strategy adopted" is named by "strategies adopted" (stemmed "strateg")
    if len(t) > 5 and t.endswith("e") and t[-2] not in "aeiou":
        t = t[:-1]  # "achieve" / "achiev"; and the verb "mobilise" (no suffix stripped) is "mobilis" ...
    return t[:-2] + "iz" if len(t) > 5 and t.endswith("is") else t  # ... which meets "mobilized" ("mobiliz")

SPARQL_CELLS = """PREFIX fg: <https://w3id.org/floorgraph/ontology#>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?obs ?row ?col ?value ?unit ?ev ?passage WHERE {
  ?obs a qb:Observation ; fg:rowLabel ?row ; fg:columnLabel ?col ; sdmx-measure:obsValue ?value .
  OPTIONAL { ?obs sdmx-attribute:unitMeasure ?unit }
  OPTIONAL { ?obs fg:evidenceText ?ev }
  OPTIONAL { ?obs prov:wasDerivedFrom ?passage }
}"""
# A clause dating the thing asked by an event ("..., before the 2024 resource mobilisation reduced
# it", "i.e. prior to the mid-term evaluation"): it says when, and its words name no row
_WHEN_BY_EVENT = re.compile(r"(?:,\s*|\s+)(?:i\.?e\.?,?\s+|that\s+is,?\s+)?(?:just\s+)?(?:before|after|prior\s+to|ahead\s+of)"
                            r"\s+the\s+[^,;?]+", re.I)
_TABLE_NO = re.compile(r"\btable\s*(\d+)\b", re.I)
TABLE_NAMED = _TABLE_NO  # a question that names its table ("In Table 1, ...")
# The question ranks a table's group rows, not their branches: "which *type* of impact", "impact
# *category* with most people" (a question about a "branch" or a benefit ranks the branches).
# The noun a ranking asks for: "which branch ...", "what step ...", "which type of impact ..." (the
# noun after "type / kind of").
_ASKED_NOUN = re.compile(r"\b(?:which|what)\s+(?:(?:type|kind|sort|category)\s+of\s+)?([a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)", re.I)
# "Of the branches where effective coverage was extended, which one ...": the noun is the partitive's
_PARTITIVE_NOUN = re.compile(r"\b(?:of|among|out\s+of)\s+(?:all\s+)?(?:the|these|those)\s+([a-z][a-z-]+s)\b", re.I)
_WHICH_ONE = re.compile(r"\b(?:which|what)\s+(?:one|of\s+(?:them|these|those))\b", re.I)


def _asked_noun(question: str) -> str | None:
    """The noun a "which ..." question asks for: its own ("which branch"), or the partitive's before
    a bare "which one" ("of the branches where ..., which one")."""
    m = _WHICH_ONE.search(question)
    if m:
        part = [p for p in _PARTITIVE_NOUN.finditer(question) if p.start() < m.start()]
        if part:
            return part[-1].group(1)
    m = _ASKED_NOUN.search(question)
    return m.group(1) if m else None
# A row label numbered by its kind: "Step 1: Strategy adopted", "Result 2", "Pillar 3".
_NUMBERED_ROW = re.compile(r"^\s*([A-Za-z]+)\s+\d+\b")
_GROUP_RANKED = re.compile(r"\b(?:types?|kinds?|categor(?:y|ies))\b(?![^?]{0,40}\bbranch)", re.I)
SUPERLATIVE = re.compile(r"\b(most|largest|highest|biggest|greatest|lowest|smallest|fewest|(?<!at )least)\b", re.I)
_DOWN = re.compile(r"\b(lowest|smallest|fewest|(?<!at )least)\b", re.I)
# Words a question uses for a table's own word (ordinary English, both directions are the same thing).
_SYNONYMS = {"people": "person", "individual": "person", "money": "fund", "amount": "fund", "approv": "approved",
             "altogeth": "total", "overall": "total", "hq": "headquart"}
_IGNORE = set(terms("table tables according per report figure number numbers total how many much what which was "
                    "were is are the in of for 2024 show shows give gives value got get gets"))
# Ordinary English words for a target: a column headed by one of them ("Flagship Programme
# ambition 2021-25") says what a question asking by another ("what did it aim for") asks.
_AIM_TERMS = set(terms("aim aims aimed ambition ambitions goal goals target targets objective objectives"))
_SUM = re.compile(r"\b(plus|combined|added together|add(?:s|ed|ing)? up|summing|together with|sum of|sum\s+(?:up\s+)?(?:the|all|these|those)|(?:counting|taking|taken)\s+[^?.;]{3,80}?\s+together)\b",
                  re.I)
# Two rows set against each other in one column: "by how many persons did legal coverage exceed
# effective coverage", "how many more people got X than Y", "the gap between X and Y".
_ROWS_APART = re.compile(r"\bby how (?:many|much)\b[^?]*\b(?:exceed\w*|outnumber\w*|surpass\w*|outstrip\w*|"
                         r"more than|fewer than|less than|larger than|higher than|greater than|lower than|smaller than)\b|"
                         r"\bhow (?:many|much) (?:more|fewer|less)\b[^?]*\bthan\b|\b(?:difference|gap) between\b", re.I)
SINGLE_COLUMN_CAPTION = 0.3  # caption cover that names a one-column table without its number
MIN_SCORE = 1.6  # row + column (+ caption) coverage a cell needs without a table number
CLEAR_MARGIN = 0.25
PLAIN_COLUMN = 0.75  # a column named only by a common word ("Total"), when the question says that word
# Verbs that only say how a counted thing is held ("staff ... paid from technical cooperation",
# "posts funded by the regular budget"): the column names the source, the verb adds nothing to explain.
_HOW_HELD = frozenset(terms("paid funded financed employed"))
MOST_EXPLAINED = 0.7  # share of the question's words a cell must explain to be addressed by a partly named row
EXPLAINED_WEIGHT = 0.5  # weight of the share of the question's words a cell's labels explain  # lead over any other figure that lets a mostly named row address its cell
_CURRENCY_UNITS = {"USD", "EUR", "CHF", "GBP"}


def _money_words(question: str) -> set[str]:
    """The words that make a question ask for money ("budget", "funding"): when a column's own
    label holds one ("Regular budget"), the question names that column, not an amount."""
    from app.qa.figures.numbers import _MONEY_ASKED

    return {t for m in _MONEY_ASKED.finditer(question) for t in terms(m.group(0))} - _IGNORE


def asked_unit_of(question: str) -> str | None:
    """The unit the question asks for (see :func:`app.qa.figures.numbers.asked_unit`)."""
    from app.qa.figures.numbers import asked_unit

    return asked_unit(question)


def _figure_unit(question: str) -> str | None:
    """'money' when the question asks an amount ("how much funding", "US$"), 'count' for "how many";
    None otherwise (see :func:`app.qa.figures.numbers.asked_unit`)."""
    from app.qa.figures.numbers import asked_unit

    u = asked_unit(question)
    return u if u in ("money", "count") else None


@dataclass
class Cell:
    iri: str
    table: str  # the caption, "Table 7: Number of new projects ..."
    table_no: str | None
    row: str
    col: str
    value: float
    unit: str
    evidence: str
    passage_id: str | None


@dataclass
class TableAnswer:
    cell: Cell
    label: str  # the value (or the row, for an argmax over rows)
    kind: str  # Number | Year | Text
    score: float
    why: str
    sparql: str
    value: float | None = None  # the figure, when it is not the cell's own (a sum of cells)
    addressed: bool = False  # row and column named outright and the question explained by the cell
    tied: tuple[str, ...] = ()  # further rows of an argmax / argmin with the same value: answers too




class TableLookup:
    def __init__(self, store, idf: dict[str, float], default_idf: float, passage_text=None):
        """``passage_text(passage id)``: a table's whole text (its header line says what its rows are)."""
        self.cells: list[Cell] = []
        self.idf, self.default_idf = idf, default_idf
        for sol in store.query(SPARQL_CELLS):
            ev = sol["ev"].value if sol["ev"] is not None else ""
            caption = ev.split("\n", 1)[0] if ev.lower().startswith("table") else ""
            m = _TABLE_NO.match(caption)
            pid = sol["passage"].value.rsplit("/", 1)[-1] if sol["passage"] is not None else None
            try:
                value = float(sol["value"].value)
            except ValueError:
                continue
            self.cells.append(Cell(sol["obs"].value, caption, m.group(1) if m else None, sol["row"].value,
                                   sol["col"].value, value, sol["unit"].value if sol["unit"] is not None else "",
                                   ev, pid))
        # Word prefixes of the column headings of tables of marks (a results table's result types).
        self.heading_prefixes = {t[:6] for c in self.cells if c.unit == "marked" for t in _terms(c.col)}
        # Columns named by their years alone ("Impacts in 2023", "Total ... 2021-2024"): a column
        # whose year set no other column of its table shares.
        years_of = {(c.table, c.col): year_marks(c.col) for c in self.cells}
        per_table: dict[tuple, int] = {}
        for (table, _), ys in years_of.items():
            per_table[(table, ys)] = per_table.get((table, ys), 0) + 1
        self._dated_cols = {k: ys for k, ys in years_of.items() if ys and per_table[(k[0], ys)] == 1}
        self.column_dates = set(self._dated_cols.values())  # see addresses_cell
        self._caption_marks = {c.table: year_marks(_TABLE_NO.sub(" ", c.table)) for c in self.cells}
        cols_of: dict[str, set] = {}
        for c in self.cells:
            if c.unit != "marked":
                cols_of.setdefault(c.table, set()).add(c.col)
        self._single_col = {t for t, cols in cols_of.items() if len(cols) == 1}
        self._row_kinds = _row_kinds(self.cells, cols_of, passage_text or (lambda pid: None))
        # Each cell's row, column and caption words (less _IGNORE) with their total weight,
        # computed once: a question's cover of a label is then one intersection and one sum.
        # A row named only by such words ("Total") keeps them: "table 2 total impacts in 2024" names it.
        self._terms = [tuple(self._weighted((ts - _IGNORE) or ({t for t in ts if t.isalpha()} if i == 0 else set()))
                             for i, ts in
                             enumerate((set(terms(c.row)), set(terms(c.col)), set(terms(_TABLE_NO.sub(" ", c.table))))))
                       for c in self.cells]
        # The other names of each row ("Improving operations" for "Step 3: Improving operations",
        # "higher benefit levels" for "Increased adequacy (higher benefit levels)"): see row_names.
        self._row_forms = [[self._weighted(ws) for f in row_names.forms(c.row)[1:] if (ws := set(terms(f)) - _IGNORE)]
                           for c in self.cells]
        # Columns named only by a word every question may use ("Total"): named by that word, if
        # by nothing else (as a "Total" row is).
        self._plain_cols = [{t for t in terms(c.col) if t.isalpha()} if not ct[0] else set()
                            for c, (_, ct, _) in zip(self.cells, self._terms)]

    def _w(self, ts) -> float:
        return sum(self.idf.get(t) or self.idf.get(t + "e", self.default_idf) for t in ts)  # "achiev(e)"

    def _weighted(self, label: set[str]) -> tuple[set[str], float]:
        return label, self._w(label)

    def _cover(self, q: set[str], label: "set[str] | tuple[set[str], float]") -> float:
        words, weight = label if isinstance(label, tuple) else self._weighted(label - _IGNORE)
        return self._w(q & words) / weight if words else 0.0

    def rows_of_kind(self, question: str) -> tuple[str, int, list[Cell]] | None:
        """"Which branches of social security show impacts in Table 1?", "which steps are in table
        3": the row labels of the kind a plural asked noun names (a heading over a table's row labels,
        or the word its rows are numbered by), each once, with its first cell.  Only when one table
        has rows of that kind (or the question names it by number) and nothing is ranked or counted.
        (table, level, cells)."""
        if SUPERLATIVE.search(question) or re.search(r"\bhow\s+(?:many|much)\b", question, re.I):
            return None
        noun = _asked_noun(question)
        if not noun or not noun.split()[0].lower().endswith("s"):
            return None  # a list is asked by a plural ("which branches"); "which branch" picks one
        nouns = set(terms(noun.split()[0]))
        m = _TABLE_NO.search(question)
        found = [(t, kinds) for t, kinds in self._row_kinds.items() if nouns & set(kinds)
                 and (not m or any(c.table == t and c.table_no == m.group(1) for c in self.cells))]
        if len(found) != 1:
            return None
        table, kinds = found[0]
        level = min(kinds[t] for t in nouns if t in kinds)
        seen: dict[str, Cell] = {}
        for c in self.cells:
            if c.table != table or c.unit == "marked":
                continue
            parts = [p.strip() for p in c.row.split(">")]
            if len(parts) <= level or re.match(r"\s*total\b", parts[level], re.I):
                continue
            seen.setdefault(parts[level], c)
        return (table, level, list(seen.values())) if len(seen) >= 2 else None

    def row_kind_table(self, question: str) -> str | None:
        """The one table whose rows are the kind of thing a ranking asks for: "which *branch* had the
        largest effective coverage" (Table 1's rows sit under "Branch of social security"), "which
        *step* produced the most results" (Table 3's rows are "Step 1: ...").  The asked noun must be
        a word of the heading over a table's row labels, or the word its rows are numbered by; None
        when no table, or more than one, has rows of that kind, or the question ranks nothing."""
        if not SUPERLATIVE.search(question):
            return None
        noun = _asked_noun(question)
        if noun is None:
            return None
        nouns = set(terms(noun))  # "which institutional change": either word
        found = {t for t, kinds in self._row_kinds.items() if nouns & set(kinds)}
        return next(iter(found)) if len(found) == 1 else None

    def _row_level(self, table: str, question: str) -> int:
        """Which level of a table's row labels the asked noun names: 0 for the first label column
        ("Type of impact"), 1 for the one nested under it ("Branch of social security")."""
        noun = _asked_noun(question)
        kinds = self._row_kinds.get(table, {})
        levels = [kinds[t] for t in terms(noun) if t in kinds] if noun else []
        return min(levels) if levels else 0

    def lookup(self, question: str, answer_type: str, rank: int = 1) -> TableAnswer | None:
        """The cell (or the row of an argmax, ``rank`` down from the top: see app.qa.figures.ordinal) the
        question's words address."""
        if not self.cells:
            return None
        kind_table = self.row_kind_table(question) if answer_type == "Text" and not _TABLE_NO.search(question) else None
        extreme = bool(SUPERLATIVE.search(question) and (re.search(r"\btables?\b", question, re.I) or kind_table))
        if answer_type not in ("Number", "Text", "Year") or (answer_type == "Year" and not extreme) or \
                (answer_type == "Text" and not (extreme or _SUM.search(question) or _TABLE_NO.search(question))):
            return None  # nothing below answers it: skip scoring every cell
        question = _WHEN_BY_EVENT.sub("", question)  # "..., before the 2024 resource mobilisation reduced it"
        q_raw = set(terms(question))
        q = q_raw - _IGNORE
        m = _TABLE_NO.search(question)
        table_no = m.group(1) if m else None
        q_years = set(_YEARS.findall(_TABLE_NO.sub(" ", question)))
        q_marks = year_marks(_TABLE_NO.sub(" ", question))
        # Tables with a column dated exactly as the question ("Impacts 2021-22"): there, a column
        # that only shares a year with it ("Total impacts 2021-2024") is not the one named.
        exact = {t for (t, _), ys in self._dated_cols.items() if q_marks and ys == q_marks}
        unit = _figure_unit(question)
        asked = asked_unit_of(question)  # "what share ...": no count of a table answers it by its total
        money_words = _money_words(question)  # "regular budget staff": "budget" names the column
        q_weight = self._w({t for t in q if not t.isdigit()})
        scored = []
        for i, (c, (rt, ct, capt)) in enumerate(zip(self.cells, self._terms)):
            if table_no and c.table_no != table_no or kind_table and c.table != kind_table:
                continue
            # a "Total" row is named by "total", but a row the question names by its own words wins
            row = 0.6 * self._cover(q_raw, rt) if rt[0] and rt[0] <= _IGNORE else self._cover(q, rt)
            if row < 1.0 and self._row_forms[i]:
                row = max([row] + [self._cover(q, f) for f in self._row_forms[i]])
            col, cap = self._cover(q, ct), self._cover(q, capt)
            if self._plain_cols[i] and self._plain_cols[i] <= q_raw:
                col = PLAIN_COLUMN  # "total staff at headquarters": the "Total" column
            if q_years:  # "impacts in 2023" is not the "Impacts in 2024" column
                row *= _year_fit(q_years, c.row)
                col *= _year_fit(q_years, c.col)
                if self._dated_cols.get((c.table, c.col)) == q_marks:
                    col = 1.0  # the only column of its table dated exactly as the question: named by its years
                elif c.table in exact and year_marks(c.col):
                    col *= 0.5
            # "impacts 2021-2024": not the table whose caption dates it to 2024 alone
            off_date = 0.5 if q_marks and self._caption_marks.get(c.table) and not (
                q_marks <= self._caption_marks[c.table] | year_marks(c.col) | year_marks(c.row)) else 0.0
            if (table_no or cap >= SINGLE_COLUMN_CAPTION) and c.table in self._single_col:
                col = 1.0  # a table of one column of figures ("value"): the row and the table address the cell
            if c.table in self._single_col and row >= 0.75 and (cap > 0 or self._named_by_words(q, i)):
                col = 1.0  # a one-column table ("value"): a row named outright addresses its cell
            # The share of the question's words the cell explains at all (row, column or caption):
            # "the ambition for the total number of institutional changes" is Table 3's total row,
            # not Table 2's, whose caption never says "institutional changes".
            said = rt[0] | ct[0] | capt[0]
            explained = self._w(q & said) / q_weight if q_weight else 0.0
            if unit and c.unit and (unit == "money") != (c.unit in _CURRENCY_UNITS) and not (
                    unit == "money" and money_words & set(terms(c.col))):
                col *= 0.5  # "how much funding": the amounts column, not the count of projects beside it
            scored.append((row + col + 0.5 * cap + EXPLAINED_WEIGHT * explained + (1.0 if table_no else 0.0) - off_date,
                           row, col, cap, c))
        if not scored:
            return None
        if SUPERLATIVE.search(question) and (re.search(r"\btables?\b", question, re.I) or kind_table) \
                and answer_type in ("Year", "Text", "Number"):
            named_tables = {x[4].table for x in scored} if table_no else set()
            # "According to Table 1, which branch ...": the nested rows of the table named, as of one found by kind
            level_of = kind_table or (next(iter(named_tables)) if len(named_tables) == 1 else None)
            return self._extreme(question, scored, q, rank, self._row_level(level_of, question) if level_of else 0)
        if _SUM.search(question) and answer_type in ("Number", "Text"):
            summed = self._sum(q, scored)
            if summed is not None:
                return summed
        if answer_type == "Number":
            derived = self._difference(question, scored) or self._rows_apart(question, q, scored) or \
                (self._column_total(question, scored) if table_no else None)
            if derived is not None:
                return derived
        if answer_type != "Number" and not (answer_type == "Text" and table_no):
            return None  # a keyword query naming a table ("table 2 legal coverage 2023") asks for a cell
        scored.sort(key=lambda x: -x[0])
        best = scored[0]
        score, row, col, cap, c = best
        single_col = len({x[4].col for x in scored if x[4].table == c.table}) == 1
        if row < 0.5 or (col < 0.5 and not single_col):
            return self._total_default(scored, q, bool(table_no), asked)  # one side named: the table's total on the other
        outright = row >= 0.99 and col >= 0.99 and self._explains(c, q)  # "improving operations results 2024"
        if not table_no and (score < MIN_SCORE or (cap <= 0 and not outright) or
                             (row < 0.75 and not self._clear(best, scored, q))):
            # no table named: the row itself must be named, not just a word of it (or one side is
            # named and "total" / "overall" the other: the table's total line)
            return self._total_default(scored, q, False, asked)
        if len(scored) > 1 and scored[1][0] == score and scored[1][4].value != c.value:
            best = self._more_specific([x for x in scored if x[0] == score], q)
            if best is None:
                return None  # two cells fit equally: not addressed precisely enough
            score, row, col, cap, c = best
        label = f"{c.value:,.0f}" if c.value == int(c.value) else f"{c.value:,}"
        return TableAnswer(c, label, "Number", round(min(1.0, score / 3), 4),
                           f"{c.table or 'table'} — row “{c.row}”, column “{c.col}”: {label} {c.unit}".strip(),
                           _cell_sparql(c.iri), addressed=row >= 0.75 and col >= 0.75 and self._explains(c, q)
                           and (len(q_years) < 2 or year_marks(c.col) == q_marks))  # a range: the column so dated

    def _named_by_words(self, q: set[str], i: int) -> bool:
        """Does the question name cell ``i``'s row outright by two or more words that are no year
        ("mobilized before 1 August 2021": the row, whatever the caption says)?"""
        for words, _ in [self._terms[i][0]] + self._row_forms[i]:
            said = {t for t in q & words if not t.isdigit()}
            if len(said) >= 2 and said | {t for t in words if t.isdigit()} >= words:
                return True
        return False

    def _total_default(self, scored, q: set[str], table_named: bool, asked: str | None) -> TableAnswer | None:
        """The cell named by one side (or by the table alone), with the table's total on the side
        left unnamed (see :mod:`app.qa.figures.table_totals`)."""
        from app.qa.figures import table_totals

        if asked == "percent":
            return None  # "what share of the staff ...": a share, which a table of counts does not hold
        best = table_totals.default_cell(scored, terms, lambda t: set(terms(_TABLE_NO.sub(" ", t))),
                                         lambda c: self._explains(c, q), table_named)
        if best is None:
            return None
        score, _, _, _, c = best
        label = f"{c.value:,.0f}" if c.value == int(c.value) else f"{c.value:,}"
        return TableAnswer(c, label, "Number", round(min(1.0, score / 3), 4),
                           f"{c.table or 'table'} — row “{c.row}”, column “{c.col}” (the table's total "
                           f"on the side the question leaves unnamed): {label} {c.unit}".strip(), _cell_sparql(c.iri))

    def _clear(self, best, scored, q: set[str]) -> bool:
        """A row named by most of its words ("total institutional changes" for "Total institutional
        changes achieved") still addresses its cell when the cell is the best of its table by a clear
        margin over every cell of another value, its column is named outright, and its labels
        explain most of what the question says (not "older persons in the West Bank", which only
        shares "persons" with a table of persons)."""
        score, row, col, cap, c = best
        if row < 0.5 or col < 0.75:
            return False
        years = {t for t in q if _YEARS.fullmatch(t)}
        if years and _year_fit(years, f"{c.row} {c.col}") < 1:
            return False  # "gap end of 2023" is not the row dated 2024, however clear
        if not self._explains(c, q):
            return False
        rival = max((x[0] for x in scored if x[4] is not c and x[4].value != c.value), default=0.0)
        return score - rival >= CLEAR_MARGIN

    def _explains(self, c: Cell, q: set[str]) -> bool:
        """Do the cell's row, column and caption say most of what the question says (by weight)?"""
        content = {t for t in q if not t.isdigit()} - _HOW_HELD
        said = set(terms(c.row)) | set(terms(c.col)) | set(terms(_TABLE_NO.sub(" ", c.table)))
        if said & _AIM_TERMS:  # "what did the programme aim for": a column of ambitions says the aim
            said |= _AIM_TERMS
        return bool(content) and self._w(content & said) >= MOST_EXPLAINED * self._w(content)

    def _more_specific(self, tied, q: set[str]):
        """Of cells that fit equally, the one whose row the question names by more of its own words
        ("effective coverage for disability benefits": the branch row, not its group "Effective
        coverage"); words of the table's caption name the table, not a row ("institutional changes"
        in Table 3's total row).  None when that does not single one out."""
        def own(x) -> float:
            caption = set(terms(_TABLE_NO.sub(" ", x[4].table)))
            return self._w((q & set(terms(x[4].row))) - caption - _IGNORE)
        ranked = sorted(tied, key=lambda x: -own(x))
        if own(ranked[0]) > own(ranked[1]) and own(ranked[0]) > 0:
            return ranked[0]
        return None

    def _extreme(self, question: str, scored, q: set[str], rank: int = 1, level: int = 0) -> TableAnswer | None:
        """The row with the highest (or lowest) value in the column the question names; ``level`` 1:
        the question asks for nested rows ("which branch"), never a group row."""
        every = scored  # the column's rows, whether or not the question names them
        named_cols = [x for x in scored if x[2] > 0]  # the column must be named ...
        if not named_cols:  # ... unless the table has one column of figures
            tables = {x[4].table for x in scored if x[1] > 0}
            cols = {(x[4].table, x[4].col) for x in scored if x[4].table in tables}
            named_cols = [x for x in scored if x[4].table in tables] if len(cols) == 1 else []
        scored = named_cols
        if not scored:
            return None
        # The column sharing most of the question's words ("new funding" is the funding column,
        # not the projects column that shares only "new"), then the best covered.
        # What follows the superlative says the column before any other words do ("Looking at the
        # table of new projects and funding approved, which year had the largest number of new projects").
        ranked_by = set(terms(year_series.ranked_by(question)))
        best_col = max(scored, key=lambda x: (len(ranked_by & (set(terms(x[4].col)) - _IGNORE)),
                                              len(q & (set(terms(x[4].col)) - _IGNORE)), x[2], x[3]))[4]
        rows = [x for x in every if x[4].table == best_col.table and x[4].col == best_col.col
                and not re.match(r"\s*total\b", x[4].row, re.I)
                and not re.search(r"\(\s*total\s*\)", x[4].row, re.I)]  # "41 Results achieved in 2024 (TOTAL)"
        top_row = max((x[1] for x in rows), default=0.0)
        named = [x for x in rows if x[1] > 0 and x[1] >= 0.5 * top_row]
        pool = named if len(named) > 1 else rows
        # A group row ("Increased adequacy") sums its branches: rank the branches, not the group.
        expanded = []
        for x in pool:
            children = [y for y in rows if y[4].row.startswith(x[4].row + " >")]
            expanded.extend(children or [x])
        branches = list({id(x): x for x in expanded}.values())
        if level >= 1:  # "which branch": the nested rows of the groups named, not a group row
            branches = [x for x in branches if ">" in x[4].row]
        if len(branches) > 1 and (level >= 1 or not _GROUP_RANKED.search(question)):
            pool = branches
        elif _GROUP_RANKED.search(question):
            # "which type of impact reached the most people": the groups are ranked, not their branches
            pool = [x for x in pool if ">" not in x[4].row] or pool
        if len(pool) < 2:
            return None
        ordered = sorted(pool, key=lambda x: x[4].value, reverse=not _DOWN.search(question))
        chosen = select(ordered, lambda x: x[4].value, rank)  # "the second-largest": a rank further down
        if chosen is None:
            return None
        c = chosen[0][0][4]
        label = c.row.split(">")[-1].strip()
        kind = "Year" if re.fullmatch(r"(19|20)\d\d", label) else "Text"
        word = ('lowest' if _DOWN.search(question) else 'highest') if rank == 1 else \
            f"{ordinal_word(rank)} {'lowest' if _DOWN.search(question) else 'highest'}"
        others = "; ".join(f"{x[4].row.split('>')[-1].strip()} {x[4].value:,.0f}" for x in ordered[:rank + 1] if x[4] is not c)
        # "which step had the fewest results": every row at that value answers ("Step 1 and Step 2, 10 each")
        tied = tuple(x[4].row.split(">")[-1].strip() for x in chosen[0][1:])
        return TableAnswer(c, label, kind, 1.0, f"{c.table} — {word} “{c.col}”: row “{c.row}” ({c.value:,.0f})"
                           + (f", tied with {', '.join(f'“{t}”' for t in tied)}" if tied else "")
                           + (f"; above and after it: {others}" if rank > 1 and others else ""), _cell_sparql(c.iri),
                           tied=tied)


    def _sum(self, q: set[str], scored) -> TableAnswer | None:
        """"legal plus effective coverage of old-age pensions": the row groups the question names
        (by the words that tell the groups apart), the best-matching row inside each, added up."""
        groups: dict[str, list] = {}
        for x in scored:
            if ">" in x[4].row:
                groups.setdefault(x[4].row.split(">", 1)[0].strip(), []).append(x)
        if len(groups) < 2:
            return None
        # a group is named by the words of its label outside its parenthesised gloss ("Increased
        # adequacy (higher benefit levels)"), each written in any derivation ("comprehensiveness" for
        # "comprehensives": the same first six letters)
        gterms = {g: set(terms(re.sub(r"\([^)]*\)", " ", g))) - _IGNORE for g in groups}
        common = set.intersection(*gterms.values()) if gterms else set()
        prefixes = {t[:6] for t in q if len(t) >= 6}
        q_named = q | {t for ts in gterms.values() for t in ts if len(t) >= 6 and t[:6] in prefixes}
        named = [g for g in groups if (gterms[g] - common) and self._cover(q_named, gterms[g] - common) >= 0.99]
        if len(named) < 2:
            return None
        picks = []
        for g in named:
            rest = q - gterms[g]
            best = max(groups[g], key=lambda x: (self._cover(rest, set(terms(x[4].row.split(">", 1)[1]))), x[2]))
            if self._cover(rest, set(terms(best[4].row.split(">", 1)[1]))) <= 0:
                return None
            picks.append(best[4])
        if len({(c.table, c.col) for c in picks}) != 1:
            return None
        total = sum(c.value for c in picks)
        label = f"{total:,.0f}" if total == int(total) else f"{total:,}"
        why = f"{picks[0].table} — " + " + ".join(f"“{c.row}” ({c.value:,.0f})" for c in picks) + f" = {label}"
        return TableAnswer(picks[0], label, "Number", 1.0, why, _cell_sparql(picks[0].iri), total)


    def _rows_apart(self, question: str, q: set[str], scored) -> TableAnswer | None:
        """"By how many persons did legal coverage extension exceed effective coverage extension in
        2024": two rows the question names outright, in the one column it names best, subtracted
        (the first named less the second; the gap is given as a positive figure).  None unless
        exactly two rows of one column are named by all their words, in the order written."""
        if not _ROWS_APART.search(question):
            return None
        low = question.lower()
        best = None
        for table in {x[4].table for x in scored}:
            cells = [x for x in scored if x[4].table == table]
            col_best = max(x[2] for x in cells)
            if col_best <= 0:
                continue
            cols = {x[4].col for x in cells if x[2] == col_best}
            if len(cols) != 1:
                continue
            col = cols.pop()
            named = [x for x in cells if x[4].col == col and x[1] >= 0.99 and ">" not in x[4].row]
            if len(named) != 2 or named[0][4].value == named[1][4].value:
                continue
            shared = set(terms(named[0][4].row)) & set(terms(named[1][4].row))

            def at(x) -> int:
                """Where the row's own words (not those both rows share) first appear: the order written."""
                spots = [m.start() for t in set(terms(x[4].row)) - shared for m in re.finditer(r"\b" + re.escape(t), low)]
                return min(spots) if spots else len(low)
            first, second = sorted(named, key=at)
            score = first[0] + second[0]
            if best is None or score > best[0]:
                best = (score, first[4], second[4])
        if best is None:
            return None
        _, a, b = best
        gap = abs(a.value - b.value)
        label = f"{gap:,.0f}" if gap == int(gap) else f"{gap:,}"
        why = (f"{a.table} — column “{a.col}”: “{a.row}” ({a.value:,.0f}) − “{b.row}” ({b.value:,.0f}) = "
               f"{a.value - b.value:,.0f}")
        return TableAnswer(a, label, "Number", 1.0, why, _cell_sparql(a.iri), gap)

    def _difference(self, question: str, scored) -> TableAnswer | None:
        """"How many more changes in 2021-2023 than in 2024": the named row's cells in the two
        columns the question dates, subtracted."""
        if not _MORE_THAN.search(question):
            return None
        marks = [m for m in _ordered_marks(question)]
        if len(marks) == 1 and "-" in marks[0] and re.search(r"\bby how\b", question, re.I):
            marks = marks[0].split("-")  # "by how much did it grow from 2023 to 2024": two years, not a span
        if len(marks) != 2:
            return self._columns_apart(question, scored) if not marks else None
        full = []
        for table in {x[4].table for x in scored}:
            cols = []
            for mk in marks:
                hit = [k for k, ys in self._dated_cols.items() if ys == frozenset({mk}) and k[0] == table]
                cols.append(hit[0][1] if len(hit) == 1 else None)
            if None in cols:
                continue
            rows: dict[str, dict[str, tuple]] = {}
            for x in scored:
                if x[4].table == table and x[4].col in cols:
                    rows.setdefault(x[4].row, {})[x[4].col] = x
            full += [(max(v[c][1] for c in cols), r, v, cols) for r, v in rows.items() if len(v) == 2]
        if not full:
            return None
        full.sort(key=lambda t: -t[0])
        if full[0][0] < 0.5 and len({t[3][0] for t in full}) == 1:
            # "how many more people did the programme reach in 2024 than in 2023": no row named, the
            # one table dated so answers by its total row
            totals = [t for t in full if re.match(r"\s*total\b", t[1], re.I)]
            full = totals if len(totals) == 1 else full
            if len(totals) == 1:
                full[0] = (1.0,) + full[0][1:]
        if full[0][0] < 0.5 or (len(full) > 1 and full[1][0] == full[0][0]):
            return None  # the row must be named, better than any other
        _, row, cells, cols = full[0]
        a, b = cells[cols[0]][4], cells[cols[1]][4]
        diff = a.value - b.value
        label = f"{abs(diff):,.0f}" if diff == int(diff) else f"{abs(diff):,}"
        why = f"{a.table} — row “{row}”: “{a.col}” ({a.value:,.0f}) − “{b.col}” ({b.value:,.0f}) = {diff:,.0f}"
        return TableAnswer(a, label, "Number", 1.0, why, _cell_sparql(a.iri), abs(diff))

    def _columns_apart(self, question: str, scored) -> TableAnswer | None:
        """"How many more regular budget staff than technical cooperation staff work at headquarters":
        two columns of one table named by all their words, in the order written, in the row named best
        (a total row when none is named), subtracted."""
        low = question.lower()
        best = None
        for table in {x[4].table for x in scored}:
            cells = [x for x in scored if x[4].table == table]
            cols = list(dict.fromkeys(x[4].col for x in cells if x[2] >= 0.99 and terms(x[4].col)))
            if len(cols) != 2:
                continue
            rows: dict[str, dict[str, tuple]] = {}
            for x in cells:
                if x[4].col in cols:
                    rows.setdefault(x[4].row, {})[x[4].col] = x
            rows = {r: v for r, v in rows.items() if len(v) == 2}
            if not rows:
                continue
            ranked = sorted(rows.items(), key=lambda kv: -max(x[1] for x in kv[1].values()))
            top = max(x[1] for x in ranked[0][1].values())
            if top < 0.5:
                totals = [kv for kv in ranked if re.match(r"\s*total\b", kv[0], re.I)]
                if len(totals) != 1:
                    continue
                row, pair = totals[0]
            elif len(ranked) > 1 and max(x[1] for x in ranked[1][1].values()) == top:
                continue
            else:
                row, pair = ranked[0]

            def at(col: str) -> int:
                spots = [m.start() for t in terms(col) for m in re.finditer(r"\b" + re.escape(t), low)]
                return min(spots) if spots else len(low)
            first, second = sorted(cols, key=at)
            a, b = pair[first][4], pair[second][4]
            if best is None or top > best[0]:
                best = (top, a, b, row)
        if best is None:
            return None
        _, a, b, row = best
        diff = a.value - b.value
        label = f"{abs(diff):,.0f}" if diff == int(diff) else f"{abs(diff):,}"
        why = f"{a.table} — row “{row}”: “{a.col}” ({a.value:,.0f}) − “{b.col}” ({b.value:,.0f}) = {diff:,.0f}"
        return TableAnswer(a, label, "Number", 1.0, why, _cell_sparql(a.iri), abs(diff))

    def _column_total(self, question: str, scored) -> TableAnswer | None:
        """"The total number of new projects in Table 7 from 2021 to 2024": the named column's
        figures added over its rows (a table without a total row of its own)."""
        if not _TOTAL_ASKED.search(question):
            return None
        table = scored[0][4].table
        cols: dict[str, list] = {}
        for x in scored:
            if x[4].table == table and not re.match(r"\s*total\b", x[4].row, re.I):
                cols.setdefault(x[4].col, []).append(x)
        if len(cols) < 2:
            return None
        q = set(terms(question)) - _IGNORE
        ranked = sorted(cols.items(), key=lambda kv: -kv[1][0][2])
        if ranked[0][1][0][2] < 0.5 or ranked[1][1][0][2] == ranked[0][1][0][2]:
            return None  # the column must be named, and more than any other
        col, xs = ranked[0]
        if any(re.match(r"\s*total\b", x[4].row, re.I) for x in scored if x[4].table == table and x[4].col == col):
            return None  # the table states its own total: a cell answers
        if any(x[1] >= 0.75 for x in xs) and not all(_YEARS.fullmatch(x[4].row.strip()) for x in xs):
            return None  # a row is named: a cell, not the column's total
        years = {int(y) for y in _YEARS.findall(_TABLE_NO.sub(" ", question))}
        if all(_YEARS.fullmatch(x[4].row.strip()) for x in xs) and len(years) == 2:
            lo, hi = min(years), max(years)
            xs = [x for x in xs if lo <= int(x[4].row.strip()) <= hi]  # "from 2021 to 2024"
        if len(xs) < 2 or q & {"each", "per"}:
            return None
        total = sum(x[4].value for x in xs)
        label = f"{total:,.0f}" if total == int(total) else f"{total:,}"
        why = f"{table} — “{col}” over " + ", ".join(f"“{x[4].row}” ({x[4].value:,.0f})" for x in xs) + f" = {label}"
        return TableAnswer(xs[0][4], label, "Number", 1.0, why, _cell_sparql(xs[0][4].iri), total)

    def column_pair(self, question: str, whole: str | None = None):
        """Rows compared across two columns of one table (see :mod:`app.qa.figures.column_pairs`);
        ``whole``: the question before a set-aside phrase was taken out of it, for a group's figure
        less one of its rows ("effective coverage excluding disability benefits")."""
        from app.qa.figures import column_pairs

        if not self.cells:
            return None
        from app.qa.figures import cell_choice

        m = _TABLE_NO.search(question)
        q = set(terms(question)) - _IGNORE
        cover = lambda ts, label: self._cover(ts, self._weighted(  # noqa: E731
            set(terms(re.sub(r"\([^)]*\)|\b(?:19|20)\d\d\b", " ", label))) - _IGNORE))
        cells = [c for c in self.cells if not m or c.table_no == m.group(1)]
        chosen = cell_choice.choose(question, cells, q, cover, year_marks)  # "bigger in 2023 or in 2024?"
        if chosen is not None:
            diff = chosen.winner.value - chosen.loser.value
            return column_pairs.PairAnswer([(chosen.label, diff, chosen.winner, chosen.loser)], chosen.kind, chosen.why)
        from app.qa.figures import row_pairs, row_sums

        summed = row_sums.find(whole or question, cells, cover, lambda text: set(terms(text)) - _IGNORE)
        if summed is not None:  # "add up all the health protection rows", "effective coverage excluding disability benefits"
            first = summed.cells[0]
            return column_pairs.PairAnswer([(first.row, summed.value, first, summed.cells[-1])], "Number",
                                           f"{summed.why} = {summed.value:,.0f}")
        pair = row_pairs.read(question)  # "did it extend legal coverage to more people than effective coverage?"
        got = row_pairs.find(pair, question, cells, cover, lambda text: set(terms(text)) - _IGNORE) if pair else None
        if got is not None:
            diff = got.first.value - got.second.value
            held = (diff > 0) if pair.larger else (diff < 0)
            if pair.choice:  # "legal coverage or effective coverage?": the winning row
                if diff == 0:
                    return None
                won, lost = (got.first, got.second) if held else (got.second, got.first)
                kind = "Year" if re.fullmatch(r"\s*(?:19|20)\d\d\s*", won.row) else "Text"  # "did 2023 or 2022 have more"
                return column_pairs.PairAnswer([(won.row, abs(diff), won, lost)], kind, row_pairs.why(pair, got))
            return column_pairs.PairAnswer([(got.first.row, diff if pair.polar else abs(diff), got.first, got.second)],
                                           "Boolean" if pair.polar else "Number", row_pairs.why(pair, got),
                                           held if pair.polar else None)
        return column_pairs.compare(question, self.cells, m.group(1) if m else None, q, cover,
                                    lambda text: set(terms(text)) - _IGNORE)

    def series(self, question: str, answer_type: str, rank: int = 1):
        """A question over a table whose rows are years (see :mod:`app.qa.figures.year_series`); ``rank``:
        the rank a superlative asks below the top ("the second most", see app.qa.figures.ordinal)."""
        from app.qa.figures import year_series

        if answer_type not in ("Number", "Year", "Text") or not self.cells:
            return None
        q = set(terms(question)) - _IGNORE
        return year_series.answer(question, answer_type, self.cells, q,
                                  # "(in US$)" says the column's unit, not what it is
                                  lambda ts, col: self._cover(ts, self._weighted(set(terms(re.sub(r"\([^)]*\)", " ", col))) - _IGNORE)),
                                  lambda text: set(terms(text)) - _IGNORE, rank)

    def marked_extreme(self, question: str, groups: list[str] | None = None
                       ) -> tuple[list[str], int, list[tuple[str, int]], str | None] | None:
        """"Which result type was achieved by the most countries?": in a table of marks whose
        column headings the question names the kind of ("result type"), the column with the most
        (or fewest) marked rows.  (heading, count, every column's count).  ``groups``: the row
        groups the question names ("the fewest African countries": rows under the Africa group
        row); a table with none of them is not narrowed."""
        if not ((_KIND_HEAD.search(question) or _KEYWORD_KIND.search(question)) and SUPERLATIVE.search(question)):
            return None
        q_raw = set(terms(question))
        q = q_raw - _IGNORE
        m = _TABLE_NO.search(question)
        marks = [c for c in self.cells if c.unit == "marked" and (not m or c.table_no == m.group(1))]
        tables = {c.table for c in marks if q & (set(terms(c.col)) | set(terms(_TABLE_NO.sub(" ", c.table)))) - _IGNORE}
        if len(tables) != 1:
            return None
        wanted = {g.lower() for g in groups or []}
        grouped = [c for c in marks if c.table in tables and c.row.split(">")[0].strip().lower() in wanted] \
            if wanted and all(">" in c.row for c in marks if c.table in tables) else []
        counts: dict[str, int] = {}
        for c in grouped or marks:
            if c.table in tables:
                counts[c.col] = counts.get(c.col, 0) + (1 if c.value > 0 else 0)
        if len(counts) < 2:
            return None
        best = (min if _DOWN.search(question) else max)(counts.values())
        tied = [heading(c) for c, v in counts.items() if v == best]  # a tie names every tied column
        if len(tied) == len(counts):
            return None  # every column ties: there is no most (or fewest)
        pid = next((c.passage_id for c in marks if c.table in tables and c.passage_id), None)
        return tied, best, sorted(counts.items(), key=lambda kv: -kv[1]), pid

    def marked(self, question: str, countries: list[str]) -> list[Cell]:
        """'What type of result did Laos record (Table 4)?': in a table of marks whose headings
        the question uses, the columns marked in the named country's row."""
        from graph import countries as gaz

        if not countries or not (_KIND_ASKED.search(question) or _KEYWORD_RESULTS.search(question)):
            return []
        q = set(terms(question)) - _IGNORE
        marks = [c for c in self.cells if c.unit == "marked"]
        tables = {c.table for c in marks if q & (set(terms(c.col)) | set(terms(_TABLE_NO.sub(" ", c.table)))) - _IGNORE}
        kind_of = _KIND_OF.search(question)  # "what kind of scheme": kinds of schemes, not of results
        if kind_of:
            tables = {t for t in tables if set(terms(kind_of.group(1))) & set(terms(_TABLE_NO.sub(" ", t)))}
        m = _TABLE_NO.search(question)
        out = []
        for c in marks:
            if c.table not in tables or (m and c.table_no != m.group(1)) or c.value <= 0:
                continue
            if gaz.lookup(c.row.split(">")[-1].strip()) in countries:
                out.append(c)
        return out


# "what kind of scheme": the noun whose kinds are asked; a table of marks answers only for the
# kind its caption says it sorts by ("by result type").
_KIND_OF = re.compile(r"\b(?:types?|kinds?|categor(?:y|ies))\s+of\s+(?:an?\s+|the\s+)?([\w-]+)", re.I)
# "what type of result", "which result types", "what kind of ..."
# "cape verde results 2024 - which columns ticked": the question word after the results it asks
# for (keyword order), or the table's own marks asked for ("ticked", "checked", "marked")
_KIND_ASKED = re.compile(r"\b(types?|kinds?|categor(y|ies))\b|\b(which|what)\s+(\w+\s+){0,2}(?:results?|changes?)\b|"
                         r"\bresults?\b[^?.]{0,40}?\b(?:which|what)\b|\b(?:ticked|checked|marked|ticks|checkmarks)\b", re.I)
# "nigeria results 2024", "results of zambia", "madagascar institutional results": a query that asks
# nothing in words (no question word, no verb of asking) and names results asks for the named
# country's results, i.e. the columns marked in its row.
_KEYWORD_RESULTS = re.compile(r"^(?!.*\b(?:which|what|who|whom|where|when|how|did|does|do|is|are|was|were|has|have|"
                              r"had|list|name|give|tell|count|number)\b).*\bresults?\b", re.I | re.S)


_YEARS = re.compile(r"\b(?:19|20)\d\d\b")
# The asked thing is a kind: "which result type", "what kind of institutional result".
# ("which was the most common type of result": the kind may come a few words after the question
# word, as long as no place noun is asked first: "which countries had the most types" asks countries)
_KIND_HEAD = re.compile(r"\b(?:which|what)\s+(?:(?!(?:countr|nation|region|territor|government|state)\w*\b)[\w-]+\s+){0,4}?"
                        r"(?:types?|kinds?|categor(?:y|ies))\b", re.I)
# The same asked as a keyword query ("most common result type 2024 table 4"): a kind noun and no
# question word or verb of asking.
_KEYWORD_KIND = re.compile(r"^(?!.*\b(?:which|what|who|whom|where|when|how|why|did|does|do|is|are|was|were)\b)"
                           r".*\b(?:types?|kinds?|categor(?:y|ies))\b", re.I | re.S)
_MORE_THAN = re.compile(r"\bhow (?:many|much) (?:more|fewer|less)\b|\b(?:difference|gap) between\b|"
                        r"\bby how (?:many|much)\b.*\b(?:from|between)\s+(?:19|20)\d\d", re.I)  # "by how much did X grow from Y1 to Y2"
_TOTAL_ASKED = re.compile(r"\b(?:total|sum|altogether|in all|combined|overall)\b", re.I)


# A keyword query: no question word, no verb of asking, no "?".
# (a closing "?" alone leaves a keyword query one, unless a wh-word makes it a question: "Which Arab
# States countries had ... in Table 4?")
_KEYWORD_QUERY = re.compile(r"^(?!.*\?\s*\S)(?!.*\b(?:who|how|why|does|do|did|is|are|was|were|can|could|tell|show|give)\b)"
                            r"(?!(?=.*\?\s*$).*\b(?:which|what|where|when|whose|whom)\b)", re.I | re.S)
# A keyword query naming a plural kind of thing lists those things ("europe central asia countries
# with a policies and strategies result 2024"): a table's mark for one of them is no figure asked.
_THINGS_LISTED = re.compile(r"\b(?:countries|territories|organi[sz]ations|governments|donors|funders|partners|"
                            r"institutions|members|pathfinders|agencies)\b", re.I)


def lists_things(asked: str | None) -> bool:
    """A keyword query naming a plural kind of thing ("arab states countries improving operations
    result table 4"): it lists those things, and a table it names is where their rows are, not a
    cell it asks for."""
    return asked is not None and bool(_KEYWORD_QUERY.match(asked)) and bool(_THINGS_LISTED.search(asked)) \
        and not _HOW_MANY.search(asked)


_HOW_MANY = re.compile(r"\b(?:how many|number of|count|total|sum)\b", re.I)
# A keyword query opening on the thing a superlative picks ("region with most improving-operations
# results 2024", "funder with the fewest countries"): that thing is asked, not a figure.
_THING_RANKED = re.compile(r"^\s*(?:regions?|countr(?:y|ies)|funders?|donors?|partners?|organi[sz]ations?|"
                           r"initiatives?|schemes?)\s+(?:with|having|by|that\s+has|that\s+had)\s+(?:the\s+)?"
                           r"(?:most|fewest|least|highest|lowest|largest|smallest|biggest|greatest)\b", re.I)
# Questions asking for things by name ("which countries", "who", "what type"), or for a date.
# ("what did the programme aim for / target": the aim is a figure, as "what was its ambition" is)
_NAMES_ASKED = re.compile(r"\b(?:which|what|who|whom|whose|list|name)\b(?!\s+(?:is|was|were|are)\s+the\s+"
                          r"(?:[\w'’-]+\s+){0,3}?(?:number|amount|total|share|figure|ambition|target|goal)\b)"
                          r"(?!\s+(?:did|does|do)\s+(?:[\w'’-]+\s+){1,4}?(?:aim|target)(?:ed|s)?\b)"
                          r"|\bwhen\b|\byear\b", re.I)


def addresses_cell(question: str, stated_type: str, column_dates: "set[frozenset[str]] | None" = None,
                   asked: str | None = None) -> bool:
    """May a table cell the question's words address answer it ahead of the relation its words
    suggest?  Yes for a figure asked ("how many", "how much") or a keyword query asking nothing by
    name: "regional and country teams regular budget staff" is a cell, not the countries funded by
    the ILO's regular budget.  ``column_dates``: the year ranges that date a column of a table
    ("Total results achieved in 2021-2024"): a question dated so names that column.  ``asked``: the
    question as the user wrote it, before a question word was put in front of a keyword query."""
    marks = year_marks(question)
    if len(marks) > 1 or (len(set(re.findall(r"\b(?:19|20)\d\d\b", question))) > 1 and marks not in (column_dates or ())):
        return False  # "new projects 2021 to 2024": a sum over rows, or a change, not one cell
    if stated_type == "Number" or re.search(r"\bhow (?:many|much)\b", question, re.I):
        return True
    # A keyword query asks nothing by name even when a word of a table's label is a type's noun
    # ("country teams technical cooperation staff", "scheme design law ambition 2021-25"): the
    # cell is tried, and answers only when its row and column are both named outright.
    if asked is not None and _KEYWORD_QUERY.match(asked) and not _NAMES_ASKED.search(asked) \
            and not _THINGS_LISTED.search(asked) and not _THING_RANKED.match(asked):
        return True
    return stated_type in ("Text", "Year") and not _NAMES_ASKED.search(question) and not _THINGS_LISTED.search(question)


# "2021-24", "2021/22", and as a question words it: "2021 to 2024", "2021 through 2024"
_RANGE_SEP = r"\s*(?:[-–/]|\s(?:to|through|thru|until|till)\s)\s*"


def _ordered_marks(text: str) -> list[str]:
    """The year marks of a text in the order written (ranges whole)."""
    out = []
    for m in re.finditer(r"\b((?:19|20)\d\d)(?:" + _RANGE_SEP + r"((?:19|20)?\d\d)\b)?", _TABLE_NO.sub(" ", text)):
        if m.group(2):
            end = m.group(2) if len(m.group(2)) == 4 else m.group(1)[:2] + m.group(2)
            out.append(f"{m.group(1)}-{end}")
        else:
            out.append(m.group(1))
    return out


_RANGE = re.compile(r"\b((?:19|20)\d\d)" + _RANGE_SEP + r"((?:19|20)?\d\d)\b")


def year_marks(text: str) -> frozenset[str]:
    """The years and year ranges a label or question names, ranges whole: "2021-25" is 2021-2025,
    not 2021 (so "Impacts 2021-22" and "ambition 2021-25" are told apart)."""
    marks = set()
    for m in _RANGE.finditer(text):
        end = m.group(2) if len(m.group(2)) == 4 else m.group(1)[:2] + m.group(2)
        marks.add(f"{m.group(1)}-{end}")
    marks.update(_YEARS.findall(_RANGE.sub(" ", text)))
    return frozenset(marks)


def _year_fit(q_years: set[str], label: str) -> float:
    """1 when a label names no year or one the question names; less when it names only others."""
    years = set(_YEARS.findall(label))
    return 1.0 if not years or years & q_years else 0.5


def heading(col: str) -> str:
    """A column heading without its numbering ('Result 2: Introduction, reform of schemes')."""
    return re.sub(r"^\s*[A-Z][\w ]{0,20}?\d+\s*[:.\-–]\s*", "", col).strip() or col


def _cell_sparql(iri: str) -> str:
    return ("PREFIX fg: <https://w3id.org/floorgraph/ontology#>\n"
            "PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>\n"
            "PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>\n"
            f"SELECT ?row ?column ?value ?unit WHERE {{\n  <{iri}> fg:rowLabel ?row ; fg:columnLabel ?column ;\n"
            "    sdmx-measure:obsValue ?value .\n  OPTIONAL { <" + iri + "> sdmx-attribute:unitMeasure ?unit }\n}")


def _row_kinds(cells: list[Cell], cols_of: dict[str, set], passage_text) -> dict[str, dict[str, int]]:
    """Per table, the words saying what its rows are: the headings over its row labels (the header
    line of the table's text, less the headings of its figure columns: "Type of impact", "Branch of
    social security") and the word its rows are numbered by ("Step 1: ...")."""
    out: dict[str, dict[str, int]] = {}
    kind_words = {t for w in ("type", "kind", "category", "sort") for t in terms(w)}
    for c in cells:
        if c.unit == "marked" or c.table in out or not c.table or not c.passage_id:
            continue
        text = passage_text(c.passage_id) or ""
        lines = text.split("\n") if text.lower().startswith("table") else []
        col_words = {t for col in cols_of.get(c.table, ()) for t in terms(col)}
        header = [h for h in (lines[1].split("|") if len(lines) > 1 else []) if h.strip()]
        if any(re.search(r"\d", h) for h in header):
            header = []  # a row of figures, not a header line
        kinds: dict[str, int] = {}
        for h in header:
            if set(terms(h)) & col_words:
                continue  # a figure column's heading
            head, _, of = h.partition(" of ")
            words = [t for t in terms(head) if t.isalpha()]
            # "Branch of social security": a branch; "Type of impact": an impact (and a type)
            level = len(set(kinds.values()))  # the label columns in order: groups, then their branches
            for t in words[-1:] + ([t for t in terms(of) if t.isalpha()][:1] if words[-1:] and words[-1] in kind_words
                                   else []):
                kinds.setdefault(t, level)
        out[c.table] = kinds
    for c in cells:
        if c.table in out:
            for part in re.split(r">", c.row):
                m = _NUMBERED_ROW.match(part)
                if m:
                    for t in terms(m.group(1)):
                        out[c.table].setdefault(t, 0)
    return out
