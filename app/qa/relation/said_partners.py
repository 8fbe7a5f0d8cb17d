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
# Words that state working together as firmly as the label's "partners" ("a participatory process
# was set up, in collaboration with the Senegalese Agency ... and the World Bank"); "alongside",
# "together" and "joint" stay loose keywords.  Plain English, no name of any report.
_FIRM = ("collaborat", "cooperat", "co-operat")


# The names a firm word governs: "in collaboration with A and B," up to the clause's end ("..., and
# delivering capacity-building activities to the National Agency ..." names a beneficiary).
_FIRM_LIST = re.compile(r"\b(?:" + "|".join(_FIRM) + r")\w*\s+with\s+[^,;.]+", re.I)


def said_partners(found: list, unit_text: str, relations: set[str], kept: list[str], authors: set[str],
                  unit_start: int = 0) -> list[str]:
    """Ids of the organisations ``found`` in the narrowing clause that it names as partners: the
    clause says a keyword of a partnering relation the question was read with, and at least one
    of the graph's answers is named in it too.  Others than ``kept`` only; never an author.  When
    only a firm word (:data:`_FIRM`) says it, only the names that word governs count (``found``
    spans are passage offsets; ``unit_start`` is the clause's offset in its passage)."""
    asked = [r for r in relations if r in _PARTNERING and r in REGISTRY]
    if not asked or not kept:
        return []
    words = {w.lower() for r in asked for w in re.findall(r"[A-Za-z]{5,}", REGISTRY[r].label)}
    stems = {w[:-1] if w.endswith("s") else w for w in words}
    labelled = any(re.search(rf"\b{re.escape(w)}\w*", unit_text, re.I) for w in stems)
    firm = [m.span() for m in _FIRM_LIST.finditer(unit_text)] if "partneredWith" in asked else []
    if not labelled and not firm:
        return []

    def said(f) -> bool:
        return labelled or any(a <= s - unit_start and e - unit_start <= b for s, e in f.spans for a, b in firm)

    return [f.key for f in found if f.key.startswith("Organization:") and f.key not in kept and f.key not in authors
            and said(f)]
