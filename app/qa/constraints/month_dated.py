"""A month the question writes dates the event it asks about: "Who took on the secretariat of the
CONNECT network in December 2024?", "Which country joined the Global Accelerator in March 2024?".

Why: the graph holds the relation (secretariat of, member of) but not the month of each statement,
so such a question got every holder of the relation: the ILO, which ran the secretariat during
the year, beside the university that set it up in December; every pathfinder for the one that
joined in March.  The report writes the month in the sentence that names the answer ("In December
2024, Mahidol University established the secretariat ..."), so of a graph answer's items, those
with an evidence sentence that names them and writes the month (and the year, when the question
gives one beside the month) are the answer, when some but not all have one.  When none has, or
all have, the answer stands: a month is a narrowing, never a reason to answer nothing.
"""
from __future__ import annotations

import re

from graph.text import split_sentences
from graph.dates import MONTH_ABBREVIATIONS, MONTH_WORDS

MONTHS = MONTH_WORDS
# "in March 2024", "March 2024", "on 12 December 2024", "in December"; "May" only as a date ("in
# May", "May 2024"), never the verb ("may have").
# A month's abbreviation counts only before a year ("in dec 2024", "Sept. 2024"): "mar", "jan" alone are words.
_MONTH = re.compile(r"\b(?:(?P<m>" + "|".join(m for m in MONTHS if m != "may") + r")|(?P<may>may)(?=\s+\d{4})"
                    r"|(?<=\bin\s)(?P<may2>may)|(?P<abbr>" + "|".join(MONTH_ABBREVIATIONS) + r")(?=\.?\s+(?:19|20)\d{2}\b))"
                    r"\b(?:\.?\s+(?P<y>(?:19|20)\d{2}))?", re.I)
# a month that is no event's date: "as of March 2025", "by the end of December", "until June"
_NOT_EVENT = re.compile(r"\b(?:as\s+of|as\s+at|until|till|by(?:\s+the\s+end\s+of)?|since|from|through)\s+(?:\d{1,2}\s+)?$", re.I)


def asked_month(question: str) -> tuple[str, str | None] | None:
    """The month (lower case) and year the question dates its event by, or None: only one month,
    and not one that bounds a figure ("as of March 2025")."""
    found = []
    for m in _MONTH.finditer(question or ""):
        if _NOT_EVENT.search(question[:m.start()]):
            continue
        month = (m.group("m") or m.group("may") or m.group("may2") or "").lower() or \
            next(name for name in MONTHS if name.startswith(m.group("abbr").lower()[:3]))
        found.append((month, m.group("y")))
    months = {f[0] for f in found}
    if len(months) != 1:
        return None  # no month, or "in September and November": two events
    year = next((f[1] for f in found if f[1]), None)
    return found[0][0], year


def dates_answer(evidence: list[dict], month: str, year: str | None) -> bool:
    """True when one of the answer's evidence passages has a sentence that names the answer (a
    highlight) and writes the month (and the year, when one is asked)."""
    word = re.compile(rf"\b{month}\b", re.I)
    for e in evidence or []:
        text = e.get("text") or ""
        marks = e.get("highlights") or []
        for s, t in split_sentences(text):  # the build's own sentence splitter
            if not any(s <= a < t for a, _ in marks):
                continue
            sent = text[s:t]
            if word.search(sent) and (year is None or year in sent):
                return True
    return False


def narrowed(question: str, answers: list[dict]) -> tuple[list[dict], str] | None:
    """The answers the question's month dates, and why, or None when the month narrows nothing."""
    asked = asked_month(question)
    if asked is None or len(answers) < 2:
        return None
    month, year = asked
    kept = [x for x in answers if dates_answer(x.get("evidence") or [], month, year)]
    if not kept or len(kept) == len(answers):
        return None
    when = f"{month.capitalize()} {year}" if year else month.capitalize()
    return kept, f"kept the answers whose evidence sentence is dated {when}, as the question dates the event"
