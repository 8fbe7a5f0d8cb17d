"""Bodies the report names by common words only ("Social Security System"): linked only where the
question writes them as a name.

Why: a national body found in a list ("key national institutions, including ... the Social
Security System (SSS)") gets a name every country's sentences write in lower case ("Timor-Leste's
social security system").  Linked from "how many registered workers did Timor-Leste's social
security system have", it named the Philippine body and the Timorese figure was lost.  A name
whose every word the report also writes in lower case, with no body noun ("Fund", "Corporation",
"Agency for ...": such a noun anywhere makes even a common-worded name a body) and no acronym, is a
description unless the question capitalises it.  Ordinary English and the report's own text; no
report facts.
"""
from __future__ import annotations

import re
from typing import Iterable

from graph.extract.organizations import INLINE_HEADS

_BODY_WORDS = frozenset(INLINE_HEADS) | {"Programme", "Program", "Group", "Team", "Initiative", "Network",
                                         "Facility", "Partnership", "Centre", "Budget", "Account"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def lower_words(texts: Iterable[str]) -> set[str]:
    """Every word the texts write in lower case."""
    out: set[str] = set()
    for t in texts:
        out.update(w for w in _WORD.findall(t) if w.islower())
    return out


def case_only(label: str, lowered: set[str]) -> bool:
    """Is an organisation's ``label`` made only of words ``lowered`` holds (words the report writes
    in lower case), with no body noun and no acronym among them?"""
    words = _WORD.findall(label or "")
    if len(words) < 2 or any(w in _BODY_WORDS or (len(w) >= 2 and w.isupper()) for w in words):
        return False  # a body noun anywhere ("Agency for ...", "... Committee"), or an acronym ("ILO ...")
    return all(w.lower() in lowered for w in words)


def written_as_name(span: str) -> bool:
    """Does the question write the span as a name (its words of four letters or more capitalised)?"""
    words = [w for w in _WORD.findall(span) if len(w) >= 4]
    return bool(words) and all(w[0].isupper() for w in words)


__all__ = ["case_only", "lower_words", "written_as_name"]
