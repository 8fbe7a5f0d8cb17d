"""A figure asked of a region is read only where the report speaks of that region.

Why: "usp2030 members asia count" names a region the report gives no membership figure for; the
text step ranked the sentence "a platform for its 53 members" first (it holds the asked noun and a
number) and answered the partnership's world total as Asia's.  A region in a number question is a
filter like a named country: the evidence passage must be about the region -- name it (any of its
everyday names: "Asia", "Asian", "Asia-Pacific"), sit under its heading, or speak of one of its
countries.  When no passage is, the text step finds no figure and nothing is answered, which is
what the report supports.

The region names are general knowledge (:data:`graph.countries.REGION_ALIASES`); which country
lies in which region comes from the graph's ``inRegion`` facts.
"""
from __future__ import annotations

import re
from functools import lru_cache

from graph.countries import REGION_ALIASES


@lru_cache(maxsize=16)
def _region_pattern(label: str) -> re.Pattern:
    """Every everyday name of the ILO region ``label``, as one whole-word pattern."""
    names = sorted({a for a, r in REGION_ALIASES.items() if r == label} | {label.lower()}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n).replace(r"\ ", r"[\s-]+") for n in names) + r")(?![\w-])", re.I)


def region_countries(knowledge, region_id: str) -> frozenset[str]:
    """The iso3 codes of the countries the graph places in the region."""
    return frozenset(f["subject"].split(":", 1)[1] for f in knowledge.facts_where(predicate="inRegion", obj=region_id)
                     if f["subject"].startswith("Country:"))


def about_region(knowledge, pid: str, region_id: str, members: frozenset[str]) -> bool:
    """Does passage ``pid`` speak of the region: name it, sit under its heading, or mention one of
    its countries (``members``, from :func:`region_countries`)?"""
    p = knowledge.passage(pid)
    e = knowledge.entity(region_id)
    if p is None or e is None:
        return False
    rx = _region_pattern(e["label"])
    return bool(rx.search(p.text) or any(rx.search(t) for t in p.section_path) or set(p.countries or ()) & members)
