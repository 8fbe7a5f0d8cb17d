"""Every ILO convention (or recommendation) the report cites, when that is all a question asks.

Why: "which conventions does the report mention", "list the ILO recommendations cited", "how many
ILO conventions are mentioned" constrain nothing but the kind of instrument.  With no country,
year or relation to follow, the engine read the nearest sentence and answered the one convention
it names (or counted one).  The graph types each ILO instrument by its role (``ILOConvention`` /
``ILORecommendation``), so the answer is that type's members.  Only a question whose words,
outside the author's name, are the kind of instrument, a verb of citing and question words asks
this; any other linked name, a year or a relation cue (ratify, fund ...) leaves it to the rest of
the engine.
"""
from __future__ import annotations

import re

_KIND = re.compile(r"\b(?:ilo\s+)?(conventions|recommendations|instruments|standards)\b", re.I)
_CITING = re.compile(r"\b(mention\w*|cit(?:e|es|ed|ing)|nam(?:e|es|ed)|refer\w*|list\w*|discuss\w*|appear\w*|includ\w*|"
                     r"does the report|in the report|are there)\b", re.I)
# the words such a question may hold besides the kind and the citing verb
_FILLER = frozenset("""which what how many all the list name of does do did is are were in by report
    reports cite cites cited mention mentions mentioned named names refer refers referred to
    listed lists discuss discusses discussed appear appears include includes included there ilo international
    labour labor every any please give me annual this document text social security and or""".split())


def listed_instruments(a, knowledge, author_orgs=frozenset()) -> list[str] | None:
    """Ids of every instrument of the asked kind, or None when the question asks something else."""
    m = _KIND.search(a.question)
    if m is None or not _CITING.search(a.question) or a.years or a.ratify or a.fund or a.negation:
        return None
    if any(not set(l.ids) <= set(author_orgs) for l in a.links):
        return None
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", a.question)]
    kind_words = {"conventions", "recommendations", "instruments", "standards"}
    if any(w not in _FILLER and w not in kind_words for w in words):
        return None
    nouns = {n.lower() for n in _KIND.findall(a.question)}
    roles = ("ILOConvention", "ILORecommendation")
    if nouns == {"conventions"}:
        roles = ("ILOConvention",)
    elif nouns == {"recommendations"}:
        roles = ("ILORecommendation",)
    ids = [e["id"] for e in knowledge.of_type("LegalInstrument") if e.get("role") in roles]
    return sorted(ids) or None
