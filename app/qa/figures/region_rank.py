"""Ranking regions by how many of a question's countries they hold.

"Which region has the most countries with an improving-operations result?", "region with the
fewest Dutch-funded countries": the countries are whatever the same question asked as a list
returns (a funder, a result type, pathfinder status, a ratification ... any condition the graph
step composes), so one mechanism ranks regions for every relation instead of one template per
relation.  The ranking keeps ties and names the runner-up.  Pure functions.
"""
from __future__ import annotations

import re

from app.qa.figures.ordinal import select

# "the most results", "the most ratifications": objects are counted, not countries.
_OBJECTS = re.compile(r"\b(?:most|fewest|least|largest number of|highest number of|lowest number of)\s+"
                      r"(?:[\w-]+\s+){0,2}?(results?|changes?|ratifications?|projects?|funders?|donors?|members?|"
                      r"schemes?|publications?)\b", re.I)


def counts_objects(question: str) -> bool:
    """Does the superlative count things other than countries ("the most institutional results")?"""
    m = _OBJECTS.search(question)
    return bool(m) and not re.search(r"\bcountr(?:y|ies)\b", question[m.start():m.end()], re.I)


def rank(rows: list[tuple[str, list[str], list]], lowest: bool = False, nth: int = 1,
         after: set[str] | frozenset = frozenset()):
    """(top rows, runner-up row or None) by number of countries; None with fewer than two regions
    (a ranking of one region says nothing).  ``nth`` / ``after``: the rank a question asks below
    the top ("the second most", "after Africa", see :mod:`app.qa.figures.ordinal`) instead of the top."""
    if len(rows) < 2 and not (rows and not lowest):
        return None
    ordered = sorted(rows, key=lambda r: len(r[1]), reverse=not lowest)
    if nth != 1 or after:
        return select(ordered, lambda r: len(r[1]), nth, (lambda r: r[0] in after) if after else None)
    best = len(ordered[0][1])
    top = [r for r in ordered if len(r[1]) == best]
    runner = next((r for r in ordered if len(r[1]) != best), None)
    return top, runner


_COMPARED = re.compile(r"\b(more|fewer|less|larger|bigger|higher|greater|smaller|lower)\b|\b(?:vs\.?|versus|compared)\b",
                       re.I)
_FEWER = re.compile(r"\b(fewer|less|smaller|lower)\b", re.I)


def compared_regions(a) -> list[str] | None:
    """The two regions a comparison names ("Africa or the Americas", "africa vs asia"), or None:
    a count compared between two regions ranks just those two, by the same countries a region
    ranking counts.  Not "how many more" (a difference) nor a region word inside a name."""
    regions = list(dict.fromkeys(l.ids[0] for l in a.links if l.type == "Region"))
    if len(regions) != 2 or a.answer_type in ("Number", "Year") or not _COMPARED.search(a.question):
        return None
    if re.search(r"\bhow\s+(?:many|much)\b", a.question, re.I) or counts_objects_compared(a.question):
        return None
    return regions


def counts_objects_compared(question: str) -> bool:
    """"more results", "more ratifications": objects counted, not countries."""
    return bool(re.search(r"\b(?:more|fewer|less)\s+(?:[\w-]+\s+){0,2}?(results?|changes?|ratifications?|projects?|"
                          r"funders?|donors?|schemes?|publications?|money|funding|share)\b", question, re.I))


def members(pool: list[str], knowledge) -> list[str]:
    """Every country of the compared regions ("more priority countries in A or B" sets no other
    condition): the subjects of the registry's region relation there."""
    return [f["subject"] for f in knowledge.facts_where(predicate="inRegion")
            if f["object"] in pool and f["subject"].startswith("Country:")]


def members_sparql(pool: list[str], iri) -> str:
    """The SPARQL counting the countries of each compared region (shown in the answer's `sparql`)."""
    return ("PREFIX fg: <https://w3id.org/floorgraph/ontology#>\nSELECT ?region (COUNT(DISTINCT ?c) AS ?n) WHERE {\n"
            f"  VALUES ?region {{ {' '.join(iri(p) for p in pool)} }}\n  ?c a fg:Country ; fg:inRegion ?region .\n}}"
            "\nGROUP BY ?region")


def asks_fewer(question: str) -> bool:
    return bool(_FEWER.search(question))


def with_empty_regions(rows: list[tuple[str, list[str], list]], knowledge) -> list[tuple[str, list[str], list]]:
    """The rows of a "fewest" ranking with every region the graph places countries in, a region
    holding none of the question's countries as a row of zero: "which region counts the fewest
    countries financed by the EU" is answered by the regions with none, not by the smallest
    non-empty one."""
    held = {r[0] for r in rows}
    regions = dict.fromkeys(f["object"] for f in knowledge.facts_where(predicate="inRegion"))
    return list(rows) + [(r, [], []) for r in regions if r not in held]
