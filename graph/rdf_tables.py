"""Table cells as W3C Data Cube observations (what :mod:`graph.extract.tables` read).

Each numbered table is a ``qb:DataSet`` (structure ``fg:TableStructure``, title = the caption);
each cell a ``qb:Observation`` (also ``fg:TableCell``) with two dimensions, ``fg:rowLabel`` and
``fg:columnLabel``, the measure ``sdmx-measure:obsValue`` (xsd:decimal) and the attribute
``sdmx-attribute:unitMeasure`` (the unit as a readable code: USD, persons, per cent ...).  The
measure and unit properties are the ones figures read from running text use (see
:mod:`graph.rdf_detail`), so one query reads numbers from both.  Evidence: the row with its
column headers (``fg:evidenceText``), the row's source offsets, the section path and the table
passage (``prov:wasDerivedFrom``).

    SELECT ?row ?col ?v ?unit WHERE {
      ?o a qb:Observation ; qb:dataSet/fg:tableNumber 2 ; fg:rowLabel ?row ; fg:columnLabel ?col ;
         sdmx-measure:obsValue ?v ; sdmx-attribute:unitMeasure ?unit }
"""
from __future__ import annotations

from rdflib import Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from graph.model import Document
from graph.vocab import CachedTerms, FG, ID

# each term made once: these are read for every triple written (graph.vocab.CachedTerms)
DCTERMS, PROV, RDF, RDFS, XSD = (CachedTerms(ns) for ns in (DCTERMS, PROV, RDF, RDFS, XSD))

QB = Namespace("http://purl.org/linked-data/cube#")
SDMX_MEASURE = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
SDMX_ATTRIBUTE = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")


def dataset_uri(table_id: str):
    return ID[f"dataset/{table_id}"]


def observation_uri(obs_id: str):
    return ID[f"observation/{obs_id}"]


def add_observations(g: Graph, observations: list, docs: list[Document]) -> None:
    """Write every observation and the data set of its table."""
    from graph.rdf import passage_uri, section_uri

    g.bind("qb", QB)
    g.bind("sdmx-measure", SDMX_MEASURE)
    g.bind("sdmx-attribute", SDMX_ATTRIBUTE)
    tables = {t.id: (d, t) for d in docs for t in d.tables}
    passages = {p.id: p for d in docs for p in d.passages}
    done: set[str] = set()
    for o in observations:
        ds = dataset_uri(o.table_id)
        if o.table_id not in done:
            done.add(o.table_id)
            g.add((ds, RDF.type, QB.DataSet))
            g.add((ds, QB.structure, FG.TableStructure))
            g.add((ds, RDFS.label, Literal(o.caption)))
            g.add((ds, DCTERMS.title, Literal(o.caption)))
            if o.table_number is not None:
                g.add((ds, FG.tableNumber, Literal(o.table_number, datatype=XSD.integer)))
            if o.table_id in tables:
                d, t = tables[o.table_id]
                g.add((ds, DCTERMS.isPartOf, section_uri(d.id, t.section_id)))
                g.add((ds, FG.startOffset, Literal(t.start, datatype=XSD.integer)))
                g.add((ds, FG.endOffset, Literal(t.end, datatype=XSD.integer)))
        u = observation_uri(o.id)
        g.add((u, RDF.type, QB.Observation))
        g.add((u, RDF.type, FG.TableCell))
        g.add((u, QB.dataSet, ds))
        g.add((u, FG.rowLabel, Literal(o.row)))
        g.add((u, FG.columnLabel, Literal(o.column)))
        g.add((u, SDMX_MEASURE.obsValue, Literal(str(o.value), datatype=XSD.decimal)))
        g.add((u, SDMX_ATTRIBUTE.unitMeasure, Literal(o.unit)))
        g.add((u, FG.cellText, Literal(o.text)))
        g.add((u, FG.evidenceText, Literal(o.row_text)))
        g.add((u, FG.startOffset, Literal(o.start, datatype=XSD.integer)))
        g.add((u, FG.endOffset, Literal(o.end, datatype=XSD.integer)))
        if o.attrs.get("page") is not None:
            g.add((u, FG.page, Literal(int(o.attrs["page"]), datatype=XSD.integer)))
        if o.passage:
            g.add((u, PROV.wasDerivedFrom, passage_uri(o.passage)))
            p = passages.get(o.passage)
            if p is not None:
                g.add((u, FG.sectionPath, Literal(p.section)))


__all__ = ["add_observations", "dataset_uri", "observation_uri", "QB", "SDMX_MEASURE", "SDMX_ATTRIBUTE"]
