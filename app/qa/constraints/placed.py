"""Narrow a graph answer of things (publications, schemes, laws, projects) to those the graph places
in the country the question names: "the paper the ILO wrote with the IMF and the World Bank on
Iraq's pensions" is the IMF paper about Iraq, not every paper the IMF co-published.

The relations that place a thing in a country are read from the registry (those whose domain holds
the answer's type and whose range is Country), so a newly registered relation of that shape narrows
too.  Only a strict, non-empty narrowing happens: when none or all of the candidates are placed in
the named country, the answer stands.
"""
from __future__ import annotations

from graph.relations import REGISTRY

_TYPE = {"Convention": "LegalInstrument"}
# relations that relate a thing to its context without placing it in the country
_NOT_PLACING = {"hasQuantity", "mentions", "inRegion"}


def placing_relations(answer_type: str) -> list[str]:
    """Registry relations that tie a thing of ``answer_type`` to a country it is in or about."""
    t = _TYPE.get(answer_type, answer_type)
    return [r.name for r in REGISTRY if r.name not in _NOT_PLACING and t in r.domain and r.range == ("Country",)]


def in_named_countries(ids: list[str], countries: list[str], answer_type: str, knowledge) -> list[str]:
    """The ids the graph places in one of ``countries``, when that is a strict non-empty subset."""
    if len(ids) < 2 or not countries or answer_type in ("Country", "Organization"):
        return ids
    rels = placing_relations(answer_type)
    if not rels:
        return ids
    want = set(countries)
    kept = [i for i in ids if any(f["object"] in want for r in rels for f in knowledge.facts_where(subject=i, predicate=r))]
    return kept if kept and len(kept) < len(ids) else ids
