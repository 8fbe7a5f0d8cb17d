"""Choosing between relations that share their words: the most specifically worded one wins.

"Which countries formally inquired about the C102 ratification campaign?" says "ratification",
a word of ``ratified``, but it asks about ``inquiredAbout`` (worded by "inquired" and "campaign").
The hand-written graph step switches ``ratified`` on at the first "ratif..." word; this module
counts, for every registry relation linking the same kinds of things, how many of its keywords
the question uses, and hands the question to the generic registry template of the relation with
strictly more of them.  Nothing here names a relation: the keywords come from the registry.
"""
from __future__ import annotations

import re

from app.qa.question import Analysis
from app.qa.units import stem
from graph.relations import REGISTRY

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def keyword_hits(question: str, relation: str) -> int:
    """How many of the relation's keywords (all their word stems) the question contains."""
    r = REGISTRY.get(relation)
    if r is None:
        return 0
    words = {stem(w.lower()) for w in _TOKEN.findall(question)}
    hits: set[tuple[str, ...]] = set()  # by stems: "ratification" and "ratifications" are one word
    for kw in r.keywords:
        toks = tuple(stem(w.lower()) for w in _TOKEN.findall(kw))
        if toks and all(t in words for t in toks):
            hits.add(toks)
    return len(hits)


def more_specific(a: Analysis, relation: str) -> tuple[str, str] | None:
    """(relation, direction) of a relation between the same kinds of things as ``relation`` that
    the question words more (strictly), with one of its ends named; else None."""
    base = REGISTRY.get(relation)
    if base is None:
        return None
    own = keyword_hits(a.question, relation)
    best = None
    for r in REGISTRY:
        if r.name == relation or r.domain != base.domain or r.range != base.range:
            continue
        n = keyword_hits(a.question, r.name)
        if n > own and _negated(a, r.name):
            continue  # "ratified C102 but never inquired about the campaign": the other relation excludes
        if n > own and (best is None or n > best[0]):
            named_obj = any(i for i in a.linked(*r.range))
            named_subj = any(i for i in a.linked(*r.domain))
            if named_obj != named_subj:
                best = (n, r.name, "subject" if named_obj else "object")
    return (best[1], best[2]) if best else None


def _negated(a: Analysis, relation: str) -> bool:
    """Is every wording of the relation in the question under a negation ("never inquired")?"""
    from app.qa.chains import _worded_negated

    return _worded_negated(a, REGISTRY[relation])


# Words that put a relation in the future or in intention ("with a view to ratifying", "plans to").
_PROSPECTIVE = re.compile(r"\b(with a view to|eventual(?:ly)?|towards?|lead(?:s|ing)? to|meant to|roadmap (?:for|to)|road to|ahead of|in preparation for|future|plans?|planned|"
                          r"aims?|aiming|intends?|intention|would|could|might|possible|potential|prospect\w*|"
                          r"consider\w*|explor\w*|prepar\w*|importance of|need to|needs to|calls? (?:on|for)|called (?:on|for)|"
                          r"urg\w*|advocat\w*|promot\w*|encourag\w*)\s+(?:[\w'’-]+\s+){0,3}$", re.I)


def prospective(question: str, relation_words: re.Pattern) -> bool:
    """Is every wording of the relation in the question only intended or future ('with a view to
    the country eventually ratifying it'), so the question is not about the relation's facts?"""
    hits = list(relation_words.finditer(question))
    return bool(hits) and all(_PROSPECTIVE.search(question[max(0, m.start() - 60):m.start()]) for m in hits)
