"""Initiatives named by a loose description of their name ("the UN jobs and social protection
accelerator", "the universal social protection partnership", "the health financing network").

People shorten and reorder an initiative's long official name, keeping its head noun
("accelerator", "network") and a few of its content words.  Exact and fuzzy linking need the
name's words in order or all of them; :func:`resolve` links a phrase that ends on an initiative
head noun when its content words (three at least, the head among them) are all words of exactly
one initiative's names.  Nothing here names an initiative: the heads are ordinary English and the
names come from the knowledge base.
"""
from __future__ import annotations

import re

from app.qa.question import Link
from app.qa.units import STOP

HEAD_NOUNS = {"accelerator", "network", "partnership", "initiative", "programme", "program", "alliance",
              "coalition", "facility", "board", "campaign"}
_TOKEN = re.compile(r"[A-Za-z0-9]+")
_MIN_WORDS = 3  # the head and two more: "the global network" says too little
_MAX_SPAN = 9


def _content(words) -> set[str]:
    return {w.lower() for w in words if w.lower() not in STOP}


def _name_words(knowledge) -> dict[str, set[str]]:
    cache = getattr(knowledge, "_initiative_name_words", None)
    if cache is None:
        cache = {}
        for e in knowledge.of_type("Initiative"):
            words = set()
            for n in knowledge.names(e["id"]):
                words |= _content(_TOKEN.findall(n))
            cache[e["id"]] = words
        try:
            knowledge._initiative_name_words = cache
        except AttributeError:
            pass
    return cache


def resolve(question: str, links: list[Link], knowledge) -> list[Link]:
    """The links plus an initiative link for each unlinked description of one initiative's name."""
    if knowledge is None or not hasattr(knowledge, "of_type"):
        return links
    names = _name_words(knowledge)
    toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(question)]
    taken = [(l.start, l.end) for l in links]
    free = lambda s, e: not any(s < b and a < e for a, b in taken)
    added = []
    for j, (_, end, word) in enumerate(toks):
        if word.lower() not in HEAD_NOUNS:
            continue
        best = None
        for i in range(j - 1, max(-1, j - _MAX_SPAN), -1):
            start = toks[i][0]
            if not free(start, end):
                break
            if toks[i][2].lower() in STOP:
                continue
            words = _content(t for _, _, t in toks[i:j + 1])
            if len(words) < _MIN_WORDS:
                continue
            fits = [init for init, w in names.items() if words <= w]
            if len(fits) == 1:
                best = (start, end, fits[0])
            elif not fits:
                break
        if best:
            s, e, init = best
            added.append(Link(s, e, question[s:e], [init]))
            taken.append((s, e))
    links = sorted(links + added, key=lambda l: l.start) if added else links
    from app.qa.names.initiative_profiles import resolve as resolve_profiles

    return resolve_profiles(question, links, knowledge)  # "the Asian network on health protection"
