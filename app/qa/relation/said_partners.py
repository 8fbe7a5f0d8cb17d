"""Organisations a narrowing sentence itself names as partners, beside those the graph holds.

"Which organisations did the ILO work with to include refugees in Kenya's Haba Haba scheme?": the
graph answers the ILO's partners in Kenya, and the sentence about Haba Haba narrows them ("The ILO
has worked closely with national partners, such as the NSSF and the Department of Refugee Services
(DRS), and international development partners, such as UNHCR, the Danish Refugee Council (DRC) and
the International Rescue Committee (IRC) ...").  Narrowing keeps only names both sides give, so the
country's own institutions, which the graph relates to the country (``institutionOf``) and not as
partners, were lost although the sentence calls them partners.

Why this is not a special case: when the sentence that narrows a partnership answer words the
partnership itself (a word of the label of the relation the question was read with, from the
registry: "partners"; a looser keyword such as "alongside" is no such statement), it is the
evidence of the relation for every organisation it names, not only a filter on the graph's set.
Only organisations (not countries, not the report's author) are added, and only from the very
clause the narrowing used.
"""
from __future__ import annotations

import re

from graph.relations import REGISTRY

# Relations whose keywords make a sentence its own evidence of partnership.
_PARTNERING = ("partneredWith", "supportedBy")


def said_partners(found: list, unit_text: str, relations: set[str], kept: list[str], authors: set[str]) -> list[str]:
    """Ids of the organisations ``found`` in the narrowing clause that it names as partners: the
    clause says a keyword of a partnering relation the question was read with, and at least one
    of the graph's answers is named in it too.  Others than ``kept`` only; never an author."""
    asked = [r for r in relations if r in _PARTNERING and r in REGISTRY]
    if not asked or not kept:
        return []
    words = {w.lower() for r in asked for w in re.findall(r"[A-Za-z]{5,}", REGISTRY[r].label)}
    if not any(re.search(rf"\b{re.escape(w[:-1] if w.endswith('s') else w)}\w*", unit_text, re.I) for w in words):
        return []
    return [f.key for f in found if f.key.startswith("Organization:") and f.key not in kept and f.key not in authors]
