"""Questions that ask for regions: "Which regions does Portugal finance countries in?", "Which
region's priority countries are all financed by the EU?".

The countries are found as for the list question (every constraint the graph step reads, the
region words aside); the answer is their regions (``fg:inRegion``, the registry's region
relation).  With a universal quantifier ("all", "every", "each of its countries") a region is in
only when every country the graph places in it is among them; with a condition on their number
("regions with more than one country ...") a region is in only when its countries meet it.  Rankings of regions ("which region
has the most ...") are :func:`app.qa.figures.aggregate.region_extreme`'s.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

ASKS_REGION = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+)?regions?(?:['’]s?)?\b|"
                         r"\bwhat(?:['’]s|\s+is|\s+was)\s+the\s+regions?\s+of\b|^\s*regions?\s+(?:where|in which|whose)\b"
                         # "region of kenya", "region of the country that ratified C102 in 2024", "regions of the EU-funded
                         # countries": the region is the last hop of a chain over the countries described
                         r"|^\s*(?:the\s+)?regions?\s+(?:of|for)\s+(?=\w)",
                         re.I)
# (never the distributive "in which region is each", "what region are each of them in")
_EVERY = re.compile(r"\b(?:all|every|(?<!\bis\s)(?<!\bare\s)each)\b(?!\s+(?:three|3|result|type|kind))", re.I)
# "Which countries ..., and in which region is each?": the countries are asked first, their regions
# second; the countries answer (their regions are in the path), unless the asker wants only regions.
_SECOND_ASK = re.compile(r"^\W*(?:which|what)\s+(?:[\w'’-]+\s+){0,3}?(?:countries|nations|governments)\b.*"
                         r"\band\s+(?:in\s+)?(?:which|what)\s+regions?\b", re.I)
_ONLY = re.compile(r"\b(?:just|only)\s+(?:the\s+)?(?P<what>regions?|countries)\b", re.I)


def asks_regions(question: str) -> bool:
    """Are regions the answer asked for (see ASKS_REGION)?  Not when the question asks its
    countries first and their regions after, or says it wants just the countries."""
    if not ASKS_REGION.search(question):
        return False
    only = _ONLY.search(question)
    if only:
        return only.group("what").lower().startswith("region")
    return not _SECOND_ASK.search(question)


def regions_asked_after(question: str) -> bool:
    """Does the question ask its countries' regions as a second ask (the countries answer)?"""
    return bool(ASKS_REGION.search(question)) and not asks_regions(question)


def subject_countries(a, knowledge, run) -> tuple[list[str], str, str] | None:
    """The countries whose region is asked when no relation describes them: the countries the
    question names ("which region is Kenya in"), else the country at the far end of the one
    relation the graph holds for the one thing it names ("what region is the country where the
    Haba Haba scheme was relaunched": the scheme's country).  (ids, SPARQL, path line), or None.

    Without this the region asked of a named or implied country had no step: the list step
    answered the country itself, the text step nothing."""
    from app.qa.graphstep import AUTHOR_ORGS, PREFIXES, _iri
    from app.qa.relation.implied_end import implied_end

    named = [l for l in a.links if not set(l.ids) & AUTHOR_ORGS]
    if named and all(l.type == "Country" for l in named):
        ids = list(dict.fromkeys(i for l in named for i in l.ids if i.startswith("Country:")))
        values = " ".join(_iri(i) for i in ids)
        return ids, f"{PREFIXES}SELECT ?answer WHERE {{ VALUES ?answer {{ {values} }} }}", "the countries named"
    con = implied_end(a, knowledge)  # a's answer type is Country here: the thing's country
    if con is None:
        return None
    sparql = f"{PREFIXES}SELECT DISTINCT ?answer WHERE {{ {con.pattern} }}"
    ids = [i for i in run(sparql) if i.startswith("Country:")]
    return (ids, sparql, con.description) if ids else None


@dataclass
class RegionRow:
    region: str
    countries: list[str]
    facts: list[dict] = field(default_factory=list)


def regions_for(ids: list[str], question: str, knowledge) -> list[RegionRow] | None:
    """The regions of the countries ``ids`` (all of whose countries are among them, when the
    question says so), each with its countries."""
    from app.qa.graphstep import gazetteer_placements

    # a country the report places under no regional heading (a pathfinder with no entry) is grouped
    # by the general ILO region table, as the region filters count it: "which region has the most
    # pathfinders" and "how many pathfinders are in Africa" agree
    where: dict[str, str] = gazetteer_placements(knowledge)
    members: dict[str, list[str]] = {}
    for f in knowledge.facts_where(predicate="inRegion"):
        where[f["subject"]] = f["object"]
        members.setdefault(f["object"], []).append(f["subject"])
    every = bool(_EVERY.search(question))
    got: dict[str, list[str]] = {}
    for i in ids:
        if i in where:
            got.setdefault(where[i], []).append(i)
    from app.qa.constraints.count_conditions import holds, members_condition

    size = members_condition(question)  # "regions with more than one country with a strategy result"
    rows = []
    for region, cs in got.items():
        if every and set(members.get(region, [])) - set(cs):
            continue
        if size is not None and not holds(size[0], len(cs), size[1]):
            continue
        facts = [f for c in cs for f in knowledge.facts_where(subject=c, predicate="inRegion")]
        rows.append(RegionRow(region, cs, facts))
    return rows
