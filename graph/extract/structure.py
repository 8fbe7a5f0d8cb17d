"""Countries, regions, priority countries and institutional results, read from the structure.

* A country entry (a section whose title is a country) gives a Country placed in the region
  heading it sits under (``fg:inRegion`` with the entry's first passage as evidence).
* The results table — the table whose header names result types (policies and strategies /
  schemes / operations) and whose rows are countries — gives the programme's priority countries,
  their region (from the table's region rows) and one InstitutionalResult per ticked cell.
"""
from __future__ import annotations

import re

from graph import countries
from graph.extract import ensure_country
from graph.kb import KnowledgeBase, eid
from graph.model import Document, Passage, Table
from graph.parse import join_cells

PROGRAMME_KEY = "flagship-programme"
RESULT_KEYWORDS = {
    "policies_strategies": re.compile(r"polic|strateg", re.I),
    "scheme_reform": re.compile(r"scheme|reform|introduc", re.I),
    "operations": re.compile(r"operation|administ|deliver", re.I),
}
_MARK = re.compile(r"^[•·●◦▪✓✔xX*]+$")
_ORDINAL = re.compile(r"^\d{1,3}\.?$")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")


def _table_passage(doc: Document, table: Table) -> Passage | None:
    return next((p for p in doc.table_passages() if p.start == table.start), None)


def result_columns(table: Table) -> dict[int, str] | None:
    """Map column index -> result type when a header row names the result types, else None."""
    for row in table.rows[:4]:
        found: dict[int, str] = {}
        for j, cell in enumerate(row):
            for rtype, rx in RESULT_KEYWORDS.items():
                if cell and rx.search(cell) and rtype not in found.values():
                    found[j] = rtype
                    break
        if len(found) == 3:
            return found
    return None


def results_tables(doc: Document) -> list[tuple[Table, dict[int, str]]]:
    out = []
    for t in doc.tables:
        cols = result_columns(t)
        if cols and sum(1 for r in t.rows if _row_country(r)) >= 3:
            out.append((t, cols))
    return out


def _row_country(row: list[str]) -> str | None:
    cells = [c for c in row if c]
    if len(cells) < 2 or not any(_ORDINAL.match(c) for c in row[:2] if c):
        return None
    for c in row[:3]:
        if c and not _ORDINAL.match(c):
            iso = countries.lookup(c)
            if iso:
                return iso
    return None


def read_results_table(table: Table, cols: dict[int, str]) -> dict:
    """Rows of the results table: {'rows': [(iso3, region, {types})], 'totals': {type: n}}."""
    region = None
    rows, totals = [], {}
    for row in table.rows:
        iso = _row_country(row)
        if iso:
            ticked = {rtype for j, rtype in cols.items() if j < len(row) and _MARK.match(row[j] or "")}
            rows.append((iso, region, ticked))
            continue
        label = join_cells([c for j, c in enumerate(row) if j not in cols])
        if re.search(r"total", label, re.I):
            for j, rtype in cols.items():
                m = re.search(r"\d+", row[j] if j < len(row) else "")
                if m:
                    totals[rtype] = int(m.group(0))
            continue
        r = countries.region_name(label)
        if r:
            region = r
    return {"rows": rows, "totals": totals}


def extract(doc: Document, kb: KnowledgeBase) -> None:
    # Country entries and the region headings above them.
    for sec in doc.sections:
        if sec.kind != "country" or not sec.iso3:
            continue
        first = doc.first_passage_in(sec.id)
        if first is None:
            continue
        ensure_country(kb, sec.iso3, first.id)
        if sec.region:
            _region(kb, sec.region)
            kb.add_fact(eid("Country", sec.iso3), "inRegion", eid("Region", _region_key(sec.region)),
                        [first.id], kind="Fact", source="section")

    # The results table: priority countries and their institutional results.
    for table, cols in results_tables(doc):
        passage = _table_passage(doc, table)
        if passage is None:
            continue
        data = read_results_table(table, cols)
        ym = _YEAR.search(table.title or "")
        year = ym.group(0) if ym else None
        prog = kb.add_entity("Initiative", PROGRAMME_KEY, "Flagship Programme", passage=passage.id)
        prog.attrs.setdefault("results_totals", {}).update(data["totals"])
        for iso, region, ticked in data["rows"]:
            ensure_country(kb, iso, passage.id).attrs["priority"] = True
            kb.add_fact(eid("Country", iso), "priorityCountryOf", prog.id, [passage.id], kind="Fact")
            if region:
                _region(kb, region)
                kb.add_fact(eid("Country", iso), "inRegion", eid("Region", _region_key(region)),
                            [passage.id], kind="Fact", source="table")
            for rtype in sorted(ticked):
                key = f"{iso}-{rtype}-{year or 'na'}"
                kb.add_entity("InstitutionalResult", key, f"{countries.display_name(iso)}: {rtype.replace('_', ' ')}"
                              f"{' (' + year + ')' if year else ''}", result_type=rtype, year=year, country=iso)
                kb.add_fact(eid("Country", iso), "achievedResult", eid("InstitutionalResult", key),
                            [passage.id], kind="Fact", result_type=rtype, year=year)


def _region_key(name: str) -> str:
    return countries.fold(name).replace(" ", "-")


def _region(kb: KnowledgeBase, name: str):
    return kb.add_entity("Region", _region_key(name), name)
