"""Turn parsed documents and a KnowledgeBase into an rdflib Graph in the floorgraph vocabulary.

Each relation is written twice on purpose: as a direct triple (``id:country/JOR fg:fundedBy
id:organization/gov-nor``) so SPARQL stays simple, and as an ``rdf:Statement`` node of a specific
class (fg:FundingLink, fg:Ratification, ...) that carries the evidence (``prov:wasDerivedFrom`` a
passage) and what the sentence adds (year, status, the verbatim funding line).
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from graph.kb import Entity, KnowledgeBase
from graph.model import Document
from graph.relations import REGISTRY
from graph.vocab import CachedTerms, FG, ID, ORG_ROLES, PREFIXES, RESULT_TYPES

# each term made once: these are read for every triple written (graph.vocab.CachedTerms)
DCTERMS, PROV, RDF, RDFS, SKOS, XSD = (CachedTerms(ns) for ns in (DCTERMS, PROV, RDF, RDFS, SKOS, XSD))

_TYPE_PATH = {
    "Country": "country", "Region": "region", "Organization": "organization", "LegalInstrument": "instrument",
    "Scheme": "scheme", "Initiative": "initiative", "Project": "project", "Publication": "publication",
    "ThematicArea": "theme", "InstitutionalResult": "result", "Activity": "activity", "Quantity": "quantity",
    "Position": "position",
}
_INSTRUMENT_CLASSES = {
    "ILOConvention": FG.ILOConvention, "ILORecommendation": FG.ILORecommendation,
    "NationalLaw": FG.NationalLaw, "NationalStrategy": FG.NationalStrategy,
}
_STATEMENT_CLASSES = {
    "FundingLink": FG.FundingLink, "Engagement": FG.Engagement, "Ratification": FG.Ratification,
    "Membership": FG.Membership, "Fact": FG.Fact,
}


# Each IRI made once per build: an entity's or passage's IRI is written with every fact, mention
# and statement that names it, and the graph's indexes find a key fastest when it is the very
# object stored (rdflib's term equality is Python code, called on every equal-but-distinct key):
# about 230,000 such comparisons and as many IRIs checked and built again at 1 MB.  Bounded, so a
# long-running server that rebuilds does not keep every build's IRIs.
_IRI_CACHE = 1 << 18


@lru_cache(maxsize=_IRI_CACHE)
def entity_uri(entity_id: str) -> URIRef:
    type_, key = entity_id.split(":", 1)
    return ID[f"{_TYPE_PATH.get(type_, type_.lower())}/{key}"]


def statement_uri(subject: str, predicate: str, obj: str) -> URIRef:
    """The rdf:Statement node of one fact (stable: a hash of its entity ids and predicate)."""
    return ID["statement/" + hashlib.sha1(f"{subject}|{predicate}|{obj}".encode()).hexdigest()[:16]]


@lru_cache(maxsize=_IRI_CACHE)
def passage_uri(pid: str) -> URIRef:
    return ID[f"passage/{pid}"]


@lru_cache(maxsize=_IRI_CACHE)
def section_uri(doc_id: str, sid: str) -> URIRef:
    return ID[f"section/{doc_id}/{sid}"]


def report_uri(doc_id: str) -> URIRef:
    return ID[f"report/{doc_id}"]


def new_graph() -> Graph:
    # rdflib's SimpleMemory store: the build's graph is one graph, not a dataset, and the default
    # store's per-context bookkeeping made adding and serialising the triples ~40% slower
    g = Graph(store="SimpleMemory")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def add_documents(g: Graph, docs: Iterable[Document]) -> None:
    """Reports, their sections and passages, with offsets into the source text."""
    for doc in docs:
        r = report_uri(doc.id)
        g.add((r, RDF.type, FG.Report))
        g.add((r, DCTERMS.title, Literal(doc.title)))
        g.add((r, DCTERMS.identifier, Literal(doc.sha256)))
        g.add((r, DCTERMS.source, Literal(doc.path)))
        for s in doc.sections:
            su = section_uri(doc.id, s.id)
            g.add((su, RDF.type, FG.Section))
            g.add((su, RDFS.label, Literal(s.title)))
            g.add((su, FG.sectionKind, Literal(s.kind)))
            g.add((su, FG.sectionPath, Literal(" > ".join(s.path))))
            g.add((su, DCTERMS.isPartOf, r))
            g.add((su, FG.startOffset, Literal(s.start, datatype=XSD.integer)))
            g.add((su, FG.endOffset, Literal(max(s.end, s.start), datatype=XSD.integer)))
            if s.parent:
                g.add((su, FG.parentSection, section_uri(doc.id, s.parent)))
            if s.iso3:
                g.add((su, FG.about, entity_uri(f"Country:{s.iso3}")))
        for p in doc.passages:
            pu = passage_uri(p.id)
            g.add((pu, RDF.type, FG.Passage))
            g.add((pu, FG.text, Literal(p.text)))
            g.add((pu, FG.inSection, section_uri(doc.id, p.section_id)))
            g.add((pu, FG.sectionPath, Literal(p.section)))
            g.add((pu, FG.sectionKind, Literal(p.section_kind)))
            g.add((pu, DCTERMS.type, Literal(p.kind)))
            g.add((pu, FG.startOffset, Literal(p.start, datatype=XSD.integer)))
            g.add((pu, FG.endOffset, Literal(p.end, datatype=XSD.integer)))
            g.add((pu, FG.derivedFromReport, r))


def _add_entity(g: Graph, e: Entity) -> None:
    u = entity_uri(e.id)
    if e.type == "Organization":
        g.add((u, RDF.type, FG.Organization))
        cls = ORG_ROLES.get(e.role or "other", FG.Organization)
        if cls != FG.Organization:
            g.add((u, RDF.type, cls))
    elif e.type == "LegalInstrument":
        g.add((u, RDF.type, FG.LegalInstrument))
        if e.role in _INSTRUMENT_CLASSES:
            g.add((u, RDF.type, _INSTRUMENT_CLASSES[e.role]))
    else:
        g.add((u, RDF.type, FG[e.type]))
    for also in e.attrs.get("also", []):
        g.add((u, RDF.type, FG[also["type"]]))
        if also["type"] == "Organization" and also.get("role") in ORG_ROLES:
            g.add((u, RDF.type, ORG_ROLES[also["role"]]))
    g.add((u, SKOS.prefLabel, Literal(e.label)))
    g.add((u, RDFS.label, Literal(e.label)))
    for a in sorted(e.alt_labels):
        if a != e.label:
            g.add((u, SKOS.altLabel, Literal(a)))
    if e.acronym:
        g.add((u, FG.acronym, Literal(e.acronym)))
    a = e.attrs
    if e.type == "Country":
        g.add((u, FG.iso3, Literal(a["iso3"])))
        g.add((u, FG.iso2, Literal(a["iso2"])))
        g.add((u, FG.isPriorityCountry, Literal(bool(a.get("priority")))))
    if e.type == "InstitutionalResult":
        g.add((u, FG.resultType, RESULT_TYPES[a["result_type"]]))
    if a.get("year") and e.type in ("InstitutionalResult", "Publication", "LegalInstrument"):
        g.add((u, FG.year, Literal(str(a["year"]), datatype=XSD.gYear)))
    if a.get("number") is not None and e.type in ("LegalInstrument", "Publication"):
        num = str(a["number"])
        g.add((u, FG.number, Literal(int(num), datatype=XSD.integer) if num.isdigit() else Literal(num)))
    if e.type == "Publication":
        g.add((u, DCTERMS.title, Literal(a.get("title") or e.label)))
    if a.get("country") and e.type in ("Organization", "Scheme", "LegalInstrument", "Project", "Position"):
        g.add((u, FG.about, entity_uri(f"Country:{a['country']}")))
    if a.get("description"):
        g.add((u, DCTERMS.description, Literal(str(a["description"]))))


def add_knowledge(g: Graph, kb: KnowledgeBase) -> None:
    """Entities, facts (direct triple + evidenced statement) and mentions."""
    for e in kb.entities.values():
        _add_entity(g, e)
    for f in kb.facts.values():
        s, p, o = entity_uri(f.subject), FG[f.predicate], entity_uri(f.object)
        g.add((s, p, o))
        st = statement_uri(f.subject, f.predicate, f.object)
        g.add((st, RDF.type, RDF.Statement))
        g.add((st, RDF.type, _STATEMENT_CLASSES.get(f.kind, FG.Fact)))
        g.add((st, RDF.subject, s))
        g.add((st, RDF.predicate, p))
        g.add((st, RDF.object, o))
        for pid in f.passages:
            g.add((st, PROV.wasDerivedFrom, passage_uri(pid)))
        at = f.attrs
        if at.get("year"):
            g.add((st, FG.year, Literal(str(at["year"]), datatype=XSD.gYear)))
        if at.get("date") and at.get("year") and str(at["date"]).startswith(str(at["year"])):
            g.add((st, FG.date, Literal(str(at["date"]))))  # the day or month within the year: orders one year's statements
        if at.get("since") and str(at["since"]).isdigit():
            g.add((st, FG.sinceYear, Literal(str(at["since"]), datatype=XSD.gYear)))
        if at.get("status"):
            g.add((st, FG.status, Literal(at["status"])))
        for other in at.get("also_status") or ():  # the same statement told in another status elsewhere
            g.add((st, FG.status, Literal(other)))
        if at.get("roadmap"):  # a member's national roadmap: endorsed / in-progress
            g.add((st, FG.status, Literal(f"roadmap-{at['roadmap']}")))
            if at.get("roadmap_year"):  # when it was endorsed: "endorsed their roadmap in 2019" is dated by it
                g.add((st, FG.roadmapYear, Literal(str(at["roadmap_year"]), datatype=XSD.gYear)))
        if at.get("role"):
            g.add((st, FG.role, Literal(at["role"])))
        if at.get("means"):  # how a membership came about: "letter", "high-level commitment"
            g.add((st, FG.joinedBy, Literal(at["means"])))
        for r in at.get("also_roles") or ():  # one fact seen in two roles (a pilot country in a later phase too)
            g.add((st, FG.role, Literal(r)))
        if f.kind == "FundingLink":
            g.add((st, FG.funder, o))
            g.add((st, FG.recipient, s))
            g.add((st, FG.fundingLine, Literal(at.get("funding_line") or "")))
            if at.get("funding_label"):
                g.add((st, FG.fundingLabel, Literal(at["funding_label"])))
        if at.get("topic"):
            g.add((st, RDFS.comment, Literal(str(at["topic"]))))
    seen = set()
    for m in kb.mentions:
        k = (m.passage_id, m.type, m.key)
        if k in seen:
            continue
        seen.add(k)
        g.add((passage_uri(m.passage_id), FG.mentions, entity_uri(f"{m.type}:{m.key}")))


def build_graph(docs: list[Document], kb: KnowledgeBase) -> Graph:
    g = new_graph()
    add_documents(g, docs)
    add_knowledge(g, kb)
    from graph.rdf_tables import add_observations  # table cells as Data Cube observations
    add_observations(g, getattr(kb, "observations", []), docs)
    from graph.pages import add_page_triples  # fg:page where the converted text has page markers
    add_page_triples(g, docs)
    from graph.rdf_detail import add_detail  # kinds, statuses, activities, figures (after the statements exist)
    add_detail(g, kb)
    return g


UNPROVENANCED_QUERY = """
SELECT (COUNT(*) AS ?n) WHERE {
  ?s ?p ?o .
  VALUES ?p { %s }
  FILTER NOT EXISTS {
    ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?src .
    ?src a fg:Passage .
  }
}
"""


def oxigraph_store(g: Graph):
    """The graph in an in-memory Oxigraph store: rdflib's own SPARQL engine takes ~2 minutes on
    the provenance query below, Oxigraph a few milliseconds."""
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(g.serialize(format="nt").encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return store


def statements_without_provenance(g: Graph) -> int:
    """How many relation triples have no statement tracing them to a passage (must be 0).

    The count :data:`UNPROVENANCED_QUERY` defines, computed by one pass over the statements and one
    over the relation triples: Oxigraph evaluates the query's NOT EXISTS by scanning statements per
    triple, which grew quadratically (7 s for a 1 MB report, 64 s for 5 MB)."""
    passages = set(g.subjects(RDF.type, FG.Passage))
    proven: set[tuple] = set()
    for st, src in g.subject_objects(PROV.wasDerivedFrom):
        if src not in passages:
            continue
        for s in g.objects(st, RDF.subject):
            for p in g.objects(st, RDF.predicate):
                for o in g.objects(st, RDF.object):
                    proven.add((s, p, o))
    return sum(1 for p in dict.fromkeys(URIRef(str(x)) for x in REGISTRY.predicates())
               for s, o in g.subject_objects(p) if (s, p, o) not in proven)


__all__ = ["build_graph", "entity_uri", "passage_uri", "statements_without_provenance"]
