"""A topic asked within a region: the region filters the topic's countries, it does not answer.

"Which African countries did the ILO support on unemployment insurance?", "Where in Africa did the
ILO work on unemployment protection?", "unemployment insurance latin america countries": the only
graph constraint is the region, so the graph answers every country of the region and the topic
("unemployment") is dropped, because one rare word left over was too little to ask the sentences
(the text step narrows a graph answer only on two or more).  A region says nothing about a topic:
the answer is the countries the report writes about the topic, kept when they are in the region.

:func:`region_pool` says when that holds (every constraint a plain region filter, and a topic word
the filters do not account for) and returns the region's countries, which the engine uses as a pool
for the text step's answers (:func:`within`).  When no sentence in the region says the topic, the
answer is none: "Which Latin American countries did the ILO help on unemployment insurance?" is
not "every Latin American country".
"""
from __future__ import annotations

import re
from typing import Callable


def region_pool(a, cons: list, residual: list[str], graph_ids: list[str] | None, ignored: set[str],
                descriptive: Callable[[str], bool]) -> set[str] | None:
    """The region's countries when the question asks a topic's countries within a region, else None.

    ``a`` is the analysis (``answer_type``, ``topic_terms``, ``links``), ``cons`` the graph
    constraints (each with ``relation`` and ``negated``), ``residual`` the topic words they leave
    unexplained, ``graph_ids`` what the constraints gave, ``ignored`` words of the asking that are
    never a topic, and ``descriptive`` tells an entity named by a description ("unemployment
    protection", "pension reform"), which is a topic, not an entry."""
    if a.answer_type != "Country" or not cons or not graph_ids:
        return None
    if not all(c.relation == "region" and not c.negated for c in cons):
        return None
    topic = residual or [t for t in a.topic_terms if t not in ignored] or \
        [l for l in a.links if l.type == "ThematicArea" or (l.ids and all(descriptive(i) for i in l.ids))]
    return set(graph_ids) if topic else None


def without_regions(question: str, links) -> str:
    """The question with the region names blanked (same length, so link offsets stay valid): the
    sentences are then found by the topic, not by a passing "African countries".  A place finer
    than the region ("the Pacific", "West African") stays: it still filters the answers."""
    from app.qa.names.subregions import named_places

    finer = named_places(question)
    for l in links:
        if l.type == "Region" and not any(s < l.end and l.start < e for _, s, e in finer):
            # a region named with its place noun ("which Arab States paid ...") keeps the noun, so
            # the places stay what is asked and the topic's nouns are not read as the asked head
            noun = _PLACE_NOUN.search(question[l.start:l.end])
            keep = noun.group(0) if noun else ""
            question = question[:l.start] + keep.rjust(l.end - l.start) + question[l.end:]
    return question


_PLACE_NOUN = re.compile(r"\b(?:states|countries|nations)$", re.I)


# "in", "across" right before a removed region ("where in Africa did ...") goes with it
_PLACE_PREP = re.compile(r"\b(?:in|across|within|throughout|from)\s+(?:the\s+)?$", re.I)


def topic_question(question: str, links) -> str:
    """The question without any place that filters it (ILO regions and finer places), so the topic
    is asked report-wide: "Which Arab States did the ILO advise on pensions?" reads "Which countries
    did the ILO advise on pensions?".  Sentences are ranked against the best sentence anywhere, so
    a region whose own sentences say the topic only weakly still gets its countries; the region
    pool then keeps those in the region (:func:`within`)."""
    from app.qa.names.subregions import named_places

    spans = set((l.start, l.end) for l in links if l.type == "Region") | {(s, e) for _, s, e in named_places(question)}
    for s, e in sorted(spans, reverse=True):
        if any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2 in spans):
            continue  # inside a larger place span, removed with it
        noun = _PLACE_NOUN.search(question[s:e])
        before = question[:s]
        prep = _PLACE_PREP.search(before)
        if prep and not noun:
            before = before[:prep.start()]
        question = before + ("countries" if noun else "") + question[e:]  # "Arab States": no Indian states
    return " ".join(question.split())


def added_within(answers: list[dict], more: list[dict], pool: set[str], iri_of) -> list[dict]:
    """``answers`` and, after them, the answers of ``more`` in the pool that they do not hold yet."""
    have = {x.get("iri") for x in answers}
    return answers + [x for x in within(more, pool, iri_of) if x.get("iri") not in have]


def within(answers: list[dict], pool: set[str], iri_of) -> list[dict]:
    """The answers whose entity is in ``pool`` (entity ids; ``iri_of`` maps an id to its IRI)."""
    iris = {str(iri_of(i)) for i in pool}
    return [x for x in answers if x.get("iri") in iris]
