"""Narrow a list of named things by the words of their own names: "zambia health insurance scheme"
asks for the Zambian scheme whose name says "health insurance", not every scheme held for Zambia.

The words used are the question's topic words outside the linked names, less the nouns that only
say what kind of thing is asked ("scheme", "programme").  Only a
strict narrowing happens: when some candidates' names carry more of those words than others, the
ones carrying the most are kept; when none carries any, the list stands.
"""
from __future__ import annotations

from app.qa.units import stem, terms

# Nouns that say which kind of thing is asked, not which one ("which schemes does Zambia have").
_KIND_NOUNS = {stem(w) for w in ("scheme", "schemes", "programme", "programmes", "program", "programs",
                                 "system", "systems", "name", "names", "called")}


def asked_words(topic_terms: list[str], linked_names: list[str]) -> list[str]:
    """The topic words that may pick among named things: not the linked names' words nor kind nouns."""
    named = {stem(t) for n in linked_names for t in terms(n)}
    return [t for t in topic_terms if stem(t) not in named and stem(t) not in _KIND_NOUNS]


def by_name_words(ids: list[str], words: list[str], label) -> list[str]:
    """The ids whose labels hold the most of `words` (by stem), or all ids when that says nothing."""
    if len(ids) < 2 or not words:
        return ids
    wanted = {stem(w) for w in words}
    score = {i: len(wanted & {stem(t) for t in terms(label(i))}) for i in ids}
    best = max(score.values())
    if best == 0 or all(v == best for v in score.values()):
        return ids
    return [i for i in ids if score[i] == best]
