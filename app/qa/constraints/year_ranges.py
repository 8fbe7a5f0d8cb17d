"""Year ranges in a question: "between 2015 and 2020", "from 2016 to 2019".

A range is one qualifier with two bounds, not two years that each qualify a relation: without
this, "ratified between 2015 and 2020" was read as "ratified in 2015" (the first year) and the
second year went looking for a relation of its own.  Spans written as "2024-2030" are left alone
because they are usually part of a name ("National Strategy on Social Protection 2024-2030").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_Y = r"(19[5-9]\d|20\d\d)"
RANGE = re.compile(rf"\b(?:between|from)\s+(?:the\s+years?\s+)?{_Y}\s+(?:and|to|until|till|through)\s+{_Y}\b", re.I)
# Two open bounds: "after 2020 but before 2024", "since 2015 and until 2020".
OPEN_RANGE = re.compile(rf"\b(after|since|from)\s+{_Y}\s*,?\s+(?:but\s+|and\s+)?(before|prior to|until|up to)\s+{_Y}\b",
                        re.I)
# The same two bounds written upper first: "before 2024 but after 2020", "until 2023 and since 2021".
REVERSED_OPEN_RANGE = re.compile(rf"\b(before|prior to|until|up to)\s+{_Y}\s*,?\s+(?:but\s+|and\s+)?(after|since|from)\s+{_Y}\b",
                                 re.I)
# A year the question sets aside: "since 2021 but not in 2024", "other than in 2024", "excluding
# 2024", "except those in 2024", "apart from the ones ratified in 2024".  A bare "not" only sets a
# year aside when it governs the year itself ("but not in 2024"): "did not join in 2024" negates the
# relation (the complement of the 2024 joiners), which is the negation machinery's to read.
_ASIDE_WORD = r"(?:except(?:\s+for)?|excluding|exclude|other\s+than|apart\s+from|aside\s+from|besides|save\s+for|leaving\s+out|leave\s+out|minus)"
_SET_ASIDE_YEAR = re.compile(
    rf"\b(?:not|{_ASIDE_WORD})\s+(?:(?:those|the\s+ones|ones|any)\s+(?:(?:that|which|who)\s+)?(?:[\w'’-]+\s+){{0,3}}?)?"
    rf"(?:in|during)\s+(?:the\s+year\s+)?{_Y}\b"
    rf"|\b{_ASIDE_WORD}\s+(?:the\s+)?(?:year\s+)?{_Y}\b", re.I)


@dataclass(frozen=True)
class YearRange:
    low: str
    high: str
    low_open: bool = False  # "after 2020": 2020 itself is out
    high_open: bool = False  # "before 2024": 2024 itself is out


def year_range(question: str, year: str | None = None) -> YearRange | None:
    """The range the question states (the one holding `year`, when given), bounds in order."""
    for m in RANGE.finditer(question or ""):
        lo, hi = sorted((m.group(1), m.group(2)))
        if year is None or year in (lo, hi):
            return YearRange(lo, hi)
    for m in OPEN_RANGE.finditer(question or ""):
        if year is None or year in (m.group(2), m.group(4)):
            return YearRange(m.group(2), m.group(4), low_open=m.group(1).lower() == "after",
                             high_open=m.group(3).lower() in ("before", "prior to"))
    for m in REVERSED_OPEN_RANGE.finditer(question or ""):
        if year is None or year in (m.group(2), m.group(4)):
            return YearRange(m.group(4), m.group(2), low_open=m.group(3).lower() == "after",
                             high_open=m.group(1).lower() in ("before", "prior to"))
    return None


# Joining negated with its year, said of members already named by the head noun: "which
# pathfinders did not join in 2024", "which members haven't become members in 2023".
_NOT_JOINED_IN = re.compile(rf"\b(?:not|never|n['’]t)\s+(?:yet\s+)?(?:join|become|became|sign|commit|enter)\w*\b"
                            rf"[^,;?]{{0,40}}?\b(?:in|during)\s+(?:the\s+year\s+)?{_Y}\b", re.I)


def set_aside_years(question: str, joining: bool = False) -> set[str]:
    """The years the question takes out of a dated relation ("ratified since 2021 but not in 2024"):
    they qualify nothing positively; the relation's facts dated in them are left out.  With
    ``joining`` (the question asks for the members of the very set joined: "which pathfinders did
    not join in 2024"), a negated joining dates the members left out too: the members are the
    set, so the negation is of the year, not of membership."""
    out = {y for m in _SET_ASIDE_YEAR.finditer(question or "") for y in m.groups() if y}
    if joining:
        out |= {m.group(1) for m in _NOT_JOINED_IN.finditer(question or "")}
    return out


def upper_bounds(question: str) -> set[str]:
    """The second year of each range: it bounds the first year's qualifier, it qualifies nothing."""
    out = set()
    for m in RANGE.finditer(question or ""):
        out.add(max(m.group(1), m.group(2)))
    for m in OPEN_RANGE.finditer(question or ""):
        out.add(m.group(4))
    for m in REVERSED_OPEN_RANGE.finditer(question or ""):
        out.add(m.group(2))
    return out


def range_test(var: str, r: YearRange) -> str:
    """SPARQL test that a year-valued variable lies within the range, bounds included."""
    lo, hi = (">" if r.low_open else ">="), ("<" if r.high_open else "<=")
    return f"xsd:integer(STR({var})) {lo} {int(r.low)} && xsd:integer(STR({var})) {hi} {int(r.high)}"
