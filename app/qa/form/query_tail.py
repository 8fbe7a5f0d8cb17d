"""Dates and references to the report at the end of a keyword query qualify it; they are not what it asks for.

A keyword query names what it wants last ("eswatini imf paper", "gtt staff"), but people often
add when ("... working paper april 2024", "gtt staff march 2025", "pathfinders 2021-2024",
"members as of end 2024").  Read literally, the last word is then a year or a month, so the rules
that read the asked type or the counted noun from the query's end see nothing.  :func:`without_tail`
drops such a tail so those rules look at the noun before it; so does a closing reference to the report
itself ("p4h members named in report", "... according to the report", "... in 2024 report"), which
would otherwise read as a request for a publication.  The date itself stays in the
question for everything else (year filters, the text step).

Ordinary English only: calendar words and prepositions, never names from a report.
"""
from __future__ import annotations

import re

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|q[1-4]|end|early|mid|late|start)")
_YEAR = r"(?:19|20)\d\d(?:\s*[-–/]\s*(?:(?:19|20)?\d\d))?"
# one date: "2024", "april 2024", "end of 2024", "2021-2024", "in 2024", "as of march 2025"
_DATE = rf"(?:(?:in|by|of|from|since|until|during|for|at|as\s+of|as\s+at)\s+)?(?:{_MONTH}\s+(?:of\s+)?)?{_YEAR}"
_REPORT = r"(?:(?:as\s+)?(?:named|mentioned|listed|cited|stated|given|reported)\s+)?(?:in|per|from|according\s+to|by)\s+" \
          r"(?:the\s+)?(?:(?:annual|flagship|ilo)\s+)?(?:(?:19|20)\d\d\s+)?report"
# a bare participle closing a keyword query after a plural ("co-chairs named", "members listed"): the
# same request for the list as "... named in the report"
_LISTED = r"(?<=s)\s+(?:named|listed|mentioned|cited)"
_TAIL = re.compile(rf"(?:\s+(?:{_DATE}|{_REPORT})|{_LISTED})+\W*$", re.I)


def without_tail(query: str) -> str:
    """The query with a trailing run of dates and report references removed ("gtt staff march
    2025" -> "gtt staff");
    a query that is nothing but a date is returned unchanged."""
    cut = _TAIL.sub("", query)
    return cut if re.search(r"[A-Za-z]", cut) else query
