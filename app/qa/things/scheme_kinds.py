"""A question asking for schemes wants schemes, not the other measures the graph files beside them.

Why: the described-measure extractor keeps, under the Scheme type, arrangements a country entry
describes in lower case, each with its ``kind`` read from the head noun: schemes, programmes and
benefits, but also a "public-private partnership" (partnership), a "one-stop-shop window"
(service) and "the pension reform" (reform).  "kenya schemes" or "which programmes does Zambia
run" asks for the first group; the others are answers only when the question names their kind
("which reform", "what partnership").  The kinds are the extractor's own head-noun classes.
"""
from __future__ import annotations

import re

# Measure kinds that are not a scheme, programme or benefit (the extractor's head-noun classes).
NOT_SCHEME_KINDS = {"partnership": r"partnerships?", "service": r"services?|windows?|one-stop",
                    "reform": r"reforms?"}


def keep_schemes(answers: list[dict], question: str, knowledge) -> list[dict]:
    """Scheme answers without the partnership / service / reform measures the question does not name."""
    unasked = {k for k, words in NOT_SCHEME_KINDS.items() if not re.search(rf"\b(?:{words})\b", question, re.I)}
    out = []
    for x in answers:
        ent = knowledge.entity_by_iri(x["iri"]) if x.get("iri") else None
        kind = ((ent or {}).get("attrs") or {}).get("kind")
        if ent and ent.get("type") == "Scheme" and kind in unasked:
            continue
        out.append(x)
    return out
