"""'In how many regions does X fund countries?': a count of the regions the answers lie in.

The countries are found as for the list question; what is counted is the distinct ``fg:inRegion``
objects of those countries (the registry's region relation), so the count's rows are the regions,
each with its countries in the path.
"""
from __future__ import annotations

import re

from app.qa.figures.listed_subset import NOT_QUALIFIERS
from app.qa.units import terms

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


# Words that frame a count of a region's countries without narrowing it ("how many African
# countries does the report cover / are there in the programme").
_SCOPE_WORDS = frozenset(terms("report reports programme program flagship there cover covers covered work works "
                               "worked mention mentions mentioned name names named list lists listed include "
                               "includes included feature features featured exist exists have has had total "
                               "overall altogether"))


def narrowed_beyond_region(residual: list[str]) -> bool:
    """Do a region count's leftover words (those no graph condition explains) state a clause of
    their own ("... sent representatives to the conference hosted in Dakar")?  Then the count is
    of the countries that clause describes, which a sentence states, not of the region's countries.
    Two such words at least: one stray word is no clause."""
    return len([t for t in residual if t not in NOT_QUALIFIERS and t not in _SCOPE_WORDS]) >= 2
