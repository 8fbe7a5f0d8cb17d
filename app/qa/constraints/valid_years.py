"""The year a ratification became valid is no year while it is not registered.

"Angola's parliament approved ratifying Convention No. 102 in 2024 - but in what year did that
ratification actually become valid at the international level?" was answered 2024: the graph
records the approval's year on a ratification whose status is "approved, not yet registered".
A question that asks when a ratification took effect (valid, in force, registered) has no year to
answer until it is registered; the answer says why (:mod:`app.qa.constraints.unregistered`), and a question
on the approval itself ("when did the parliament approve ...") keeps its year.
"""
from __future__ import annotations

import re

from app.qa.constraints.unregistered import Unregistered, of_countries

_TOOK_EFFECT = re.compile(r"\b(?:valid|validity|in\s+force|(?:enter|entered|came|come|comes|took|take|takes|taking)\s+"
                          r"(?:into\s+force|effect)|effective|registered|registration|binding)\b", re.I)


def asks_effect(question: str) -> bool:
    """Does the question ask when a ratification took effect, rather than when it was approved?"""
    return bool(_TOOK_EFFECT.search(question))


def not_in_effect(a, knowledge) -> Unregistered | None:
    """The named countries' unregistered ratifications (of the one named instrument, if any) when a
    year of taking effect is asked of them; None otherwise."""
    if a.answer_type != "Year" or not a.ratify or not asks_effect(a.question):
        return None
    named = a.linked("Country")
    instruments = a.linked("LegalInstrument")
    if not named or len(instruments) > 1:
        return None
    return of_countries(named, knowledge, instruments[0] if instruments else None)
