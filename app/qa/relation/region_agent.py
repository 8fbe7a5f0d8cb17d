"""A region and an agent with no other word ("americas rbsa"): the region's countries that agent is
linked to, by the relation the bank's nearest questions vote for among those the graph holds there.

A search-box query naming a region and one body ("americas rbsa", "caribbean ilo regular budget",
"arab states eu count") words no relation and asks no type.  Its nearest generated questions are
"which organizations in [region] are agency of [organisation]" and the like: a relation between
bodies, whose answers (the RBSA's own funders) lie in no region at all.  A region holds countries,
so the question is about the countries there and the body; which relation links them is read the
way :func:`app.qa.relation.relation_choice.region_filters_thing` reads "c102 africa": among the
registry relations from countries to that kind of body, the one the neighbours vote for, counting
only relations the graph holds between a country of that region and the named body.

Nothing here names a relation, body or region: the candidates come from the registry's ends.
"""
from __future__ import annotations

from typing import Callable, Iterable

from app.qa.question import Analysis
from graph.relations import REGISTRY

# Types a region can hold: only countries are placed in regions (the registry's inRegion).
_PLACED = ("Country",)
# Bodies that act on countries (fund, support, partner with them).
_AGENTS = ("Organization", "Initiative")
CLEAR_MARGIN = 2.0  # the winning relation's vote must be this many times the runner-up's


def region_agent_relation(a: Analysis, relation: str | None, stated_type: str, neighbours,
                          held_in_region: Callable[[str, Iterable[str], Iterable[str]], int]) -> tuple[str, str] | None:
    """(relation, "subject") when the query names a region and one agent, words no relation and no
    asked type (``stated_type`` is the type the question's own words ask, before the intent guess),
    and the understood ``relation`` cannot give countries at its asked end; else None.

    ``neighbours``: (bank text, intent key, similarity) of the intent guess, best first.
    ``held_in_region(relation, things, regions)``: how many countries of these regions the graph
    links to one of these things by the relation.  When two held relations are nearly tied in the
    vote, the one linking the body to more of the region's countries is its role there ("arab
    states eu": the EU funds four of them, works with three); a tie in both says nothing."""
    from app.qa.graphstep import AUTHOR_ORGS
    from app.qa.relation.relation_choice import keyword_hits, relation_votes

    if stated_type != "Text" or not neighbours:
        return None
    regions = a.linked("Region")
    others = [l for l in a.links if l.type != "Region" and not set(l.ids) <= AUTHOR_ORGS]
    if not regions or len({l.type for l in others}) != 1 or others[0].type not in _AGENTS:
        return None
    things = [i for l in others for i in l.ids if i not in AUTHOR_ORGS]
    if _gives_countries(relation, a.answer_type):
        return None  # "africa mul": already the countries there the body funds
    if any(keyword_hits(a.question, r.name) for r in REGISTRY if r.name != "inRegion"):
        return None  # a worded relation is the worded one's to read
    linking = {r.name for r in REGISTRY if set(_PLACED) & set(r.domain) and set(_AGENTS) & set(r.range)
               and r.range != ("Region",)}
    held = {rel: n for rel in linking if (n := held_in_region(rel, things, regions))}
    ranked = relation_votes(neighbours, held)
    if not ranked:
        return None
    close = [rel for rel, v in ranked if v * CLEAR_MARGIN > ranked[0][1]]
    if len(close) > 1:  # nearly tied in the vote: the relation linking more of the region's countries
        most = max(held[rel] for rel in close)
        close = [rel for rel in close if held[rel] == most]
        if len(close) > 1:
            return None  # tied in both: the query does not say which
    return close[0], "subject"


def _gives_countries(relation: str | None, answer_type: str) -> bool:
    """Does the understood reading already ask for countries at a relation end that holds them?"""
    r = REGISTRY.get(relation or "")
    return r is not None and answer_type == "Country" and "Country" in r.domain
