"""One entity per real thing: link a government to its country, an agency to its government, a
national institution to its country; merge an acronym and its full name; count what is left.

A country acting as a donor is its government.  The government is an ``Organization`` (key
``gov-ISO3``, a fg:BilateralDonor) because funding lines and the network treat funders as
organisations; here it gets the country's ISO code and an explicit ``governmentOf`` link to the
Country node.  ``governmentOf`` is declared ``same_thing`` in the relation registry: pages and the
API fold the government's relations into the country's, and :func:`duplicate_entities` does not
count the pair.

Also here, because they say which real thing an organisation stands for:

* ``agencyOf`` — an organisation that belongs to a government (the gazetteer's general knowledge
  that BMZ is German, or the report's "France (Expertise France)", "Spain (FIIAPP)": a country
  followed by the name of one of its bodies in parentheses);
* ``institutionOf`` — a national institution (created by the funding or organisation extractors
  with the country it belongs to) and that country;
* merging two organisation nodes when one's acronym is the other's name, or both have one name.

:func:`duplicate_entities` lists the pairs that still look like one thing — same normalised name
(label or acronym) or same ISO code across types — and are not linked by a ``same_thing`` relation.
"""
from __future__ import annotations

import re
import unicodedata

from graph import countries
from graph.extract import ensure_country
from graph.gazetteer import organizations as gaz
from graph.kb import Entity, KnowledgeBase
from graph.model import Document
from graph.relations import REGISTRY

_GOV = re.compile(r"^gov-([A-Z]{3})$")
_PAREN_AFTER = re.compile(r"\s*\(\s*([A-Z][^()]{1,70}?)\s*\)")
_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z&\-]{1,9}$")
_NOT_AGENCY = re.compile(r"^(?:\d|[A-Z]{3}$|see\b|e\.g\.|i\.e\.|including\b)", re.I)


def norm(s: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name; a leading 'the' dropped."""
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("’", "'")
    s = " ".join(re.sub(r"[^a-z0-9]+", " ", s).split())
    return re.sub(r"^the ", "", s)


def government_iso(e: Entity) -> str | None:
    """The ISO3 of the country whose government this organisation is, if it is one."""
    if e.type != "Organization":
        return None
    m = _GOV.match(e.key)
    if m:
        return m.group(1)
    return e.attrs.get("government_of")


def _first_passage(doc: Document, pids) -> str | None:
    order = {p.id: i for i, p in enumerate(doc.passages)}
    known = [p for p in pids if p in order]
    return min(known, key=order.get) if known else None


def _passage_naming(doc: Document, pids, *names: str) -> str | None:
    """The first passage of ``pids`` that names one of ``names`` (else the first passage)."""
    by_id = {p.id: p for p in doc.passages}
    order = {p.id: i for i, p in enumerate(doc.passages)}  # not list.index: that made this quadratic
    for pid in sorted((p for p in pids if p in by_id), key=order.__getitem__):
        text = by_id[pid].text
        if any(n and n in text for n in names):
            return pid
    return _first_passage(doc, pids)


def link_governments(doc: Document, kb: KnowledgeBase) -> None:
    for e in list(kb.of_type("Organization")):
        iso = government_iso(e)
        if not iso or iso not in countries.all_countries():
            continue
        c = countries.all_countries()[iso]
        pid = _passage_naming(doc, e.passages, c.name, *c.names)  # a passage naming the country
        if pid is None:
            continue
        e.attrs["government_of"] = iso
        e.attrs.setdefault("iso3", iso)
        c = ensure_country(kb, iso, pid)
        kb.add_fact(e.id, "governmentOf", c.id, [pid])


def _government(kb: KnowledgeBase, iso: str, pid: str) -> Entity:
    from graph.gazetteer.organizations import bilateral_donor

    return bilateral_donor(kb, iso, None, pid)


def link_agencies(doc: Document, kb: KnowledgeBase) -> None:
    """Agencies of a government: general knowledge, and 'Country (Agency)' in the text."""
    from graph.extract.instruments import resolve_org, sentences

    for e in list(kb.of_type("Organization")):
        iso = e.attrs.get("country")
        if government_iso(e) or not iso or e.role not in ("bilateral_donor",):
            continue
        pid = _passage_naming(doc, e.passages, e.label, e.acronym or "")
        if pid is None:
            continue
        gov = _government(kb, iso, pid)
        e.attrs.setdefault("government_of_agency", iso)
        kb.add_fact(e.id, "agencyOf", gov.id, [pid])
    for p in doc.passages:
        if "(" not in p.text:
            continue
        for _, _, sent in sentences(p.text):
            for start, end, _name, iso in countries.find_countries(sent):
                m = _PAREN_AFTER.match(sent, end)
                if not m:
                    continue
                inner = m.group(1).strip()
                if _NOT_AGENCY.match(inner) or countries.lookup(inner) or re.search(r"\d", inner):
                    continue
                if len(inner.split()) > 8:
                    continue
                org = resolve_org(kb, doc, inner, p.id, create=False)
                if org is None and (_ACRONYM.match(inner) or gaz.ends_with_institution_head(inner)):
                    org = resolve_org(kb, doc, inner, p.id)
                if org is None or org.type != "Organization" or government_iso(org):
                    continue
                if org.role in (None, "other"):
                    org.role = "bilateral_donor"
                if org.role != "bilateral_donor":
                    continue
                org.attrs.setdefault("country", iso)
                org.attrs.setdefault("government_of_agency", iso)
                gov = _government(kb, iso, p.id)
                kb.add_fact(org.id, "agencyOf", gov.id, [p.id])


def link_institutions(doc: Document, kb: KnowledgeBase) -> None:
    for e in list(kb.of_type("Organization")):
        iso = e.attrs.get("country")
        if e.role != "national_institution" or not iso or iso not in countries.all_countries():
            continue
        names = [countries.all_countries()[iso].name, *countries.all_countries()[iso].names]
        pid = _passage_naming(doc, e.passages, *names)
        if pid is None:
            continue
        c = ensure_country(kb, iso, pid)
        kb.add_fact(e.id, "institutionOf", c.id, [pid])


def merge_same_names(kb: KnowledgeBase) -> None:
    """Two organisation nodes for one name or for an acronym and its expansion become one."""
    from graph.extract.reconcile import merge

    changed = True
    while changed:
        changed = False
        seen: dict[str, str] = {}
        for e in sorted(kb.of_type("Organization"), key=lambda x: (government_iso(x) is None, len(x.passages) * -1, x.key)):
            keys = {norm(e.label)} | ({norm(e.acronym)} if e.acronym else set())
            if e.attrs.get("country") and e.role == "national_institution":
                keys = {f"{k}@{e.attrs['country']}" for k in keys}  # 'SSC' of two countries differ
            hit = next((seen[k] for k in keys if k in seen and seen[k] in kb.entities), None)
            if hit and hit != e.id:
                merge(kb, hit, e.id)
                changed = True
                break
            for k in keys:
                seen.setdefault(k, e.id)


# Named things (not events, figures or per-country result nodes, whose labels repeat by design).
NAMED_TYPES = ("Country", "Region", "Organization", "LegalInstrument", "Scheme", "Initiative", "Project",
               "Publication", "Position")


def _identity_keys(e: Entity) -> set[str]:
    keys = {"name:" + norm(e.label)}
    if e.acronym and e.type in ("Organization", "Initiative"):
        keys.add("name:" + norm(e.acronym))
    if e.attrs.get("country") and not (government_iso(e) or e.attrs.get("government_of_agency")):
        # a national strategy, scheme or institution is one per country: "SSC" of Jordan is not
        # "SSC" of another country
        keys = {f"{k}@{e.attrs['country']}" for k in keys}
    iso = e.attrs.get("iso3") if e.type in ("Country", "Organization") else None
    if iso:
        keys.add("iso:" + iso)
    return {k for k in keys if k not in ("name:", "iso:")}


def duplicate_entities(kb: KnowledgeBase) -> list[tuple[str, str, str]]:
    """(entity, entity, shared key) for pairs that look like one thing and are not linked as one.

    Keys: the normalised label, the acronym of an organisation or initiative, the ISO code of a
    country or government.  A pair is linked when a ``same_thing`` relation joins them.
    """
    same = set(REGISTRY.same_thing())
    linked = {frozenset((f.subject, f.object)) for f in kb.facts.values() if f.predicate in same}
    by_key: dict[str, list[str]] = {}
    for e in kb.entities.values():
        if e.type not in NAMED_TYPES:
            continue
        for k in _identity_keys(e):
            by_key.setdefault(k, []).append(e.id)
    out = []
    seen = set()
    for k, ids in sorted(by_key.items()):
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                pair = frozenset((a, b))
                if pair in linked or pair in seen:
                    continue
                seen.add(pair)
                out.append((a, b, k))
    return out


def extract(doc: Document, kb: KnowledgeBase) -> None:
    merge_same_names(kb)
    link_agencies(doc, kb)
    link_governments(doc, kb)
    link_institutions(doc, kb)


__all__ = ["duplicate_entities", "government_iso", "norm", "extract"]
