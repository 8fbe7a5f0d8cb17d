"""A described law or scheme the question places in another country is not the one it links.

"Under Viet Nam's amended social insurance law, how many years ...": the words "social insurance
law" are the name of Uzbekistan's draft law in the graph, so the lexicon links them to it, and the
text step then requires passages that mention Uzbekistan's law; Viet Nam's entry, which holds the
figure, never qualifies and nothing is answered.  "Uganda's national strategy on social protection"
links to Albania's and Timor-Leste's strategies the same way.

When the question names countries and every reading of a law or scheme link belongs (by the graph's
``instrumentOfCountry`` / ``schemeInCountry`` facts) to a country it does not name, the link is a
description of the named country's own instrument: it is dropped and its words stay in the topic.
A reading of unknown owner, or owned by a named country, keeps the link.  Only graph facts.
"""
from __future__ import annotations

from app.qa.relation.descriptive_links import keep_links

OWNERSHIP = {"LegalInstrument": "instrumentOfCountry", "Scheme": "schemeInCountry"}


def _owners(eid: str, knowledge) -> set[str]:
    pred = OWNERSHIP.get(eid.split(":", 1)[0])
    if pred is None:
        return set()
    return {f["object"] for f in knowledge.facts_where(subject=eid, predicate=pred)}


def drop_owned_elsewhere(a, knowledge) -> bool:
    """Drop law and scheme links whose every reading is owned by a country the question does not
    name (see the module docstring); says whether any was dropped."""
    named = {i for l in a.links if l.type == "Country" for i in l.ids}
    if not named:
        return False

    def elsewhere(link) -> bool:
        if link.type not in OWNERSHIP or not link.ids:
            return False
        owners = [_owners(i, knowledge) for i in link.ids]
        return all(o and not (o & named) for o in owners)

    return keep_links(a, [l for l in a.links if not elsewhere(l)])
