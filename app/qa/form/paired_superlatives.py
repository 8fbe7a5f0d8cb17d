""""Which country ratified C102 earliest, and which most recently?": two superlatives of one question.

The question asks the same thing ranked twice, from both ends, and writes the second ranking as an
ellipsis ("and which [one was the] most recent").  Read whole it matched one template, and one end
came back (the latest ratifiers, not the earliest).  :func:`split` returns the two questions, each
the shared head with one superlative ("Which country ratified C102 earliest?", "Which country
ratified C102 most recently?"); the engine answers both and gives both ends.

Ordinary English only: superlative words and the elliptical "and which (one) (was) (the)".
"""
from __future__ import annotations

import re

_SUPERLATIVE = (r"earliest|first|latest|last|most\s+recent(?:ly)?|oldest|newest|longest\s+ago|"
                r"most|fewest|least|largest|smallest|highest|lowest|biggest")
_PAIRED = re.compile(
    rf"(?:^|(?<=[,;:]\s))(?P<head>(?:which|what|who)\b.*?\b)(?P<one>{_SUPERLATIVE})\b(?P<tail1>[^,;?]{{0,30}}?)\s*[,;]?\s*and\s+"
    rf"(?:which|what|who)(?:\s+(?:one|country|countries|state|organi[sz]ation|funder|donor|region))?"
    rf"(?:\s+(?:was|is|were|did|has|had|came))?(?:\s+the)?\s+(?P<two>{_SUPERLATIVE})\b(?P<tail2>[^?]{{0,30}})\??\s*$",
    re.I)


def split(question: str) -> tuple[str, str] | None:
    """The two questions a paired superlative asks, or None."""
    q = " ".join((question or "").split())
    m = _PAIRED.search(q)
    if m is None or m["one"].lower() == m["two"].lower():
        return None
    head = m["head"]
    first = f"{head}{m['one']}{m['tail1']}".rstrip(" ,;") + "?"
    second = f"{head}{m['two']}{m['tail2'].strip() and m['tail2'] or m['tail1']}".rstrip(" ,;?") + "?"
    return first[:1].upper() + first[1:], second[:1].upper() + second[1:]
