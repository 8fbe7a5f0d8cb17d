"""Tables as data: every cell of a numbered table becomes an observation (W3C Data Cube).

A report's tables are where its numbers live ("Table 2: Impacts on people ... 2021-2024").  The
parser keeps them as rows of cleaned cells; here each cell under a value column becomes an
:class:`Observation` with the row's label, the column's label, the number, its unit and the
table's caption, so that SPARQL can ask "how many persons did legal coverage extension reach in
2023?" and get ``1,900,000 persons`` back.

Only the *shape* of a table is read:

* numbered tables only ("Table N: ..."); a table whose rows are themselves "Table N ..." captions
  is the list of tables of the front matter, not data;
* header rows are the leading rows with at least two cells and no number in them; stacked header
  rows are joined per column ("Result 1: Policies and strategies");
* value columns hold numbers or marks (•, ✓, x); the leading columns before them (text, years,
  enumerators "1.") label the row;
* a row with only a label in its first column and no values is a group heading ("Africa") for the
  rows below it; a row whose first label cell is empty belongs to the last row that had one
  ("Legal coverage > Old-age pensions");
* cells the converter split mid-word are joined back ("(addit" | "tional ...)");
* units come from the cell ("US$ 160,000,000", "20 million", "53%"), else the column header or the
  caption ("Number of persons", "(in US$)", "ILO staff ..."); mark columns count 1 (marked) or 0.

The evidence of an observation is its row with the column headers, and the source offsets of that
row; the table passage that holds it is its ``prov:wasDerivedFrom``.  Table 4 of the bundled
report (results by country) is also read as results facts by :mod:`graph.extract.structure`; its
cells are observations too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from graph.kb import KnowledgeBase
from graph.model import Document, Passage, Table
from graph.parse import join_cells
from graph.text import clean_inline

MARKS = {"•", "●", "✓", "✔", "x", "X", "√", "■", "◆"}
_ENUM = re.compile(r"^\(?\d{1,3}[.)]?$")
_YEAR = re.compile(r"^(?:19|20)\d{2}(?:\s*[-–]\s*\d{2,4})?$")
_CAPTION_ROW = re.compile(r"^(?:Table|Figure|Box)\s*\d+", re.I)
_NUMBER = re.compile(
    r"^(?P<cur>US\$|USD|\$|€|EUR|£|GBP|CHF)?\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(?P<scale>million|billion|thousand|mn|bn|m|k)?\s*(?P<cur2>US\$|USD|€|EUR)?\s*(?P<pct>%|per\s*cent)?$", re.I)
_SCALE = {"thousand": 1_000, "k": 1_000, "million": 1_000_000, "mn": 1_000_000, "m": 1_000_000,
          "billion": 1_000_000_000, "bn": 1_000_000_000}
_CURRENCY = {"us$": "USD", "usd": "USD", "$": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
             "chf": "CHF"}

# unit key -> readable label (the unit nodes of the graph carry these)
UNITS = {
    "USD": "US dollars", "EUR": "euros", "GBP": "pounds sterling", "CHF": "Swiss francs",
    "percent": "per cent", "persons": "persons", "projects": "projects", "countries": "countries",
    "count": "count", "marked": "marked (1) or not (0)",
}
_COUNT_NOUNS = ("persons", "people", "staff", "workers", "beneficiaries", "projects", "countries",
                "results", "changes", "positions", "members", "households")


@dataclass
class Observation:
    """One table cell: ``value`` (``unit``) at (``row``, ``column``) of a numbered table."""

    id: str
    table_id: str
    table_number: int | None
    caption: str
    row: str
    column: str
    value: Decimal
    unit: str
    text: str  # the cell as written ("US$ 160,000,000", "•", "")
    row_text: str  # evidence: column headers and the row
    passage: str | None
    start: int  # source offsets of the row
    end: int
    row_index: int
    column_index: int
    attrs: dict = field(default_factory=dict)


def parse_number(cell: str) -> tuple[Decimal, str | None] | None:
    """'7,182,500' -> (7182500, None); 'US$ 8,095,069' -> (8095069, 'USD'); '20 million' -> 2e7."""
    s = cell.strip().replace("\u00a0", " ").replace("US\\$", "US$")
    m = _NUMBER.match(s)
    if not m:
        return None
    try:
        v = Decimal(m.group("num").replace(",", ""))
    except InvalidOperation:
        return None
    if m.group("scale"):
        v *= _SCALE[m.group("scale").lower()]
    cur = m.group("cur") or m.group("cur2")
    unit = _CURRENCY.get(cur.lower()) if cur else ("percent" if m.group("pct") else None)
    return v, unit


def _is_value(cell: str) -> bool:
    return cell.strip() in MARKS or (parse_number(cell) is not None and not _YEAR.match(cell.strip()))


def _unit_from_words(*texts: str) -> str | None:
    for t in texts:
        low = t.lower()
        if re.search(r"us\$|usd|\bdollars?\b", low):
            return "USD"
        if re.search(r"€|\beur\b|\beuros?\b", low):
            return "EUR"
        if re.search(r"per\s*cent|%|percentage|share", low):
            return "percent"
        m = re.search(r"number\s+of\s+(?:new\s+|\w+\s+)?(\w+)", low)
        if m and m.group(1) in _COUNT_NOUNS:
            return {"people": "persons", "staff": "persons", "workers": "persons"}.get(m.group(1), m.group(1)) \
                if m.group(1) in ("people", "staff", "workers", "persons", "projects", "countries") else "count"
    for t in texts:
        low = t.lower()
        if re.search(r"\b(?:persons|people|staff|workers|beneficiaries)\b", low):
            return "persons"
        if re.search(r"\bprojects\b", low):
            return "projects"
    return None


def join_label(cells: list[str]) -> str:
    """Join label cells split by the converter: 'Amer' | 'icas' -> 'Americas', 'Arab S' | 'States'
    -> 'Arab States' (a fragment repeated at the start of the next cell is dropped)."""
    parts: list[str] = []
    for c in cells:
        c = c.strip()
        if not c:
            continue
        if parts:
            last = parts[-1].split()[-1] if parts[-1].split() else ""
            first = c.split()[0]
            if last and first != last and first.startswith(last) and last[0].isupper():
                parts[-1] = parts[-1][: len(parts[-1]) - len(last)].rstrip()
                if not parts[-1]:
                    parts.pop()
        parts.append(c)
    # a footnote mark the converter set loose before a year: "impacted in | 1 2024" -> "in 2024"
    return re.sub(r"(?<=[a-z])\s+\d\s+((?:19|20)\d{2})\b", r" \1", join_cells(parts))


def is_data_table(t: Table) -> bool:
    """A numbered table that is not the front matter's list of tables."""
    if t.number is None:
        return False
    firsts = [join_cells(r[:2]) for r in t.rows if any(r)]
    return not firsts or sum(bool(_CAPTION_ROW.match(f)) for f in firsts) < 0.5 * len(firsts)


def _source_rows(doc: Document, t: Table) -> list[tuple[int, int, list[str]]]:
    """(start, end, cleaned cells) of every pipe row in the table's span of the source text."""
    out, pos = [], t.start
    for line in doc.text[t.start:t.end].splitlines(keepends=True):
        s = line.strip()
        if s.startswith("|") and not re.fullmatch(r"\|?[\s:|-]*-{2,}[\s:|-]*\|?", s):
            cells = [clean_inline(c) for c in s.strip("|").split("|")]
            out.append((pos, pos + len(line.rstrip("\n")), [c for c in cells if c]))
        pos += len(line)
    return out


def _table_passage(doc: Document, t: Table, offset: int) -> Passage | None:
    best = None
    for p in doc.table_passages():
        if p.start <= offset < max(p.end, p.start + 1):
            return p
        if p.section_id == t.section_id and t.start <= p.start <= t.end:
            best = best or p
    return best


def table_observations(doc: Document, t: Table) -> list[Observation]:
    """Every value cell of one table as an observation (empty list for a table that holds none)."""
    rows = [list(r) for r in t.rows if any(c.strip() for c in r)]
    if not rows:
        return []
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    used = [c for c in range(width) if any(r[c].strip() for r in rows)]
    rows = [[r[c] for c in used] for r in rows]
    width = len(used)
    # header rows
    n_head = 0
    for r in rows:
        filled = [c for c in r if c.strip()]
        if len(filled) >= 2 and not any(_is_value(c) for c in r):
            n_head += 1
        else:
            break
    head, body = rows[:n_head], rows[n_head:]
    if not body:
        return []
    col_label = [": ".join(dict.fromkeys(h[c].strip() for h in head if h[c].strip())) for c in range(width)]
    # value columns: from the first column whose filled cells are mostly values
    first_val = None
    for c in range(width):
        filled = [r[c] for r in body if r[c].strip()]
        if filled and sum(_is_value(x) for x in filled) >= 0.5 * len(filled):
            first_val = c
            break
    if first_val is None:
        return []
    value_cols = [c for c in range(first_val, width)
                  if any(_is_value(r[c]) for r in body)]
    mark_cols = {c for c in value_cols if any(r[c].strip() in MARKS for r in body)}
    label_cols = list(range(first_val))
    caption = re.sub(r"\s+", " ", t.title).strip()
    caption_unit = _unit_from_words(caption)
    src = _source_rows(doc, t)
    si = 0
    out: list[Observation] = []
    group, parent = "", ""
    for ri, r in enumerate(body):
        cells_filled = [c for c in r if c.strip()]
        # the row's place in the source text (rows are in order)
        start, end = t.start, t.end
        for k in range(si, len(src)):
            if src[k][2] == cells_filled:
                start, end = src[k][0], src[k][1]
                si = k + 1
                break
        if n_head and any(r == h for h in head):
            continue  # the header repeated after a page break
        labels = [r[c].strip() for c in label_cols]
        own = join_label([x for x in labels if x and not _ENUM.match(x)])
        if re.search(r"\btotal\b", own, re.I):
            group = parent = ""
        if labels and labels[0] and not _ENUM.match(labels[0]) and not any(r[c].strip() for c in value_cols):
            group, parent = own, ""  # "Africa": a heading for the rows below it
            continue
        if labels and labels[0] and not _ENUM.match(labels[0]):
            parent = own
            row_label = own
        elif labels and not labels[0] and parent:
            row_label = f"{parent} > {own}" if own else parent
        else:
            row_label = own
        if group:
            row_label = f"{group} > {row_label}" if row_label else group
        if not row_label:
            row_label = f"row {ri + 1}"
        # evidence: the row with its column headers, each value beside the header it sits under
        pairs = "; ".join(f"{col_label[c] or 'value'}: {r[c].strip() or '(blank)'}" for c in value_cols)
        evidence = f"{caption}\n{row_label} | {pairs}"
        passage = _table_passage(doc, t, start)
        for c in value_cols:
            cell = r[c].strip()
            if c in mark_cols and (cell in MARKS or not cell):
                value, unit = Decimal(1 if cell else 0), "marked"
            else:
                parsed = parse_number(cell) if cell else None
                if parsed is None:
                    continue
                value, unit = parsed
                unit = unit or _unit_from_words(col_label[c]) or _unit_from_words(row_label) or caption_unit \
                    or "count"
            out.append(Observation(
                id=f"{t.id}-r{ri + 1}-c{c + 1}", table_id=t.id, table_number=t.number, caption=caption,
                row=row_label, column=col_label[c] or "value", value=value, unit=unit, text=cell,
                row_text=evidence, passage=passage.id if passage else None, start=start, end=end,
                row_index=ri + 1, column_index=c + 1))
    return out


def observations(doc: Document) -> list[Observation]:
    """The observations of every data table of a document (with the page, where the text has
    page markers)."""
    from graph.pages import page_map

    out = [o for t in doc.tables if is_data_table(t) for o in table_observations(doc, t)]
    pm = page_map(doc.text)
    if pm:
        for o in out:
            o.attrs["page"] = pm.page_at(o.start)
    return out


def extract(doc: Document, kb: KnowledgeBase) -> None:
    kb.observations.extend(o for o in observations(doc) if o.passage)


__all__ = ["Observation", "UNITS", "observations", "parse_number", "table_observations", "is_data_table"]
