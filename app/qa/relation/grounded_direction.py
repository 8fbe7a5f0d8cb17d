"""Which end of a relation a keyword query names, when only a relation noun says how.

"kuwait funding", "Kuwaiti money", "swedish support": a keyword query of one name and a relation
noun does not say whether the name gives or receives.  Meaning matches it to "[country] funding"
(the funders of that country), and when the report holds no funder of Kuwait the answer is empty,
although the report does say what Kuwait funds.  The graph decides, as :mod:`app.qa.relation.grounding`
lets it decide between relations: when the named thing holds no fact of the relation at the end the
guess put it, and does at the other end, the other end is the one the query names.

Only for queries that word the relation (by a registry keyword) but leave its direction open: no question word, no preposition or
participle-by that places the name ("funding from", "funded by", "to"), and no kind noun
("funders", "countries", "recipients") naming which end is asked; then an empty answer would be
the guess's, not the report's silence.  A question that names the asked end keeps its empty answer
(a negative: "kuwait funders").
"""
from __future__ import annotations

import re

from app.qa.bank import ANSWER_TYPE
from app.qa.graphstep import AUTHOR_ORGS
from app.qa.question import Analysis
from graph.relations import REGISTRY

# Words that say which end is asked or where the name stands.
_WORDED = re.compile(
    r"\b(?:who|whom|whose|which|what|where|when|how|why|by|from|to|for|into|towards?|of|receiv\w*|recipients?|"
    r"beneficiar\w*|get|gets|got|goes|went|countr(?:y|ies)|nations?|territor(?:y|ies)|places?|states?|"
    r"funders?|donors?|financiers?|backers?|sponsors?|partners?|organi[sz]ations?|agenc(?:y|ies)|institutions?|"
    r"members?|governments?|sources?|list|count|number|many|much)\b", re.I)


def reversed_direction(a: Analysis, relation: str | None, direction: str | None, op: str, supported,
                       knowledge) -> tuple[str, str] | None:
    """(the other direction, the answer type of what stands at the asked end), when the query leaves
    the direction unworded and only the other one is grounded in the graph for the one thing it
    names; else None."""
    r = REGISTRY.get(relation) if relation else None
    if r is None or op not in ("list", "count") or direction not in ("subject", "object") or r.domain == r.range:
        return None
    # a figure asked, or a relation the question does not word ("funding" does), is no direction to turn
    if a.answer_type in ("Number", "Year") or _WORDED.search(_blanked(a)) or not supported(a, r.name, False):
        return None
    groups = _named_groups(a)
    if len(groups) != 1:
        return None
    ids = set(groups[0])
    # direction "object": the answer is the object, so the name stands as the subject
    as_guessed = [f for i in ids for f in (knowledge.facts_where(subject=i, predicate=r.name) if direction == "object"
                                           else knowledge.facts_where(obj=i, predicate=r.name))]
    if as_guessed:
        return None
    other = [f for i in ids for f in (knowledge.facts_where(obj=i, predicate=r.name) if direction == "object"
                                      else knowledge.facts_where(subject=i, predicate=r.name))]
    if not other:
        return None
    flipped = "subject" if direction == "object" else "object"
    # the asked end's own type: "swedish funding" goes to a pooled fund, "kuwaiti funding" to a territory
    ends = {f["subject" if flipped == "subject" else "object"].split(":", 1)[0] for f in other}
    asked = ends.pop() if len(ends) == 1 else "Organization"
    return flipped, _ASKED_TYPE.get(asked, ANSWER_TYPE.get(asked, asked))


# a pooled fund or programme (Initiative) is answered as a body, as the funders' lists answer it
_ASKED_TYPE = {"Initiative": "Organization"}


# A keyword query closing on a kind of body the named thing has (its committee, secretariat, team):
# that body is asked by name, which no relation to the named thing holds.
_BODY_LAST = re.compile(r"\b(?:committees?|councils?|boards?|secretariats?|commissions?|task\s*forces?|teams?|"
                        r"working\s+groups?|units?|offices?)\s*\??\s*$", re.I)


def held_relation(a: Analysis, relation: str | None, op: str, supported, knowledge) -> tuple[str, str] | None:
    """(relation, direction) the graph holds between the one thing a keyword query names and the
    kind it asks, when the query words no relation at all ("multi donor programme mul countries":
    the programme funds countries, it has no members) and the meaning's guess holds no fact for
    that thing.  Only when exactly one registry relation (in one direction) joins them in the graph;
    None otherwise, and None for a worded or grounded guess."""
    from app.qa.relation.grounding import grounded
    from app.qa.question import ENTITY_FOR_TYPE

    want = ENTITY_FOR_TYPE.get(a.answer_type)
    if want is None or op not in ("list", "count") or _ASKING_WORD.search(a.question):
        return None
    if _BODY_LAST.search(a.question):
        return None  # "flagship programme governance committee": a body of the thing is asked, not its funders
    if relation == "inRegion" and a.regions:
        relation = None  # "africa ireland", "c102 africa": the region filters, it is not what is asked
    if relation and (relation not in REGISTRY or grounded(relation, a, knowledge)):
        return None
    if any(supported(a, r.name, False) for r in REGISTRY):
        return None
    groups = _named_groups(a)
    if len(groups) != 1:
        return None
    ties: dict[tuple[str, str], set[str]] = {}
    # (a tie inside the group is the name's own: a country and its government, "africa ireland")
    for i in set(groups[0]):
        for f in knowledge.facts_where(subject=i):
            if f["object"].split(":", 1)[0] == want and f["predicate"] in REGISTRY and f["object"] not in groups[0]:
                ties.setdefault((f["predicate"], "object"), set()).add(f["object"])
        for f in knowledge.facts_where(obj=i):
            if f["subject"].split(":", 1)[0] == want and f["predicate"] in REGISTRY and f["subject"] not in groups[0]:
                ties.setdefault((f["predicate"], "subject"), set()).add(f["subject"])
    ties.pop(("inRegion", "object"), None)
    ties.pop(("inRegion", "subject"), None)
    return dominant_tie(ties)


def dominant_tie(ties: dict[tuple[str, str], set[str]]) -> tuple[str, str] | None:
    """The one (relation, direction) of ``ties``, or the one that reaches at least twice as many
    things as all the others together: "africa kingdom of the netherlands" asks the nine countries
    the Dutch fund, not the one the report also calls a Dutch partner.  None when no tie dominates
    ("c102 africa": ratified, assessed and inquired about are each a large share; "suriname
    recommendation": one instrument ratified, another cited)."""
    if not ties:
        return None
    ranked = sorted(ties.items(), key=lambda t: -len(t[1]))
    rest = sum(len(v) for _, v in ranked[1:])
    return ranked[0][0] if len(ranked[0][1]) >= 2 * rest else None


_ASKING_WORD = re.compile(r"\b(?:who|whom|whose|which|what|where|when|how|why)\b", re.I)


def _named_groups(a: Analysis) -> list[frozenset]:
    """The things a question names (a name written twice, "multi donor programme mul", is one)."""
    out: list[frozenset] = []
    for l in a.links:
        g = frozenset(set(l.ids) - AUTHOR_ORGS)
        if l.type != "Region" and g and g not in out:
            out.append(g)
    return out


def adopt_held_relation(a: Analysis, und, supported, knowledge) -> bool:
    """Switch ``und`` to :func:`held_relation`'s reading, and raise the relation's own flag (as a
    worded relation would: funding is asked through ``a.fund``); True when it switched."""
    return adopt_reading(a, und, held_relation(a, und.relation, und.op, supported, knowledge))


def adopt_reading(a: Analysis, und, reading: tuple[str, str] | None) -> bool:
    """Switch ``und`` to ``reading`` (relation, direction) and raise the relation's own flag, as a
    worded relation would (funding is asked through ``a.fund``, results through ``a.any_result``);
    True when it switched, False for no reading."""
    if reading is None:
        return False
    from app.qa.understand import RELATION_FLAGS

    und.relation, und.direction = reading
    flag = RELATION_FLAGS.get(reading[0])
    if flag:
        setattr(a, flag, True)
    return True


def _blanked(a: Analysis) -> str:
    """The question with its linked names blanked: "United States" words no "states"."""
    text = a.question
    for l in a.links:
        text = text[:l.start] + " " * (l.end - l.start) + text[l.end:]
    return text
