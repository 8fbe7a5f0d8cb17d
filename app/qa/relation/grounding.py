"""Disambiguating a template guess by what the graph holds about the named entities.

A keyword query often drops the word that names the relation: "ivory coast c102 year" is
"[country] [convention] year", and the bank has that shape for both "ratified" and "inquired
about".  Meaning alone cannot choose; the graph can: Côte d'Ivoire has a ratification of
Convention No. 102 and no inquiry.  :func:`ground` re-votes the nearest generated questions,
leaving out those whose relation holds no fact for the entities the question names, but only
when the question names two things, the guess is unsure, and its own relation is one the graph
does not hold for them (a grounded guess stands; one name joins nothing and may be the text's).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from app.qa.bank import ANSWER_TYPE, Intent
from app.qa.graphstep import AUTHOR_ORGS
from app.qa.intent import IntentGuess
from app.qa.question import Analysis

MAX_CONFIDENCE = 0.5  # a guess this sure of itself is not re-voted


def grounded(relation: str, a: Analysis, knowledge) -> bool:
    """Does the graph hold a fact of ``relation`` for every entity the question names (and, with
    two or more names, one fact joining two of them)?"""
    if not relation or relation in ("(topic)", "-"):
        return True
    groups = [set(l.ids) - AUTHOR_ORGS for l in a.links if l.type != "Region"]
    groups = [g for g in groups if g]
    if not groups:
        return True
    facts = [[f for i in g for f in knowledge.facts_where(subject=i, predicate=relation)]
             + [f for i in g for f in knowledge.facts_where(obj=i, predicate=relation)] for g in groups]
    if not all(facts):
        return False
    if len(groups) >= 2:
        ends = [{(f["subject"], f["object"]) for f in fs} for fs in facts]
        return any(ends[i] & ends[j] for i in range(len(ends)) for j in range(i + 1, len(ends)))
    return True


# An asked type that one of these end types can answer ("who" is a country or an organisation).
_ANSWERED_BY = {"Organization": ("Organization", "Country"), "Country": ("Country",)}


def can_answer(relation: str, answer_type: str) -> bool:
    """Can an end of ``relation`` be of the type the question asks?  Open types (Text, Number,
    Year) and types not listed here ask anything: a count, a year or a figure of any relation."""
    from graph.relations import REGISTRY

    wanted = _ANSWERED_BY.get(answer_type)
    r = REGISTRY.get(relation)
    if wanted is None or r is None:
        return True
    return any(ANSWER_TYPE.get(t, t) in wanted for t in (*r.domain, *r.range))


def ground(guess: IntentGuess, a: Analysis, knowledge) -> IntentGuess:
    """The guess re-voted with ungrounded neighbours discounted; unchanged when its own relation is
    grounded or no neighbour's is."""
    names = [l for l in a.links if l.type != "Region" and set(l.ids) - AUTHOR_ORGS]
    if len(names) < 2 or guess.confidence >= MAX_CONFIDENCE:
        return guess  # one name joins nothing: an ungrounded reading may just be the text's to answer
    if not guess.neighbours or grounded(guess.intent.relation, a, knowledge):
        return guess
    ok: dict[str, bool] = {}
    for _, key, _ in guess.neighbours:
        rel = Intent.from_key(key).relation
        if rel not in ok:
            # ("where is the P4H country focal point stationed": the position is in P4H, but a
            # place is asked, and no end of that relation is a place: it is the text's to answer)
            ok[rel] = grounded(rel, a, knowledge) and can_answer(rel, a.answer_type)
    if not any(ok.values()):
        return guess
    # Readings the graph cannot hold for these names drop out of the vote (and of the shares the
    # engine reads from the neighbours).
    neigh = [n for n in guess.neighbours if ok[Intent.from_key(n[1]).relation]]
    votes: dict[str, float] = defaultdict(float)
    for _, key, sim in neigh:
        votes[key] += max(0.0, sim) ** 2
    best = max(votes, key=votes.get)
    total = sum(votes.values()) or 1.0
    return replace(guess, intent=Intent.from_key(best), confidence=votes[best] / total, neighbours=neigh)

def adopt(a: Analysis, und, knowledge) -> None:
    """A relation chosen because the graph holds it for the named entities is the question's
    relation even when no word of the question names it ("ivory coast c102 year")."""
    from app.qa.understand import RELATION_FLAGS

    flag = RELATION_FLAGS.get(und.relation or "")
    if flag == "fund" and a.partner and not getattr(a, flag, False):
        return  # "which organisations worked with the ILO to help Jordan's SSC ...": working with is worded, paying is not
    if flag and grounded(und.relation, a, knowledge):
        setattr(a, flag, True)
