"""A year read from a sentence answers a question about a named country only if it is about that country.

"kenya global accelerator national roadmap endorsement year" was answered 2025: the graph holds no
roadmap for Kenya, so the text step took the nearest sentence about roadmaps ("a second funding
round will be launched in April 2025"), which never names Kenya.  A date in a sentence about
something else is a near miss; the honest answer is none.  A sentence answer stands when it, or
the sentence before it, names the country, or when it sits in the country's own entry (the
section heading names it: "In October 2024, the NSSF re-launched ..." under "Kenya").

Names only come from the graph (each country's names); nothing of a report is written here.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

# Where an evidence passage's sentences (and its clauses after a semicolon) break; branch_words reads
# evidence with the same splitter.
SENTENCE_BREAK = re.compile(r"(?<=[.;!?])\s+(?=[A-Z0-9])")


def _names_any(text: str, names: Iterable[str]) -> bool:
    low = text.lower()
    return any(re.search(r"(?<!\w)" + re.escape(n.lower()) + r"(?!\w)", low) for n in names if len(n) >= 3)


def _places_any(text: str, names: Iterable[str]) -> bool:
    """Does the text place what it tells in one of the countries ("... mechanisms in Ecuador"), not
    merely name one (a donor: "contributions from France and Spain")?"""
    low = text.lower()
    return any(re.search(r"\b(?:in|within|across)\s+(?:the\s+)?" + re.escape(n.lower()) + r"(?!\w)", low)
               for n in names if len(n) >= 3)


def about_country(answer: dict, names: list[str], others: Iterable[str] = ()) -> bool:
    """Does a sentence answer's evidence speak of the country (``names``: its names)?  A graph
    answer (an entity) is the graph's and always stands.  A section named for the country vouches
    for its sentences, except one that names another country (``others``) and not this one (a box
    on Iraq and Lebanon ending on a project in Ecuador)."""
    if answer.get("iri") is not None:
        return True
    label = str(answer.get("label", "")).lower()
    for e in answer.get("evidence") or ():
        text = str(e.get("text", ""))
        starts = [m.end() for m in SENTENCE_BREAK.finditer(text)]
        bounds = list(zip([0] + starts, starts + [len(text)]))
        marks = [h[0] for h in e.get("highlights") or () if h]  # where the answer was read, when said
        hits = [(k, a, b) for k, (a, b) in enumerate(bounds)
                if (any(a <= h < b for h in marks) if marks else bool(label) and label in text[a:b].lower())]
        elsewhere = bool(hits) and all(_places_any(text[a:b], others) and not _names_any(text[a:b], names)
                                       for _, a, b in hits)
        if not elsewhere and _names_any(str(e.get("section", "")).rsplit(">", 1)[-1], names):
            return True
        for k, a, b in hits:  # (the sentence before carries its country on, unless this one names another)
            if _names_any(text[bounds[k if elsewhere else max(0, k - 1)][0]:b], names):
                return True
    return False


def keep_about_named(answers: list[dict], countries: list[str], names_of: Callable[[str], list[str]],
                     every_country: Iterable[str] = ()) -> list[dict]:
    """The sentence answers about one of the named ``countries`` (all answers when none is named);
    ``every_country``: the ids of all countries, whose names mark a sentence about another one."""
    if not countries:
        return answers
    names = [n for c in countries for n in names_of(c)]
    others = [n for c in every_country if c not in countries for n in names_of(c)]
    return [x for x in answers if about_country(x, names, others)]
