"""A scheme the question names by its common description and its country: "What is the name of
Burkina Faso's universal health insurance scheme?".

The description links to every scheme so called (Burkina Faso's and Egypt's); the country the
question names picks the one the graph places there (``schemeInCountry``).  That scheme is the
answer (its full name and acronym), not a penalised echo of the question's own words.
"""
from __future__ import annotations

SCHEME_TYPES = ("Scheme",)


def owned_schemes(a, knowledge) -> list[str]:
    """Scheme ids linked in the question that the graph places in a country the question names."""
    countries = set(a.linked("Country"))
    if not countries:
        return []
    out: list[str] = []
    for link in a.links:
        ids = [i for i in link.ids if i.split(":", 1)[0] in SCHEME_TYPES]
        for i in ids:
            label = (knowledge.entity(i) or {}).get("label", "")
            if label == label.lower():
                continue  # "main public health insurance scheme": a description, not the scheme's name
            if any(f["object"] in countries for f in knowledge.facts_where(subject=i, predicate="schemeInCountry")):
                out.append(i)
    return list(dict.fromkeys(out))
