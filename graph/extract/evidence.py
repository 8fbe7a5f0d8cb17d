"""The sentence behind each statement: the passage is the evidence unit, the sentence the proof.

Extractors record the passage a fact was read from; most do not keep the sentence.  Here, for every
fact without one, the sentence of its first passage that names the other end of the fact (its
label, an alternative label or acronym) becomes ``sentence`` (written as ``fg:sentence`` on the
statement), so a reader sees the words that state the relation, not a whole paragraph.
"""
from __future__ import annotations

import re

from graph.kb import KnowledgeBase
from graph.model import Document
from graph.relations import REGISTRY


def _names(kb: KnowledgeBase, entity_id: str) -> list[str]:
    e = kb.entities.get(entity_id)
    if e is None:
        return []
    names = [e.label, *sorted(e.alt_labels, key=len, reverse=True)]
    if e.acronym:
        names.append(e.acronym)
    return [n for n in dict.fromkeys(names) if n and len(n) >= 2]


def _pattern(names: list[str]) -> re.Pattern | None:
    if not names:
        return None
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alts + r")(?![\w-])")


def extract(doc: Document, kb: KnowledgeBase) -> None:
    from graph.extract.instruments import sentences

    by_id = {p.id: p for p in doc.passages}
    cache: dict[str, list[str]] = {}
    pats: dict[str, re.Pattern | None] = {}

    def sents(pid: str) -> list[str]:
        if pid not in cache:
            cache[pid] = [s.strip() for _, _, s in sentences(by_id[pid].text) if s.strip()]
        return cache[pid]

    def pat(entity_id: str):
        if entity_id not in pats:
            pats[entity_id] = _pattern(_names(kb, entity_id))
        return pats[entity_id]

    # entity id, passage id -> does each sentence of the passage name the entity: facts sharing
    # an end and a passage (a country's several facts from one paragraph) read it once
    named: dict[tuple[str, str], list[bool]] = {}

    def names_in(entity_id: str, pid: str) -> list[bool]:
        got = named.get((entity_id, pid))
        if got is None:
            rx = pat(entity_id)
            got = named[(entity_id, pid)] = [bool(rx and rx.search(s)) for s in sents(pid)]
        return got

    for f in kb.facts.values():
        if f.attrs.get("sentence"):
            continue
        pids = [p for p in f.passages if p in by_id]
        if not pids:
            continue
        rel = REGISTRY.get(f.predicate)
        words = [w.lower() for w in (rel.keywords if rel else ())] + ([str(f.attrs["role"]).lower()]
                                                                     if f.attrs.get("role") else [])
        best, best_score = None, -1
        for pid in pids:  # the sentence naming both ends and the relation's words wins
            for s, has_s, has_o in zip(sents(pid), names_in(f.subject, pid), names_in(f.object, pid)):
                low = s.lower()
                score = 3 * has_s + 2 * has_o + 2 * any(w in low for w in words)
                if score > best_score:
                    best, best_score = s, score
            if best_score >= 7:
                break
        if best:
            f.attrs["sentence"] = best[:600]


__all__ = ["extract"]
