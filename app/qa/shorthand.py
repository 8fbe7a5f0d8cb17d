"""Search-box shorthand written out before a question is read: "no. of" / "# of" / "nr of" are
"number of", "%" after no figure is "percent", "w/" and "w/o" are "with" and "without".  (Words
typed short, "yr", "govt", "num", are the speller's: ``app.qa.spelling.SHORTHAND``.)

General English abbreviations, not the report's words.  Every rule that counts, reads a share or
keeps a condition looks for the written-out word ("number of", "percent", "with"); a keyword query
typed in shorthand ("no. of countries w/ institutional changes 2024", "# of arab states countries
w/ improving-operations result") missed all of them, and "no." was even read as a negation.  An
instrument's own designator ("Convention No. 102", "No.102") is left alone: only "no." before
"of" counts.
"""
from __future__ import annotations

import re

# (pattern, replacement), applied in order; each pattern needs its shorthand's own punctuation or
# position, so ordinary words ("now", "noted", "years") never match.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<![\w.])(?:no|nr|nbr)\.?\s+of\b", re.I), "number of"),  # "no. of", "nr of"
    (re.compile(r"(?<![\w#])#\s*of\b", re.I), "number of"),  # "# of"
    (re.compile(r"(?<![\w#])#\s*(?=[a-z])", re.I), "number of "),  # "#countries"
    (re.compile(r"(?<![\d\s])\s*%|(?<=\s)%(?!\w)|^%", re.I), " percent"),  # "% world pop", "as % of gdp"
    (re.compile(r"(?<!\w)w/o(?!\w)", re.I), "without"),
    (re.compile(r"(?<!\w)w/(?=\s|[a-z])", re.I), "with "),
)


def expand(question: str) -> str:
    """``question`` with its shorthand written out (the same string when it has none)."""
    if not any(c in question for c in "#%/") and not re.search(r"\b(?:no|nr|nbr)\b", question, re.I):
        return question
    out = question
    for pattern, words in _RULES:
        out = pattern.sub(words, out)
    return " ".join(out.split())
