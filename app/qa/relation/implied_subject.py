"""The subject a keyword query about results leaves out: "arab states scheme reform result 2024",
"how many asia pacific improving operations 2024".

Such a query words a kind of institutional result and no kind of thing at all; what achieves a
result is the subject of the registry's ``achievedResult`` relation (a country), so the query
asks for those.  Without the noun, the answer type stayed "Text" and a sentence's scheme name, or
a figure of another table row, came back.  :func:`with_implied_subject` writes the subject's noun
in with "which" ("which countries arab states scheme reform result 2024"), the form the keyword
reordering gives any query opening on its noun and the order every other part of the engine reads:
the analysis reads a bare leading plural ("countries table 4 americas policies and strategies
result") as no head, so the type stayed "Text" and a named table's cell (a 0) answered instead.  The noun comes from the registry; the result kinds from the analysis' own patterns.
"""
from __future__ import annotations

import re

from graph.relations import REGISTRY

MAX_WORDS = 12  # longer, and the query is a sentence that names what it asks some other way
RESULT_RELATION = "achievedResult"
# The plural a keyword query uses for an entity type (ordinary English).
_PLURAL = {"Country": "countries", "Organization": "organisations", "Initiative": "initiatives"}
# A count said first ("how many", "number of", "count") keeps its place: the noun goes after it.
_COUNT_FIRST = re.compile(r"^\s*(how many|number of|count of|count)\b\s*", re.I)
# Any other question word, auxiliary or relative makes the query a sentence with its own head.
_SENTENCE = re.compile(r"\b(which|what|who|whom|whose|where|when|why|is|are|was|were|does|did|do|has|have|had|that)\b",
                       re.I)


# A period of several years ("2021-2024", "2021 to 2023"): a country's result is dated by one year,
# so a query over a period asks for a total of the results table, not for the countries.
_PERIOD = re.compile(r"\b(?:19|20)\d\d\s*(?:[-–/]|\s(?:to|through|until)\s)\s*(?:(?:19|20)?\d\d)\b", re.I)


def _subject_noun() -> str | None:
    r = REGISTRY.get(RESULT_RELATION)
    return _PLURAL.get(r.domain[0]) if r is not None and r.domain else None


def with_implied_subject(query: str, links=()) -> str:
    """The query with the result relation's subject noun written in, or the query unchanged.
    ``links`` are the names the analysis linked in it: a query naming one of the subjects
    ("cambodia nssf new scheme") asks about that subject, not for the subjects."""
    from app.qa.question import RESULT_TYPES
    from app.qa.understand import _HEAD_NOUNS

    count = _COUNT_FIRST.match(query)
    rest = query[count.end():] if count else query
    if _PERIOD.search(query):
        return query  # "step 3 improving operations results 2021-2024": a period's total, a table's figure
    if len(query.split()) > MAX_WORDS or _SENTENCE.search(rest) or not any(rx.search(rest) for rx in RESULT_TYPES.values()):
        return query
    blank = rest
    for rx in RESULT_TYPES.values():  # "scheme reform": a kind of result, not a scheme asked for
        blank = rx.sub(lambda m: " " * len(m.group(0)), blank)
    if any(rx.search(blank) for rx, t in _HEAD_NOUNS if t != "Year"):
        return query  # the query names what it asks ("africa schemes reformed 2024", "... total results")
    r = REGISTRY.get(RESULT_RELATION)
    noun = _subject_noun()
    if noun is None or any(getattr(l, "type", None) in r.domain for l in links):
        return query
    return f"{count.group(1)} {noun} {rest.strip()}" if count else f"which {noun} {query.strip()}"
