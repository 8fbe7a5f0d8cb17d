"""The headings a report's own table of contents lists.

A converted report has no heading markup, so the parser judges a title line by its shape: short,
no comma, no colon.  Some real headings fail that test ("Pillar 1: In-country support", a thematic
heading of sixteen words with a comma).  The report says which lines are its headings in its
contents table, so a body line that the contents list is a heading whatever its length or
punctuation.  Nothing here knows one report's headings: the contents table is recognised by its
shape (title cells beside page numbers, before the first chapter) and read from the text.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from graph import countries

# A page cell: arabic or roman numerals, with the stray letters and markup a converter leaves
# around them ("<i>4</i> 1", "o1", ".2").
_PAGE = re.compile(r"^\W*(?:[0-9oOiIl]{1,4}|[ivxlcdm]{1,6})(?:\s*[0-9oOiIl]{1,3})?\W*$", re.I)
_CAPTION_ENTRY = re.compile(r"^(?:Table|Figure|Box|Chart|Map)\s*\d", re.I)
_NUMBERING = re.compile(r"^\d+(?:\.\d+)*\.?\s+")
_FIRST_CHAPTER = re.compile(r"^1\.\s+[A-Z]")
MIN_ROWS = 4  # fewer rows than this is not a contents table
MAX_ENTRY_WORDS = 40


def heading_key(text: str) -> str:
    """A line's identity as a heading: numbering, case, accents, markup and punctuation ignored."""
    text = re.sub(r"<[^>]*>", " ", text)
    text = _NUMBERING.sub("", text.strip())
    text = countries.fold(text).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _is_rule(line: str) -> bool:
    return bool(re.fullmatch(r"\|?[\s:|-]*-{2,}[\s:|-]*\|?", line.strip()))


def contents_entries(rows: Sequence[str]) -> list[str] | None:
    """The titles of a contents table given as its pipe rows, or None when the rows are not one.

    A contents row is a title and a page number (the page may be missing or garbled); a table
    whose rows carry more than one filled cell beside the title, or too few page numbers, is a
    data table."""
    rows = [r for r in rows if not _is_rule(r)]
    titled = 0
    paged = 0
    entries: list[str] = []
    for r in rows:
        filled = [c for c in _cells(r) if c]
        if not filled:
            continue
        if len(filled) > 2:
            return None
        title, page = (filled[0], filled[1]) if len(filled) == 2 else (filled[0], "")
        if not re.search(r"[A-Za-z]{3}", title):
            continue
        titled += 1
        if page and _PAGE.match(re.sub(r"<[^>]*>", "", page)):
            paged += 1
        elif page:
            return None  # "RMT | Results Monitoring Tool": a glossary, not contents
        entries.append(title)
    if titled < MIN_ROWS or paged * 2 < titled:
        return None
    return entries


def listed_headings(lines_by_table: Sequence[Sequence[str]]) -> frozenset[str]:
    """Heading keys of every contents table among ``lines_by_table`` (each a table's pipe rows,
    in document order, only those before the first chapter).  An entry cut over two rows (the
    second starting in lower case) is also listed whole; captions listed in a table of figures
    are not headings."""
    keys: set[str] = set()
    for rows in lines_by_table:
        entries = contents_entries(rows)
        if not entries:
            continue
        for k, entry in enumerate(entries):
            if _CAPTION_ENTRY.match(entry) or len(entry.split()) > MAX_ENTRY_WORDS:
                continue
            if not entry[:1].islower():  # the tail of a cut entry is no heading of its own
                keys.add(heading_key(entry))
            if k + 1 < len(entries) and entries[k + 1][:1].islower():
                keys.add(heading_key(f"{entry} {entries[k + 1]}"))
    keys.discard("")
    return frozenset(keys)


def front_tables(blocks: Sequence, cleaned: Sequence) -> list[list[str]]:
    """The pipe tables before the first chapter heading ("1. ..." on a line of its own)."""
    out: list[list[str]] = []
    for blk, clean in zip(blocks, cleaned):
        if blk.kind == "table":
            out.append(list(blk.lines))
        elif clean and _FIRST_CHAPTER.match(clean):
            break
    return out
