"""Shorthand typed with symbols, spelled out before a question is read.

Keyword queries abbreviate their function words with symbols: "# of Arab States countries w/
improving-operations result", "no. of countries w/ institutional changes", "% world pop covered".
Every reader downstream (count questions, set conditions, exclusions, figures by unit) reads
words, so "w/" left as it is reads as nothing and "#" leaves a count asked as a list.  The spelling
step's word shorthand (:data:`app.qa.form.spelling.SHORTHAND`) sees only letters; this one sees the
symbols.  Ordinary written English, not report words.

Each rule is anchored so a symbol keeps its other uses: "No. 102" (a convention's number) stays,
only "no. of" is a count; "%" right after a figure ("53%") stays a unit; "w/o" is "without".
"""
from __future__ import annotations

import re

# (pattern, spelled-out words); tried in this order, so "w/o" is read before "w/".
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<![\w/])w/o(?![\w/])", re.I), "without"),
    (re.compile(r"(?<![\w/])w/(?=\s|[A-Za-z0-9])", re.I), "with "),
    # "# of countries", "#countries": a count; "#1" and "# 5" are ranks or numbers, not counts
    (re.compile(r"(?<![\w#])#\s*(?:of\b\s*)?(?=[A-Za-z])", re.I), "number of "),
    # "no. of countries", "nr of projects", "no of donors": a count (never "No. 102")
    (re.compile(r"(?<![\w.])(?:no|nr|nbr)\.?\s+of\b\s*", re.I), "number of "),
    # "% world pop covered", "% of resources": a share asked; "53%" keeps its unit
    (re.compile(r"(?<![\d\w.%])%\s*(?:of\b\s*)?(?=[A-Za-z])", re.I), "percentage of "),
)


# A decade written as its plural year ("c102 ratifications 2010s", "in the 1990s") is a range of
# years; the year-range reader (app.qa.constraints.year_ranges) reads "between 2010 and 2019".
_DECADE = re.compile(r"\b(?:(?:in|during|over|throughout)\s+)?(?:the\s+)?(19[5-9]0|20[0-9]0)['’]?s\b", re.I)


def _decade(m: re.Match[str]) -> str:
    start = int(m.group(1))
    return f"between {start} and {start + 9}"


def spell_out(text: str) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with symbol shorthand written as words, and each (typed, spelled-out) pair."""
    changes: list[tuple[str, str]] = []
    for pattern, words in _RULES:
        def sub(m: re.Match[str], words: str = words) -> str:
            changes.append((m.group(0).strip(), words.strip()))
            return words
        text = pattern.sub(sub, text)

    def decade(m: re.Match[str]) -> str:
        changes.append((m.group(0).strip(), _decade(m)))
        return _decade(m)
    text = _DECADE.sub(decade, text)
    return " ".join(text.split()) if changes else text, changes
