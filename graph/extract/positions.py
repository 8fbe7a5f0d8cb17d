"""Staff positions an initiative works through, read from the shape of the sentence.

"This engagement was provided through one dedicated country focal person (P4H-CFP), stationed in
Kenya; as well as one regional technical focal point (P4H-RFP) in Asia": a position is a role
noun (focal person/point, coordinator, officer, specialist, adviser, expert) with the acronym the
text gives it, counted or introduced as dedicated ("one", "two", "a dedicated").  The acronym is
what makes it a named post rather than a mention of a kind of staff.

Which initiative: the one whose acronym the position's acronym starts with ("P4H-CFP" of P4H),
else the initiative named last before it in the passage, else the initiative whose section the
passage sits in.  Where: "stationed/based/located in X" or "in X" right after it, a country
(``country`` on the Position, so RDF says ``fg:about`` the country) or a region (kept as
written).

Fact: ``positionIn`` (Position -> Initiative), with the role noun as ``role`` and the place as
``location``.  Declared in the relation registry, which runs this extractor.
"""
from __future__ import annotations

import re

from graph import countries
from graph.extract import ensure_country
from graph.extract.instruments import section_chain, sentences
from graph.extract.named import NameIndex
from graph.kb import KnowledgeBase
from graph.model import Document
from graph.vocab import slug

_ROLE = (r"focal\s+(?:person|point)|coordinator|co-ordinator|officer|specialist|adviser|advisor|expert|"
         r"consultant|manager")
POSITION = re.compile(
    r"\b(?:one|two|three|four|a|an)\s+(?:dedicated\s+|full-time\s+|part-time\s+)?"
    r"(?P<title>(?:(?:country|regional|national|global|technical|senior|junior|programme|project|sub-regional)\s+){0,3}"
    r"(?:" + _ROLE + r"))s?\s*\((?P<acr>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+|[A-Z]{2,}[A-Za-z0-9]*)\)"
    r"(?P<where>,?\s+(?:(?:stationed|based|located|posted)\s+)?in\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w'’\-]*(?:\s+(?:and\s+the\s+|of\s+the\s+|of\s+|the\s+)?[A-Z][\w'’\-]*)*))?")


def _initiative_for(acr: str, before: str, names: NameIndex, kb: KnowledgeBase, section_init: str | None) -> str | None:
    prefix = acr.split("-")[0]
    for ent in kb.of_type("Initiative"):
        if ent.acronym and ent.acronym == prefix:
            return ent.id
    hits = names.find(before)
    if hits:
        return hits[-1][2]
    return section_init


def _section_initiative(doc: Document, section_id: str | None, names: NameIndex) -> str | None:
    for s in section_chain(doc, section_id):
        hits = names.find(s.title)
        if hits:
            return max(hits, key=lambda h: h[1] - h[0])[2]
    return None


def extract(doc: Document, kb: KnowledgeBase) -> None:
    names = NameIndex(kb, ("Initiative",))
    for p in doc.passages:
        if p.kind in ("table", "caption", "heading", "financing"):
            continue
        if not POSITION.search(p.text):
            continue
        sec_init = _section_initiative(doc, p.section_id, names)
        for s0, _s1, sent in sentences(p.text):
            for m in POSITION.finditer(sent):
                acr = m.group("acr")
                init = _initiative_for(acr, p.text[:s0] + sent[:m.start()], names, kb, sec_init)
                if init is None:
                    continue
                title = " ".join(m.group("title").split())
                place = m.group("place")
                iso = countries.lookup(place) if place else None
                attrs = {"country": iso} if iso else ({"region": place} if place else {})
                e = kb.add_entity("Position", slug(acr), title, alt_labels=[f"{title} ({acr})", acr], acronym=acr,
                                  passage=p.id, description=sent.strip()[:500], **attrs)
                if iso:
                    ensure_country(kb, iso, p.id)
                kb.add_fact(e.id, "positionIn", init, [p.id], kind="Membership", role=title,
                            location=place, sentence=sent.strip())


__all__ = ["POSITION", "extract"]
