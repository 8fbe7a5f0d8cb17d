"""How many publications of a kind, a language or a co-author: the size of the set the records give.

Why: "how many French-language briefs are in the sample", "how many fact sheets did the ILO
publish" count publications the graph holds, each with its kind, language and co-publishers
(:mod:`app.qa.things.titles`).  Without this the count machinery looks for a relation or a stated figure
and finds neither, or reads a stray number out of a caption ("published in 2024").  The counted
noun must be a kind of publication (or "publications" itself), and the stated filters must select
the set exactly (as they do for "which guides ..."); a count the report states in words ("52
country briefs") is answered before this, from the sentence that states it.
"""
from __future__ import annotations

import re

from app.qa.things.titles import KIND_WORDS, Found

_NOUNS = tuple(k + "s" for k in KIND_WORDS) + ("publications", "documents", "titles")
# the counted noun closes the phrase after "how many": "how many French-language briefs",
# "how many ILO working papers" (not "how many countries ... publications")
_COUNTED = re.compile(r"\b(?:how many|(?:the\s+)?(?:number|count|total)\s+of)\s+(?:[\w'-]+\s+){0,3}?(?:" + "|".join(map(re.escape, _NOUNS)) + r")\b", re.I)


def counted_publications(question: str, links, finder) -> Found | None:
    """The publications a "how many <kind>s ..." question counts, or None when it counts others."""
    if not _COUNTED.search(question):
        return None
    found = finder.find(question, links, plural=True)
    return found if found is not None and found.listed else None
