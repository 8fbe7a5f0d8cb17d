"""The detail the country-level extractors add, written as RDF next to what ``graph.rdf`` writes.

Kept apart from :mod:`graph.rdf` because it is one job — turning the attributes of statements
(kind of collaboration, topic, sentence, coverage) and of the newer entity kinds (fg:Activity,
fg:Quantity, a scheme's or law's kind and status, a publication's kind and language) into triples —
and because the figures are modelled with the W3C Data Cube vocabulary: every fg:Quantity is a
``qb:Observation`` of the data set ``fg:textFigures`` with ``sdmx-measure:obsValue`` (the number),
``sdmx-attribute:unitMeasure`` (its unit), ``sdmx-dimension:refArea`` (the country) and
``sdmx-dimension:refPeriod`` (the year), so the same SPARQL reads figures from text and from tables
(:mod:`graph.rdf_tables`: same measure and unit properties, same unit codes).  The sentence a
statement, activity or figure was read from is its ``fg:evidenceText``.
"""
from __future__ import annotations

from rdflib import Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, RDF, XSD

from graph.kb import KnowledgeBase
from graph.rdf import entity_uri, statement_uri
from graph.vocab import CachedTerms, FG

# each term made once: these are read for every triple written (graph.vocab.CachedTerms)
DCTERMS, RDF, XSD = (CachedTerms(ns) for ns in (DCTERMS, RDF, XSD))

QB = Namespace("http://purl.org/linked-data/cube#")
SDMX_MEASURE = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
SDMX_ATTRIBUTE = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
SDMX_DIMENSION = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")

_STATEMENT_LITERALS = {"kind_of": FG.kind,  # Fact.kind is the statement class
                        "sentence": FG.evidenceText, "coverage": FG.coverage}


def _year(value) -> Literal:
    return Literal(str(value), datatype=XSD.gYear)


def add_detail(g: Graph, kb: KnowledgeBase) -> None:
    g.bind("qb", QB)
    g.bind("sdmx-measure", SDMX_MEASURE)
    g.bind("sdmx-attribute", SDMX_ATTRIBUTE)
    g.bind("sdmx-dimension", SDMX_DIMENSION)
    for f in kb.facts.values():
        st = statement_uri(f.subject, f.predicate, f.object)
        for attr, prop in _STATEMENT_LITERALS.items():
            if f.attrs.get(attr):
                g.add((st, prop, Literal(str(f.attrs[attr]))))
        labels = f.attrs.get("topic_label") or []
        for t in [labels] if isinstance(labels, str) else labels:
            g.add((st, FG.topic, Literal(str(t))))
    for e in kb.entities.values():
        u = entity_uri(e.id)
        a = e.attrs
        if e.type in ("Activity", "Scheme", "LegalInstrument", "Publication") and a.get("kind"):
            g.add((u, FG.kind, Literal(str(a["kind"]))))
        if e.type in ("Activity", "Scheme", "LegalInstrument") and a.get("status"):
            g.add((u, FG.status, Literal(str(a["status"]))))
        if e.type in ("Activity", "Scheme", "Quantity") and a.get("year"):
            g.add((u, FG.year, _year(a["year"])))
        if e.type == "Scheme" and a.get("coverage"):
            g.add((u, FG.coverage, Literal(str(a["coverage"]))))
        if e.type == "Publication" and a.get("language"):
            g.add((u, DCTERMS.language, Literal(str(a["language"]), datatype=XSD.language)))
        if e.type == "Activity":
            if a.get("topic"):
                g.add((u, FG.topic, Literal(str(a["topic"]))))
            if a.get("sentence"):
                g.add((u, FG.evidenceText, Literal(str(a["sentence"]))))
        if e.type == "Quantity":
            g.add((u, RDF.type, QB.Observation))
            g.add((u, QB.dataSet, FG.textFigures))
            g.add((u, SDMX_MEASURE.obsValue, Literal(str(a["value"]), datatype=XSD.decimal)))
            g.add((u, SDMX_ATTRIBUTE.unitMeasure, Literal(str(a["unit"]))))
            g.add((u, FG.measure, Literal(str(a["measure"]))))
            if a.get("country"):
                g.add((u, SDMX_DIMENSION.refArea, entity_uri(f"Country:{a['country']}")))
            if a.get("year"):
                g.add((u, SDMX_DIMENSION.refPeriod, _year(a["year"])))
            if a.get("sentence"):
                g.add((u, FG.evidenceText, Literal(str(a["sentence"]))))


__all__ = ["add_detail", "QB", "SDMX_MEASURE", "SDMX_ATTRIBUTE", "SDMX_DIMENSION"]
