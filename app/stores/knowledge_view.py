"""What the pages and the network read when the graph lives in an external SPARQL store.

Why: the entity pages, the entity lists, the map, the charts and the network are drawn from the
build's ``kb.json`` (:class:`app.knowledge.Knowledge`).  With the graph in an external store
(Oxigraph server, Virtuoso, ...) that store is the source of truth: a fact added, a label corrected
or a relation removed there must show on the pages, as it does in ``/sparql`` and in the question
engine.  :class:`StoreKnowledgeView` re-reads, at most every ``refresh_s`` seconds, the entities'
labels and every registered relation (:data:`graph.relations.REGISTRY`) from the store, and hands
out a :class:`Knowledge` snapshot built from them.

What the store does not say is kept from the build: passages, mentions and an entity's other
attributes (iso codes, acronyms, ...) are shared with the one loaded :class:`Knowledge` (nothing is
read twice); a fact the build also has keeps its attributes and evidence, a fact only the store
has takes its evidence from its ``rdf:Statement`` (``prov:wasDerivedFrom``).  The network is
recomputed (layout included, :func:`graph.network.build_network`) only when the facts or labels
differ from the build's.  Snapshots are immutable: a refresh builds a new one and swaps it in, so a
request never sees a half-updated knowledge base.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict
from functools import cached_property

from app.knowledge import Knowledge, entity_id_from_path

log = logging.getLogger(__name__)

ID = "https://w3id.org/floorgraph/id/"
FG = "https://w3id.org/floorgraph/ontology#"
SKOS_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
PASSAGE = ID + "passage/"


def _entity_id(iri: str) -> str | None:
    return entity_id_from_path(iri[len(ID):]) if iri.startswith(ID) else None


def read_labels(store) -> dict[str, str]:
    """entity id -> skos:prefLabel, for every entity IRI the store labels."""
    out: dict[str, str] = {}
    for row in store.query(f"SELECT ?e ?l WHERE {{ ?e <{SKOS_PREF}> ?l }}"):
        eid = _entity_id(row["e"].value) if row.get("e") is not None else None
        if eid and row.get("l") is not None:
            out.setdefault(eid, row["l"].value)
    return out


def read_relations(store) -> set[tuple[str, str, str]]:
    """(subject id, relation name, object id) for every registered relation triple in the store."""
    from graph.relations import REGISTRY

    names = [r.name for r in REGISTRY]
    if not names:
        return set()
    values = " ".join(f"<{FG}{n}>" for n in names)
    out = set()
    for row in store.query(f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?o }}"):
        s, o = _entity_id(row["s"].value), _entity_id(row["o"].value)
        if s and o:
            out.add((s, row["p"].value[len(FG):], o))
    return out


def read_evidence(store, wanted: set[tuple[str, str, str]]) -> dict[tuple[str, str, str], list[str]]:
    """Evidence passages of the statements about ``wanted`` facts (those the build does not know)."""
    if not wanted:
        return {}
    out: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    q = (f"SELECT ?s ?p ?o ?src WHERE {{ ?st <{RDF}subject> ?s ; <{RDF}predicate> ?p ; <{RDF}object> ?o ; "
         f"<{PROV_DERIVED}> ?src }}")
    for row in store.query(q):
        s, o = _entity_id(row["s"].value), _entity_id(row["o"].value)
        p = row["p"].value[len(FG):] if row["p"].value.startswith(FG) else None
        key = (s, p, o)
        src = row["src"].value
        if key in wanted and src.startswith(PASSAGE):
            out[key].append(src[len(PASSAGE):])
    return out


class StoreKnowledge(Knowledge):
    """A :class:`Knowledge` whose entities and facts were read from the graph store (see module doc)."""

    def __init__(self):  # built by :func:`snapshot` only
        raise TypeError("use snapshot()")

    @cached_property
    def network(self) -> dict:
        if self._same_as_build:
            return self._build.network
        from graph.network import build_network, to_json

        return to_json(build_network(to_kb(self)))


def to_kb(k: Knowledge):
    """The snapshot as a :class:`graph.kb.KnowledgeBase` (what the network builder reads)."""
    from graph.kb import Entity, Fact, KnowledgeBase

    kb = KnowledgeBase()
    for e in k.entities.values():
        ent = Entity(e["type"], e.get("key") or e["id"].split(":", 1)[1], e["label"],
                     set(e.get("alt_labels", [])), e.get("acronym"), e.get("role"), dict(e.get("attrs", {})),
                     set(e.get("passages", [])))
        kb.entities[ent.id] = ent
    for f in k.facts:
        fact = Fact(f["subject"], f["predicate"], f["object"], list(f["passages"]), f["kind"], dict(f["attrs"]))
        kb.facts[fact.key] = fact
    return kb


def snapshot(build: Knowledge, labels: dict[str, str], relations: set[tuple[str, str, str]],
             evidence: dict[tuple[str, str, str], list[str]]) -> Knowledge:
    """The build's knowledge with entities and facts replaced by what the store holds."""
    from graph.relations import REGISTRY

    entities: dict[str, dict] = {}
    for eid, label in labels.items():
        e = build.entities.get(eid)
        if e is None:
            type_, key = eid.split(":", 1)
            e = {"id": eid, "type": type_, "key": key, "label": label, "alt_labels": [], "acronym": None,
                 "role": None, "attrs": {}, "passages": []}
        elif e["label"] != label:
            e = dict(e, label=label)
        entities[eid] = e
    known = {(f["subject"], f["predicate"], f["object"]): f for f in build.facts}
    facts = []
    for key in sorted(relations, key=lambda k: (k[0], k[1], k[2])):
        if key[0] not in entities or key[2] not in entities:
            continue
        f = known.get(key)
        if f is None:
            rel = REGISTRY.get(key[1])
            f = {"subject": key[0], "predicate": key[1], "object": key[2],
                 "kind": rel.statement if rel else "Fact", "passages": evidence.get(key, []), "attrs": {}}
        facts.append(f)
    order = {(f["subject"], f["predicate"], f["object"]): i for i, f in enumerate(build.facts)}
    facts.sort(key=lambda f: order.get((f["subject"], f["predicate"], f["object"]), len(order)))

    k = object.__new__(StoreKnowledge)
    k.__dict__.update({n: v for n, v in build.__dict__.items() if n not in ("name_index", "network")})
    k.entities, k.facts = entities, facts
    k._by_subject, k._by_object, k._by_predicate = defaultdict(list), defaultdict(list), defaultdict(list)
    for f in facts:
        k._by_subject[f["subject"]].append(f)
        k._by_object[f["object"]].append(f)
        k._by_predicate[f["predicate"]].append(f)
    k._build = build
    k._same_as_build = (entities.keys() == build.entities.keys() and len(facts) == len(build.facts)
                        and all(entities[i]["label"] == build.entities[i]["label"] for i in entities)
                        and all(key in relations for key in known))
    return k


class StoreKnowledgeView:
    """Hands out the current :class:`StoreKnowledge` snapshot, re-read from ``store`` when older
    than ``refresh_s`` seconds (and only rebuilt when what the store says has changed)."""

    def __init__(self, build: Knowledge, store, refresh_s: float = 2.0):
        self.build, self.store, self.refresh_s = build, store, refresh_s
        self._lock = threading.Lock()
        self._snapshot: Knowledge | None = None
        self._read_at = 0.0
        self._fingerprint: tuple | None = None

    def current(self) -> Knowledge:
        if self._snapshot is not None and time.monotonic() - self._read_at < self.refresh_s:
            return self._snapshot
        with self._lock:
            if self._snapshot is not None and time.monotonic() - self._read_at < self.refresh_s:
                return self._snapshot
            try:
                labels, relations = read_labels(self.store), read_relations(self.store)
            except Exception:
                if self._snapshot is None:
                    raise
                log.warning("re-reading the graph store failed; pages show what it held %.0f s ago",
                            time.monotonic() - self._read_at, exc_info=True)
                self._read_at = time.monotonic()
                return self._snapshot
            fingerprint = (tuple(sorted(labels.items())), tuple(sorted(relations)))
            if fingerprint != self._fingerprint:
                known = {(f["subject"], f["predicate"], f["object"]) for f in self.build.facts}
                evidence = read_evidence(self.store, relations - known)
                self._snapshot = snapshot(self.build, labels, relations, evidence)
                self._fingerprint = fingerprint
            self._read_at = time.monotonic()
            return self._snapshot


__all__ = ["StoreKnowledge", "StoreKnowledgeView", "snapshot", "read_labels", "read_relations"]
