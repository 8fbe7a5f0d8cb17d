"""A count asked by the relation's own noun: "number of c102 ratifications since 2021", "how many
inquiries about the campaign": the things counted are the relation's statements, one per subject.

The nouns are the registry's keywords for the relation (a plural keyword right after "number of" /
"how many" / "count of", a few words allowed between: "number of C102 ratifications"), so a
relation registered with its nouns is counted with no other edit.
"""
from __future__ import annotations

import re

from app.qa.units import stem
from graph.relations import REGISTRY

_COUNT_OPENER = re.compile(r"\b(?:number of|how many|count of|tally of|total)\s+((?:[\w.'’-]+\s+){0,3}?)([a-z]+s)\b", re.I)


def counted_by_relation_noun(question: str, blank: str) -> tuple[str, str] | None:
    """(relation, counted type) when the question counts a relation by one of its plural keyword
    nouns; ``blank`` is the question with linked names blanked (a name is no relation noun)."""
    for m in _COUNT_OPENER.finditer(blank):
        noun = stem(m.group(2).lower())
        for r in REGISTRY:
            if "Quantity" in r.range:
                continue  # "number of workers abroad": a stated figure's noun, not statements to count
            if any(" " not in kw and kw.endswith("s") and stem(kw.lower()) == noun for kw in r.keywords):
                return r.name, r.domain[0]
    return None
