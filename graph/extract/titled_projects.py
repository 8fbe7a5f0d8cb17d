"""Projects the report names by a quoted title, and the countries they work in.

Why: the acronym extractor (``schemes.PROJECTS``) finds "the PROSPECTS project", but a project is
as often written by its title in quotes, in the country entries that say where it worked: 'the
former EU funded project on "Improving synergies between social protection and public finance
management"' (Senegal, Cambodia), 'under the project "Accelerating Universal Social Protection ..."'
(Tajikistan).  Without these, "which countries did the SP&PFM project support" had no graph answer.
The report ties a title to its acronym once ('"Improving Synergies ..." (SP&PFM) Programme'), so
the title and the acronym are made one project; a title with no acronym is a project of its own.
An acronym with a place word before the kind ("the ACCEL Africa initiative") is kept as another
name of the project already known by that acronym.

Nothing here names a project: the shapes are the report's writing conventions for titles.
"""
from __future__ import annotations

import re

from graph.extract import ensure_country, milestones
from graph.extract.instruments import sentence_country, text_sentences
from graph.kb import KnowledgeBase, eid
from graph.model import Document
from graph.vocab import slug

ACRONYM = r"[A-Z][A-Z0-9+&\-]{2,}"
# '"Improving Synergies Between ..." (SP&PFM) Programme': a title and its acronym
TITLE_WITH_ACRONYM = re.compile(r"[\"“](?P<title>[A-Z][^\"”]{10,160}?)[\"”]\s*\((?P<acr>" + ACRONYM + r")\)\s*"
                                r"(?:[Pp]rojects?|[Pp]rogrammes?|[Pp]rograms?)\b")
# 'the EU funded project on "Improving ..."', 'under the project "Accelerating ..."', 'a new project "..."'
TITLED = re.compile(r"\b(?:projects?|programmes?|programs?)\s+(?:on\s+|entitled\s+|called\s+|named\s+|titled\s+)?"
                    r"[\"“](?P<title>[A-Z][^\"”]{10,160}?)[\"”]")
# "the ACCEL Africa initiative": an acronym widened by one capitalised word before the kind
WIDENED = re.compile(r"\b(?P<acr>" + ACRONYM + r")\s+(?P<word>[A-Z][a-z]{2,})\s+(?:initiative|project|programme)\b")


def _norm(title: str) -> str:
    return " ".join(title.lower().split())


def _acronym_titles(doc: Document) -> dict[str, str]:
    """Normalised title -> acronym, wherever the report writes a quoted title with its acronym."""
    out: dict[str, str] = {}
    for p in doc.passages:
        for m in TITLE_WITH_ACRONYM.finditer(p.text):
            out.setdefault(_norm(m.group("title")), m.group("acr"))
    return out


def extract_titled_projects(doc: Document, kb: KnowledgeBase) -> None:
    """Add quoted-title projects (merged with their acronym's project) and their countries."""
    acronyms = _acronym_titles(doc)
    for p, home, sent in text_sentences(doc):
        for m in TITLED.finditer(sent):
            title = m.group("title").strip().rstrip(",.;:")
            acr = acronyms.get(_norm(title))
            if acr:
                e = kb.add_entity("Project", slug(acr), f"{acr} project", alt_labels=[acr, title], acronym=acr,
                                  passage=p.id, description=sent.strip()[:500])
            else:
                e = kb.add_entity("Project", slug(title), title, passage=p.id, description=sent.strip()[:500])
            iso = home or sentence_country(doc, p, sent, m.start())
            if iso:
                ensure_country(kb, iso, p.id)
                kb.add_fact(e.id, "projectInCountry", eid("Country", iso), [p.id], sentence=milestones.clip(sent, 600))
        for m in TITLE_WITH_ACRONYM.finditer(sent):
            kb.add_entity("Project", slug(m.group("acr")), f"{m.group('acr')} project",
                          alt_labels=[m.group("acr"), m.group("title").strip()], acronym=m.group("acr"), passage=p.id)
    known = {e.acronym: e for e in kb.of_type("Project") if e.acronym}
    for p in doc.passages:
        for m in WIDENED.finditer(p.text):
            e = known.get(m.group("acr"))
            if e is not None:
                e.alt_labels.add(f"{m.group('acr')} {m.group('word')}")
                e.passages.add(p.id)


__all__ = ["extract_titled_projects"]
