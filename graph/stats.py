"""Figures that say whether a build is complete and sound (``floorgraph stats``)."""
from __future__ import annotations

from collections import Counter

from graph.vocab import RESULT_TYPES


# Above this many triples ``floorgraph stats`` validates a sample of the subjects with SHACL (the
# bundled report has ~30k triples and is always validated whole; pyshacl's time grows faster than
# the graph: 10 s at 140k triples (a 1 MB report), 76 s at 500k on this machine).
SHACL_FULL_MAX_TRIPLES = 100_000
SHACL_SAMPLE_PER_CLASS = 150


def shacl_sample(graph, per_class: int = SHACL_SAMPLE_PER_CLASS):
    """A subgraph for SHACL: every triple of a sample of the subjects - up to ``per_class`` of each
    class, so every shape has targets however rare its class - plus the types of the nodes they
    point to (sh:class needs them) and the whole description of blank nodes.  Returns (subgraph,
    the sampled subjects, how many typed subjects the graph has).

    The nodes pointed to are in the subgraph with their types only: :func:`shacl_report` targets
    the sampled subjects alone (:func:`focused_shapes`) and keeps only results about them.
    Within a class the sample is chosen by a hash of each IRI: the same for the same graph, and
    spread over the whole report rather than its start."""
    import hashlib

    from rdflib import BNode, Graph, URIRef
    from rdflib.namespace import RDF

    by_class: dict = {}
    for s, cls in graph.subject_objects(RDF.type):
        if isinstance(s, URIRef):
            by_class.setdefault(cls, set()).add(s)
    subjects = set().union(*by_class.values()) if by_class else set()
    chosen: set = set()
    for cls in sorted(by_class, key=str):
        ranked = sorted(by_class[cls], key=lambda s: hashlib.blake2b(str(s).encode(), digest_size=8).digest())
        chosen.update(ranked[:per_class])
    sub = Graph()
    for prefix, ns in graph.namespaces():
        sub.bind(prefix, ns)
    seen: set = set()
    todo = sorted(chosen, key=str)
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for _, p, o in graph.triples((node, None, None)):
            sub.add((node, p, o))
            if isinstance(o, BNode):
                todo.append(o)
            elif isinstance(o, URIRef):
                for t in graph.objects(o, RDF.type):
                    sub.add((o, RDF.type, t))
    return sub, chosen, len(subjects)


_TARGETS = ("targetClass", "targetSubjectsOf", "targetObjectsOf", "targetNode")


def focused_shapes(shapes, data, ont, focus: set):
    """The shapes with every target declaration replaced by ``sh:targetNode`` of the nodes in
    ``focus`` it selects in ``data`` (SHACL core targets: class with its subclasses, implicit class,
    subjects of, objects of, node).

    Why: a sample (:func:`shacl_sample`) carries the types of the nodes its subjects point to, so
    class targets would also select those cut-off nodes; each fails its minCount constraints and
    pyshacl then spends most of its time writing tens of thousands of results that are thrown
    away (76 s of a 10 MB build).  Targeting the sampled subjects only gives the same results
    about them, and none about the rest.
    """
    from rdflib import Graph
    from rdflib.namespace import OWL, RDF, RDFS, SH

    preds = {getattr(SH, t) for t in _TARGETS}
    out = Graph()
    for prefix, ns in shapes.namespaces():
        out.bind(prefix, ns)
    implicit = {s for c in (RDFS.Class, OWL.Class) for s in shapes.subjects(RDF.type, c)}
    targeted = {s for s, p, _ in shapes if p in preds} | implicit
    for t in shapes:
        if t[1] in preds or (t[0] in implicit and t[1] == RDF.type and t[2] in (RDFS.Class, OWL.Class)):
            continue
        out.add(t)

    def subclasses(c) -> set:
        seen, todo = {c}, [c]
        while todo:
            cur = todo.pop()
            for g in (ont, data):
                for sub in g.subjects(RDFS.subClassOf, cur):
                    if sub not in seen:
                        seen.add(sub)
                        todo.append(sub)
        return seen

    types = {n: set(data.objects(n, RDF.type)) for n in focus}
    for shape in sorted(targeted, key=str):
        classes: set = set()
        for c in [*shapes.objects(shape, SH.targetClass), *([shape] if shape in implicit else [])]:
            classes |= subclasses(c)
        subj_of = set(shapes.objects(shape, SH.targetSubjectsOf))
        obj_of = set(shapes.objects(shape, SH.targetObjectsOf))
        nodes = set(shapes.objects(shape, SH.targetNode))
        for n in focus:
            if (n in nodes or types[n] & classes or any((n, p, None) in data for p in subj_of)
                    or any((None, p, n) in data for p in obj_of)):
                out.add((shape, SH.targetNode, n))
    return out


def shacl_report(graph, focus: set | None = None) -> tuple[bool, str]:
    """Validate the built graph against ontology/shapes.ttl.

    The ontology is mixed in so sh:targetClass reaches instances of subclasses (rdfs:subClassOf
    triples are then in the data graph), but no RDFS inference is run: the builder already writes
    every node's class explicitly, and owlrl inference costs ~50 s here against 0.6 s without.
    ``focus``: only results about these nodes count (a sample from :func:`shacl_sample`).
    """
    import pyshacl
    from rdflib.namespace import RDF, SH

    from graph.relations import ontology_graph, shapes_graph

    shapes = shapes_graph()
    ont = ontology_graph()
    if not graph.store.context_aware:  # pyshacl wants a context-aware store (the build's is SimpleMemory)
        from rdflib import Graph

        copy = Graph()
        for prefix, ns in graph.namespaces():
            copy.bind(prefix, ns)
        copy.addN((s, p, o, copy) for s, p, o in graph)
        graph = copy
    if focus is not None:
        shapes = focused_shapes(shapes, graph, ont, focus)
    conforms, results, text = pyshacl.validate(graph, shacl_graph=shapes, ont_graph=ont, inference="none",
                                               allow_warnings=True)
    if focus is None:
        return bool(conforms), text
    kept = [r for r in results.subjects(RDF.type, SH.ValidationResult)
            if results.value(r, SH.focusNode) in focus
            and results.value(r, SH.resultSeverity) == SH.Violation]
    lines = [f"Validation Report (a sample of {len(focus)} subjects)", f"Conforms: {not kept}"]
    for r in kept[:50]:
        lines.append(f"Violation: focus node {results.value(r, SH.focusNode)}, path {results.value(r, SH.resultPath)}, "
                     f"{results.value(r, SH.sourceConstraintComponent)}: {results.value(r, SH.resultMessage)}")
    return not kept, "\n".join(lines)


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
        graph, focus = build.graph, None
        if len(graph) > SHACL_FULL_MAX_TRIPLES:
            graph, focus, total = shacl_sample(graph)
            out["shacl_scope"] = (f"sample: every triple of {len(focus)} of {total} typed subjects "
                                  f"(up to {SHACL_SAMPLE_PER_CLASS} per class)")
        conforms, text = shacl_report(graph, focus)
        out["shacl_conforms"] = conforms
        if not conforms:
            out["shacl_report"] = text[:4000]
    return out
