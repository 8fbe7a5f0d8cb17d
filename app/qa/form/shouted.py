"""A question typed all in capitals: "WHO FUNDED THE ILO'S WORK IN INIDA?", "PERU MAIN PUBLIC
HEALTH INSURANCE SCHEME".

Capitals carry meaning in a question written in mixed case: "WHO" there is the World Health
Organization, a capitalised word is a name, and a word in capitals is an acronym the speller leaves
alone.  A question typed with caps lock on says none of this: every word reads as an acronym or a
name, so "INIDA" and "RATFY" were never corrected and "WHO" asked nothing.  :func:`unshout` writes
such a question in lower case, the form a keyword query is usually typed in and the readers handle
(an acronym typed in lower case, "ilo", "c102", is still linked).  A word that is the short name
of something in the graph and also an English word ("CONNECT", "US") keeps its capitals, since in
lower case it would read as the word; a question word ("WHO") never does.  A question with any
lower-case letter, or of fewer than three words, is unchanged.  Ordinary English only.
"""
from __future__ import annotations

import re
from typing import Callable

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def shouted(text: str) -> bool:
    """Is the text typed all in capitals (three words or more, no lower-case letter)?"""
    letters = [c for c in text if c.isalpha()]
    return len(_WORD.findall(text)) >= 3 and bool(letters) and not any(c.islower() for c in letters) \
        and sum(c.isupper() for c in letters) >= 6


def unshout(text: str, keeps_capitals: Callable[[str], bool] = lambda w: False) -> str:
    """The text in lower case when it is all in capitals, but for the words ``keeps_capitals``
    says are names that read as English words in lower case; any other text unchanged."""
    if not shouted(text):
        return text
    return _WORD.sub(lambda m: m.group(0) if keeps_capitals(m.group(0)) else m.group(0).lower(), text)
