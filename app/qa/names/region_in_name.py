"""A region word inside a proper name is no region filter: "the African Regional Forum",
"Connect Asia on Social Health Protection", "the Asia Pacific Forum".

"How many countries' initiatives were showcased at the African Regional Forum?" asks about a
forum, not about African countries; read as a region it would count every African priority
country.  A region mention counts as part of a name when a capitalised word that is no type
noun ("Countries", "States") joins it directly, mid-sentence: "Connect Asia", "African Regional".
A question typed in title case capitalises everything, so it is read as written in lower case.
"""
from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# Capitalised words that still leave the region a region ("Arab States Countries", "In Asia").
_FREE = re.compile(r"^(?:countr\w*|states?|nations?|territor\w*|priority|pathfinders?|governments?|regions?"
                   r"|the|in|of|and|or|for|from|across|within|outside|except|besides|excluding|which|what|how|"
                   r"where|who|did|does|do|is|are|was|were|has|have|list|name|count|number|only|all|every|any|"
                   r"central|south|north|east|west|pacific|sub-saharan|western|eastern|northern|southern|"
                   r"i|i'm|so|between|among|among|apart|leaving|setting|not|no)$", re.I)


def _title_case(question: str) -> bool:
    words = _WORD.findall(question)
    caps = sum(1 for w in words if w[0].isupper())
    return len(words) >= 4 and caps >= 0.7 * len(words)


def inside_name(question: str, start: int, end: int) -> bool:
    """Is the region mention at [start, end) one word of a longer capitalised name?"""
    if _title_case(question) or not question[start:end][:1].isupper():
        return False  # a name is capitalised: "latin america GA pathfinders" names a region
    before = list(_WORD.finditer(question[:start]))
    after = _WORD.match(question[end:].lstrip(" "))
    gap_after = question[end:end + 1] == " "
    if after and gap_after and after.group(0)[0].isupper() and not _FREE.match(after.group(0)):
        return True
    if before:
        prev = before[-1]
        joined = question[prev.end():start] == " "
        sentence_start = not question[:prev.start()].strip() or question[:prev.start()].rstrip()[-1] in ".?!:;"
        if joined and prev.group(0)[0].isupper() and not sentence_start and not _FREE.match(prev.group(0)):
            return True
    return False


def word_before(question: str, start: int) -> str | None:
    """The capitalised word joined right before a region mention ("Connect" in "Connect Asia
    research ..." or "a study by Connect Asia"), when it is no word that leaves the region a
    region ("Which Asia ...", "In Asia ..."); else None."""
    before = list(_WORD.finditer(question[:start]))
    if not before or question[before[-1].end():start] != " ":
        return None
    w = before[-1].group(0)
    return w if w[0].isupper() and not _FREE.match(w) else None
