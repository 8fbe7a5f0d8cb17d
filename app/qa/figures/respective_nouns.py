"""Which item of a "respectively" list a question asks about, when the items are common nouns.

"... social allowances for persons with disabilities and older persons in the West Bank, reaching
15,000 and 18,000 persons respectively": the k-th item of the list owns the k-th figure.
:func:`app.qa.figures.numbers.respective` pairs lists of *names* ("Ireland and Germany ... €1.2 million and
€20 million respectively"); lists of common nouns have no capitals to find them by, so nearness
decides instead, and nearness gives every figure to the noun written last ("older persons").

The list is the coordination closest before the figures: its last item runs from the last "and"
to the first preposition, relative word or punctuation after it ("older persons | in the West
Bank"); the items before it run back from that "and" to the preposition or verb that opens the
list ("for | persons with disabilities"), split at commas.  An item is told apart by its own
words, those no other item writes ("disabilities", "older"); the question points at an item when
it writes own words of that item and of no other.

Pure functions over ordinary English list syntax; no report facts.
"""
from __future__ import annotations

import re

from app.qa.units import terms

# Words that open a list of what a figure is said of ("allowances for A and B", "reaching A and B").
_OPENS = re.compile(r"\b(?:for|to|of|among|between|from|on|covering|reaching|benefiting|including|targeting|"
                    r"supporting|both)\s+", re.I)
# Words that close the last item ("older persons in the West Bank", "workers who ...").
_CLOSES = re.compile(r"[,;:()]|\s(?:in|at|across|through|by|under|via|within|who|which|that|with|respectively|"
                     r"reaching|receiving|covering|were|was|are|is|have|has)\b", re.I)


def items(before: str, n: int) -> list[str] | None:
    """The ``n`` items of the list written last in ``before`` (the text up to the first figure), or
    None when no list of ``n`` items ends there."""
    ands = list(re.finditer(r"\s(?:and|as well as)\s", before))
    if not ands or n < 2:
        return None
    last_and = ands[-1]
    tail = before[last_and.end():]
    close = _CLOSES.search(" " + tail)
    last = tail[:close.start() - 1 if close and close.start() > 0 else len(tail)] if close else tail
    head = before[:last_and.start()]
    opens = list(_OPENS.finditer(head))
    start = opens[-1].end() if opens else max(head.rfind(";"), head.rfind(":"), head.rfind("("), -1) + 1
    earlier = [x.strip() for x in head[start:].split(",")]
    found = [x for x in earlier if x] + [last.strip()]
    if len(found) != n or not all(re.search(r"[A-Za-z]{3,}", x) for x in found):
        return None
    return found


def asked_item(before: str, n: int, question: str) -> int | None:
    """Index of the one item whose own words the question writes (see the module docstring)."""
    listed = items(before, n)
    if listed is None:
        return None
    words = [set(terms(x)) for x in listed]
    own = [w - set().union(*(o for j, o in enumerate(words) if j != i)) for i, w in enumerate(words)]
    asked = set(terms(question))
    hits = [i for i, o in enumerate(own) if o & asked]
    return hits[0] if len(hits) == 1 else None
