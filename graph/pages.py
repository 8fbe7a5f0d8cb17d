"""Page numbers from the page markers a PDF-to-text converter leaves, when it leaves any.

Recognised (each marks where a page *starts*):

* ``<!-- page 12 -->``, ``<!-- Page: 12 -->``, ``<!-- PageNumber="12" -->`` (HTML comments);
* ``[page 12]`` / ``[Page 12]`` on a line of its own;
* ``{11}------`` (marker-style pagination; the number counts from 0, so this is page 12);
* ``<!-- PageBreak -->`` and form feeds (``\\f``): the next page after the previous one.

Without markers nothing is guessed (a lone number on a line may be a page footer, a table cell
or a list number), so :func:`page_at` returns None and no page is recorded.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_NUMBERED = re.compile(
    r"<!--\s*page(?:\s*number)?\s*[:=]?\s*\"?(?P<a>\d{1,4})\"?\s*-->"
    r"|^\s*\[\s*page\s+(?P<b>\d{1,4})\s*\]\s*$"
    r"|^\{(?P<c>\d{1,4})\}-{6,}\s*$", re.I | re.M)
_BREAK = re.compile(r"<!--\s*page\s*break\s*-->|\f", re.I)


@dataclass(frozen=True)
class PageMap:
    starts: tuple[int, ...]  # offsets where a page starts, ascending
    pages: tuple[int, ...]  # the page number that starts there

    def page_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.pages[i] if i >= 0 else None

    def __bool__(self) -> bool:
        return bool(self.starts)


def page_map(text: str) -> PageMap:
    marks: list[tuple[int, int | None]] = []
    for m in _NUMBERED.finditer(text):
        if m.group("a") or m.group("b"):
            marks.append((m.start(), int(m.group("a") or m.group("b"))))
        else:
            marks.append((m.start(), int(m.group("c")) + 1))
    for m in _BREAK.finditer(text):
        marks.append((m.end(), None))
    marks.sort()
    starts, pages = [], []
    current = 1 if marks and marks[0][1] is None else None
    if current is not None:
        starts.append(0)
        pages.append(1)
    for off, num in marks:
        if num is None:
            if current is None:
                current = 1
            current += 1
        else:
            current = num
        starts.append(off)
        pages.append(current)
    return PageMap(tuple(starts), tuple(pages))


def page_at(text: str, offset: int) -> int | None:
    """The page of a character offset in a converted report (None without page markers)."""
    return page_map(text).page_at(offset)


__all__ = ["PageMap", "page_map", "page_at"]


def add_page_triples(g, docs) -> None:
    """``fg:page`` on every passage and section of a report that carries page markers."""
    from rdflib import Literal
    from rdflib.namespace import XSD

    from graph.rdf import passage_uri, section_uri
    from graph.vocab import FG

    for d in docs:
        pm = page_map(d.text)
        if not pm:
            continue
        for p in d.passages:
            n = pm.page_at(p.start)
            if n is not None:
                g.add((passage_uri(p.id), FG.page, Literal(n, datatype=XSD.integer)))
        for s in d.sections:
            n = pm.page_at(s.start)
            if n is not None:
                g.add((section_uri(d.id, s.id), FG.page, Literal(n, datatype=XSD.integer)))
