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


def _names(kb: KnowledgeBase, entity_id: str) -> list[str]:
    e = kb.entities.get(entity_id)
    if e is None:
        return []
    names = [e.label, *sorted(e.alt_labels, key=len, reverse=True)]
    if e.acronym:
        names.append(e.acronym)
    return [n for n in dict.fromkeys(names) if n and len(n) >= 2]


def extract(doc: Document, kb: KnowledgeBase) -> None:
    from graph.extract.instruments import sentences

    by_id = {p.id: p for p in doc.passages}
    cache: dict[str, list[str]] = {}
    for f in kb.facts.values():
        if f.attrs.get("sentence"):
            continue
        pid = next((p for p in f.passages if p in by_id), None)
        if pid is None:
            continue
        if pid not in cache:
            cache[pid] = [s.strip() for _, _, s in sentences(by_id[pid].text) if s.strip()]
        sents = cache[pid]
        if not sents:
            continue
        pick = None
        for end in (f.object, f.subject):
            for n in _names(kb, end):
                pat = re.compile(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])")
                pick = next((s for s in sents if pat.search(s)), None)
                if pick:
                    break
            if pick:
                break
        f.attrs["sentence"] = (pick or sents[0])[:600]


__all__ = ["extract"]
