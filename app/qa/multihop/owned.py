"""A scheme the question names by its common description and its country: "What is the name of
Burkina Faso's universal health insurance scheme?".

The description links to every scheme so called (Burkina Faso's and Egypt's); the country the
question names picks the one the graph places there (``schemeInCountry``).  That scheme is the
answer (its full name and acronym), not a penalised echo of the question's own words.
"""
from __future__ import annotations

import re

from app.qa.things.label_words import given_apart

SCHEME_TYPES = ("Scheme",)


def owned_schemes(a, knowledge) -> list[str]:
    """Scheme ids linked in the question that the graph places in a country the question names."""
    countries = set(a.linked("Country"))
    if not countries:
        return []
    out: list[str] = []
    for link in a.links:
        if given_apart(a.question, link.start, link.end):
            continue  # "which scheme did Zambia extend to SCT households": the SCT is given, not asked
        ids = [i for i in link.ids if i.split(":", 1)[0] in SCHEME_TYPES]
        for i in ids:
            label = (knowledge.entity(i) or {}).get("label", "")
            if label == label.lower():
                continue  # "main public health insurance scheme": a description, not the scheme's name
            if any(f["object"] in countries for f in knowledge.facts_where(subject=i, predicate="schemeInCountry")):
                out.append(i)
    return list(dict.fromkeys(out))


# "what does OPG stand for", "the full name of NHIMA", "OPG means what": the question asks for the
# name an acronym abbreviates (plain English, not a report fact).
_EXPANSION = re.compile(r"\b(stands?\s+for|short\s+for|abbreviat\w*|acronyms?|full\s+(?:name|form|title)|spelled\s+out|"
                        r"spell\s+out|expan(?:d|sion)|means?|meaning)\b", re.I)
_NAME_WORDS = re.compile(r"^(?:what|is|the|does|do|in|of|for|a|an|s|its|name|called|scheme|schemes|programme|programmes|"
                         r"program|fund|system|benefit|grant|allowance|law|act|body|agency|institution)$", re.I)


def asks_expansion(a) -> bool:
    """Does the question say outright that it asks what an acronym stands for?"""
    rest = a.question
    for l in sorted(a.links, key=lambda l: -l.start):
        rest = rest[:l.start] + " " + rest[l.end:]
    return bool(_EXPANSION.search(rest))


def _abbreviates(surface: str, ent: dict) -> bool:
    """Is ``surface`` the entity's acronym, or a short form the report gives it that opens with an
    acronym ("WSPR 2024-26" for the World Social Protection Report 2024-26)?"""
    said = surface.replace(".", "").lower()
    acr = ent.get("acronym") or ""
    if acr and said == acr.replace(".", "").lower():
        return True
    label_words = set(re.findall(r"\w+", (ent.get("label") or "").lower()))
    for alt in ent.get("alt_labels") or []:
        head = alt.split()[0] if alt.split() else ""
        if alt.replace(".", "").lower() == said and re.fullmatch(r"[A-Z]{2,}", head) and head.lower() not in label_words:
            return True
    return False


def expanded_acronyms(a, knowledge) -> list[str]:
    """Named bodies the question links by their acronym when all it asks is that acronym's name:
    "what does OPG stand for in malawi", or a keyword query of only names ("malawi OPG").  A
    country named beside the acronym must be the one the graph places the body in."""
    countries = set(a.linked("Country"))
    acronym_links = []
    for link in a.links:
        for i in link.ids:
            ent = knowledge.entity(i) or {}
            if _abbreviates(link.surface, ent) \
                    and i.split(":", 1)[0] in ("Scheme", "Organization", "LegalInstrument", "Initiative", "Project",
                                               "Publication"):
                acronym_links.append((link, i))
    if len({i for _, i in acronym_links}) != 1:
        return []
    link, eid = acronym_links[0]
    kind = eid.split(":", 1)[0]
    from app.qa.question import answer_type

    if answer_type(a.question) not in ("Text", kind, {"LegalInstrument": "Convention"}.get(kind, kind)):
        return []  # "the acronym RAMU ... which country": the scheme's country is asked, not its name
    rest = a.question
    for l in sorted(a.links, key=lambda l: -l.start):
        rest = rest[:l.start] + " " + rest[l.end:]
    words = re.findall(r"[A-Za-z]+", rest)
    if not (_EXPANSION.search(rest) or all(_NAME_WORDS.match(w) for w in words)):
        return []
    if countries and not any(f["object"] in countries for p in ("schemeInCountry", "basedIn", "inCountry")
                             for f in knowledge.facts_where(subject=eid, predicate=p)):
        return []
    return [eid]
