"""Merge entities that two extractors created for one thing.

A network such as USP2030 is both an organisation (in the general gazetteer, for funding lines
and mentions) and an initiative (members, pathfinders, co-chairs).  The initiatives extractor
marks such pairs with ``same_as``; here the organisation's facts, names and evidence move onto the
initiative so the graph holds one node with every relation.
"""
from __future__ import annotations

from graph.kb import KnowledgeBase
from graph.model import Document


def merge(kb: KnowledgeBase, keep_id: str, drop_id: str) -> None:
    keep, drop = kb.entities[keep_id], kb.entities.pop(drop_id)
    keep.alt_labels.update(drop.alt_labels | {drop.label})
    keep.alt_labels.discard(keep.label)
    keep.acronym = keep.acronym or drop.acronym
    keep.passages.update(drop.passages)
    for k, v in drop.attrs.items():
        keep.attrs.setdefault(k, v)
    # The merged node is still what the dropped one was (a fund can be funder of a country).
    keep.attrs.setdefault("also", []).append({"type": drop.type, "role": drop.role})
    for key, f in list(kb.facts.items()):
        if drop_id not in (f.subject, f.object):
            continue
        del kb.facts[key]
        s = keep_id if f.subject == drop_id else f.subject
        o = keep_id if f.object == drop_id else f.object
        if s != o:
            kb.add_fact(s, f.predicate, o, f.passages, kind=f.kind, **f.attrs)
    for m in kb.mentions:
        if f"{m.type}:{m.key}" == drop_id:
            m.type, m.key = keep.type, keep.key


def extract(doc: Document, kb: KnowledgeBase) -> None:
    for e in list(kb.entities.values()):
        other = e.attrs.get("same_as")
        if other and other in kb.entities and other != e.id:
            e.attrs.pop("same_as", None)
            merge(kb, e.id, other)


__all__ = ["merge"]
