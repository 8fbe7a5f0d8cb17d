"""Extraction: pure functions that read a parsed Document and add to a KnowledgeBase.

Each module has one job and exposes ``extract(doc, kb)``.  ``PIPELINE`` is the order they run in:
later extractors may rely on entities added by earlier ones (funding lines need the organisation
gazetteer, memberships need the countries).  Nothing here is keyed to one report's wording of a
particular country or line number: rules are about the *shape* of statements.
"""
from __future__ import annotations

import importlib

from graph import countries
from graph.kb import Entity, KnowledgeBase, eid
from graph.model import Document

PIPELINE = (
    "structure",      # countries, regions, priority countries, Table-4 institutional results
    "organizations",  # organisations: the report's acronym table + general gazetteer
    "funding",        # "Financing support:" lines -> funders (multi-donor funds and their donors)
    "instruments",    # ILO conventions/recommendations, ratifications with years
    "initiatives",    # initiatives and their members / pathfinders / co-chairs
    "schemes",        # schemes with acronyms, country, administering institution
    "scheme_administrators",  # "Registration to the SSF", "Systems of the ISSS", "SSC closed registrations for X"
    "project_funders",  # "the EU funded SP&PFM project", "the X and Y projects funded by A and B" -> fundedBy
    "amount_contributors",  # "€67 million secured through contributions from A, B and C, ... introduced <scheme>" -> fundedBy
    "programme_resources",  # a resource-mobilisation section: "resources ... were provided by the EU (53 per cent)" -> programme fundedBy
    "publications",   # publications with titles
    "initiative_publishers",  # a working group's or network's publications: publishedBy -> Initiative
    "named_contributors",  # "funded by contributions from 65 brands ... These include A, B and C" -> contributors
    "engagements",    # country-organisation engagements with the passage that states them
    "quantities",     # numbers in the text: value, unit, what they count, the scheme or country they describe
    "activities",     # dated activities per country: kind, year, who took part, what they concern
    "paragraph_country",  # a scheme or public body named in a paragraph about one country only -> that country
    "tables",         # every cell of a numbered table as a Data Cube observation
    "reconcile",      # one node for things two extractors both created (a network that is an initiative)
    "identity",       # one entity per real thing: government = country, agency -> government, merges
    "evidence",       # the sentence of its passage that states each fact
    "mentions",       # every entity mention in every passage (passage metadata, fg:mentions)
)


def ensure_country(kb: KnowledgeBase, iso3: str, passage: str | None = None) -> Entity:
    """The Country entity for an ISO3 code, created with its general-knowledge names if new."""
    c = countries.all_countries()[iso3]
    return kb.add_entity("Country", iso3, c.name, alt_labels=c.names, passage=passage,
                         iso3=iso3, iso2=c.iso2)


def run_all(doc: Document, kb: KnowledgeBase | None = None, only: tuple[str, ...] | None = None) -> KnowledgeBase:
    """Run every extractor that exists, in pipeline order."""
    kb = kb or KnowledgeBase()
    for name in PIPELINE:
        if only and name not in only:
            continue
        if name == "reconcile":  # declared extractors run before reconciliation, staged or not
            _run_declared(doc, kb)
        try:
            module = importlib.import_module(f"graph.extract.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"graph.extract.{name}":
                continue
            raise
        module.extract(doc, kb)
    return kb


def _run_declared(doc: Document, kb: KnowledgeBase) -> None:
    """Extractors declared with their relation in the registry (``Relation.extractor``)."""
    from graph.relations import REGISTRY

    for r in REGISTRY:
        if r.extractor is not None:
            r.extractor(doc, kb)


__all__ = ["PIPELINE", "ensure_country", "run_all", "eid", "KnowledgeBase", "Entity"]
