"""A keyword query's trailing "no <convention>" / "not <funder>" over countries is a negated
relation, not a name set aside: "pathfinders no c102" (pathfinders that have not ratified it),
"african countries not eu" (not funded by it).

Why: the set-aside reader takes a keyword query's tail "not X" / "no X" as X left out of the
answers ("lebanon donors not eu").  When the answers are countries and X is a convention or a
funder, X is never among them: leaving it out removed nothing and the whole universe came back.
The only tie between countries and such a name the query can mean is the name's usual relation
(ratifying a convention, being funded by a funder), negated; the query is read again with it
worded.  Nothing here names a convention, a funder or a country.
"""
from __future__ import annotations

import re

from app.qa.constraints.exclusion import _ASKS, SetAside

# a keyword query's own head noun for countries (its type is guessed later, from the bank)
_COUNTRY_HEAD = re.compile(r"\b(?:countries|country|pathfinders?|nations|states|members)\b", re.I)
# "... but not netherlands", "... and not eu": the conjunction joins the negated tail to the query
_TAIL = re.compile(r"^\s*(?:(?:but|and)\s+)?(?:no|not|without|w/o)\s+(?P<name>.+)$", re.I)


def _funder(ids: list[str], knowledge) -> bool:
    """Does a linked name stand for a funder the graph holds, and for nothing the graph funds?"""
    if any(knowledge.facts_where(subject=i, predicate="fundedBy") for i in ids):
        return False
    return any(knowledge.facts_where(predicate="fundedBy", obj=i) for i in ids)


def as_negated_relation(question: str, aside: SetAside, links: list, answer_type: str, knowledge) -> str | None:
    """The query with its trailing set-aside worded as a negated relation, or None when the tail
    sets aside something the answers could hold (or the query is a sentence)."""
    if knowledge is None or _ASKS.search(question) or len(aside.phrases) != 1:
        return None
    if answer_type != "Country" and not (answer_type == "Text" and _COUNTRY_HEAD.search(aside.question)):
        return None
    m = _TAIL.match(aside.phrases[0])
    if m is None:
        return None
    taken = [l for l in links if l.ids and set(l.ids) <= aside.ids]
    if not taken:
        return None
    if all(any(knowledge.facts_where(predicate="ratified", obj=i) for i in l.ids) for l in taken):
        verb = "not ratified"
    elif all(_funder(l.ids, knowledge) for l in taken):
        verb = "not funded by"
    else:
        return None
    return question.replace(aside.phrases[0], f" {verb} {m.group('name')}", 1).strip()
