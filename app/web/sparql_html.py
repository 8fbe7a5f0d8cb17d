"""SPARQL results as an HTML table for people: entity IRIs become their labels linking to the local
entity page, vocabulary IRIs become short names (``fg:Country``), literals are shown plainly
(``3``, not ``"3"^^<…#integer>``).  Used by the no-JavaScript form on /sparql."""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

ID_PREFIX = "https://w3id.org/floorgraph/id/"
PREFIXES = {
    "https://w3id.org/floorgraph/ontology#": "fg",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs",
    "http://www.w3.org/2004/02/skos/core#": "skos",
    "http://www.w3.org/2001/XMLSchema#": "xsd",
    "http://www.w3.org/2002/07/owl#": "owl",
    "http://www.w3.org/ns/prov#": "prov",
    "http://purl.org/dc/terms/": "dcterms",
    "https://schema.org/": "schema",
    "http://schema.org/": "schema",
    "http://www.w3.org/ns/org#": "org",
}


@dataclass(frozen=True)
class Cell:
    text: str
    href: str | None = None
    title: str | None = None
    kind: str = "literal"  # literal | entity | iri | bnode | empty


def _entity_label(iri: str) -> tuple[str, str | None]:
    """(label, local page) of a floorgraph entity IRI, when the knowledge base knows it."""
    path = iri[len(ID_PREFIX):]
    try:
        from app.web import api

        kb = api.get_knowledge()
        e = kb.entity_by_iri(iri)
    except Exception:  # noqa: BLE001 - a bare graph (no kb.json) still gets readable cells
        e = None
    if e:
        return e["label"], api.entity_url(path)
    return path, None


def cell(term) -> Cell:
    if term is None:
        return Cell("", kind="empty")
    if isinstance(term, ox.NamedNode):
        iri = term.value
        if iri.startswith(ID_PREFIX):
            label, href = _entity_label(iri)
            return Cell(label, href, iri, "entity")
        for ns, prefix in PREFIXES.items():
            if iri.startswith(ns):
                return Cell(f"{prefix}:{iri[len(ns):]}", None, iri, "iri")
        return Cell(iri, None, iri, "iri")
    if isinstance(term, ox.BlankNode):
        return Cell(f"_:{term.value}", kind="bnode")
    if isinstance(term, ox.Literal):
        return Cell(term.value, None, None, "literal")
    return Cell(str(term))


def result_table(result) -> dict:
    """{"kind", "columns", "rows": [[Cell]], "boolean", "truncated", "count"} for a QueryResult."""
    if result.kind == "boolean":
        return {"kind": "boolean", "columns": [], "rows": [], "boolean": result.boolean,
                "truncated": False, "count": 1}
    if result.kind == "graph":
        rows = [[cell(t.subject), cell(t.predicate), cell(t.object)] for t in result.triples]
        return {"kind": "graph", "columns": ["subject", "predicate", "object"], "rows": rows,
                "truncated": result.truncated, "count": len(rows)}
    rows = [[cell(t) for t in row] for row in result.rows]
    return {"kind": "solutions", "columns": list(result.variables), "rows": rows,
            "truncated": result.truncated, "count": len(rows)}
