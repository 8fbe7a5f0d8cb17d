"""Which meeting, session or edition: an ordinal the report writes before the event's name.

"Which SPIAC-B meeting was held on 19 March 2024 (give its number)?", "spiac-b 2024 meeting
number", "usp2030 membership assembly edition 2024", "Which session of the International Labour
Conference will hold the general discussion ...?": the answer is the "15th" or "113th" or "fifth"
written before the event's noun.  The figure readers never saw ordinals ("15th" is not a number
token), so nothing was answered.

:func:`asks_ordinal` reads the question's cue: "which/what <event noun>", "<event noun> number" or
"<event noun> edition", "give its number".  :func:`ordinal_spans` finds the ordinals of a sentence
in digits ("15th", "113th") or words ("fifth", "twenty-first"), with their value.  Ordinary English
only.
"""
from __future__ import annotations

import re

_EVENT = r"(?:session|meeting|edition|assembly|anniversary|round|plenum|symposium|conference|forum|summit|congress)"
_ASKED = re.compile(rf"\b(?:which|what)\s+(?:[\w'’-]+\s+){{0,2}}?{_EVENT}s?\b(?:\s+(?:number|no\.?))?(?=.*\b(?:number|no\.?|held|take|took|"
                    rf"hold|holds|will|was|were|honou?r\w*|mark\w*)\b)|\b{_EVENT}\s+(?:number(?!\s+of\b)|no\.?|edition)\b|\bgive\s+its\s+number\b|"
                    r"\bwhich\s+(?:session|edition|anniversary|plenum)\b", re.I)
_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
          "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
          "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_DIGITS = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\b", re.I)
_SPELLED = re.compile(r"\b(?:(twenty|thirty|forty|fifty)[- ])?(" + "|".join(_WORDS) + r")\b", re.I)


# The forms that ask for the ordinal whatever else the question says (the answer type is a number).
ORDINAL_TYPE = re.compile(rf"\b{_EVENT}\s+(?:number(?!\s+of\b)|no\.?|edition)\b|\bgive\s+its\s+number\b|"
                          r"\b(?:which|what)\s+(?:session|edition|anniversary|plenum)\b", re.I)


def asks_ordinal(question: str) -> bool:
    """Does the question ask which numbered meeting, session or edition (see the module docstring)?"""
    return bool(_ASKED.search(question))


def ordinal_spans(seg: str) -> list[tuple[int, int, float]]:
    """(start, end, value) of every ordinal written in ``seg``, in digits or in words."""
    out = [(m.start(), m.end(), float(m.group(1))) for m in _DIGITS.finditer(seg)]
    for m in _SPELLED.finditer(seg):
        if any(s < m.end() and m.start() < e for s, e, _ in out):
            continue
        value = _WORDS[m.group(2).lower()] + (_TENS[m.group(1).lower()] if m.group(1) else 0)
        out.append((m.start(), m.end(), float(value)))
    return sorted(out)
