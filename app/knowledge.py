"""Read access to a built data dir: entities, facts, passages and the network, loaded once.

The question engine, the JSON API and the entity pages all read the knowledge base through this
one object, so they agree on ids, labels and evidence.  Entity ids look like ``Country:JOR``; their
URL path (``country/JOR``) mirrors the RDF IRI (``https://w3id.org/floorgraph/id/country/JOR``).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from functools import cached_property
from pathlib import Path

from graph.build import load_passages, read_manifest
from graph.errors import FloorgraphError
from graph.model import Passage
from graph.rdf import _TYPE_PATH, entity_uri

_PATH_TYPE = {v: k for k, v in _TYPE_PATH.items()}


def norm(s: str) -> str:
    """Case-, accent-, punctuation-insensitive form for matching names."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("’", "'")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s).split())


def entity_path(entity_id: str) -> str:
    type_, key = entity_id.split(":", 1)
    return f"{_TYPE_PATH.get(type_, type_.lower())}/{key}"


def entity_id_from_path(path: str) -> str | None:
    kind, _, key = path.strip("/").partition("/")
    type_ = _PATH_TYPE.get(kind)
    return f"{type_}:{key}" if type_ and key else None


class Knowledge:
    """Everything a build wrote, indexed for lookups."""

    def __init__(self, data_dir: Path):
        from graph.construction import note

        note("knowledge")
        self.data_dir = Path(data_dir)
        self.manifest = read_manifest(self.data_dir)
        kb_file = self.data_dir / "kb.json"
        if not kb_file.is_file():
            raise FloorgraphError(f"no kb.json in {self.data_dir}; run: floorgraph build --data-dir {self.data_dir}")
        raw = json.loads(kb_file.read_text(encoding="utf-8"))
        self.entities: dict[str, dict] = {e["id"]: e for e in raw["entities"]}
        self.facts: list[dict] = raw["facts"]
        self.mentions: list[dict] = raw["mentions"]
        self.passages: dict[str, Passage] = {p.id: p for p in load_passages(self.data_dir)}
        self.passage_order = {pid: i for i, pid in enumerate(self.passages)}
        self._by_subject: dict[str, list[dict]] = defaultdict(list)
        self._by_object: dict[str, list[dict]] = defaultdict(list)
        self._by_predicate: dict[str, list[dict]] = defaultdict(list)  # "every funding fact": no pass over all facts
        for f in self.facts:
            self._by_subject[f["subject"]].append(f)
            self._by_object[f["object"]].append(f)
            self._by_predicate[f["predicate"]].append(f)
        self._mentions_by_passage: dict[str, list[dict]] = defaultdict(list)
        self._mentions_by_entity: dict[str, list[dict]] = defaultdict(list)
        for m in self.mentions:
            self._mentions_by_passage[m["passage_id"]].append(m)
            self._mentions_by_entity[f"{m['type']}:{m['key']}"].append(m)

    # -- entities ---------------------------------------------------------------------------
    def entity(self, entity_id: str) -> dict | None:
        return self.entities.get(entity_id)

    def iri(self, entity_id: str) -> str:
        return str(entity_uri(entity_id))

    def entity_by_iri(self, iri: str) -> dict | None:
        prefix = "https://w3id.org/floorgraph/id/"
        if not iri.startswith(prefix):
            return None
        eid = entity_id_from_path(iri[len(prefix):])
        return self.entities.get(eid) if eid else None

    def label(self, entity_id: str) -> str:
        """The entity's label; a country the report never names by its common name ("Is Canada a
        pathfinder?" → "Canada", not "CAN"); anything else unknown by its id's local part."""
        e = self.entities.get(entity_id)
        if e:
            return e["label"]
        kind, _, local = entity_id.partition(":")
        if kind == "Country":
            from graph.countries import all_countries
            known = all_countries().get(local)
            if known is not None:
                return known.name
        return local or entity_id

    def names(self, entity_id: str) -> list[str]:
        """Label, alternative labels and acronym: every surface form we know."""
        e = self.entities.get(entity_id)
        if not e:
            return []
        out = [e["label"], *e.get("alt_labels", [])]
        if e.get("acronym"):
            out.append(e["acronym"])
        return list(dict.fromkeys(n for n in out if n))

    def of_type(self, type_: str) -> list[dict]:
        return [e for e in self.entities.values() if e["type"] == type_]

    @cached_property
    def name_index(self) -> dict[str, set[str]]:
        """norm(name) -> entity ids."""
        idx: dict[str, set[str]] = defaultdict(set)
        for eid in self.entities:
            for n in self.names(eid):
                k = norm(n)
                if k:
                    idx[k].add(eid)
        return idx

    def find_entities(self, text: str, types: tuple[str, ...] | None = None, limit: int = 20) -> list[dict]:
        """Entities whose name equals, starts with, or contains the query (for search boxes)."""
        q = norm(text)
        if not q:
            return []
        scored = []
        for k, ids in self.name_index.items():
            score = 3 if k == q else 2 if k.startswith(q) else 1 if q in k else 0
            if score:
                for eid in ids:
                    if types is None or self.entities[eid]["type"] in types:
                        scored.append((-score, len(k), eid))
        seen, out = set(), []
        for _, _, eid in sorted(scored):
            if eid not in seen:
                seen.add(eid)
                out.append(self.entities[eid])
            if len(out) >= limit:
                break
        return out

    # -- facts and evidence -----------------------------------------------------------------
    def facts_about(self, entity_id: str) -> list[dict]:
        return self._by_subject.get(entity_id, []) + self._by_object.get(entity_id, [])

    def facts_where(self, subject: str | None = None, predicate: str | None = None, obj: str | None = None) -> list[dict]:
        pool = self._by_subject.get(subject, []) if subject else self._by_object.get(obj, []) if obj else \
            self._by_predicate.get(predicate, []) if predicate else self.facts
        return [f for f in pool if (predicate is None or f["predicate"] == predicate)
                and (subject is None or f["subject"] == subject) and (obj is None or f["object"] == obj)]

    def passage(self, pid: str) -> Passage | None:
        return self.passages.get(pid)

    def mentions_in(self, pid: str) -> list[dict]:
        return self._mentions_by_passage.get(pid, [])

    def passages_mentioning(self, entity_id: str) -> list[str]:
        e = self.entities.get(entity_id)
        pids = set(e.get("passages", [])) if e else set()
        pids.update(m["passage_id"] for m in self._mentions_by_entity.get(entity_id, []))
        return sorted(pids, key=lambda p: self.passage_order.get(p, 0))

    @cached_property
    def report_year(self) -> str | None:
        """The year the report covers: the year its section titles write most often ("Programme
        results 2024").  A figure or an act a sentence tells without a year is of that year."""
        from collections import Counter

        years = Counter(y for p in self.passages.values() for t in p.section_path
                        for y in re.findall(r"\b(19[5-9]\d|20\d\d)\b", t))
        return years.most_common(1)[0][0] if years else None

    @cached_property
    def network(self) -> dict:
        path = self.data_dir / "network" / "network.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"nodes": [], "edges": []}

    def same_thing(self, entity_id: str) -> list[str]:
        """The other nodes that are this real thing in another role (a country's government),
        linked by a relation the registry declares ``same_thing``."""
        from graph.relations import REGISTRY

        same = set(REGISTRY.same_thing())
        out = [f["subject"] if f["object"] == entity_id else f["object"]
               for f in self.facts_about(entity_id) if f["predicate"] in same]
        return list(dict.fromkeys(out))

    def _relation(self, f: dict, entity_id: str, via: str | None = None) -> dict:
        me = via or entity_id
        other = f["object"] if f["subject"] == me else f["subject"]
        from graph.relations import REGISTRY

        fwd, inv = REGISTRY.labels().get(f["predicate"], (f["predicate"], f["predicate"]))
        rel = {
            "predicate": f["predicate"], "direction": "out" if f["subject"] == me else "in",
            "label": fwd if f["subject"] == me else inv,  # the registry's reading of it, this way round
            "kind": f["kind"], "other": {"id": other, "label": self.label(other),
                                          "type": other.split(":", 1)[0], "path": entity_path(other)},
            "attrs": {k: v for k, v in f["attrs"].items() if k != "funding_line"} | (
                {"funding_line": f["attrs"]["funding_line"]} if "funding_line" in f["attrs"] else {}),
            "evidence": [self.evidence(pid) for pid in f["passages"]],
        }
        if via:
            rel["via"] = {"id": via, "label": self.label(via), "path": entity_path(via),
                          "kind": self.kind_label(via)}
        return rel

    def kind_label(self, entity_id: str) -> str | None:
        """What the entity is, in words ('UN agency', 'bilateral donor'), never an internal code."""
        from graph.vocab import org_kind_label

        e = self.entities.get(entity_id)
        if e is None:
            return None
        if e["type"] == "Organization":
            return org_kind_label(e.get("role"))
        return None

    def entity_card(self, entity_id: str, max_evidence: int = 20) -> dict | None:
        """All the graph knows about one entity, with evidence (the /api/entity shape).

        A country's card also holds what its government does (funding, partnerships), each such
        relation marked ``via`` the government node, and the countries reached through the pooled
        funds it finances (``funds_through``): one real thing, one page."""
        e = self.entities.get(entity_id)
        if e is None:
            return None
        rels = [self._relation(f, entity_id) for f in self.facts_about(entity_id)]
        from graph.relations import REGISTRY

        same = set(REGISTRY.same_thing())
        for other in self.same_thing(entity_id):
            rels.extend(self._relation(f, entity_id, via=other) for f in self.facts_about(other)
                        if f["predicate"] not in same)
        funds_through = []
        for who in [entity_id, *self.same_thing(entity_id)]:
            for f in self.facts_where(obj=who, predicate="fundedBy"):
                fund = f["subject"]
                if fund.startswith("Country:"):
                    continue
                recipients = [g["subject"] for g in self.facts_where(obj=fund, predicate="fundedBy")]
                if recipients:
                    funds_through.append({
                        "fund": {"id": fund, "label": self.label(fund), "path": entity_path(fund)},
                        "recipients": [{"id": r, "label": self.label(r), "path": entity_path(r)} for r in recipients],
                        "evidence": [self.evidence(pid) for pid in f["passages"][:1]],
                    })
        mentioned = self.passages_mentioning(entity_id)
        for other in self.same_thing(entity_id):
            mentioned = list(dict.fromkeys(mentioned + self.passages_mentioning(other)))
        return {
            "id": entity_id, "iri": self.iri(entity_id), "path": entity_path(entity_id), "type": e["type"],
            "label": e["label"], "alt_labels": e.get("alt_labels", []), "acronym": e.get("acronym"),
            "role": self.kind_label(entity_id), "role_code": e.get("role"), "attrs": e.get("attrs", {}),
            "relations": rels, "same_as": [{"id": o, "label": self.label(o), "path": entity_path(o),
                                            "kind": self.kind_label(o)} for o in self.same_thing(entity_id)],
            "funds_through": funds_through,
            "mentioned_in": [self.evidence(pid) for pid in mentioned[:max_evidence]],
            "mentioned_in_total": len(mentioned),
        }

    def evidence(self, pid: str) -> dict:
        p = self.passages.get(pid)
        if p is None:
            return {"passage_id": pid, "section": "", "text": ""}
        return {"passage_id": pid, "section": p.section, "text": p.text}
