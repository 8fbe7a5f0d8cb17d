"""The graph as Turtle and JSON-LD, written by Oxigraph from the N-Triples rdflib already made.

Why: rdflib's Turtle serialiser (prefix resolution per term) and its compacting JSON-LD writer
grew to 48 s and 16 s of a 5 MB report's build; Oxigraph writes the same triples in well under a
second.  Triples are sorted (as N-Triples lines: by subject, predicate, object), so each subject
is written once with its predicates grouped (readable Turtle, one JSON-LD node object per
subject).  Only prefixes the graph uses are declared.  JSON-LD is written expanded (full IRIs, no ``@context``): every JSON-LD
processor reads it, and it round-trips to the same graph.
"""
from __future__ import annotations

from typing import Iterable


def ntriples(graph) -> str:
    """``graph.serialize(format="nt")``, the same text, at about half the cost.

    Why: rdflib's writer calls ``n3()`` for every term of every triple, and ``URIRef.n3()`` checks
    the IRI each time (8.7 s of a 10 MB report's build, 470k triples); subjects and predicates
    repeat, so each IRI or blank node is turned into text once here.  The rows themselves are
    rdflib's (its ``_nt_row`` for literals' quoting, each term's own ``n3()``), in the graph's
    iteration order, so the output is the same text."""
    from rdflib.plugins.serializers.nt import _quoteLiteral
    from rdflib.term import Literal

    names: dict = {}
    rows = []
    for s, p, o in graph:
        sn = names.get(s)
        if sn is None:
            sn = names[s] = s.n3()
        pn = names.get(p)
        if pn is None:
            pn = names[p] = p.n3()
        if isinstance(o, Literal):
            on = _quoteLiteral(o)
        else:
            on = names.get(o)
            if on is None:
                on = names[o] = o.n3()
        rows.append(f"{sn} {pn} {on} .\n")
    return "".join(rows)


def used_prefixes(nt: str, namespaces: Iterable[tuple[str, object]]) -> dict[str, str]:
    """The bound prefixes whose namespace IRI occurs in the N-Triples text."""
    out: dict[str, str] = {}
    for prefix, ns in namespaces:
        ns = str(ns)
        if prefix and ns and f"<{ns}" in nt and prefix not in out:
            out[prefix] = ns
    return out


def turtle_and_jsonld(nt: str, namespaces: Iterable[tuple[str, object]]) -> tuple[bytes, bytes]:
    """(Turtle, JSON-LD) bytes of the graph given as N-Triples text."""
    import pyoxigraph as ox

    # sorting the lines groups them by subject, then predicate (lines sharing a prefix sort
    # together), in a fixed order, at a third of the cost of sorting parsed triples by their terms
    lines = sorted(line for line in nt.splitlines() if line.strip())
    triples = list(ox.parse(("\n".join(lines) + "\n").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
    prefixes = used_prefixes(nt, namespaces)
    turtle = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    jsonld = ox.serialize(triples, format=ox.RdfFormat.JSON_LD)
    return turtle, jsonld
