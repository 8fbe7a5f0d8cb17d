"""A country called by the one distinctive word of its name: "Burkina" for Burkina Faso,
"Salvador" for El Salvador, "Trinidad", "Herzegovina".

People shorten a long country name to the word that tells it apart ("who bankrolls the programme
in Burkina?", "burkina donors"); the linker knew only whole names and a few listed short forms, so
the country was not linked and the question fell to the text step.  The word must belong to one
country's names only (not "Guinea", "Korea", "Congo", "Sudan" of several), be long enough to be no
initial or article, and be no common English word ("Ocean", "Islands", "United", "Central" are
words; "Burkina", "Salvador", "Leone" are not).  General knowledge only (ISO names via pycountry and
an English word list); no name from a report.
"""
from __future__ import annotations

import re
from collections import defaultdict

from app.qa.names.demonyms import demonym_country

MIN_LETTERS = 5
# a word this frequent in the English word list's counts is a word first, a name second ("ocean",
# "islands", "costa"; the list counts web text, where "salvador" or "leone" are frequent names)
COMMON_WORD = 20_000_000
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def distinctive_words(country_names: dict[str, list[str]], english: dict[str, int],
                      common_names: dict[str, str]) -> dict[str, str]:
    """Word (folded) -> ISO3, for the words of a country's common multi-word name (``common_names``:
    ISO3 -> "Burkina Faso"; not its official long form, whose "Duchy" or "Federative" nobody
    types alone) that no other country's names (``country_names``: ISO3 -> every spelling) hold
    and that are no common English word."""
    owners: dict[str, set[str]] = defaultdict(set)
    whole: set[str] = set()
    for iso3, names in country_names.items():
        for name in names:
            words = [w.casefold() for w in _WORD.findall(name)]
            if len(words) == 1:
                whole.add(words[0])
            for w in words:
                owners[w].add(iso3)
    out = {}
    for iso3, name in common_names.items():
        words = [w.casefold() for w in _WORD.findall(name)]
        if len(words) < 2:
            continue
        for w in words:
            if owners[w] == {iso3} and len(w) >= MIN_LETTERS and w not in whole and english.get(w, 0) < COMMON_WORD \
                    and not w.endswith("ed") and demonym_country(w) is None:  # "occupied"; "dutch" is the Netherlands
                out[w] = iso3
    return out
