"""Two relations offered as a choice: "in which countries is the World Bank a partner or funder?",
"which countries are members or pathfinders of the Global Accelerator?".

Why: the question is read with one relation, the one whose keyword wins, and the other is lost;
"partner or funder" of the World Bank came back empty (it funds no country's work) though the
report names six country entries where it is a partner.  The answer a reader expects is every
thing either relation holds: the two readings, each with one of the words, joined.

The words are the registry's own keywords (:func:`app.qa.relation.relation_choice.keyword_hits`)
and the nouns it declares for a relation's ends ("contributors"; "co-contributor" is one too), so a
relation declared later takes part; a choice of words of one relation ("funder or donor") is
one reading.  Not in a negated question ("not a partner or funder" is neither, which a union does not
give) nor a polar one ("is the EU a partner or a funder of Jordan?" asks which of the two).
"""
from __future__ import annotations

import re
from typing import Callable

# (one modifier may stand before the second word: "a partner or a fellow contributor", read when
# the modifier itself names no relation)
_PAIR = re.compile(r"\b([\w-]+)\s+or\s+(?:(?:as\s+)?(?:a|an|the)\s+)?(?:([\w-]+)\s+)?([\w-]+)\b", re.I)
_NEGATED = re.compile(r"\b(?:not|no|never|neither|nor|without|none|n['’]t)\b", re.I)
_POLAR = re.compile(r"^\s*(?:is|are|was|were|does|do|did|has|have|can|could)\b", re.I)


def split(question: str, relations_of: Callable[[str], set[str]]) -> tuple[str, str] | None:
    """The question once with each word of a choice between two relations' keywords, or None.
    ``relations_of(word)``: the registered relations the word is a keyword of."""
    if _NEGATED.search(question) or _POLAR.match(question):
        return None
    for m in _PAIR.finditer(question):
        first = relations_of(m.group(1))
        # the word after "or" names the second relation; else the one after its modifier
        k = 2 if m.group(2) and relations_of(m.group(2)) else 3
        if k == 3 and m.group(2) and not _end_noun(m.group(3)):
            continue  # ("workshops or committees on ...": no modifier before a relation's noun)
        second = relations_of(m.group(k))
        if first and second and not first & second:
            end = m.end(k)
            return (question[:m.end(1)] + question[end:],
                    question[:m.start(1)] + question[m.start(k):])
    return None


def relations_of(word: str) -> set[str]:
    """The registered relations ``word`` names: one of its keywords, or a noun for one of its ends."""
    from app.qa.relation.relation_choice import keyword_hits
    from graph.relations import REGISTRY

    base = re.sub(r"^co-", "", word.lower()).rstrip("s")
    return {r.name for r in REGISTRY if keyword_hits(word, r.name)
            or base in {n.rstrip("s") for n in (*r.subject_nouns, *r.object_nouns) if " " not in n}}


def _end_noun(word: str) -> bool:
    """Is ``word`` a noun the registry declares for a relation's end ("contributor", "partner")?"""
    from graph.relations import REGISTRY

    base = re.sub(r"^co-", "", word.lower()).rstrip("s")
    return any(base in {n.rstrip("s") for n in (*r.subject_nouns, *r.object_nouns) if " " not in n} for r in REGISTRY)
