"""Acronyms written with full stops between their letters ("E.U.", "i.l.o.", "U.N.D.P.").

People type an organisation's initials with or without dots; the graph's names carry them
without ("EU", "ILO").  The tokeniser splits "e.u." into the letters "e" and "u", so the dotted
form is its own key: the letters of every short all-capitals name, linked only where the
question writes them joined by dots (never two loose letters such as "a i").
"""
from __future__ import annotations

import re

# letters joined by full stops, with or without the last one: "e.u.", "E.U", "u.n.d.p."
_DOTTED = re.compile(r"[A-Za-z](?:\.[A-Za-z])+\.?")
MAX_LETTERS = 6  # initials, not words: "UNICEF" is the longest acronym typed letter by letter


def letter_key(name: str) -> tuple[str, ...] | None:
    """The letter tuple a dotted spelling of ``name`` tokenises to, when ``name`` is initials
    ("EU" → ("e", "u")); None for a name that is not a short run of capitals."""
    raw = name.strip()
    if not (2 <= len(raw) <= MAX_LETTERS and raw.isalpha() and raw.isupper()):
        return None
    return tuple(raw.lower())


def is_dotted(span: str) -> bool:
    """Is ``span`` (the question's text under a run of single-letter tokens) initials with dots?"""
    return _DOTTED.fullmatch(span.strip()) is not None


def dotted_end(text: str, start: int, end: int) -> int:
    """The end of a linked span, taking in the closing full stop of dotted initials ("E.U." in
    "E.U. funded countries number"): left outside the name, the stop read as punctuation inside
    the query and the rules that skip a name as one word ("how many NAME funded countries") no
    longer saw one."""
    if end < len(text) and text[end] == "." and is_dotted(text[start:end + 1]) and "." in text[start:end]:
        return end + 1
    return end
