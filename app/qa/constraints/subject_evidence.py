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


def about_country(answer: dict, names: list[str]) -> bool:
    """Does a sentence answer's evidence speak of the country (``names``: its names)?  A graph
    answer (an entity) is the graph's and always stands."""
    if answer.get("iri") is not None:
        return True
    label = str(answer.get("label", "")).lower()
    for e in answer.get("evidence") or ():
        if _names_any(str(e.get("section", "")).rsplit(">", 1)[-1], names):
            return True
        text = str(e.get("text", ""))
        starts = [m.end() for m in SENTENCE_BREAK.finditer(text)]
        bounds = list(zip([0] + starts, starts + [len(text)]))
        marks = [h[0] for h in e.get("highlights") or () if h]  # where the answer was read, when said
        for k, (a, b) in enumerate(bounds):
            hit = any(a <= h < b for h in marks) if marks else bool(label) and label in text[a:b].lower()
            if hit and _names_any(text[bounds[max(0, k - 1)][0]:b], names):
                return True
    return False


def keep_about_named(answers: list[dict], countries: list[str], names_of: Callable[[str], list[str]]) -> list[dict]:
    """The sentence answers about one of the named ``countries`` (all answers when none is named)."""
    if not countries:
        return answers
    names = [n for c in countries for n in names_of(c)]
    return [x for x in answers if about_country(x, names)]
