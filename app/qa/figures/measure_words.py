"""The measure a figure question names must be written where its figure is read.

"What discount rate was assumed in the ILO's 2024 actuarial valuation of Sierra Leone's NASSIT?":
the report gives no discount rate, and the sentence closest to the question's other words gave
"more than 93 per cent of total employment".  A measure named with its own word ("discount rate",
"replacement rate", "contribution rate", "coverage target") is a specific figure: a sentence that
writes neither that word nor the measure's noun states some other figure.  A bare measure ("what
rate", "what share") or one qualified only by a period or a size ("monthly amount", "overall
budget") says too little to require anything.  Ordinary English only.
"""
from __future__ import annotations

import re

from app.qa.units import terms

_MEASURE = re.compile(r"\bwhat\s+(?P<mod>(?:[a-z-]+\s+){1,2}?)(?P<head>rate|ratio|target|budget|cost|premium|threshold|"
                      r"ceiling|floor|level)\b", re.I)
# qualifiers that say when, how big or which of several, not what is measured
_PLAIN = frozenset(terms("monthly annual yearly daily weekly total overall average new current minimum maximum "
                         "final initial first last estimated expected actual exact approximate overall global "
                         "national the a an its their this that"))


def unwritten(question: str, sentence: str) -> str | None:
    """The measure the question names by its own word, when the sentence writes none of its words;
    None when the sentence may state it (or the question names no such measure)."""
    m = _MEASURE.search(question)
    if m is None:
        return None
    own = [t for t in terms(m.group("mod")) if t not in _PLAIN]
    if not own:
        return None
    said = set(terms(sentence))
    if said & (set(own) | set(terms(m.group("head")))):
        return None
    return " ".join(m.group(0).split()[1:])
