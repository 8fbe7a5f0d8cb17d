"""'In how many regions does X fund countries?': a count of the regions the answers lie in.

The countries are found as for the list question; what is counted is the distinct ``fg:inRegion``
objects of those countries (the registry's region relation), so the count's rows are the regions,
each with its countries in the path.
"""
from __future__ import annotations

import re

# "how many regions", "number of regions", "in how many (different) regions"
# A keyword query puts words between them ("how many germany funding regions", from "germany
# funding - how many regions"); another counted noun in between is what is counted instead.
_REGIONS_COUNTED = re.compile(r"\b(?:how many|number of|count of)\s+(?:(?!countr|pathfinder|member|funder|donor)[\w-]+\s+){0,4}?"
                              r"regions?\b", re.I)


def regions_of(ids: list[str], question: str, knowledge) -> list[str] | None:
    """The region ids the countries ``ids`` lie in, when the question counts regions; else None."""
    if not _REGIONS_COUNTED.search(question):
        return None
    regions = [f["object"] for i in ids for f in knowledge.facts_where(subject=i, predicate="inRegion")]
    return list(dict.fromkeys(regions))
