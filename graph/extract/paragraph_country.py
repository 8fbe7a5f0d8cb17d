"""The country of a scheme or national body named in a paragraph about one country only.

Why: outside the country entries (a partnership or thematic section), a paragraph often names its
country once, in its first sentence, and then the scheme and the body it works with in later
sentences: "... the ILO has continued supporting the deployment of universal health coverage in
Côte d'Ivoire ... the ILO is supporting the Coffee-Cocoa Council (CCC) ... supported the
registration to the Social Regime of Independent Workers (RSTI) ...".  The scheme extractor reads
a country from the sentence or the country entry, so such a scheme had no country, and the body
was no national institution of any: "RSTI country" or "which Ivorian council finances health
insurance contributions for cocoa farmers" had no graph answer.

Rule: a scheme with no country, or an organisation of no known kind whose name ends in a public
body's head noun (Council, Fund, Institute, Agency, Authority, Board, Office, Corporation,
Caisse ...), every paragraph naming it outside a country entry naming exactly one country and the
same one, gets that country (``schemeInCountry`` / ``institutionOf``), with the paragraph as
evidence.  Shapes only: the countries are the gazetteer's, the names other extractors found.
"""
from __future__ import annotations

import re

from graph import countries
from graph.extract import ensure_country
from graph.extract.instruments import section_iso3
from graph.kb import Entity, KnowledgeBase
from graph.model import Document

_PUBLIC_HEAD = re.compile(r"\b(?:Council|Fund|Institute|Institution|Agency|Authority|Board|Office|Corporation|Caisse|"
                          r"Commission|Directorate|Service|Trust)\b(?:\s*\([^)]*\))?$")


def one_country(text: str) -> str | None:
    """The country a text names, when it names exactly one."""
    found = {f[3] for f in countries.find_countries(text)}
    return found.pop() if len(found) == 1 else None


def _country_of(doc: Document, e: Entity, passages: dict) -> tuple[str, str] | None:
    """(ISO3, first passage id) when every paragraph naming the entity is about one and the same country."""
    isos = set()
    first = None
    for pid in sorted(e.passages):
        p = passages.get(pid)
        if p is None or p.kind not in ("paragraph", "list_item"):
            continue
        if section_iso3(doc, p.section_id):
            return None  # inside a country entry: the extractors that read entries decide
        iso = one_country(p.text)
        if iso is None:
            return None
        isos.add(iso)
        first = first or pid
    return (isos.pop(), first) if len(isos) == 1 and first else None


def extract(doc: Document, kb: KnowledgeBase) -> None:
    passages = {p.id: p for p in doc.passages}
    for e in list(kb.of_type("Scheme")):
        if e.attrs.get("country") or kb.facts_where(subject=e.id, predicate="schemeInCountry"):
            continue
        found = _country_of(doc, e, passages)
        if found:
            iso, pid = found
            e.attrs["country"] = iso
            c = ensure_country(kb, iso, pid)
            kb.add_fact(e.id, "schemeInCountry", c.id, [pid], source="paragraph_country")
    for e in list(kb.of_type("Organization")):
        if e.attrs.get("country") or e.role not in (None, "other") or not _PUBLIC_HEAD.search(e.label):
            continue
        if kb.facts_where(subject=e.id, predicate="fundedBy") or kb.facts_where(obj=e.id, predicate="fundedBy"):
            continue  # a funder or a fund is no national body of the country it finances
        found = _country_of(doc, e, passages)
        if found:
            iso, pid = found
            e.attrs["country"] = iso
            e.role = "national_institution"
            c = ensure_country(kb, iso, pid)
            kb.add_fact(e.id, "institutionOf", c.id, [pid], source="paragraph_country")


__all__ = ["one_country", "extract"]
