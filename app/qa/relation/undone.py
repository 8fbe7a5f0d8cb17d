"""Questions that ask who undid a relation: "Which countries left the Global Accelerator in 2024?",
"who denounced Convention No. 102?".

Why: such a question names the relation's object and its words are near the relation's own, so the
understanding reads it as the relation itself and the graph lists every member, the opposite of
what was asked.  The graph holds memberships and ratifications, never their end.  Each relation
declares the verbs that undo it (``Relation.undone_by`` in :mod:`graph.relations`); a question whose
verb is one of them, said of a linked end of that relation's range, gets no graph answer: the engine
abstains and shows the nearest passages, where a sentence that did tell of a departure would be.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph.relations import REGISTRY

# words that make "leave"/"left" something other than a departure: "leaving X aside", "left out"
# (anywhere in the clause: "leaving the Multi-donor Programme and the money behind it aside, ...")
_NOT_DEPARTURE = re.compile(r"^[^,;:?.!]*?\b(?:aside|out|off|behind|to one side)\b", re.I)
# "are left", "was left": a state, not an act of leaving
_STATE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$", re.I)


# what may stand between the verb and the thing it is said of ("left the ...", "quit its ...")
_ARTICLES = {"the", "a", "an", "its", "their", "from", "of"}


@dataclass(frozen=True)
class Undone:
    relation: str  # the relation undone ("memberOf")
    verb: str  # as the question writes it ("left")
    object_id: str  # the linked end the verb is said of


@lru_cache(maxsize=8)
def _verbs(version: int) -> tuple[tuple[str, tuple[str, ...], re.Pattern], ...]:
    """(relation, range types, pattern of its undoing verbs) for each relation that declares some."""
    out = []
    for r in REGISTRY:
        verbs = REGISTRY.undoing_verbs(r.name)
        if verbs and not r.parent:  # a sub-relation shares its parent's verbs and range
            alts = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(verbs, key=len, reverse=True))
            out.append((r.name, r.range, re.compile(rf"\b(?:{alts})\b", re.I)))
    return tuple(out)


def undone(question: str, links) -> Undone | None:
    """The relation a question asks the end of, when its verb undoes the relation and is said of
    (only an article between) a linked thing the relation's range holds; None otherwise."""
    for name, rng, pat in _verbs(REGISTRY.version):
        for m in pat.finditer(question):
            if _NOT_DEPARTURE.match(question[m.end():]) or _STATE_BEFORE.search(question[:m.start()]):
                continue
            for link in links:
                gap = question[m.end():link.start].lower().split()
                if link.start >= m.end() and set(gap) <= _ARTICLES and link.type in rng:
                    return Undone(name, m.group(0), link.ids[0])
    return None
