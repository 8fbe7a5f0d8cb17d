"""Where the payers a question asks for come from: "Which European donors fund Jordan?", "which
non-European funders ...", "Nordic donors", "which funders in the Jordan line are not European?".

A place word right before a payer noun describes who pays, not where the answers lie
(:func:`app.qa.names.subregions._funders_after` already keeps such a place from filtering the
countries).  Without this step the place was dropped and every funder came back, European or not.
A payer's home is read from the graph, never typed: a government, an agency or a national
institution carries its country (``attrs.country``), placed on a continent or in a group by the
general tables (country_converter's UN geoscheme, :mod:`app.qa.names.country_groups`); a body with
no country whose own name says its continent ("European Union", "African Development Bank") is of
that continent.  A payer whose home is unknown (a foundation, a company) is never kept as "European"
and never set aside as "not European".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.names.subregions import _funders_after, named_groups, place_members, subregion_span
from graph.countries import _coco_table

# The continent adjectives (and their country_converter continent); "American" is the Americas.
_CONTINENTS = {"european": "Europe", "asian": "Asia", "african": "Africa", "american": "America"}
_PAYER = r"(?:bilateral\s+|government\s+|state\s+|country\s+)?(?:donors?|funders?|financiers?|contributors?|sponsors?)\b"
_ADJECTIVE = "(" + "|".join(_CONTINENTS) + ")"
_BEFORE = re.compile(r"\b(non[\s-]?|not\s+)?" + _ADJECTIVE + r"\s+" + _PAYER, re.I)
# "which funders in the Jordan line are not European?": the place said of the payers after a copula
_AFTER = re.compile(r"\b(?:donors?|funders?|financiers?|contributors?|sponsors?)\b[^?.;]{0,80}?\b(?:are|is|were|was)\s+"
                    r"(not\s+|non[\s-]?)?" + _ADJECTIVE + r"\b(?!\s+(?:countr|union|states?\b))", re.I)


@dataclass(frozen=True)
class PayerPlace:
    """The place the asked payers come from, and whether the question sets it aside."""

    place: str  # a continent of the UN table ("Europe") or a sub-region/group name ("Nordic countries")
    continent: bool
    negated: bool
    span: tuple[int, int] = (0, 0)  # the place's words and their negation ("non-European"), not the payer noun

    def holds(self, iso3: str | None, own_continent: str | None) -> bool | None:
        """Is a payer of that country (or, with none, of that continent by its own name) in the
        place?  None when its home is unknown."""
        if iso3:
            if self.continent:
                return _coco_table().get(iso3, ("", ""))[0] == self.place
            return iso3 in place_members(self.place)
        if own_continent and self.continent:
            return own_continent == self.place
        return None


def payer_place(question: str) -> PayerPlace | None:
    """The place the question gives its payers, or None."""
    q = question or ""
    sub = subregion_span(q)  # the finer place first: "West African donors" are not all African ones
    places = ([sub] if sub else []) + list(named_groups(q))
    for name, start, end in places:
        if _funders_after(q, end):
            cue = re.search(r"\b(?:non[\s-]?|not\s+)$", q[:start], re.I)
            return PayerPlace(name, False, bool(cue), (cue.start() if cue else start, end))
    m = _BEFORE.search(q) or _AFTER.search(q)
    if m:
        return PayerPlace(_CONTINENTS[m.group(2).lower()], True, bool(m.group(1)),
                          (m.start(1) if m.group(1) else m.start(2), m.end(2)))
    return None


def _own_continent(label: str) -> str | None:
    """The continent a body's own name says ("European Union", "Inter-American Development Bank")."""
    words = re.findall(r"[a-z]+", (label or "").lower())
    return next((_CONTINENTS[w] for w in words if w in _CONTINENTS), None)


def keep_payers(question: str, answers: list[dict], knowledge) -> tuple[list[dict], str]:
    """Organisation answers from the place the question gives its payers (or, set aside, from
    elsewhere), and a line for the path ('' when the question gives none)."""
    where = payer_place(question)
    if where is None or not answers:
        return answers, ""
    kept = []
    for x in answers:
        e = knowledge.entity_by_iri(x.get("iri") or "") or {}
        iso3 = (e.get("attrs") or {}).get("country") or x.get("iso3")
        inside = where.holds(iso3, _own_continent(e.get("label") or x.get("label", "")))
        if (inside is None and not where.negated) or (inside is not None and inside == where.negated):
            continue
        kept.append(x)
    return kept, f"payers {'not ' if where.negated else ''}from {where.place}"
