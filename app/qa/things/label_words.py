"""Narrow a list of named things by the words of their own names: "zambia health insurance scheme"
asks for the Zambian scheme whose name says "health insurance", not every scheme held for Zambia.

The words used are the question's topic words outside the linked names, less the nouns that only
say what kind of thing is asked ("scheme", "programme").  Only a
strict narrowing happens: when some candidates' names carry more of those words than others, the
ones carrying the most are kept; when none carries any, the list stands.
"""
from __future__ import annotations

import re

from app.qa.units import stem, terms

# Nouns that say which kind of thing is asked, not which one ("which schemes does Zambia have").
_KIND_NOUNS = {stem(w) for w in ("scheme", "schemes", "programme", "programmes", "program", "programs",
                                 "system", "systems", "name", "names", "called")}


def asked_words(topic_terms: list[str], linked_names: list[str]) -> list[str]:
    """The topic words that may pick among named things: not the linked names' words nor kind nouns."""
    named = {stem(t) for n in linked_names for t in terms(n)}
    return [t for t in topic_terms if stem(t) not in named and stem(t) not in _KIND_NOUNS]


# "which programme", "what national scheme", "which Indonesian old-age schemes": the phrase asked
_ASKED_PHRASE = re.compile(r"\b(?:which|what)\s+(?:[\w'\-]+\s+){0,2}?(?:schemes?|programmes?|programs?|systems?|funds?|"
                           r"benefits?|allowances?|grants?|insurances?|pensions?|transfers?)\b", re.I)


def given_apart(question: str, start: int, end: int) -> bool:
    """Whether the span (a linked name) lies outside a "which/what <kind>" phrase the question asks
    with: "what national scheme did Zambia extend to SCT households" gives the SCT, asks another."""
    m = _ASKED_PHRASE.search(question)
    return bool(m) and (end <= m.start() or start >= m.end())


def _distinct(name: str) -> set[str]:
    return {stem(t) for t in terms(name)} - _KIND_NOUNS


def given_names(ids: list[str], question: str, label) -> list[str]:
    """The candidates the question names outside the phrase it asks with: in "households enrolled
    in which programme were brought into the national health insurance", the National Health
    Insurance Scheme is given (every word of its name but the kind noun is said) and the programme
    asked is another one.  Empty unless the question asks with "which/what <kind>"."""
    m = _ASKED_PHRASE.search(question)
    if not m:
        return []
    said = {stem(t) for t in terms(question[:m.start()] + " " + question[m.end():])}
    return [i for i in ids if len(_distinct(label(i))) >= 2 and _distinct(label(i)) <= said]


_WH = re.compile(r"\b(?:which|what|who|whose|where|when|how|name|names|list)\b", re.I)


def first_named(ids: list[str], question: str, label) -> list[str]:
    """In a keyword query that names two candidates ("zambia health insurance scheme extended
    social cash transfer households") the one named first is the head asked, the later one its
    qualifier.  Returns ``ids`` unchanged unless two or more candidates each have two or more of
    their name's words said and the query asks with no question word."""
    if _WH.search(question):
        return ids
    toks = [stem(t) for t in terms(question)]
    named = {}
    for i in ids:
        hit = [k for k, t in enumerate(toks) if t in _distinct(label(i))]
        if len(set(toks[k] for k in hit)) >= 2:
            named[i] = hit[0]
    if len(named) < 2:
        return ids
    first = min(named.values())
    return [i for i in ids if named.get(i) == first]


def by_name_words(ids: list[str], words: list[str], label, question: str | None = None) -> list[str]:
    """The ids whose labels hold the most of `words` (by stem), or all ids when that says nothing.
    With the ``question``, a candidate it names as given (:func:`given_names`) is not the one asked."""
    given = given_names(ids, question, label) if question and len(ids) >= 2 else []
    if given and len(given) < len(ids):
        ids = [i for i in ids if i not in given]
        words = [w for w in words if not any(stem(w) in _distinct(label(g)) for g in given)]
    elif question and len(ids) >= 2:
        ids = first_named(ids, question, label)
    if len(ids) < 2 or not words:
        return ids
    wanted = {stem(w) for w in words}
    score = {i: len(wanted & {stem(t) for t in terms(label(i))}) for i in ids}
    best = max(score.values())
    if best == 0 or all(v == best for v in score.values()):
        return ids
    return [i for i in ids if score[i] == best]
