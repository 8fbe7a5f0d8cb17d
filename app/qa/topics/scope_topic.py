"""A topic asked within the report's own scope: "the programme's priority countries" filters the
topic's countries, it does not answer.

"Which Flagship priority countries does the report describe as affected by an ongoing conflict?",
"Which priority countries had typhoon damage the ILO helped respond to?": the only graph
constraint is the report's own scope (its priority countries, or taking part in its own programme,
whose list is those same countries).  Every country the report has an entry for satisfies it, so
when no sentence was strong enough to narrow them the graph answered all fifty and the topic was
lost.  The scope says nothing about a topic, as a region says nothing (:mod:`app.qa.constraints.region_topic`):
the answer is the countries the report writes about the topic, kept when they are in the scope.

:func:`rescope` acts only on that outcome (a graph answer that is the whole scope), so a question
the text already narrowed, or one asking the list itself ("list the priority countries"), is left
as it was: the question is asked again without the scope's words, and its answers in the scope
replace the list when they are some of it.  Nothing here names a programme or a country: the
programme is the initiative whose priority countries are the report's flagged ones
(:func:`app.qa.relation.participation.own_programme`).
"""
from __future__ import annotations

import re
from typing import Callable

from app.qa.question import PRIORITY

# "Flagship", "programme's": words for the report's own programme the linker may leave unlinked
_PROGRAMME = re.compile(r"\b(?:(?:the|its|their)\s+)?(?:flagship|programme|program)(?:['’]s)?\b", re.I)


def without_scope(question: str, links, own: set[str]) -> str:
    """The question without the scope's words: the programme's name and "priority" ("which
    Flagship priority countries ..." -> "which countries ...")."""
    for l in sorted(links, key=lambda l: -l.start):
        if set(l.ids) & own:
            question = question[:l.start] + question[l.end:]
    question = PRIORITY.sub(" ", question)
    question = re.sub(r"\b(?:the|its|their)\s+(?:['’]s\s+)?(?=countries\b)", "", question)
    return " ".join(_PROGRAMME.sub(" ", question).replace(" 's ", " ").split())


def rescope(out: dict, link: Callable[[str], list], ask: Callable[[str], dict], own: Callable[[], set[str]],
            scope: Callable[[], set[str]], names_topic: Callable[[str], bool]) -> None:
    """Replace a graph answer that is the report's whole scope by the answers, within the scope,
    of the question asked without the scope's words (see the module docstring); ``link`` links a
    question's names, ``ask`` answers a question, ``own()`` is the report's own programme (ids),
    ``scope()`` its priority countries (ids), and ``names_topic`` says whether a question's words
    name a topic beyond the asking ("list countries" names none)."""
    answers = out.get("answers") or []
    if out.get("answer_type") != "Country" or not str(out.get("strategy", "")).startswith("graph") or len(answers) < 10:
        return
    countries = scope()
    got = {x.get("iri", "").rsplit("/", 1)[-1] for x in answers}
    if not countries or {c.split(":", 1)[1] for c in countries} != got:
        return
    question = out["question"]
    bare = without_scope(question, link(question), own())
    if bare == " ".join(question.split()) or not names_topic(bare):
        return
    again = ask(bare)
    kept = [x for x in again.get("answers") or [] if x.get("iri", "").rsplit("/", 1)[-1] in got]
    if again.get("answer_type") != "Country" or not kept or len(kept) == len(answers):
        return
    out["answers"] = kept
    out["strategy"] = again.get("strategy", "text")
    out["path"] = list(out.get("path", [])) + [f"the whole scope came back: read as “{bare}”, kept when a priority country"] \
        + list(again.get("path", []))
