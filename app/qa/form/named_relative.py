"""A relative clause that only describes a thing the question already names.

"Who funds the UN Peace and Development Trust Fund that finances the ILO's work in Tajikistan?"
asks the fund's funders; the clause after the fund's name says what the asker knows about it.
Read whole, the country the clause names became what is funded ("funders of Tajikistan": Germany,
the RBSA, the fund itself).  A body, initiative, scheme or publication named by its own name is
identified by that name, so a clause that follows it adds nothing the question needs; when the
clause names something else, that other name misleads, so the clause is set apart.

:func:`without_describing_clause` drops such a clause when it closes the question, opens on
"that", "which" or "who" with a verb in the third person singular or the past ("that finances",
"which funded"; "that are in Africa" is about the plural noun the question asks, not the name),
names another linked thing and follows a question word (in "Apart from the EU, who funds ...?" the
"who" after the name asks).  Ordinary English only: relative pronouns and verb endings.
"""
from __future__ import annotations

import re

from app.qa.form.asides import Reduced

# Kinds a proper name identifies by itself (a country is as often the place a clause narrows).
_NAMED_KINDS = ("Organization", "Initiative", "Scheme", "Publication", "Project")
# ", that finances ...", " which funded ...", " who runs ...": a relative clause whose verb agrees with
# one thing (third person singular, or a past form); "has/had been" and "is/was" too.
_CLAUSE = re.compile(r"\s*,?\s+(?:that|which|who)\s+(?:also\s+|now\s+|still\s+|currently\s+)?"
                     r"(?:is|was|has|had|[a-z]{3,}(?<!ss)s|[a-z]{3,}ed)\b(?P<rest>[^?]*)\?*\s*$", re.I)


# The question has begun before the name: the clause after it cannot be the question proper.
_ASKED_BEFORE = re.compile(r"\b(?:which|what|who|whom|whose|where|when|how|list|name)\b", re.I)


def without_describing_clause(question: str, links: list, author_ids: frozenset[str] | set[str] = frozenset()) -> Reduced:
    """The question without a closing relative clause on a name it links (see the module
    docstring), or unchanged (nothing dropped)."""
    for i, link in enumerate(links):
        kinds = {x.split(":", 1)[0] for x in link.ids}
        if not kinds or not kinds <= set(_NAMED_KINDS) or set(link.ids) <= set(author_ids):
            continue
        m = _CLAUSE.match(question, link.end)
        if m is None or not _ASKED_BEFORE.search(question[:link.start]):
            continue  # ("Apart from the EU, who funds ...": no question before the name, so "who" asks)
        if not any(l.start >= link.end and not set(l.ids) <= set(author_ids) for l in links[i + 1:]):
            return Reduced(question, [])  # the clause names nothing else: harmless, kept
        before = question[:link.end].rstrip()
        return Reduced(before + "?", [question[link.end:].strip(" ,?")])
    return Reduced(question, [])


# ", where the first allowances went out in 2024": a clause on the place just named, to the end of
# the question (or of its sentence).
_PLACE_CLAUSE = re.compile(r"\s*,\s*where\s+[^?;]*", re.I)


def place_description_spans(question: str, links: list, bound: set[str]) -> list[tuple[int, int]]:
    """Spans of closing ", where ..." clauses on a country the graph constraints already bind.

    "Who pays for the ILO's work in Palestine, where the first disability allowances went out?"
    asks Palestine's funders; the clause says what the asker knows of the place.  Its words are
    no topic to narrow the graph's answer by (a sentence on those allowances names one of the two
    funders, and the other was lost).  Only after the question has begun, as for
    :func:`without_describing_clause`."""
    spans = []
    for link in links:
        if not any(i.startswith("Country:") and i in bound for i in link.ids):
            continue
        m = _PLACE_CLAUSE.match(question, link.end)
        if m and _ASKED_BEFORE.search(question[:link.start]):
            spans.append((m.start(), m.end()))
    return spans
