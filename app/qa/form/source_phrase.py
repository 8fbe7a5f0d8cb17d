"""The report named as the source of the answer ("..., according to the report?"), which asks nothing.

Every answer comes from the report, so "according to the report" adds nothing to a question; read
as words of the question it did harm: "report" asked for a publication, and its words weighed in the
text step, so "What did the ILO publish on fiscal space, according to the report?" lost one of the
two publications, and "When did the ILO put out its working paper on the financing gap ...,
according to the report?" answered another paper's month.  :func:`without_source` drops the phrase
when it stands apart: between commas or at either end of the question; a report the question describes
("according to the report on Iraq's pensions") is not the source and is kept.

Ordinary English only: prepositions of attribution and the words for "this report".
"""
from __future__ import annotations

import re

from app.qa.form import as_sentence_start

_SOURCE = (r"(?:according\s+to|as\s+per|per|based\s+on|going\s+by|judging\s+by|as\s+(?:stated|reported|set\s+out)\s+in)\s+"
           r"(?:the|this)\s+(?:(?:20\d\d|annual|latest|flagship|programme['’]s|ilo['’]s)\s+)*(?:report|document|text)")
# at the start ("According to the report, which ...") or set off by a comma before the end
_OPENING = re.compile(r"^\s*" + _SOURCE + r"\s*,\s*(?=\S)", re.I)
_CLOSING = re.compile(r"\s*,?\s*" + _SOURCE + r"\s*(?=[?.!]*\s*$)", re.I)
# or between two commas inside it ("Which countries, according to the report, joined?")
_MIDDLE = re.compile(r"\s*,\s*" + _SOURCE + r"\s*,\s*", re.I)


def without_source(question: str) -> str:
    """The question without the report named as its source, or unchanged."""
    out = _MIDDLE.sub(" ", _CLOSING.sub("", question))
    m = _OPENING.match(out)
    if m:
        rest = out[m.end():]
        out = as_sentence_start(rest)
    return out if re.search(r"[A-Za-z]{2}", out) else question
