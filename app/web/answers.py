"""How an answer is shown: a summary with numbered citations, answers that point at their evidence,
and every evidence passage once (numbered, with the answers it supports highlighted in it).

The engine returns evidence per answer, so one paragraph naming five funders came back five times.
:func:`present` turns the engine's JSON into a view model for the page: it is defensive about what
the engine provides (``answer_text`` and ``citations`` are used when present, a plain summary is
composed otherwise), and a passage that is a table row is shown as a small table (the headers and
the rows that name an answer), not as the table flattened into one line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from app.web.labels import format_number, humanise, type_label

CITATION = re.compile(r"\[(\d+)\]")


@dataclass
class Evidence:
    n: int
    passage_id: str
    section: str
    text: str
    highlights: list[list[int]] = field(default_factory=list)
    supports: list[str] = field(default_factory=list)
    table: dict | None = None
    page: str | None = None


@dataclass
class AnswerView:
    label: str
    url: str | None
    type: str
    value: str | None
    refs: list[int]
    score: float | None
    path: list[str]


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", (s or "").casefold()).split())


def value_text(answer: dict) -> str | None:
    """An answer's value with its unit and thousands separators ("US$ 8,095,069")."""
    v = answer.get("value")
    if v is None or v == "":
        return None
    unit = answer.get("unit") or answer.get("currency")
    if isinstance(v, dict):
        unit = v.get("unit") or v.get("currency") or unit
        v = v.get("value", v.get("amount"))
    return format_number(v, unit)


def _header_rows(table: dict) -> list[list[str]]:
    if table.get("header"):
        return [list(r) for r in table["header"]]
    out = []
    for row in table.get("rows", [])[:3]:
        cells = [c.strip() for c in row]
        filled = [i for i, c in enumerate(cells) if c]
        if len(filled) >= 2 and filled[0] >= 1:  # column titles, with an empty corner
            out.append(cells)
        else:
            break
    return out


def table_excerpt(table: dict, labels: list[str]) -> dict | None:
    """The header rows and the rows that name one of ``labels`` (with the group row above them)."""
    header = _header_rows(table)
    body = table.get("rows", [])[len(header) if not table.get("header") else 0:]
    wanted = [_norm(x) for x in labels if x]
    rows, group = [], None
    for row in body:
        cells = [c.strip() for c in row]
        filled = [c for c in cells if c]
        if len(filled) == 1 and not any(ch.isdigit() for ch in filled[0]):
            group = filled[0]  # a group row such as a region heading
            continue
        line = _norm(" ".join(cells))
        if any(w and re.search(r"\b" + re.escape(w) + r"\b", line) for w in wanted):
            rows.append({"group": group, "cells": cells})
    if not rows:
        return None
    width = max(len(r) for r in [*header, *(r["cells"] for r in rows)])
    keep = [i for i in range(width) if any(i < len(r) and r[i] for r in header)
            or any(i < len(r["cells"]) and r["cells"][i] and not re.fullmatch(r"\d+\.?", r["cells"][i]) for r in rows)]
    pick = lambda r: [r[i] if i < len(r) else "" for i in keep]  # noqa: E731
    return {"title": table.get("title", ""), "header": [pick(h) for h in header],
            "rows": [{"group": r["group"], "cells": pick(r["cells"])} for r in rows[:12]],
            "more": max(0, len(rows) - 12)}


def _table_for(passage, tables: list[dict]) -> dict | None:
    if passage is None or getattr(passage, "kind", "") != "table":
        return None
    for t in tables:
        if t.get("source", passage.source) == passage.source and t["start"] <= passage.start < t["end"]:
            return t
    return None


def present(result: dict[str, Any], kb=None, tables: list[dict] | None = None,
            entity_url=lambda iri: None, page_of=lambda pid: None) -> dict[str, Any]:
    """The page's view of one engine result (see the module docstring)."""
    answers = result.get("answers") or []
    raw = result.get("citations") or []
    if isinstance(raw, dict):  # the engine's form: {"1": passage id, ...}
        raw = [{"n": n, "passage_id": pid} for n, pid in raw.items()]
    citations = [c for c in raw if isinstance(c, dict) and c.get("passage_id")]
    numbers: dict[str, int] = {}
    for c in sorted(citations, key=lambda c: int(c["n"]) if str(c.get("n", "")).isdigit() else 1 << 30):
        numbers.setdefault(c["passage_id"], len(numbers) + 1)  # each cited passage once, in citation order
    evidence: dict[str, Evidence] = {}
    views: list[AnswerView] = []
    for a in answers:
        refs = []
        for ev in a.get("evidence") or []:
            pid = ev.get("passage_id")
            if not pid:
                continue
            if pid not in numbers:
                numbers[pid] = max([0, *numbers.values()]) + 1
            item = evidence.get(pid)
            if item is None:
                item = evidence[pid] = Evidence(n=numbers[pid], passage_id=pid, section=ev.get("section", ""),
                                                text=ev.get("text", ""), page=page_of(pid))
            item.highlights.extend([list(h) for h in ev.get("highlights") or [] if len(h) == 2])
            if a.get("label") and a["label"] not in item.supports:
                item.supports.append(a["label"])
            if numbers[pid] not in refs:
                refs.append(numbers[pid])
        score = a.get("score")
        views.append(AnswerView(label=str(a.get("label", "")), url=a.get("url") or entity_url(a.get("iri")),
                                type=type_label(a.get("type") or ""), value=value_text(a), refs=refs,
                                score=float(score) if isinstance(score, (int, float)) else None,
                                path=[p for p in a.get("path") or [] if isinstance(p, str)]))
    for c in citations:  # a citation may name a passage no answer carries
        pid = c["passage_id"]
        if pid not in evidence and kb is not None and kb.passage(pid) is not None:
            p = kb.passage(pid)
            evidence[pid] = Evidence(n=numbers[pid], passage_id=pid, section=p.section, text=p.text,
                                     supports=[c["label"]] if c.get("label") else [], page=page_of(pid))
    for item in evidence.values():
        passage = kb.passage(item.passage_id) if kb is not None else None
        table = _table_for(passage, tables or [])
        if table is not None:
            item.table = table_excerpt(table, item.supports)
            if item.table:
                chapter = passage.section_path[0] if passage.section_path else ""
                item.section = " › ".join(x for x in (chapter, table.get("title", "")) if x)
    ordered = sorted(evidence.values(), key=lambda e: e.n)
    # the sentence's [n] are the engine's numbers; the page numbers each passage once
    renumber = {}
    for c in citations:
        try:
            renumber[int(c.get("n"))] = numbers[c["passage_id"]]
        except (TypeError, ValueError, KeyError):
            pass
    return {"summary": summary_parts(result, views, renumber), "answers": views, "evidence": ordered,
            "why": why(result)}


def summary_parts(result: dict, views: list[AnswerView],
                  renumber: dict[int, int] | None = None) -> list[tuple[str, int | None]]:
    """The summary sentence as (text, citation number or None) parts; the engine's ``answer_text``
    when it gives one, else a plain list of the answers with their evidence numbers."""
    text = result.get("answer_text")
    if isinstance(text, str) and text.strip():
        parts: list[tuple[str, int | None]] = []
        pos = 0
        for m in CITATION.finditer(text):
            if m.start() > pos:
                parts.append((text[pos:m.start()], None))
            n = (renumber or {}).get(int(m.group(1)), int(m.group(1)))
            parts.append((f"[{n}]", n))
            pos = m.end()
        if pos < len(text):
            parts.append((text[pos:], None))
        return parts
    if not views:
        return []
    parts = [(f"{len(views)} answer{'s' if len(views) != 1 else ''}: ", None)]
    shown = views[:8]
    for i, v in enumerate(shown):
        parts.append((v.label + (f" ({v.value})" if v.value else ""), None))
        if i == len(shown) - 1 or shown[i + 1].refs[:3] != v.refs[:3]:  # cite once per run sharing evidence
            for n in v.refs[:3]:
                parts.append((f"[{n}]", n))
        parts.append((", " if i < len(shown) - 1 else "", None))
    if len(views) > 8:
        parts.append((f" and {len(views) - 8} more", None))
    parts.append((".", None))
    return [p for p in parts if p[0]]


TIMING_WORDS = {"analyse": "question analysis", "sparql": "graph query", "text": "text matching",
                "total": "total", "search": "passage search", "link": "entity linking"}
STRATEGY_WORDS = {"graph": "the graph answered (a SPARQL query over extracted relations)",
                  "text": "the text answered (sentences matched to the question)",
                  "graph+text": "graph and text together (the intersection of both)",
                  "count": "a count over the graph"}


def why(result: dict) -> dict:
    """The "why these answers" panel in words: strategy, path, timings without raw keys."""
    strategy = result.get("strategy")
    if isinstance(strategy, str):
        strategy_text = STRATEGY_WORDS.get(strategy, humanise(strategy))
    elif isinstance(strategy, dict):
        strategy_text = "; ".join(f"{humanise(k)}: {v if not isinstance(v, (list, dict)) else ', '.join(map(str, v)) if isinstance(v, list) else v}"
                                  for k, v in strategy.items())
    elif isinstance(strategy, list):
        strategy_text = ", ".join(map(str, strategy))
    else:
        strategy_text = ""
    timings = []
    for k, v in (result.get("timings_ms") or {}).items():
        if isinstance(v, (int, float)):
            key = re.sub(r"_?ms$", "", k)
            timings.append((TIMING_WORDS.get(key, humanise(key).lower()), f"{v:,.1f} ms"))
    path = result.get("path") or []
    path = [p if isinstance(p, str) else " → ".join(map(str, p)) if isinstance(p, list) else str(p) for p in path]
    return {"strategy": strategy_text, "path": path, "timings": timings,
            "answer_type": type_label(result.get("answer_type") or "") if result.get("answer_type") else ""}
