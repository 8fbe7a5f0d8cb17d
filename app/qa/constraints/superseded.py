"""A body or scheme the sentence calls *former* is not the one that acts now.

"Which national body in Kenya took over administering social health insurance benefits in October
2024?" is answered from the sentence "The transition from the former National Health Insurance Fund
(NHIF) to the newly established Social Health Authority (SHA) was completed ...": both names are of
the asked type, so both came back.  The sentence itself says which one is past: "the former X",
"X, formerly ...", "the previous X", "the now-defunct X".  Unless the question asks about the past
one ("which fund did it replace", "the previous scheme"), a name so marked is dropped when the
sentence also gives a name that is not.

Ordinary English only: the words that mark a thing as past, never a name from a report.
"""
from __future__ import annotations

import re

# Words written right before a name that make it a thing of the past.
_PAST_BEFORE = re.compile(r"\b(?:former|previous|erstwhile|defunct|now[- ]defunct|old|outgoing|predecessor)\s+(?:\w+\s+)?$",
                          re.I)
# The question asks about the past thing itself.
_ASKS_PAST = re.compile(r"\b(?:former|formerly|previous|previously|old|erstwhile|defunct|predecessor|replaced?|"
                        r"superseded?|succeeded|before\s+(?:the|it|that)|used\s+to|abolished|dissolved|transition(?:ed)?\s+from)\b",
                        re.I)
_WINDOW = 24  # characters before a name where its marking word must sit


def is_past(text: str, start: int) -> bool:
    """Is the name starting at ``start`` in ``text`` marked as a thing of the past ("the former
    National Health Insurance Fund")?"""
    return bool(_PAST_BEFORE.search(text[max(0, start - _WINDOW):start]))


def current_only(found: list, text: str, question: str) -> list:
    """The answers read from one sentence without those it marks as past, when at least one
    unmarked answer remains and the question does not ask for the past thing.  ``found`` items
    carry ``spans`` (offsets in ``text``, the passage); an item with no span is kept."""
    if len(found) < 2 or _ASKS_PAST.search(question):
        return found
    past = [f for f in found if f.spans and f.type not in ("Number", "Year") and all(is_past(text, s) for s, _ in f.spans)]
    if not past or len(past) == len(found):
        return found
    return [f for f in found if f not in past]
