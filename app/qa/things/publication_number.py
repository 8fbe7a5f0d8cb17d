"""The number a publication carries ("ILO Working Paper 128"), asked of a publication the question
describes: "I remember a 2024 ILO working paper asking whether universal social protection can help
fight inequality - what is its number?", "what number does the working paper on the financing gap carry".

Why: the build records a numbered series' number on the publication (``number``), but a number
question went to the count machinery or to the nearest sentence, which answered another figure of
the paper's sentence ("Convention No. 102") or nothing.  The publication is found the way a title
question finds it (:mod:`app.qa.things.titles`: kind, co-author, title words); its recorded number is the
answer.  Only when exactly one publication is described and it carries a number.
"""
from __future__ import annotations

import re

# "what is its number", "what number does ... carry", "the paper's number", "working paper number of X"
# (not "what is the number of countries ...": a count)
_ASKS_NUMBER = re.compile(r"\b(?:what|which)\s+(?:is\s+|was\s+)?(?:its|their|the)\s+(?:series\s+)?number\b"
                          r"(?!\s+of\s+(?!the\b|that\b|this\b))|"
                          r"\b(?:what|which) number\b|\bits number\b|['’]s number\b|"
                          r"\b(?:paper|brief|report|note)s?\s+number\b(?!\s+of\s+(?!the\b|that\b|this\b))", re.I)


MIN_WEIGHT = 3.0  # summed rarity of the title words repeated: more than one common word
LEAD = 2.0  # and this many times the next numbered title's


def asks_publication_number(question: str) -> bool:
    """Does the question ask for the number a publication carries?"""
    return _ASKS_NUMBER.search(question) is not None


def publication_number(question: str, links, finder) -> tuple[str, str, list[str]] | None:
    """(publication id, its number, why) for the one numbered publication the question describes."""
    if not asks_publication_number(question):
        return None
    found = finder.find(question, links, plural=False)
    if found is not None and len(found.ids) == 1:
        pub = next((p for p in finder.pubs if p.eid == found.ids[0]), None)
        if pub is not None and pub.number:
            return pub.eid, pub.number, found.why
    return _best_numbered(question, finder)


def _best_numbered(question: str, finder) -> tuple[str, str, list[str]] | None:
    """Among the publications that carry a number, the one whose title's words the question repeats
    by far the most (summed rarity), when the finder singled out none: a numbered series is small,
    so a paraphrase that keeps its rarest words ("the working paper on the financing gap") is enough."""
    from app.qa.things.titles import KIND_WORDS
    from app.qa.units import terms

    qterms = set(terms(question)) - set(terms(" ".join(KIND_WORDS)))  # "working paper" says the kind, not the topic
    scored = sorted(((sum(finder.idf.get(t, 0.0) for t in p.title_terms & qterms), p) for p in finder.pubs if p.number),
                    key=lambda sp: -sp[0])
    if not scored or scored[0][0] < MIN_WEIGHT:
        return None
    runner = scored[1][0] if len(scored) > 1 else 0.0
    if scored[0][0] < LEAD * runner:
        return None
    best = scored[0][1]
    return best.eid, best.number, [f"the numbered publication whose title the question repeats most ({scored[0][0]:.1f} against {runner:.1f})"]
