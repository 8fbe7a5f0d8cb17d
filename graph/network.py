"""The partnership network: who funds, partners with, or belongs to what.

A networkx MultiDiGraph over countries, organisations and initiatives, with one edge per typed
relation (``funds``, ``partners``, ``member_of``) carrying the passages that state it.  Layout and
communities are computed here, once, at build time, so the browser only draws.
"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from graph.kb import KnowledgeBase
from graph.vocab import org_kind_label
from graph.rdf import entity_uri
from graph.relations import REGISTRY

NODE_TYPES = ("Country", "Organization", "Initiative")


def build_network(kb: KnowledgeBase, seed: int = 42) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    edges = REGISTRY.network_edges()
    for f in kb.facts.values():
        rel = edges.get(f.predicate)
        if rel is None:
            continue
        s, o = kb.entities[f.subject], kb.entities[f.object]
        if s.type not in NODE_TYPES or o.type not in NODE_TYPES:
            continue
        relation, reverse = rel
        u, v = (o, s) if reverse else (s, o)
        for e in (u, v):
            if e.id not in g:
                kind = org_kind_label(e.role) if e.type == "Organization" else e.type.lower()
                g.add_node(e.id, label=e.label, type=e.type.lower(), kind=kind,
                           iri=str(entity_uri(e.id)), iso3=e.attrs.get("iso3", ""),
                           priority=bool(e.attrs.get("priority", False)))
        if g.has_edge(u.id, v.id, key=relation):
            data = g.edges[u.id, v.id, relation]
            data["passages"] = " ".join(dict.fromkeys(data["passages"].split() + f.passages))
            continue
        g.add_edge(u.id, v.id, key=relation, relation=relation, predicate=f.predicate,
                   role=str(f.attrs.get("role") or ""), passages=" ".join(f.passages))
    _annotate(g, kb, seed)
    return g


def _annotate(g: nx.MultiDiGraph, kb: KnowledgeBase, seed: int) -> None:
    """Region, degree, centrality, community and a fixed layout on every node."""
    if g.number_of_nodes() == 0:
        return
    regions = {f.subject: kb.entities[f.object].label for f in kb.facts.values() if f.predicate == "inRegion"}
    simple = nx.Graph(g.to_undirected())
    comms = nx.community.louvain_communities(simple, seed=seed) if simple.number_of_edges() else [set(simple)]
    community = {n: i for i, c in enumerate(sorted(comms, key=len, reverse=True)) for n in c}
    centrality = nx.degree_centrality(simple) if len(simple) > 1 else {n: 0.0 for n in simple}
    pos = _layout(simple, seed)
    for n, data in g.nodes(data=True):
        data["region"] = regions.get(n, "")
        data["degree"] = int(simple.degree(n))
        data["centrality"] = round(float(centrality.get(n, 0.0)), 4)
        data["community"] = int(community.get(n, 0))
        data["x"], data["y"] = (round(float(c) * 1000, 2) for c in pos[n])


def _layout(g: nx.Graph, seed: int) -> dict:
    """Force-directed layout of the main component filling the unit square, with the small
    components laid out on their own along the bottom (a plain spring layout pushes them far out
    and squeezes the main cluster into a corner of the view)."""
    comps = sorted(nx.connected_components(g), key=len, reverse=True)
    pos: dict = {}
    if not comps:
        return pos
    main = g.subgraph(comps[0])
    pos.update(nx.spring_layout(main, seed=seed, k=2.0 / max(1, len(main)) ** 0.5, iterations=200))
    small = comps[1:]
    for i, comp in enumerate(small):
        sub = nx.spring_layout(g.subgraph(comp), seed=seed, scale=0.06) if len(comp) > 1 else {next(iter(comp)): (0, 0)}
        cx = -1.0 + (i + 0.5) * 2.0 / max(1, len(small))
        for n, (x, y) in sub.items():
            pos[n] = (cx + x, -1.25 + y)
    return pos


def to_json(g: nx.MultiDiGraph) -> dict:
    return {
        "nodes": [{"id": n, **d} for n, d in g.nodes(data=True)],
        "edges": [{"source": u, "target": v, **{k: d[k] for k in ("relation", "predicate", "role")},
                   "passages": d["passages"].split()} for u, v, d in g.edges(data=True)],
    }


def write_network(g: nx.MultiDiGraph, out_dir: Path, write) -> None:
    """Write GraphML, GEXF and JSON via ``write(path, text)`` (the caller's atomic writer)."""
    import io

    buf = io.BytesIO()
    nx.write_graphml(g, buf)
    write(out_dir / "network.graphml", buf.getvalue().decode("utf-8"))
    buf = io.BytesIO()
    nx.write_gexf(g, buf)
    write(out_dir / "network.gexf", buf.getvalue().decode("utf-8"))
    write(out_dir / "network.json", json.dumps(to_json(g), ensure_ascii=False))
