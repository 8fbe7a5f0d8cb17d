"""The ontology (ontology/floorgraph.ttl) and SHACL shapes (ontology/shapes.ttl).

Checks that both files parse, that every term graph/vocab.py names is declared with a label and a
comment, and that the shapes accept a small valid graph and reject typical broken ones with the
expected constraint.
"""
from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib import namespace as rns
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS

from graph import vocab
from graph.relations import REGISTRY, ontology_graph, shapes_graph
from graph.vocab import FG, ID

pyshacl = pytest.importorskip("pyshacl")

DECLARATION_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.Concept}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return ontology_graph()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return shapes_graph()


def _vocab_terms() -> set[URIRef]:
    terms = set(vocab.ORG_ROLES.values()) | set(vocab.RESULT_TYPES.values()) | set(REGISTRY.predicates())
    assert terms, "graph.vocab exposes no terms"
    return terms


def _fg_terms(g: Graph) -> set[URIRef]:
    """Every fg: IRI declared in the ontology (as class, property, concept or concept scheme)."""
    decl = DECLARATION_TYPES | {OWL.SymmetricProperty, SKOS.ConceptScheme, OWL.AnnotationProperty}
    return {s for s, _, t in g.triples((None, RDF.type, None))
            if t in decl and isinstance(s, URIRef) and str(s).startswith(str(FG))}


# ----------------------------------------------------------------------------- parsing / coverage

def test_files_parse(ontology: Graph, shapes: Graph) -> None:
    assert len(ontology) > 100
    assert len(shapes) > 20
    onto = URIRef("https://w3id.org/floorgraph/ontology")
    assert (onto, RDF.type, OWL.Ontology) in ontology
    for p in (DCTERMS.title, DCTERMS.description, OWL.versionInfo, DCTERMS.license):
        assert ontology.value(onto, p) is not None, f"owl:Ontology lacks {p}"
    assert set(shapes.subjects(RDF.type, SH.NodeShape)), "no node shapes"


@pytest.mark.parametrize("term", sorted(_vocab_terms()), ids=lambda t: t.split("#")[-1])
def test_vocab_term_declared(ontology: Graph, term: URIRef) -> None:
    types = set(ontology.objects(term, RDF.type))
    assert types & DECLARATION_TYPES, f"{term} is not declared in floorgraph.ttl"


def test_vocab_term_kinds(ontology: Graph) -> None:
    for cls in vocab.ORG_ROLES.values():
        assert (cls, RDF.type, OWL.Class) in ontology
        assert cls == FG.Organization or (cls, RDFS.subClassOf, FG.Organization) in ontology
    for concept in vocab.RESULT_TYPES.values():
        assert (concept, RDF.type, SKOS.Concept) in ontology
        assert (concept, SKOS.inScheme, FG.ResultTypes) in ontology
    notations = {str(ontology.value(c, SKOS.notation)): key for key, c in vocab.RESULT_TYPES.items()}
    assert all(n == k for n, k in notations.items())
    for p in REGISTRY.predicates():
        assert (p, RDF.type, OWL.ObjectProperty) in ontology
    assert (FG.partneredWith, RDF.type, OWL.SymmetricProperty) in ontology


def test_every_term_has_label_and_comment(ontology: Graph) -> None:
    terms = _fg_terms(ontology)
    assert len(terms) > 60
    missing = [t for t in terms
               if ontology.value(t, RDFS.label) is None or ontology.value(t, RDFS.comment) is None]
    assert not missing, f"terms without rdfs:label/rdfs:comment: {sorted(missing)}"


def test_properties_not_both_object_and_datatype(ontology: Graph) -> None:
    both = set(ontology.subjects(RDF.type, OWL.ObjectProperty)) & set(ontology.subjects(RDF.type, OWL.DatatypeProperty))
    assert not both


def test_statement_classes(ontology: Graph) -> None:
    for cls in (FG.FundingLink, FG.Engagement, FG.Ratification, FG.Membership, FG.Fact):
        assert (cls, RDFS.subClassOf, RDF.Statement) in ontology
        assert (cls, RDFS.subClassOf, PROV.Entity) in ontology


# ----------------------------------------------------------------------------- SHACL

COUNTRY = ID["country/JOR"]
SECTION = ID["section/s1"]
PASSAGE = ID["passage/p1"]
REPORT = ID["report/ilo-2024"]
ORG = ID["organization/ilo"]
LINK = ID["statement/f1"]


def valid_graph() -> Graph:
    g = Graph()
    g.add((REPORT, RDF.type, FG.Report))
    g.add((REPORT, DCTERMS.title, Literal("Building social protection floors for all - Annual Report 2024")))
    g.add((COUNTRY, RDF.type, FG.Country))
    g.add((COUNTRY, FG.iso3, Literal("JOR")))
    g.add((COUNTRY, FG.iso2, Literal("JO")))
    g.add((COUNTRY, SKOS.prefLabel, Literal("Jordan", lang="en")))
    g.add((ORG, RDF.type, FG.UNAgency))
    g.add((ORG, SKOS.prefLabel, Literal("International Labour Organization", lang="en")))
    g.add((ORG, FG.acronym, Literal("ILO")))
    g.add((SECTION, RDF.type, FG.Section))
    g.add((SECTION, DCTERMS.title, Literal("Jordan")))
    g.add((SECTION, FG.sectionKind, Literal("country")))
    g.add((PASSAGE, RDF.type, FG.Passage))
    g.add((PASSAGE, FG.text, Literal("Funded by: ILO regular budget.")))
    g.add((PASSAGE, FG.inSection, SECTION))
    g.add((PASSAGE, FG.startOffset, Literal(100)))
    g.add((PASSAGE, FG.endOffset, Literal(130)))
    g.add((PASSAGE, FG.derivedFromReport, REPORT))
    g.add((PASSAGE, FG.mentions, COUNTRY))
    g.add((COUNTRY, FG.fundedBy, ORG))
    g.add((LINK, RDF.type, FG.FundingLink))
    g.add((LINK, RDF.subject, COUNTRY))
    g.add((LINK, RDF.predicate, FG.fundedBy))
    g.add((LINK, RDF.object, ORG))
    g.add((LINK, FG.funder, ORG))
    g.add((LINK, FG.recipient, COUNTRY))
    g.add((LINK, FG.fundingLine, Literal("Funded by: ILO regular budget.")))
    g.add((LINK, FG.fundingLabel, Literal("ILO")))
    g.add((LINK, PROV.wasDerivedFrom, PASSAGE))
    # a ratification and an institutional result, both well-formed
    rat = ID["statement/r1"]
    c102 = ID["instrument/c102"]
    g.add((c102, RDF.type, FG.ILOConvention))
    g.add((c102, FG.number, Literal(102)))
    g.add((COUNTRY, FG.ratified, c102))
    g.add((rat, RDF.type, FG.Ratification))
    g.add((rat, RDF.subject, COUNTRY))
    g.add((rat, RDF.predicate, FG.ratified))
    g.add((rat, RDF.object, c102))
    g.add((rat, FG.year, Literal("2014", datatype=rns.XSD.gYear)))
    g.add((rat, PROV.wasDerivedFrom, PASSAGE))
    res = ID["result/JOR-2024-operations"]
    g.add((res, RDF.type, FG.InstitutionalResult))
    g.add((res, FG.resultType, FG.ImprovingOperations))
    g.add((res, FG.year, Literal("2024", datatype=rns.XSD.gYear)))
    g.add((COUNTRY, FG.achievedResult, res))
    return g


def validate(data: Graph, ontology: Graph, shapes: Graph) -> tuple[bool, Graph, str]:
    conforms, report_graph, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs",
        abort_on_first=False, allow_warnings=False, meta_shacl=False, advanced=False,
    )
    return conforms, report_graph, text


def violations(report: Graph) -> set[tuple]:
    """(focus node, result path, constraint component) of each validation result."""
    out = set()
    for r in report.subjects(RDF.type, SH.ValidationResult):
        out.add((report.value(r, SH.focusNode), report.value(r, SH.resultPath),
                 report.value(r, SH.sourceConstraintComponent)))
    return out


def test_valid_graph_conforms(ontology: Graph, shapes: Graph) -> None:
    conforms, _, text = validate(valid_graph(), ontology, shapes)
    assert conforms, text


def test_shapes_graph_is_valid_shacl(ontology: Graph, shapes: Graph) -> None:
    conforms, _, text = pyshacl.validate(valid_graph(), shacl_graph=shapes, ont_graph=ontology,
                                         inference="rdfs", meta_shacl=True)
    assert conforms, text


def test_rejects_lowercase_iso3(ontology: Graph, shapes: Graph) -> None:
    g = valid_graph()
    g.set((COUNTRY, FG.iso3, Literal("jo")))
    conforms, report, _ = validate(g, ontology, shapes)
    assert not conforms
    assert (COUNTRY, FG.iso3, SH.PatternConstraintComponent) in violations(report)


def test_rejects_country_without_iso3_or_label(ontology: Graph, shapes: Graph) -> None:
    g = valid_graph()
    g.remove((COUNTRY, FG.iso3, None))
    g.remove((COUNTRY, SKOS.prefLabel, None))
    conforms, report, _ = validate(g, ontology, shapes)
    assert not conforms
    v = violations(report)
    assert (COUNTRY, FG.iso3, SH.MinCountConstraintComponent) in v
    assert (COUNTRY, SKOS.prefLabel, SH.MinCountConstraintComponent) in v


def test_rejects_funding_link_without_provenance(ontology: Graph, shapes: Graph) -> None:
    g = valid_graph()
    g.remove((LINK, PROV.wasDerivedFrom, None))
    conforms, report, _ = validate(g, ontology, shapes)
    assert not conforms
    v = violations(report)
    assert (LINK, PROV.wasDerivedFrom, SH.MinCountConstraintComponent) in v
    assert (LINK, PROV.wasDerivedFrom, SH.QualifiedMinCountConstraintComponent) in v


def test_rejects_provenance_that_is_not_a_passage(ontology: Graph, shapes: Graph) -> None:
    g = valid_graph()
    g.remove((LINK, PROV.wasDerivedFrom, None))
    g.add((LINK, PROV.wasDerivedFrom, URIRef("https://example.org/somewhere")))
    conforms, report, _ = validate(g, ontology, shapes)
    assert not conforms
    assert (LINK, PROV.wasDerivedFrom, SH.QualifiedMinCountConstraintComponent) in violations(report)


def test_rejects_funding_link_without_funder_or_line(ontology: Graph, shapes: Graph) -> None:
    g = valid_graph()
    g.remove((LINK, FG.funder, None))
    g.remove((LINK, FG.fundingLine, None))
    g.remove((LINK, RDF.object, None))
    conforms, report, _ = validate(g, ontology, shapes)
    assert not conforms
    v = violations(report)
    assert (LINK, FG.funder, SH.MinCountConstraintComponent) in v
    assert (LINK, FG.fundingLine, SH.MinCountConstraintComponent) in v
    assert (LINK, RDF.object, SH.MinCountConstraintComponent) in v


def test_rejects_start_after_end(ontology: Graph, shapes: Graph) -> None:
    g = valid_graph()
    g.set((PASSAGE, FG.startOffset, Literal(200)))
    conforms, report, _ = validate(g, ontology, shapes)
    assert not conforms
    assert (PASSAGE, FG.startOffset, SH.LessThanOrEqualsConstraintComponent) in violations(report)


def test_rejects_passage_without_text_or_section(ontology: Graph, shapes: Graph) -> None:
    g = valid_graph()
    g.set((PASSAGE, FG.text, Literal("")))
    g.remove((PASSAGE, FG.inSection, None))
    conforms, report, _ = validate(g, ontology, shapes)
    assert not conforms
    v = violations(report)
    assert (PASSAGE, FG.text, SH.MinLengthConstraintComponent) in v
    assert (PASSAGE, FG.inSection, SH.MinCountConstraintComponent) in v


def test_rejects_bad_ratification_year(ontology: Graph, shapes: Graph) -> None:
    g = valid_graph()
    rat = ID["statement/r1"]
    g.set((rat, FG.year, Literal("c. 2014")))
    conforms, report, _ = validate(g, ontology, shapes)
    assert not conforms
    assert (rat, FG.year, SH.PatternConstraintComponent) in violations(report)


def test_rejects_unknown_result_type(ontology: Graph, shapes: Graph) -> None:
    g = valid_graph()
    res = ID["result/JOR-2024-operations"]
    g.set((res, FG.resultType, FG.SomethingElse))
    conforms, report, _ = validate(g, ontology, shapes)
    assert not conforms
    assert (res, FG.resultType, SH.InConstraintComponent) in violations(report)


def test_rejects_unlabelled_organization_subclass(ontology: Graph, shapes: Graph) -> None:
    """The fg:Organization shape reaches role subclasses (and funders typed only by range)."""
    g = valid_graph()
    g.remove((ORG, SKOS.prefLabel, None))
    conforms, report, _ = validate(g, ontology, shapes)
    assert not conforms
    assert (ORG, SKOS.prefLabel, SH.MinCountConstraintComponent) in violations(report)


def test_rejects_publication_without_title(ontology: Graph, shapes: Graph) -> None:
    g = valid_graph()
    g.remove((REPORT, DCTERMS.title, None))
    conforms, report, _ = validate(g, ontology, shapes)
    assert not conforms
    assert (REPORT, DCTERMS.title, SH.MinCountConstraintComponent) in violations(report)
