"""Funding asked for a year the report's financing lines are not dated to: "Who funded the work in
Kenya in 2019?", "who funds jordan in 2026".

The financing lines ("Financing support: ...") sit in sections the report dates by their headings
("2.1 Summary of country-level results 2024"); the graph's funding facts carry no year of their
own.  Read naively the year is dropped and the engine answers with the funders of the report's
year, a plausible list for a question the report does not answer.  :func:`undated_years` finds the
years a plain funding question asks about (a closing "in 2019") that no heading over a financing
line writes; the engine then answers none, saying which years the lines are for.

Only a question for funders or funded countries whose one clause is about funding and whose year
closes it: a year that belongs to another clause ("the countries that ratified in 2023", "Morocco, which passed its law in 2021") is
that clause's.  The years come from the report's own headings: nothing here names one.
"""
from __future__ import annotations

import re

_CLOSING_YEAR = re.compile(r"\b(?:in|during|for|back\s+in)\s+((?:19|20)\d\d)\s*[?.!]*\s*$", re.I)
_OTHER_CLAUSE = re.compile(r"[,;:]|\b(?:that|which|whose|where|when|who)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def financing_years(knowledge) -> set[str]:
    """The years the headings over the report's financing lines write (read once per knowledge base)."""
    cached = getattr(knowledge, "_financing_years", None)
    if cached is None:
        cached = set()
        for f in knowledge.facts_where(predicate="fundedBy"):
            if not f.get("attrs", {}).get("funding_line"):
                continue
            for pid in f.get("passages", []):
                p = knowledge.passage(pid)
                if p is not None:
                    cached |= {y for s in p.section_path for y in _YEAR.findall(s)}
        knowledge._financing_years = cached
    return cached


def undated_years(question: str, a, knowledge) -> list[str]:
    """The year a plain funding question closes on, when no financing line's heading is of it."""
    if not a.fund or a.answer_type not in ("Organization", "Country") or \
            a.ratify or a.pathfinder or a.result_types or a.any_result or a.roadmap or a.priority:
        return []  # "which scheme had financing provisions adopted in 2023": a scheme's own year
    m = _CLOSING_YEAR.search(question)
    if m is None or len(set(_YEAR.findall(question))) != 1:
        return []
    head = re.sub(r"^\s*(?:who|which|what)\b", "", question[:m.start()], flags=re.I)
    if _OTHER_CLAUSE.search(head):
        return []
    years = financing_years(knowledge)
    return [m.group(1)] if years and m.group(1) not in years else []
