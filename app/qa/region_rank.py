"""Ranking regions by how many of a question's countries they hold.

"Which region has the most countries with an improving-operations result?", "region with the
fewest Dutch-funded countries": the countries are whatever the same question asked as a list
returns (a funder, a result type, pathfinder status, a ratification ... any condition the graph
step composes), so one mechanism ranks regions for every relation instead of one template per
relation.  The ranking keeps ties and names the runner-up.  Pure functions.
"""
from __future__ import annotations

import re

# "the most results", "the most ratifications": objects are counted, not countries.
_OBJECTS = re.compile(r"\b(?:most|fewest|least|largest number of|highest number of|lowest number of)\s+"
                      r"(?:[\w-]+\s+){0,2}?(results?|changes?|ratifications?|projects?|funders?|donors?|members?|"
                      r"schemes?|publications?)\b", re.I)


def counts_objects(question: str) -> bool:
    """Does the superlative count things other than countries ("the most institutional results")?"""
    m = _OBJECTS.search(question)
    return bool(m) and not re.search(r"\bcountr(?:y|ies)\b", question[m.start():m.end()], re.I)


def rank(rows: list[tuple[str, list[str], list]], lowest: bool = False):
    """(top rows, runner-up row or None) by number of countries; None with fewer than two regions
    (a ranking of one region says nothing)."""
    if len(rows) < 2 and not (rows and not lowest):
        return None
    ordered = sorted(rows, key=lambda r: len(r[1]), reverse=not lowest)
    best = len(ordered[0][1])
    top = [r for r in ordered if len(r[1]) == best]
    runner = next((r for r in ordered if len(r[1]) != best), None)
    return top, runner
