"""Two kinds of thing asked together: "which governments and organisations fund ...".

The answer type is read from the head noun after "which"/"what"; a second head joined to it by
"and"/"or" ("which governments and organisations", "which countries or bodies", "what donors and
governments") was ignored, so the first one decided: "governments" asked for countries, and the
funders of the country the question described came back as nothing, or the country itself did.
In the graph a donor government is an organisation (a country's government node), so when one of
the two kinds is an organisation the broader kind, Organization, is asked for.  General English
only: the conjunctions and the kind nouns the question reader already knows.
"""
from __future__ import annotations

import re
from typing import Callable

_JOINED = re.compile(r"^\s*,?\s*(?:and|or|and/or|&|/|plus)\s+(?:other\s+|also\s+|any\s+)?([A-Za-z][\w-]*)", re.I)


def joined_type(text: str, head_end: int, head_type: str, kind_of: Callable[[str], str | None]) -> str:
    """The answer type of a head noun ending at ``head_end`` and the kind noun joined to it, if any:
    Organization when the two kinds differ and one is an organisation, else the head's own type."""
    m = _JOINED.match(text[head_end:])
    if m is None:
        return head_type
    other = kind_of(m.group(1))
    if other and other != head_type and "Organization" in (other, head_type):
        return "Organization"
    return head_type
