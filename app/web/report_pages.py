"""Page references for passages, read from the report's own table of contents.

The converted text has no reliable page breaks, but its contents table pairs section titles with
page numbers.  A passage gets the page where the deepest section of its path that the contents
table lists begins ("section from p. 10"); passages of unlisted sections get none.
"""
from __future__ import annotations

import re

PAGE = re.compile(r"^(\d{1,4}|[IVXLCivxlc]{1,6})$")


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", s.casefold()).split())


def contents_entries(tables: list[dict]) -> dict[str, str]:
    """norm(title) -> page, from tables most of whose rows end with a page number."""
    out: dict[str, str] = {}
    for t in tables:
        rows = [[c.strip() for c in r if c.strip()] for r in t.get("rows", [])]
        rows = [r for r in rows if r]
        paged = [r for r in rows if len(r) >= 2 and PAGE.match(r[-1])]
        if len(rows) < 3 or len(paged) < 0.6 * len(rows):
            continue
        for r in paged:
            title = _norm(" ".join(r[:-1]))
            if title and title not in out:
                out[title] = r[-1]
    return out


def page_index(kb, tables: list[dict]) -> dict[str, str]:
    """passage id -> "section from p. N"."""
    entries = contents_entries(tables)
    if not entries:
        return {}
    out: dict[str, str] = {}
    for pid, p in kb.passages.items():
        titles = list(p.section_path or [])
        if p.kind == "table":  # a table is listed under its own title ("Table 4: ...")
            t = next((t for t in tables if t["start"] <= p.start < t["end"]), None)
            if t and t.get("title"):
                key = _norm(t["title"])
                page = entries.get(key) or next((v for k, v in entries.items() if k[:40] == key[:40]), None)
                if page:
                    out[pid] = f"p. {page}"
                    continue
                titles = titles[:1]
        for title in reversed(titles):
            key = _norm(title)
            page = entries.get(key) or next((v for k, v in entries.items()
                                             if len(key) >= 12 and (k.startswith(key) or key.startswith(k))), None)
            if page:
                out[pid] = f"section from p. {page}"
                break
    return out
