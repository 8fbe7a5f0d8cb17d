"""Related questions to offer when a question finds no answer, and the relevance cut-off for passages.

Questions are composed from the relation registry's question seeds (``Relation.ask_object``) for
entities the question or its best passages mention, and only for relations the graph holds for that
entity - so every suggestion has an answer.  Nothing names a particular entity or relation.
"""
from __future__ import annotations

from app.web.api import term_highlights

MIN_SHARE_OF_TOP = 0.4  # a passage below 40% of the best passage's fused score is noise
MIN_TERM_SHARE = 0.5  # ... and one that shares under half of the question's content words


def relevant_passages(results: list[dict], terms: list[str]) -> list[dict]:
    """Passages worth showing: they share at least half of the question's content words and score
    within reach of the best one.  An off-topic question (no passage shares its words) gets none."""
    if not results:
        return []
    def share(text: str) -> float:
        if not terms:
            return 1.0
        return sum(1 for t in terms if term_highlights(text, [t])) / len(terms)

    with_terms = [r for r in results if share(r.get("text", "")) >= MIN_TERM_SHARE]
    if not with_terms:
        return []
    top = max(float(r.get("score") or 0) for r in with_terms)
    return [r for r in with_terms if top <= 0 or float(r.get("score") or 0) >= MIN_SHARE_OF_TOP * top]


def related_questions(kb, question: str, passage_ids: list[str], limit: int = 6) -> list[str]:
    """Questions the graph can answer about the entities this question or its passages mention."""
    from graph.relations import REGISTRY

    import re

    from app.knowledge import norm

    seen_entities: list[str] = []
    q = f" {norm(question)} "
    for name, ids in kb.name_index.items():  # entity names the question says, longest first
        if len(name) >= 3 and f" {name} " in q:
            seen_entities.extend(sorted(ids))
    seen_entities = sorted(dict.fromkeys(seen_entities), key=lambda eid: -len(norm(kb.label(eid))))
    del re
    for pid in passage_ids[:5]:
        for m in kb.mentions_in(pid):
            eid = f"{m['type']}:{m['key']}"
            if eid not in seen_entities and kb.entity(eid):
                seen_entities.append(eid)
    from app.qa.graphstep import AUTHOR_ORGS

    out: list[str] = []
    for eid in seen_entities:
        if eid in AUTHOR_ORGS:  # the report's author is in every passage; its questions are about others
            continue            # ("Who does the ILO partner with in International Labour Organization?")
        e = kb.entity(eid)
        for rel in REGISTRY:
            if e["type"] not in rel.domain or not rel.ask_object:
                continue
            if not kb.facts_where(subject=eid, predicate=rel.name):
                continue
            q = rel.ask_object[0].format(s=e["label"]).strip()
            q = q[:1].upper() + q[1:] + ("" if q.endswith("?") else "?")
            if q not in out:
                out.append(q)
            break  # one question per entity keeps the list varied
        if len(out) >= limit:
            break
    return out
