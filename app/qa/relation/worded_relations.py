"""Relations a question words with the registry's own keywords, though its cue regex missed them.

The analysis (:mod:`app.qa.question`) switches a graph relation on from a hand-written cue
(``FUND`` for "funds / financed / donors ..."); the registry (:mod:`graph.relations`) declares more
words for the same relation ("backed", "money", "financing").  "countries backed by the Irish",
"which countries get dutch money" and "eu backed countries that ratified C102" word the funding
relation only with such words, so the analysis saw no funding and the nearest template ("countries
supported by [country]") chose another relation.

:func:`switch_on` reads every flagged relation's declared keywords (by stem, outside linked names)
and switches its flag on when the question has the relation's shape: one end is named (not the
report's author) and the thing asked is of the other end's type.  A keyword alone ("health
financing strategy") is a topic, not the relation.  When the template's relation is worded by
nothing in the question and exactly one such relation is worded, that one is the understood
relation.  Nothing here names a report fact: the words come from the registry.
"""
from __future__ import annotations

import re

from app.qa.graphstep import AUTHOR_ORGS
from app.qa.question import Analysis
from graph.relations import REGISTRY

_ENTITY = {"Convention": "LegalInstrument"}
# Relations whose declared keywords name them unambiguously once the shape holds.  Left out: the
# priority flag (it also means the Flagship's own priority list), partnership and support ("support"
# is how the report says almost anything), results, membership ("joined" is also how pathfinders
# join) -- their cues stay the analysis's.
SWITCHABLE = ("fundedBy", "ratified")


def _counted_type(a: Analysis) -> str | None:
    """The entity type a count asks for, by its first type noun outside the linked names."""
    from app.qa.understand import _HEAD_NOUNS

    blank = a.question
    for l in a.links:
        blank = blank[:l.start] + " " * (l.end - l.start) + blank[l.end:]
    hits = [(m.start(), t) for rx, t in _HEAD_NOUNS if t not in ("Number", "Year") for m in [rx.search(blank)] if m]
    return min(hits)[1] if hits else None


def _shaped(a: Analysis, relation: str) -> str | None:
    """"subject" / "object" when one end is named and the asked type is the other end's; else None."""
    r = REGISTRY.get(relation)
    if r is None or r.domain == r.range:
        return None
    want = _ENTITY.get(a.answer_type, a.answer_type)
    if want == "Number":  # "how many countries does X back": the counted noun is the asked end
        want = _counted_type(a)
    named = {l.type for l in a.links if not set(l.ids) <= AUTHOR_ORGS}
    # a government is named by its country ("the Irish", "Japan"): a country names a funder too
    range_named = named & set(r.range) or ("Organization" in r.range and "Country" in named)
    if want in r.domain and want not in r.range and range_named:
        return "subject"
    if want in r.range and want not in r.domain and named & set(r.domain):
        return "object"
    if want in r.domain and want in r.range:
        return _agent_asked(a, r)
    return None


def _agent_asked(a: Analysis, r) -> str | None:
    """"object" when the asked type is both ends' ("who backs the work in Kenya": organisations
    fund and are funded) and word order says the asked thing is the verb's agent: the question
    opens on its asking word, the relation's keyword follows, not as a passive ("backed by"),
    and every named end stands after the keyword and is of a type only the subject end has or
    shares with it.  A named end before the keyword ("which bodies does Japan back") is the agent
    itself, and the reading is left to the analysis."""
    from app.qa.units import stem

    if not _ASKING_FIRST.match(a.question):
        return None
    keys = {tuple(stem(w.lower()) for w in _WORD.findall(k)) for k in r.keywords}
    words = [(m.start(), m.end(), stem(m.group(0).lower())) for m in _WORD.finditer(a.question)]
    names = [l for l in a.links if not set(l.ids) <= AUTHOR_ORGS]
    inside = lambda pos: any(l.start <= pos < l.end for l in a.links)
    hit = next(((s, e) for i, (s, e, w) in enumerate(words) if not inside(s)
                and any(k and tuple(x[2] for x in words[i:i + len(k)]) == k for k in keys)), None)
    if hit is None or not names or _BY_AFTER.match(a.question, hit[1]):
        return None
    if all(l.start >= hit[1] and l.type in r.domain for l in names):
        return "object"
    return None


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# a question opening on what it asks: "who", "which/what (bodies)", a keyword query's plural noun
_ASKING_FIRST = re.compile(r"^\W*(?:who|which|what|(?:[\w-]+\s+){0,2}?(?:organi[sz]ations|bodies|agencies|institutions|"
                           r"sources|countries|governments|donors|funders)\b)", re.I)
_BY_AFTER = re.compile(r"\s+by\b", re.I)


def switch_on(a: Analysis, understood, flags: dict[str, str], worded) -> list[str]:
    """Set the flags of relations the question words by registry keyword and shapes; returns their names.

    ``flags``: relation name -> analysis flag; ``worded(a, relation, labels)``: is the relation
    worded by its keywords; ``understood``: the :class:`~app.qa.understand.Understanding`, whose
    relation is replaced when the template's relation is worded by nothing in the question.
    """
    on = []
    for name, flag in flags.items():
        if name not in SWITCHABLE or getattr(a, flag, False) or not worded(a, name, False):
            continue
        direction = _shaped(a, name)
        if direction is None:
            continue
        setattr(a, flag, True)
        on.append((name, direction))
    rel = understood.relation
    if len(on) == 1 and (not rel or not worded(a, rel, True)):
        understood.relation, understood.direction = on[0]
    return [n for n, _ in on]
