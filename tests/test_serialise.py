"""graph/serialise.py: Turtle and JSON-LD written by Oxigraph from the N-Triples hold the same
triples, each subject written once (its lines sorted together, IRIs that prefix others included)."""
from __future__ import annotations

import json

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, Namespace

from graph.serialise import turtle_and_jsonld

EX = Namespace("http://example.org/id/")


def test_turtle_and_jsonld_round_trip_and_group_subjects():
    g = Graph()
    g.bind("ex", EX)
    b = BNode()
    for i, s in enumerate([EX.a, EX["a/b"], EX["a-b"], EX.ab, b]):
        for p in (EX.p, EX["p/q"], EX.pq):
            g.add((s, p, Literal(f"v{i}")))
            g.add((s, p, Literal(i)))
    g.add((EX.a, EX.link, b))
    nt = g.serialize(format="nt")
    ttl, jsonld = turtle_and_jsonld(nt, g.namespaces())
    want = {(t.subject, t.predicate, t.object) for t in ox.parse(nt.encode(), format=ox.RdfFormat.N_TRIPLES)}
    got_ttl = {(t.subject, t.predicate, t.object) for t in ox.parse(ttl, format=ox.RdfFormat.TURTLE)}
    assert len(got_ttl) == len(want) == 31
    nodes = json.loads(jsonld)
    subjects = [n["@id"] for n in nodes]
    assert len(subjects) == len(set(subjects)) == 5  # one node object per subject
    assert b"@prefix ex:" in ttl
