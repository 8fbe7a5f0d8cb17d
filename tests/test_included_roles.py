"""A relation may declare others whose subjects it counts too (graph.relations ``includes``): the body
that leads a facility is one of the bodies that make it up ("led by the ILO, and including UNICEF,
UNDP ..."), though the graph states its role only as ``chairOf``.  Applied to every graph query
(app/qa/graphstep.py ``to_sparql`` via app/qa/relation/sub_relations.py ``with_included``).
Expected sets come from the graph's own statements."""
from __future__ import annotations

from app.qa.graphstep import Constraint, to_sparql
from app.qa.relation.sub_relations import with_included
from graph.relations import REGISTRY


def test_constituents_include_the_lead():
    assert "chairOf" in REGISTRY["constituentOf"].includes


def test_the_ontology_states_every_inclusion():
    """What the registry declares reaches the published vocabulary: an included relation is a
    sub-property of the one that includes it, so a SPARQL user reads the same rule the engine applies."""
    from rdflib.namespace import RDFS

    from graph.relations import ontology_graph
    from graph.vocab import FG

    g = ontology_graph()
    declared = [(r.name, inc) for r in REGISTRY for inc in r.includes]
    assert declared
    for name, inc in declared:
        assert (FG[inc], RDFS.subPropertyOf, FG[name]) in g, (inc, name)


def test_a_constraint_over_the_relation_is_widened():
    c = Constraint("?answer fg:constituentOf <urn:x> .", "constituent of x", [("?", "constituentOf", "x")])
    (out,) = with_included([c])
    assert "fg:constituentOf|fg:chairOf" in out.pattern
    assert ("?", "chairOf", "x") in out.evidence
    assert "fg:constituentOf|fg:chairOf" in to_sparql([c])


def test_negated_and_other_relations_are_left_alone():
    neg = Constraint("FILTER NOT EXISTS { ?answer fg:constituentOf <urn:x> . }", "not x",
                     [("?", "constituentOf", "x")], negated=True)
    other = Constraint("?answer fg:fundedBy <urn:y> .", "funded by y", [("?", "fundedBy", "y")])
    assert [c.pattern for c in with_included([neg, other])] == [neg.pattern, other.pattern]


def _body_with_lead(engine):
    """An initiative the graph gives both a lead (chairOf) and constituents, with both sets."""
    for f in engine.k.facts_where(predicate="constituentOf"):
        body = f["object"]
        leads = {g["subject"] for g in engine.k.facts_where(predicate="chairOf", obj=body)}
        if leads:
            parts = {g["subject"] for g in engine.k.facts_where(predicate="constituentOf", obj=body)}
            return body, leads, parts
    return None


def test_asking_a_facility_s_agencies_answers_its_lead_too(engine):
    found = _body_with_lead(engine)
    assert found is not None
    body, leads, parts = found
    r = engine.ask(f"Which agencies make up the {engine.k.label(body)}?")
    got = {a["label"] for a in r["answers"]}
    assert {engine.k.label(i) for i in leads | parts} <= got, r["path"]


def test_setting_the_lead_aside_leaves_the_other_constituents(engine):
    """A name set aside never answers (engine drops it from the graph's pool before a sentence may
    narrow the pool to it), so "besides <lead>" answers the other constituents, not nothing."""
    found = _body_with_lead(engine)
    assert found is not None
    body, leads, parts = found
    lead = sorted(leads)[0]
    short = min(engine.k.names(lead), key=len)
    r = engine.ask(f"Besides the {short}, which agencies are part of the {engine.k.label(body)}?")
    got = {a["label"] for a in r["answers"]}
    assert got == {engine.k.label(i) for i in parts - leads}, r["path"]
