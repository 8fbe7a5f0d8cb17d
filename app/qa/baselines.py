"""Retrieval-only baselines the engine is measured against (computed in the same run).

Each takes the top passages of one search mode and answers with the entities of the asked type
mentioned in them (or the first number / year), which is what a search box plus a careful reader
of only the first results would give.
"""
from __future__ import annotations

from app.qa.question import ENTITY_FOR_TYPE, answer_type
from app.qa.textstep import NUMBER, YEAR

TOP_PASSAGES = 3


def baseline_answers(question: str, knowledge, index, mode: str, k: int = TOP_PASSAGES) -> list[dict]:
    at = answer_type(question)
    hits = index.search(question, k=k, mode=mode)
    answers: dict[str, dict] = {}
    for h in hits:
        p = h.passage
        if at in ("Number", "Year"):
            rx = NUMBER if at == "Number" else YEAR
            m = rx.search(p.text)
            if m:
                return [{"label": m.group(0), "value": m.group(0), "evidence": [{"passage_id": p.id}]}]
            continue
        want = ENTITY_FOR_TYPE.get(at)
        ids = [f"Country:{c}" for c in p.countries] if want == "Country" else []
        ids += [f"{m['type']}:{m['key']}" for m in knowledge.mentions_in(p.id) if m["type"] == want]
        for eid in ids:
            if eid not in answers and eid != "Organization:ilo":
                d = {"label": knowledge.label(eid), "evidence": [{"passage_id": p.id}]}
                if eid.startswith("Country:"):
                    d["iso3"] = eid.split(":", 1)[1]
                answers[eid] = d
    return list(answers.values())


__all__ = ["baseline_answers"]
