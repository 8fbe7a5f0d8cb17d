""""Which country's <named thing> ...": the country the graph places that thing in.

Why: "Which country's National Social Security Fund goes by the acronym CNaPS?", "which country's
RAMO ...", "which nation's Haba Haba scheme ..." name the thing and ask whose it is.  The engine
read the rest of the sentence as a topic for the text and, with a common name ("National Social
Security Fund" is four countries' fund), found no sentence strong enough: no answer, although the
graph places the thing in one country.  The placing relations come from the registry (every
relation from the thing's type to ``Country``: ``institutionOf``, ``schemeInCountry`` ...), and a
name shared by several things is resolved by another name the question gives for the same thing
("... goes by the acronym CNaPS"); when it stays ambiguous, nothing is decided here.
"""
from __future__ import annotations

import re

from app.qa.names.common_names import common_named
from app.qa.question import Analysis
from graph.relations import REGISTRY

_POSSESSOR = re.compile(r"\b(?:which|what)\s+(?:countr(?:y|ies)|nations?|states?|governments?)['’]s?\s+(?:own\s+)?$", re.I)
_NOT_PLACING = {"hasQuantity", "inRegion", "governmentOf"}


def _placing(eid: str) -> list[str]:
    t = eid.split(":", 1)[0]
    return [r.name for r in REGISTRY if r.name not in _NOT_PLACING and t in r.domain and r.range == ("Country",)]


def possessed(a: Analysis, knowledge) -> tuple[str, list[dict]] | None:
    """(entity, placing facts) of the one thing a "which country's <name>" question names, when
    the graph places it in a country; else None."""
    if a.answer_type != "Country":
        return None
    for link in a.links:
        if link.type == "Country" or not _POSSESSOR.search(a.question[:link.start]):
            continue
        ids = set(link.ids)
        if len(ids) > 1:  # a shared name: another name the question gives for the same thing decides
            others = {i for l in a.links if l is not link for i in l.ids}
            ids &= others
        if len(ids) > 1:  # of the readings left, the ones the graph places somewhere
            ids = {i for i in ids if any(knowledge.facts_where(subject=i, predicate=r) for r in _placing(i))}
        if len(ids) != 1:
            return None
        eid = ids.pop()
        if common_named(knowledge, eid):
            return None  # "which country's pension reform proposal ...": a description, not that one reform
        facts = [f for r in _placing(eid) for f in knowledge.facts_where(subject=eid, predicate=r)]
        countries = {f["object"] for f in facts}
        return (eid, facts) if len(countries) == 1 else None
    return None


__all__ = ["possessed"]
