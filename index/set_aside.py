"""Names a query sets aside: "pathfinder countries not in Africa", "funders other than the EU".

The graph boosts passages mentioning the entities a query names (index/graph_context.py).  A name
after an exclusion cue is the one place the answer is *not*: boosting its passages ranks exactly
the wrong ones first (every African passage for "pathfinders not in Africa").  Such a name is
still a word of the query for BM25 and the embedding; it is only not boosted or expanded.

Ordinary English only: the cues are closed-class phrases, never names from a report.
"""
from __future__ import annotations

import re

# a cue, then only articles / "the ILO's" / "countries in" between it and the name
_SET_ASIDE = re.compile(
    r"(?:\b(?:not|nor|never)\s+(?:(?:located|based|situated|found|listed)\s+)?(?:in|from|within|among)\s+"
    r"|\b(?:outside(?:\s+of)?|except(?:\s+for)?|excluding|excepting|besides|beyond|other\s+th[ae]n|"
    r"apart\s+from|aside\s+from|not\s+counting|not\s+including|leaving\s+(?:out|aside)|but\s+not)\s+)"
    r"(?:(?:the|a|an|its|their|those|countries|country|in|of|from)\s+)*$", re.I)


def set_aside(query: str, start: int | None) -> bool:
    """Is the name starting at ``start`` in ``query`` set aside by the words right before it?"""
    if start is None or start <= 0:
        return False
    return bool(_SET_ASIDE.search(query[:start]))
