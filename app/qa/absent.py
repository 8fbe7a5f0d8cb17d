"""Names the report never mentions: the question is about something absent, so the engine abstains.

"Did the ILO help any scheme in Kosovo?" names a place the report never writes.  Any answer would
come from unrelated text (another country's sentence), so the honest answer is none.  A name is
absent when it is capitalised mid-question after a preposition ("in Kosovo", "to USAID"), was not
linked to an entity (gazetteers, demonyms, the report's own names), and no word of it is in the
report's vocabulary (the speller has already had its chance to read it as a typo of a known name).
"""
from __future__ import annotations

import re

from app.qa.question import Link

# A capitalised name right after a preposition: "in Kosovo", "from the Gulf Cooperation Council".
_AFTER_PREP = re.compile(r"\b(?:in|to|for|from|by|at|about|of|with)\s+(?:the\s+)?((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,3})")


def absent_names(question: str, links: list[Link], vocab: set[str]) -> list[str]:
    """The capitalised names after a preposition that are neither linked nor report words."""
    out = []
    for m in _AFTER_PREP.finditer(question):
        if any(l.start <= m.start(1) < l.end or m.start(1) <= l.start < m.end(1) for l in links):
            continue
        words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", m.group(1))]
        # A hyphenated acronym ("M-GA") is in the vocabulary by its parts, as the report's words were split.
        parts = [p for w in words for p in (_fold(w), *_fold(w).split("-")) if p]
        if words and not any(p in vocab or p in _CALENDAR for p in parts):
            out.append(m.group(1))
    return out


def _fold(word: str) -> str:
    return re.sub(r"['’]s?$", "", word.lower()).strip("'’-")


# Calendar words and their abbreviations ("in Sept 2024") are dates, not names.
_CALENDAR = set("""jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july
august september october november december monday tuesday wednesday thursday friday saturday sunday q1 q2 q3 q4""".split())
