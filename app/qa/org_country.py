"""Organisations narrowed to the country the question places them in ("which Thai organisation
became a member of CONNECT", "the Sri Lankan institute that joined ...").

Why: the graph answers "members of <network>" with every member; the country the question names
by a demonym is no constraint of the membership relation, so it was silently dropped.  The build
records where a listed organisation is ("Thammasat University, Thailand" -> attrs.country) and the
national bodies of a country (``institutionOf`` / ``governmentOf``): those narrow the answer, only
when some answer is placed in a named country (otherwise the country says something else).
"""
from __future__ import annotations

from app.qa.question import Analysis

_PLACING = ("institutionOf", "governmentOf")


def _countries_of(org: str, knowledge) -> set[str]:
    ent = knowledge.entity(org) or {}
    at = ent.get("attrs") or {}
    out = {f"Country:{at['country']}"} if at.get("country") else set()
    for rel in _PLACING:
        out |= {f["object"] for f in knowledge.facts_where(subject=org, predicate=rel)}
    return out


def placed_in_named_country(ids: list[str], a: Analysis, used: set[str], knowledge) -> list[str]:
    """The organisation answers placed in a country the question links and no constraint uses."""
    if a.answer_type != "Organization" or not ids or not all(i.startswith("Organization:") for i in ids):
        return ids
    named = {c for c in a.linked("Country") if c not in used}
    if not named:
        return ids
    kept = [i for i in ids if _countries_of(i, knowledge) & named]
    return kept or ids
