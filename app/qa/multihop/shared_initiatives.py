"""The initiative several named countries (or bodies) all take part in.

Why: people name an initiative by its members ("Cape Verde, Rwanda and Paraguay all signed up to
one UN initiative in 2024 - which one?", "which partnership has both Eswatini and Lebanon in its new
phase"). With no initiative linked, the template guess reads the countries as the subject of some
other relation and a list of countries comes back for an initiative asked.  The graph holds every
participation under the registry's membership family (``memberOf`` and its sub-relations:
pathfinder, co-chair, selected or pilot country ...), so the answer is the set of initiatives each
named participant is held under, intersected over the participants.

Nothing here names an initiative or a country; the relations come from the registry.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from app.qa.relation.participation import family, own_programme
from app.qa.question import Analysis

_PARTICIPANT_TYPES = ("Country", "Organization")


@dataclass
class Shared:
    """Initiatives every named participant takes part in, with the facts that say so."""

    initiatives: list[str]
    facts: dict[str, list[dict]] = field(default_factory=dict)  # initiative -> supporting facts


def shared_initiatives(a: Analysis, knowledge, author: set[str]) -> Shared | None:
    """For an Initiative question that names two or more participants and no initiative: the
    initiatives held for all of them (the report's own programme, whose scope is no membership,
    set aside), or None when the question is not of that shape or nothing is shared."""
    if knowledge is None or a.answer_type != "Initiative" or a.linked("Initiative"):
        return None
    named = [i for i in a.linked(*_PARTICIPANT_TYPES) if i not in author and i not in a.excluded]
    if len(named) < 2:
        return None
    own = own_programme(knowledge)
    per: list[dict[str, list[dict]]] = []
    for eid in named:
        held: dict[str, list[dict]] = {}
        for rel in family():
            for f in knowledge.facts_where(subject=eid, predicate=rel):
                if f["object"].startswith("Initiative:") and f["object"] not in own:
                    held.setdefault(f["object"], []).append(f)
        per.append(held)
    common = set(per[0]).intersection(*per[1:])
    if not common:
        return None
    facts = {i: [f for held in per for f in held[i]] for i in common}
    return Shared(sorted(common), facts)
