"""An ILO instrument named by its adoption year: "the 1952 convention", "the 1952 social security
convention", "the social security convention of 1952".

Why: ILO instruments are titled with the year they were adopted ("Social Security (Minimum
Standards) Convention, 1952 (No. 102)"), and people use that year as the instrument's name.  Read
as a plain year, "which countries ratified the 1952 social security convention in 2022" linked no
instrument and filtered ratifications by 1952: no answer.  A title year is part of the name, never
a qualifier of the fact asked, so it is dropped from the question's years, also when the question
writes the full title ("... Convention, 1952 (No. 102)").

Which instrument: one the graph dates by adoption in that year (its ``adoptionYear``, or the year its
title carries) and whose
kind (convention or recommendation) the question says; the words written with the year ("social
security", "minimum standards") must all be words of that instrument's names.  The years and
titles come from the graph's names (the report's citations), nothing from a report is written here.
"""
from __future__ import annotations

import re

from app.qa.units import STOP

_KIND = r"(conventions?|recommendations?)"
_YEAR = r"(19[0-9]\d|20[0-4]\d)"
# "the 1952 (social security) convention"
_YEAR_FIRST = re.compile(r"(?<![\w.])" + _YEAR + r"\s+((?:[A-Za-z()'’-]+\s+){0,6}?)" + _KIND + r"\b", re.I)
# "the (social security) convention of 1952", "... Convention, 1952"
_YEAR_LAST = re.compile(r"\b" + _KIND + r"\s*(?:,\s*|\s+(?:of|from|adopted\s+in)\s+)" + _YEAR + r"\b", re.I)
# the year an instrument's name carries: "Maternity Protection Convention, 2000 (No. 183)"
_TITLE_YEAR = re.compile(r"\b(?:Convention|Recommendation)\s*,\s*(\d{4})\b")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_GENERIC = frozenset({"ilo", "ilo's", "international", "labour", "the", "its", "their"})


def title_years(knowledge) -> dict[str, dict[str, set[str]]]:
    """Year -> instrument id -> the lower-case words of its names, for every instrument the graph
    dates by adoption (``adoptionYear``) or names with a title year."""
    out: dict[str, dict[str, set[str]]] = {}
    for e in knowledge.of_type("LegalInstrument"):
        names = list(knowledge.names(e["id"])) + [str((e.get("attrs") or {}).get("title") or "")]
        years = {str(y) for y in [(e.get("attrs") or {}).get("adoptionYear")] if y}
        years |= {m.group(1) for n in names for m in [_TITLE_YEAR.search(n)] if m}
        words = {w.lower() for name in names for w in _WORD.findall(name)}
        for y in years:
            out.setdefault(y, {})[e["id"]] = words
    return out


def _kind_of(words: set[str], kind: str) -> bool:
    return kind.lower().rstrip("s") in words


def _content(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text) if w.lower() not in STOP and w.lower() not in _GENERIC]


def named_by_year(question: str, years: dict[str, dict[str, set[str]]]) -> list[tuple[int, int, list[str]]]:
    """Spans (start, end, instrument ids) of instruments the question names by their title year."""
    out = []
    for m in _YEAR_FIRST.finditer(question):
        year, middle, kind = m.group(1), m.group(2), m.group(3)
        fit = [i for i, w in years.get(year, {}).items() if _kind_of(w, kind) and set(_content(middle)) <= w]
        if len(fit) == 1:
            out.append((m.start(1), m.end(3), fit))
    for m in _YEAR_LAST.finditer(question):
        kind, year = m.group(1), m.group(2)
        cands = {i: w for i, w in years.get(year, {}).items() if _kind_of(w, kind)}
        if len(cands) != 1:
            continue
        (iid, words), = cands.items()
        # the title words written before the kind word belong to the name ("the social security convention")
        start = m.start(1)
        for w in reversed(list(_WORD.finditer(question[:m.start(1)]))):
            low = w.group(0).lower()
            if low in STOP or low in _GENERIC or low not in words:
                break
            start = w.start()
        out.append((start, m.end(2), [iid]))
    return out


def resolve(question: str, links: list, years: dict[str, dict[str, set[str]]]) -> list:
    """``links`` with the instruments the question names by year; links inside such a name
    ("social security" as a topic) give way to it."""
    from app.qa.question import Link

    spans = named_by_year(question, years)
    if not spans:
        return links
    out = list(links)
    for a, b, ids in spans:
        if any(l.start <= a and b <= l.end and set(l.ids) & set(ids) for l in out):
            continue  # the full title is linked already
        if any(l.start < b and a < l.end and not (a <= l.start and l.end <= b) for l in out):
            continue  # it overlaps a name that reaches outside it
        out = [l for l in out if not (a <= l.start and l.end <= b)] + [Link(a, b, question[a:b], ids)]
    return sorted(out, key=lambda l: l.start)


def years_outside_titles(question: str, found: list[str], links, years: dict[str, dict[str, set[str]]]) -> list[str]:
    """The question's years less those that are the title year of an instrument it links there
    ("ratified the 1952 convention in 2022" is dated 2022 only)."""
    drop: list[str] = []
    for l in links:
        for m in re.finditer(_YEAR, question[l.start:l.end]):
            if any(i in years.get(m.group(1), {}) for i in l.ids):
                drop.append(m.group(1))
    out = list(found)
    for y in drop:
        if y in out:
            out.remove(y)
    return out
