"""'Who else funds the country Kuwait funds?': the name that describes the set is set aside.

A chain whose inner and outer relations are the same ("who else funds the work in the country that
Kuwait funds", "which other donors support the countries Ireland finances") returns the describing
name among its answers: Kuwait funds the country Kuwait funds.  Read literally that is right; but
"else" or "other" says the asker knows it and wants the rest.  :func:`describers_set_aside` gives
the ids of the names inside the description (from ``start``) when the question asks for the others;
the engine excludes them as it excludes any name set aside ("besides the EU").

Ordinary English only ("else", "other", "another").
"""
from __future__ import annotations

import re

from app.qa.question import Analysis

# "who else", "which other donors", "what other sources", "anyone else", "another funder"
_OTHERS = re.compile(r"\b(?:else|other|others|another)\b", re.I)


def describers_set_aside(a: Analysis, start: int) -> set[str]:
    """Ids of the names the description from ``start`` holds, when the question before it asks for
    the others ("who else", "which other"); else nothing."""
    if not _OTHERS.search(a.question[:start]):
        return set()
    return {i for l in a.links if l.start >= start and l.type in ("Organization", "Country") for i in l.ids}
