"""Calendar words as regular-expression fragments.

Every extractor that reads a date ("in October 2024", "on 10 December") and the question reader
that skips them spell the month names the same way; they take them from here so a change (an
abbreviation, another language) is made once.
"""
from __future__ import annotations

MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)

#: A non-capturing group matching one full English month name.
MONTH = "(?:" + "|".join(MONTH_NAMES) + ")"
