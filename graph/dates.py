"""Calendar words as regular-expression fragments.

Every extractor that reads a date ("in October 2024", "on 10 December") and the question reader
that skips them spell the month names the same way; they take them from here so a change (an
abbreviation, another language) is made once.
"""
from __future__ import annotations

MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)

#: The same names lower-cased, for readers of questions, which are typed in any case.
MONTH_WORDS: tuple[str, ...] = tuple(m.lower() for m in MONTH_NAMES)

#: Common abbreviations ("Sept 2024", "dec 2024"), each the start of its month's name.
MONTH_ABBREVIATIONS: tuple[str, ...] = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                                        "nov", "dec")

#: Weekday names: capitalised in text, but never a place or a name.
WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

#: A non-capturing group matching one full English month name.
MONTH = "(?:" + "|".join(MONTH_NAMES) + ")"


import re as _re

# "7 June 2023", "June 7, 2023", "June 2023"
_DATED = _re.compile(r"\b(?:(?P<d1>\d{1,2})\s+(?P<m1>" + MONTH + r")|(?P<m2>" + MONTH + r")(?:\s+(?P<d2>\d{1,2}),?)?)"
                     r"\s+(?P<y>(?:19|20)\d{2})\b")


def iso_date(text: str, year: str | None = None) -> str | None:
    """The day ("2023-06-07") or month ("2024-01") the text dates its event by, in the given year
    when one is given (the last such date), else None.  Why: two statements of one year ("joined on
    7 June 2023", "... on 28 July 2023") are ordered only by it ("which country joined first")."""
    best = None
    for m in _DATED.finditer(text or ""):
        if year and m.group("y") != str(year):
            continue
        month = MONTH_NAMES.index((m.group("m1") or m.group("m2")).capitalize()) + 1
        day = m.group("d1") or m.group("d2")
        best = f"{m.group('y')}-{month:02d}" + (f"-{int(day):02d}" if day and 0 < int(day) <= 31 else "")
    return best
