"""The year of a fact the question names from both ends ("In what year did Indonesia join the
Global Accelerator?"), or of a publication it names ("... bulletin launch year").

Why: the graph dates its statements (``fg:year`` on the statement of a membership, a pathfinder
commitment, a ratification ...) and its publications (``year``), but only ratification years were
read from it; other year questions fell to the text step, which picks the nearest year in a
sentence (the year of the list of pathfinders, not of the commitment).

Which fact: one linking two of the question's linked entities and carrying a year.  Of several,
the relation the question understood (intent) or words (registry keywords) wins; when they all
give one year, that year stands; otherwise there is no answer here and the caller goes on.
Everything comes from the graph's facts and the relation registry.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.things.entity_years import entity_year
from app.qa.question import Analysis
from app.qa.units import stem
from graph.relations import REGISTRY

_WORD = re.compile(r"[A-Za-z]+")
# A year asked of what is still to come ("expected", "planned", "set to run until"): no year the graph
# holds of the named thing (its publication, its adoption) answers it.
_FUTURE = re.compile(r"\b(?:expected|planned|scheduled|due|foreseen|envisaged|will|set to|upcoming|next|until|till)\b", re.I)
# An end asked ("runs until what year", "until which year", "end year"): no dated fact's year is an end
_UNTIL = re.compile(r"\b(?:until|till|up\s+to|through)\s+(?:what|which|when)\b|\b(?:runs?|ran|lasts?|continues?|extends?)\s+"
                    r"(?:until|till|through|to)\b|\bend(?:s|ing)?\s+(?:year|date|in\s+(?:what|which))\b", re.I)
_PUBLISHED = re.compile(r"\b(publish\w*|launch\w*|releas\w*|issu\w*|came out|come out|appear\w*|year|when)\b", re.I)


@dataclass
class FactYear:
    """A year read from the graph and why."""

    year: str
    why: str
    passages: list[str]


def _worded(question: str, relation: str) -> int:
    """How many of the relation's registry words the question says (by stem)."""
    r = REGISTRY.get(relation)
    if r is None:
        return 0
    words = {stem(w.lower()) for w in _WORD.findall(question)}
    n = 0
    for kw in (*r.keywords, r.label, r.inverse_label):
        toks = [stem(w.lower()) for w in _WORD.findall(kw)]
        if toks and all(t in words for t in toks):
            n += 1
    return n


def _is_event(relation: str) -> bool:
    """A relation whose statement's year is the year of an event (joining, committing, founding,
    ratifying, inquiring): its range is an initiative or an instrument.  Other statements carry
    the year of the sentence that mentions them (a scheme "in" a country in 2024 was not set up then)."""
    r = REGISTRY.get(relation)
    return r is not None and bool({"Initiative", "LegalInstrument"} & set(r.range))


def _other_event_worded(question: str, held: set[str], cands: list[dict]) -> bool:
    """Does the question word an event relation other than those the graph holds between its two
    names, of the same ends (a country and an instrument: ratified, not alignment assessed)?
    Acts on an instrument are distinct acts; ties to an initiative are not (a pathfinder commitment
    is how a country joined), so those never count as another event."""
    ends = {(f["subject"].split(":", 1)[0], f["object"].split(":", 1)[0]) for f in cands}
    for r in REGISTRY:
        if r.name in held or not _is_event(r.name) or "Initiative" in r.range or not _worded(question, r.name):
            continue
        if any(d in r.domain and o in r.range for d, o in ends):
            return True
    return False


def fact_year(a: Analysis, relation: str | None, knowledge) -> FactYear | None:
    """The year of the fact between the question's linked entities (see the module docstring)."""
    if a.answer_type != "Year" or knowledge is None:
        return None
    ids = list(dict.fromkeys(i for link in a.links for i in link.ids))
    key = "roadmap_year" if getattr(a, "roadmap", None) else "year"

    def asked(f) -> bool:  # an event the question names: its relation understood or worded
        return f["predicate"] == relation or _worded(a.question, f["predicate"]) > 0

    dated = [f for s in ids for f in knowledge.facts_where(subject=s)
             if (f.get("attrs") or {}).get(key) and _is_event(f["predicate"])]
    # Both ends named: any event between them (of several, the asked one is chosen below) ...
    cands = [f for f in dated if f["object"] in ids and f["object"] != f["subject"]]
    if getattr(a, "ratify", False):
        # "in which year did Timor-Leste ratify C102": an assessment against the convention is
        # another event between the same two names; its year is not a ratification's
        cands = [f for f in cands if f["predicate"] == "ratified"]
    if not cands and len(ids) == 1:
        cands = [f for f in dated if asked(f)]  # ... one end named: the event must be the asked one
    if not cands and any(f["object"] in ids and f["object"] != f["subject"] and _is_event(f["predicate"])
                         for s in ids for f in knowledge.facts_where(subject=s)):
        # "comoros c102 year": the two names are joined by an event the graph does not date; the
        # year asked is that event's, not the convention's own adoption year
        return None
    if not cands and _FUTURE.search(a.question):
        return None  # "when is the second edition expected": not the year the named thing came out
    if cands and _UNTIL.search(a.question):
        return None  # "EIS pilot ... runs until what year": a fact's year is when it began, not its end
    if not cands:
        pubs = [i for i in ids if i.startswith("Publication:")]
        if len(pubs) == 1 and _PUBLISHED.search(a.question):
            e = knowledge.entity(pubs[0]) or {}
            y = (e.get("attrs") or {}).get("year")
            if y:
                return FactYear(str(y), f"{e.get('label')} — published in {y}", list(e.get("passages") or [])[:3])
        own = entity_year(a.question, ids, knowledge)  # "when was the Recommendation adopted"
        return FactYear(own.year, own.why, own.passages) if own else None
    if len(ids) > 1 and not any(asked(f) for f in cands) and _other_event_worded(a.question, {f["predicate"] for f in cands}, cands):
        # "In which year did Timor-Leste ratify C102?": the graph dates another event between the two
        # (an alignment assessment); the year of the event asked is not stated, and no year answers.
        return FactYear("", "the report dates another event between them, not the one asked", [])
    years = {str(f["attrs"][key]) for f in cands}
    if len(years) > 1:
        chosen = [f for f in cands if f["predicate"] == relation]
        if not chosen:
            best = max(_worded(a.question, f["predicate"]) for f in cands)
            chosen = [f for f in cands if best and _worded(a.question, f["predicate"]) == best]
        years = {str(f["attrs"][key]) for f in chosen}
        cands = chosen
    if len(years) != 1:
        return None
    f = cands[0]
    y = years.pop()
    label = REGISTRY[f["predicate"]].label if f["predicate"] in REGISTRY else f["predicate"]
    return FactYear(y, f"{knowledge.label(f['subject'])} —{label}→ {knowledge.label(f['object'])} ({key.replace('_', ' ')} {y})",
                    list(f.get("passages") or [])[:3])
