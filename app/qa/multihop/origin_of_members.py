""""The new members that joined the network came from which countries?": the countries *of* the
things a relation holds, not things of the asked type in the relation.

The graph holds the network's members as organisations, each with the country the report places
it in (``attrs.country``: "Thammasat University, Thailand").  Asked for countries, the relation's
answer is organisations, which a country question drops, leaving nothing.  When the question
asks where the relation's holders come from ("came from", "based in", "from which countries"),
:func:`holder_countries` maps each holder to its country: a chain of the relation and the
holder's place.
"""
from __future__ import annotations

import re

ASKS_ORIGIN = re.compile(r"\b(?:come|came|comes|coming|hail(?:s|ed)?|based|located|headquartered)\b[^?]{0,30}"
                         r"\b(?:from|in)\b|\bfrom which countr|\bcountr(?:y|ies) (?:of|behind) (?:the|its|these|those)\b",
                         re.I)


def holder_countries(question: str, ids: list[str], knowledge) -> dict[str, list[str]]:
    """Country id -> the holders placed there, when the question asks the holders' origin and
    they are bodies the report places in a country; {} otherwise."""
    if not ASKS_ORIGIN.search(question):
        return {}
    out: dict[str, list[str]] = {}
    for i in ids:
        if not i.startswith("Organization:"):
            continue
        iso = ((knowledge.entity(i) or {}).get("attrs") or {}).get("country")
        if iso:
            out.setdefault(f"Country:{iso}", []).append(i)
    return out
