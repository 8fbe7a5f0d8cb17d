"""The year a named instrument or scheme carries itself: a convention's adoption year read from its
title ("Employment Injury Benefits Convention, 1964"), a law's enactment year, the year a scheme
was launched or re-launched.

Why: :mod:`app.qa.things.fact_years` dates facts *between* two named things (a ratification, a
membership).  "In what year was the Social Protection Floors Recommendation adopted?" or "kenya
social health insurance act year" name one thing, and the year sits on the entity (``adoptionYear``,
``enactedYear``, ``year`` with the ``status`` it dates).  Without this the text step took the
nearest year in a sentence that mentions the thing (the report's year, a ratification year).

Which year: each dated attribute is an event (adoption, enactment, or the entity's ``status``:
launched, relaunched, approved ...).  When the question words an event ("adopted", "set up",
"passed") the attribute of that event answers, and nothing answers if the entity holds no such
event (a scheme "originally set up" in a year the graph does not hold is not its re-launch year).
When the question words no event ("act year", "when was X"), a single dated event answers.
The event words are ordinary English; the years come from the graph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Event families: a question word (by prefix) → the events it asks about.  A status or attribute
# names its event by one of these stems.
_EVENTS: dict[str, tuple[str, ...]] = {
    "adopt": ("adopt", "enact", "pass", "approv"),
    "enact": ("enact", "adopt", "pass", "approv"),
    "pass": ("pass", "enact", "adopt", "approv"),
    "approv": ("approv", "adopt", "enact", "pass"),
    "endors": ("endors", "approv", "adopt"),
    "relaunch": ("relaunch",),
    "re-launch": ("relaunch",),
    "launch": ("launch", "introduc"),
    "introduc": ("introduc", "launch"),
    "establish": ("introduc", "launch", "adopt"),
    "creat": ("introduc", "launch", "adopt"),
    "set up": ("introduc", "launch"),
    "start": ("launch", "introduc"),
    "amend": ("amend",),
    "validat": ("validat",),
    "finali": ("finali",),
    "draft": ("draft",),
    # Events between two things (a country ratifies a convention, joins an initiative): never a
    # year the instrument carries itself, so they select no attribute here (see fact_years).
    "ratif": ("ratif",),
    "inquir": ("inquir",),
    "enquir": ("inquir",),
    "join": ("join",),
    "sign": ("sign",),
    "commit": ("commit",),
    "publish": ("publish",),
    # Later events and end dates ("renewed up to 2025", "set to run until 2027"): not the year the
    # thing came into being, which is what the attributes hold.
    "renew": ("renew",),
    "extend": ("extend",),
    "expand": ("extend",),
    "expir": ("expir",),
    "until": ("until",),
    "till": ("until",),
    "complet": ("complet",),
    "clos": ("clos",),
    "end": ("end",),
}
_EVENT_WORD = re.compile(r"\b(" + "|".join(sorted((re.escape(k) for k in _EVENTS), key=len, reverse=True))
                         + r")\w*", re.I)
# What a dated attribute records, when its key says it ("adoptionYear" → adopt).
_KEY_EVENT = {"adoptionYear": "adopt", "enactedYear": "enact"}
_DATED_TYPES = ("LegalInstrument:", "Scheme:")


@dataclass
class EntityYear:
    year: str
    why: str
    passages: list[str]


def _events(attrs: dict) -> list[tuple[str, str]]:
    """(event stem, year) for each dated attribute of an entity."""
    out = []
    for key, event in _KEY_EVENT.items():
        if attrs.get(key):
            out.append((event, str(attrs[key])))
    if attrs.get("year"):
        status = str(attrs.get("status") or "").lower().replace("re-launch", "relaunch")
        out.append((status, str(attrs["year"])))
    return out


# A clause that tells another event as context: "..., before the NSSF re-launched it in October 2024"
# (the text step reads the same openers before a year the question gives: app.qa.textstep).
CONTEXT_OPENERS = "before|after|following|once"
_CONTEXT_CLAUSE = re.compile(rf"[,;]?\s*\b(?:{CONTEXT_OPENERS})\b[^?]*", re.I)
# ... and one that opens the question, closed by the comma before the asking words ("Before the
# NSSF relaunched it in October 2024 ..., in what year was it originally created?")
_LEADING_CONTEXT = re.compile(rf"^\W*(?:{CONTEXT_OPENERS})\b[^?]*?,\s*(?=(?:in\s+|by\s+|since\s+)?(?:what|which|when|how|"
                              rf"did|was|were|is|has|had)\b)", re.I)


# an event named as a thing of its own ("the first amendment to the law")
_EVENT_NOUN = re.compile(r"\b(?:amendments?|enactments?|endorsements?)\b", re.I)


def _asked_events(question: str) -> set[str]:
    """The event stems the question's words ask about (empty: it words no event); an event told
    in a clause of context ("before it was re-launched") is not asked."""
    asked: set[str] = set()
    # a sentence of context before the asking one ("I read about the Haba Haba scheme which the NSSF
    # re-launched. In what year was it originally set up ...?"): the asking sentence's event, when it words one
    # (or a clause of context closed by a dash or a semicolon: "The NSSF relaunched Haba Haba in
    # October 2024 - in what year was it first set up ...?")
    sentences = [t for t in re.split(r"(?<=[.!?])\s+(?=[A-Z])|\s+[-–—]+\s+|;\s+", question.strip()) if t]
    asking = next((t for t in reversed(sentences) if t.rstrip().endswith("?")
                   or re.search(r"\b(?:when|which|what|how)\b", t, re.I)), None)
    if asking is not None and len(sentences) > 1 and _EVENT_WORD.search(_CONTEXT_CLAUSE.sub(" ", asking)):
        question = asking
    for m in _EVENT_WORD.finditer(_CONTEXT_CLAUSE.sub(" ", _LEADING_CONTEXT.sub("", question, count=1))):
        if m.group(0).lower().endswith(("ment", "ments")):
            continue  # "the first amendment ... was published": the amendment is the thing (see entity_year)
        asked.update(_EVENTS[m.group(1).lower()])
    return asked


def entity_year(question: str, ids: list[str], knowledge) -> EntityYear | None:
    """The year the one named instrument or scheme carries for the asked event (module docstring)."""
    named = [i for i in dict.fromkeys(ids) if i.startswith(_DATED_TYPES)]
    if len(named) != 1:
        return None
    e = knowledge.entity(named[0]) or {}
    events = _events(e.get("attrs") or {})
    if not events:
        return None
    asked = _asked_events(question)
    if asked and _EVENT_NOUN.search(question):
        # "When did the Council approve the first amendment to Law No. 38/VIII/2013?", "... the first
        # amendment ... was published": the act asked about is the amendment, not the law whose dates
        # the graph holds (its enactment in 2013); the sentence that tells the amendment dates it
        return None
    if asked:
        events = [(ev, y) for ev, y in events if any(ev.startswith(a) for a in asked)]
    years = {y for _, y in events}
    if len(years) != 1:
        return None
    event, year = events[0]
    what = f"{event} in {year}" if event else f"dated {year}"
    return EntityYear(year, f"{e.get('label')} — {what}", list(e.get("passages") or [])[:3])
