"""Figures that say whether a build is complete and sound (``floorgraph stats``)."""
from __future__ import annotations

from collections import Counter

from graph.vocab import RESULT_TYPES


def shacl_report(graph) -> tuple[bool, str]:
    """Validate the built graph against ontology/shapes.ttl.

    The ontology is mixed in so sh:targetClass reaches instances of subclasses (rdfs:subClassOf
    triples are then in the data graph), but no RDFS inference is run: the builder already writes
    every node's class explicitly, and owlrl inference costs ~50 s here against 0.6 s without.
    """
    import pyshacl

    from graph.relations import ontology_graph, shapes_graph

    shapes = shapes_graph()
    ont = ontology_graph()
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes, ont_graph=ont, inference="none",
                                         allow_warnings=True)
    return bool(conforms), text


def compute_stats(build, with_shacl: bool = True) -> dict:
    from graph.extract.identity import duplicate_entities
    from graph.rdf import statements_without_provenance
    from graph.relations import REGISTRY

    kb = build.kb
    dups = duplicate_entities(kb)
    types = Counter(e.type for e in kb.entities.values())
    preds = Counter(f.predicate for f in kb.facts.values())
    results = Counter(f.attrs.get("result_type") for f in kb.facts.values() if f.predicate == "achievedResult")
    out = {
        "reports": len(build.docs),
        "sections": sum(len(d.sections) for d in build.docs),
        "passages": len(build.passages),
        "tables": sum(len(d.tables) for d in build.docs),
        "countries": types.get("Country", 0),
        "priority_countries": sum(1 for e in kb.of_type("Country") if e.attrs.get("priority")),
        "organizations": types.get("Organization", 0) + sum(
            1 for e in kb.entities.values() if any(a["type"] == "Organization" for a in e.attrs.get("also", []))),
        "funding_links": sum(1 for f in kb.facts.values() if f.kind == "FundingLink"),
        "ratifications": preds.get("ratified", 0),
        "results_by_type": {k: results.get(k, 0) for k in RESULT_TYPES},
        "entities_by_type": dict(sorted(types.items())),
        "facts_by_predicate": dict(sorted(preds.items())),
        "statements_by_relation": {r.name: preds.get(r.name, 0) for r in REGISTRY},
        "relations_with_statements": sum(1 for r in REGISTRY if preds.get(r.name)),
        "duplicate_entities": len(dups),
        "duplicate_entity_pairs": [list(d) for d in dups[:20]],
        "table_observations": len(getattr(kb, "observations", [])),
        "mentions": len(kb.mentions),
        "network_nodes": build.network.number_of_nodes(),
        "network_edges": build.network.number_of_edges(),
        "triples": len(build.graph),
        "statements_without_provenance": statements_without_provenance(build.graph),
    }
    if with_shacl:
        conforms, text = shacl_report(build.graph)
        out["shacl_conforms"] = conforms
        if not conforms:
            out["shacl_report"] = text[:4000]
    return out
