"""A keyword query's type noun inside a passive agent phrase is the agent, not the thing asked.

"pathfinder countries financed by RBSA donors", "african countries funded by dutch donors",
"schemes supported by eu funders": the query asks for the countries (or schemes) and names who
acts on them after "<participle> by".  The rule that takes a keyword query's *last* type noun as
its head read "donors" and answered with the funders.  When a type noun stands before a passive
"<verb>ed by", the nouns after it belong to the agent and do not head the query.

Ordinary English word order only: no name or wording from any report or question set.
"""
from __future__ import annotations

import re

# "financed by", "funded by", "supported by", "backed by", "paid for by", "led by", "run by"
_PASSIVE_BY = re.compile(r"\b(?:[a-z]+ed|led|run|paid\s+for|bankrolled|undertaken|done|given|made)\s+by\b", re.I)


def agent_cut(blank: str, kind_nouns: list[re.Pattern]) -> int | None:
    """The offset where a passive agent phrase starts in ``blank`` (a query with its linked names
    blanked out), when a type noun (one of ``kind_nouns``) stands before it; else None.  Type
    nouns after the offset name the agent."""
    for m in _PASSIVE_BY.finditer(blank):
        if any(rx.search(blank[:m.start()]) for rx in kind_nouns):
            return m.start()
    return None


def closes_in_agent(query: str) -> bool:
    """Does the query end inside a passive agent phrase that follows a type noun ("countries
    funded by dutch donors")?  Its closing role noun then names the agent, not the asked end."""
    from app.qa.understand import _HEAD_NOUNS

    return agent_cut(query, [rx for rx, t in _HEAD_NOUNS if t not in ("Number", "Year")]) is not None
