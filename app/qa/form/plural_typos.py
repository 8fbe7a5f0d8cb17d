"""A misspelt plural stays plural: "countrys" is "countries", not "country".

The speller picks the known word fewest edits away, and for a plural typed with the singular's
spelling plus "s" ("countrys", "polcys") that is the singular: one deletion against two edits.
The number matters downstream: "which countrys ..." asks for every country a topic's sentences
name, "which country ..." for one.  English plural endings only; the plural must be a word the speller
has seen as written (not merely a known word plus "s").
"""
from __future__ import annotations

from typing import Callable


def keep_plural(typed: str, suggestion: str, known: Callable[[str], bool]) -> str:
    """The plural of ``suggestion`` when ``typed`` ends as a plural does and the suggestion does
    not, and the plural is a known word; else ``suggestion``."""
    t, s = typed.lower(), suggestion.lower()
    if not t.endswith("s") or t.endswith("ss") or s.endswith(("s", "ed", "ing")) or len(s) < 3:
        return suggestion  # a verb form ("ratifiers" read as "ratified") has no plural
    forms = ([s[:-1] + "ies"] if s.endswith("y") and s[-2] not in "aeiou" else []) + [s + "s", s + "es"]
    return next((f for f in forms if known(f)), suggestion)
