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

from app.qa.units import terms

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
_TABLE_NO = re.compile(r"\btable\s*(\d+)\b", re.I)
SUPERLATIVE = re.compile(r"\b(most|largest|highest|biggest|greatest|lowest|smallest|fewest|least)\b", re.I)
_DOWN = re.compile(r"\b(lowest|smallest|fewest|least)\b", re.I)
_IGNORE = set(terms("table tables according per report figure number numbers total how many much what which was "
                    "were is are the in of for 2024 show shows give gives value"))
MIN_SCORE = 1.6  # row + column (+ caption) coverage a cell needs without a table number


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


class TableLookup:
    def __init__(self, store, idf: dict[str, float], default_idf: float):
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
        # Each cell's row, column and caption words (less _IGNORE) with their total weight,
        # computed once: a question's cover of a label is then one intersection and one sum.
        self._terms = [tuple(self._weighted(ts - _IGNORE) for ts in
                             (set(terms(c.row)), set(terms(c.col)), set(terms(_TABLE_NO.sub(" ", c.table))) - _IGNORE))
                       for c in self.cells]

    def _w(self, ts) -> float:
        return sum(self.idf.get(t, self.default_idf) for t in ts)

    def _weighted(self, label: set[str]) -> tuple[set[str], float]:
        return label, self._w(label)

    def _cover(self, q: set[str], label: tuple[set[str], float]) -> float:
        words, weight = label
        return self._w(q & words) / weight if words else 0.0

    def lookup(self, question: str, answer_type: str) -> TableAnswer | None:
        if not self.cells:
            return None
        extreme = bool(SUPERLATIVE.search(question) and re.search(r"\btables?\b", question, re.I)
                       and answer_type in ("Year", "Text", "Number"))
        if not extreme and answer_type != "Number":
            return None  # nothing below answers it: skip scoring every cell
        q = set(terms(question)) - _IGNORE
        m = _TABLE_NO.search(question)
        table_no = m.group(1) if m else None
        scored = []
        for c, (rt, ct, capt) in zip(self.cells, self._terms):
            if table_no and c.table_no != table_no:
                continue
            row, col, cap = self._cover(q, rt), self._cover(q, ct), self._cover(q, capt)
            scored.append((row + col + 0.5 * cap + (1.0 if table_no else 0.0), row, col, cap, c))
        if not scored:
            return None
        if extreme:
            return self._extreme(question, scored)
        if answer_type != "Number":
            return None
        scored.sort(key=lambda x: -x[0])
        best = scored[0]
        score, row, col, cap, c = best
        single_col = len({x[4].col for x in scored if x[4].table == c.table}) == 1
        if row < 0.5 or (col < 0.5 and not single_col):
            return None  # the cell's row and column must both be named, mostly
        if not table_no and (score < MIN_SCORE or cap <= 0):
            return None
        if len(scored) > 1 and scored[1][0] == score and scored[1][4].value != c.value:
            return None  # two cells fit equally: not addressed precisely enough
        label = f"{c.value:,.0f}" if c.value == int(c.value) else f"{c.value:,}"
        return TableAnswer(c, label, "Number", round(min(1.0, score / 3), 4),
                           f"{c.table or 'table'} — row “{c.row}”, column “{c.col}”: {label} {c.unit}".strip(),
                           _cell_sparql(c.iri))

    def _extreme(self, question: str, scored) -> TableAnswer | None:
        """The row with the highest (or lowest) value in the column the question names."""
        scored = [x for x in scored if x[2] > 0]  # the column must be named
        if not scored:
            return None
        best_col = max(scored, key=lambda x: (x[2], x[3]))[4]
        rows = [x for x in scored if x[4].table == best_col.table and x[4].col == best_col.col
                and not re.match(r"\s*total\b", x[4].row, re.I)]
        named = [x for x in rows if x[1] > 0]
        pool = named if len(named) > 1 else rows
        if len(pool) < 2:
            return None
        pick = (min if _DOWN.search(question) else max)(pool, key=lambda x: x[4].value)
        c = pick[4]
        label = c.row.split(">")[-1].strip()
        kind = "Year" if re.fullmatch(r"(19|20)\d\d", label) else "Text"
        return TableAnswer(c, label, kind, 1.0, f"{c.table} — {'lowest' if _DOWN.search(question) else 'highest'} "
                           f"“{c.col}”: row “{c.row}” ({c.value:,.0f})", _cell_sparql(c.iri))


def _cell_sparql(iri: str) -> str:
    return ("PREFIX fg: <https://w3id.org/floorgraph/ontology#>\n"
            "PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>\n"
            "PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>\n"
            f"SELECT ?row ?column ?value ?unit WHERE {{\n  <{iri}> fg:rowLabel ?row ; fg:columnLabel ?column ;\n"
            "    sdmx-measure:obsValue ?value .\n  OPTIONAL { <" + iri + "> sdmx-attribute:unitMeasure ?unit }\n}")
