"""A "when" question answered by a year says the month too when the evidence dates the event by it:
"When did the ILO publish the Working Paper on the financing gap?" is "April 2024", not "2024".

Why: the text step reads a year out of "In April 2024, the ILO published ..."; the month is in the
same words and is what a reader asking "when" wants.  A question that asks for the year itself
("in what year", "which year") keeps the bare year.  The answer's value stays the year, so
anything that compares or sorts years is unchanged.  Month names are ordinary English.
"""
from __future__ import annotations

import re

from app.qa.constraints.month_dated import MONTHS

_MONTHS = "|".join(m.capitalize() for m in MONTHS)
# the date written right before the year: "April 2024", "12 December 2024", "December 12, 2024"
_BEFORE_YEAR = re.compile(rf"(?:\b(?P<day>\d{{1,2}})\s+)?\b(?P<month>{_MONTHS})\s+(?:(?P<day2>\d{{1,2}}),?\s+)?$")
_WHEN = re.compile(r"^\s*(?:and\s+|so\s+)?when\b|\bwhen\s+(?:did|was|were|is|has|have|had|will)\b", re.I)
_YEAR_WORD = re.compile(r"\byears?\b", re.I)
# "in which month of 2024 did ...", "what month and year": the date is asked, read as a year with its month
# "on what date did the committee meet", "which day": the day too, where the evidence writes one
# (and a keyword query that closes on it: "15th SPIAC-B meeting date")
DATE_ASKED = re.compile(r"\b(?:which|what)\s+(?:date|day)\b|\bdate\s+(?:of|when)\b|\b(?:meeting|event|launch|workshop)\s+date\b|"
                        r"^(?!.*\b(?:which|what|who|how|where|why)\b).*\b(?:exact\s+|full\s+)?date\s*\??\s*$", re.I)
MONTH_ASKED = re.compile(r"\b(?:which|what)\s+month\b|" + DATE_ASKED.pattern, re.I)


def asks_when(question: str) -> bool:
    """A "when" question that does not ask for the year by name, or one that asks for the month."""
    q = question or ""
    return bool(MONTH_ASKED.search(q)) or bool(_WHEN.search(q)) and not _YEAR_WORD.search(q)


def dated_label(answer: dict, with_day: bool = False) -> str | None:
    """"April 2024" when the answer's evidence writes a month right before its year (the first
    evidence that does: a graph fact's evidence may open on a summary sentence of the year, "In
    2024, ten countries joined", before the member's own "In July 2024, Pakistan ... joined"), else None."""
    year = str(answer.get("label") or "")
    if not re.fullmatch(r"(?:19|20)\d{2}", year):
        return None
    for e in answer.get("evidence") or []:
        text = e.get("text") or ""
        for s, t in e.get("highlights") or []:
            if text[s:t] != year:
                continue
            m = _BEFORE_YEAR.search(text[max(0, s - 24):s])
            if m:
                day = (m["day"] or m["day2"]) if with_day else None
                return f"{int(day)} {m['month']} {year}" if day else f"{m['month']} {year}"
    return None


def with_month(question: str, answers: list[dict]) -> list[dict]:
    """The answers, each Year relabelled with its month when the question asks "when" and the
    evidence dates it (one answer only: several years are a list, read as years)."""
    if len(answers) != 1 or not asks_when(question):
        return answers
    label = dated_label(answers[0], with_day=bool(DATE_ASKED.search(question)))
    if label is None:
        return answers
    return [dict(answers[0], label=label)]
