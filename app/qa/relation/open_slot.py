"""What a question asks when its wording leaves the slot open: the end of a worded relation that
the question does not name.

Two readings the head-noun rules get wrong, both decided by the relation registry (its domain,
range and qualifiers), not by any one relation's wording:

- "who ratified 102": "who" reads as an organisation, but when the worded relation's named end is
  its range and its domain holds no organisation, "who" is the domain's type (countries ratify).
- "ukraine No.102 ratified", "albania c102 ratification": a keyword query that names *both* ends
  of a relation leaves only the relation's year qualifier open; it asks when, not for a list of
  either end again.
"""
from __future__ import annotations

import re

from app.qa.bank import ANSWER_TYPE
from app.qa.graphstep import AUTHOR_ORGS
from app.qa.question import Analysis
from graph.relations import REGISTRY

_WHO_OPENS = re.compile(r"^\s*(?:and\s+|so\s+|but\s+)?who\b(?!\s+(?:funds?|financ|paid|pays|donat|sponsor|back))", re.I)
_ASKING = re.compile(r"\b(which|what|who|whom|where|how|list|name|give|tell|identify|is|are|does|did|do|was|were|"
                     r"has|have|countries|country|conventions?|instruments?)\b", re.I)


def _named(a: Analysis, types) -> bool:
    return any(i not in AUTHOR_ORGS for i in a.linked(*types))


def _worded(a: Analysis, supported) -> list:
    return [r for r in REGISTRY if r.name != "inRegion" and supported(a, r.name, False)]


def who_is_domain(a: Analysis, supported) -> str | None:
    """The domain type "who" stands for, when the worded relation's domain has no organisation
    and its range is the end the question names; else None."""
    if a.answer_type != "Organization" or not _WHO_OPENS.match(a.question):
        return None
    # the verb "who" is the subject of must be the relation's own word ("who ratified 102"; in
    # "who launched the C102 campaign" the campaign's relation is not what "who" did)
    verb = re.match(r"\s*(?:and\s+|so\s+|but\s+)?who\s+(?:has\s+|have\s+|had\s+|did\s+|else\s+)*([A-Za-z]+)", a.question, re.I)
    if verb is None:
        return None
    from app.qa.units import stem

    v = stem(verb.group(1).lower())
    for r in _worded(a, supported):
        if not any(stem(k.split()[0].lower()) == v for k in r.keywords if k):
            continue
        if "Organization" not in r.domain and _named(a, r.range) and not _named(a, r.domain):
            return ANSWER_TYPE.get(r.domain[0], r.domain[0])
    return None


def _event(r) -> bool:
    """A relation whose statement's year dates an event of its subject (ratifying, inquiring,
    joining): its range is an instrument or an initiative (as :func:`app.qa.things.fact_years._is_event`)."""
    return bool({"Initiative", "LegalInstrument"} & set(r.range))


def _joined(knowledge, sid: str, relation: str, objects) -> bool:
    return any(f["object"] in objects and (f.get("attrs") or {}).get("year")
               for f in knowledge.facts_where(subject=sid, predicate=relation))


def both_ends_year(a: Analysis, supported, knowledge) -> bool:
    """Does a keyword query name both ends of a relation that carries a year, with no year of its
    own and no asking word, so that the year is what is left to ask?

    - A worded relation: the two ends must be two different names joined by a dated statement of
      that relation in the graph ("kuwait funded" names one entity, "connect network members
      thailand" joins no statement).  A pair the graph does not join ("tanzania c102 ratification")
      keeps its list reading, which :mod:`app.qa.constraints.named_subject` narrows to the named
      country: nothing rather than every other country of the relation.
    - No relation worded ("albania c102", "c 102 albania"): the one kind of dated event the graph
      holds between the two names is the one asked."""
    from app.qa.understand import _HEAD_NOUNS

    blank = a.question
    for l in a.links:
        blank = blank[:l.start] + " " * (l.end - l.start) + blank[l.end:]
    # an asking word inside a name is the name's ("convention no102" names the instrument)
    if a.years or _ASKING.search(blank) or a.answer_type in ("Number", "Year"):
        return False
    if any(rx.search(blank) for rx, _ in _HEAD_NOUNS):  # "ga pathfinders financed by ...": a type is asked
        return False
    links = [l for l in a.links if not (set(l.ids) & AUTHOR_ORGS)]
    pairs = [(s, o) for s in links for o in links if s is not o]
    worded = [r for r in _worded(a, supported) if "year" in r.qualifiers and r.domain != r.range]
    for r in worded:
        for s_link, o_link in pairs:
            for sid in s_link.ids:
                if sid.split(":", 1)[0] not in r.domain:
                    continue
                if _joined(knowledge, sid, r.name, o_link.ids):
                    return True
    if worded or _worded(a, supported) or len(links) != 2:
        return False
    held = {r.name for r in REGISTRY if "year" in r.qualifiers and _event(r) and r.domain != r.range
            for s_link, o_link in pairs for sid in s_link.ids
            if sid.split(":", 1)[0] in r.domain and _joined(knowledge, sid, r.name, o_link.ids)}
    return len(held) == 1


def typed_relation(a: Analysis, und, supported, knowledge) -> tuple[str, str] | None:
    """(relation, direction) to use instead of the one the intent chose by meaning alone, when that
    one is not worded in the question: "what is pakistan's cash transfer programme called" reads as
    money (funding) by meaning, yet no funding word is written.  The one worded registry relation
    joining the asked type to a named entity's type, if the graph holds it for the named entity,
    is the one asked.  None for a topical (text) reading, a worded choice, or no single fit."""
    from app.qa.relation.grounding import grounded
    from app.qa.question import ENTITY_FOR_TYPE

    want = ENTITY_FOR_TYPE.get(a.answer_type)
    r = REGISTRY.get(und.relation) if und.relation else None
    if want is None or r is None or und.op == "text" or supported(a, r.name):
        return None
    named = {l.type for l in a.links if not (set(l.ids) & AUTHOR_ORGS)}
    fits = [(c.name, "subject") for c in REGISTRY if want in c.domain and named & set(c.range) and c.domain != c.range
            and supported(a, c.name, False)] + \
           [(c.name, "object") for c in REGISTRY if want in c.range and named & set(c.domain) and c.domain != c.range
            and supported(a, c.name, False)]
    if len(fits) != 1 or not grounded(fits[0][0], a, knowledge):
        return None
    return fits[0]


def worded_over_region(a: Analysis, und, supported) -> tuple[str, str] | None:
    """(relation, direction) to read instead of "in region" when the meaning's guess is the region
    relation (or none, so the region's countries would be listed), no word of the question asks it ("region", "regional"), and exactly one other
    registry relation is worded with the asked type at one end: "europe central asia results 2024"
    asks which of the region's countries achieved results (the region then filters), not every
    country of the region.  None otherwise."""
    from app.qa.question import ENTITY_FOR_TYPE

    want = ENTITY_FOR_TYPE.get(a.answer_type)
    if und.relation not in (None, "inRegion") or not a.regions or want is None or und.op not in ("list", "count") \
            or supported(a, "inRegion", False):
        return None
    fits = {(r.name, "subject" if want in r.domain else "object") for r in _worded(a, supported)
            if r.domain != r.range and (want in r.domain or want in r.range)}
    return fits.pop() if len(fits) == 1 else None


def adopt_worded_over_region(a: Analysis, und, supported) -> bool:
    """Switch ``und`` to :func:`worded_over_region`'s reading (and the relation's flag); True when it switched."""
    from app.qa.relation.grounded_direction import adopt_reading

    return adopt_reading(a, und, worded_over_region(a, und, supported))
