"""A keyword query that asks for a figure without saying "how many" or "how much".

:func:`app.qa.figures.numbers.counted_noun_last` reads "newsletter subscribers" (a counted noun of people
last) as a count.  Keyword queries put what they ask at either end, and ask amounts by their unit:

- the counted audience first: "attendees informality dashboard meeting", "participants mooc 2024"
  (people who attend, take part or subscribe are only ever counted; groups such as "workers" or
  "migrants" first are a topic: "workers informal economy kenya");
- counted people, then what was done to them, even when the noun is also a relation's own word
  ("trade union *leaders trained*": those trained are counted; "leaders" alone would ask who led);
- an amount by its unit or its kind of money last: "... contribution us dollars", "... project
  budget", "... funding amount".

None of these holds when the query names a kind of entity anywhere ("... webinar countries",
"... members"): that kind is what is asked, and the type-noun rules read it.  A unit word that is
part of a name the question links ("the ILO's Regular Budget") is a name, not a unit.

Ordinary English word shapes only; nothing here names a report fact.
"""
from __future__ import annotations

import re

from app.qa.figures.numbers import _PEOPLE_SUFFIX, _TYPE_HEADS, relation_noun
from app.qa.form.query_tail import without_tail

_ASKING = re.compile(r"\b(which|what|who|whom|where|when|why|how|list|name|give|tell|identify|is|are|does|did|do)\b", re.I)
# The unit or kind of an amount, closing a keyword query.
_MONEY_LAST = re.compile(r"(?:\bus\s*\$|\bus\s+dollars?|\b(?:usd|dollars?|euros?|budget|amount|sum))\W*$", re.I)
# Agents a relation names, with a people-like ending ("funders"): asked by name, not counted.
_AGENTS = re.compile(r"(?:others|donors|funders|sponsors|governments|ministers)", re.I)


# People counted as the audience of an event or a service: never a topic of their own.
_AUDIENCE = re.compile(r"(?:attendees|attendance|turnout|participants|trainees|subscribers|viewers|users|visitors|readers|delegates|"
                       r"respondents|registrants|followers|listeners|audiences?|readership|viewership|spectators|watchers)", re.I)


def _people(word: str) -> bool:
    from graph.extract.quantities import _PEOPLE, _THINGS

    w = word.lower()
    return not (_THINGS.match(w) or _AGENTS.fullmatch(w)) and bool(re.fullmatch(_PEOPLE, w) or re.fullmatch(_PEOPLE_SUFFIX, w))


def _keyword_core(question: str, names: list[tuple[int, int]]) -> str | None:
    """The keyword query with its linked names blanked and a trailing date dropped; None when it
    has a question word (a sentence, read by its own head)."""
    text = question
    for s, e in names:
        text = text[:s] + " " * (e - s) + text[e:]
    return None if _ASKING.search(text) else without_tail(text).strip()


def asks_figure(question: str, names: list[tuple[int, int]] = ()) -> bool:
    """Does a keyword query ask for a figure (see the module docstring)?  ``names``: the spans of
    the names the question links, blanked before reading."""
    core = _keyword_core(question, names)
    if core is None:
        return False
    words = re.findall(r"[A-Za-z][A-Za-z$-]*", core)
    if not words or any(_TYPE_HEADS.fullmatch(w.lower()) for w in words):
        return False
    if _MONEY_LAST.search(core):
        return True  # "... project budget", "... contribution us dollars"
    if _AUDIENCE.fullmatch(words[0]) and len(words) > 1:
        return True  # "attendees informality dashboard meeting"
    if len(words) >= 2 and re.fullmatch(r"[a-z]{3,}ed", words[-1].lower()) and _people(words[-2]):
        return True  # "iraq trade union leaders trained": those trained are counted
    if _COUNT_WORD.search(core):
        return True  # "gtt headcount as of march 2025", "staff head count"
    lowered = [w.lower() for w in words]
    for i, w in enumerate(lowered):
        if not _people(w):
            continue
        if i and _DONE_TO.fullmatch(lowered[i - 1]):
            return True  # "timor-leste registered workers 2023": the workers so registered are counted
        if any(_DONE_TO.fullmatch(x) for x in lowered[i + 1:i + 4]):
            return True  # "zambia persons with disabilities registered mis": those registered are counted
    return False


# A word that itself asks for a count, wherever a keyword query puts it.
_COUNT_WORD = re.compile(r"\b(?:head\s*count|tally)\b", re.I)
# What is done to people that makes them counted: registered, enrolled, covered, insured ...
_DONE_TO = re.compile(r"(?:registered|enrolled|affiliated|covered|insured|trained|reached|enlisted|subscribed|"
                      r"vaccinated|employed|assisted|supported|served|benefited|benefitted)")


# What a keyword query closes on when it asks how many or how much, whatever thing it names before:
# an audience counted ("... dashboards users", "... launch online viewers"), a measure of reach
# ("... page views", "... impressions", "... downloads"), or what was done to a number of people or
# an amount of money ("... grant reach", "... allowance individuals benefited", "... funding secured").
# ("registered" is not among them: "c102 ratifications registered 2024" asks which.)
_MEASURE_LAST = re.compile(rf"\b(?:{_AUDIENCE.pattern}|views|pageviews|impressions|downloads|visits|clicks|"
                           r"reach|reached|benefit(?:t)?ed|enrolled|affiliated|activated|secured|mobili[sz]ed|raised|"
                           r"disbursed|affiliates|enrollees|headcount|"
                           # an amount or share by its kind: "... allowance monthly payment", "... replacement rate"
                           r"(?:monthly|weekly|yearly|annual|per\s+(?:month|year|person|beneficiary))?\s*payments?|"
                           r"per\s+(?:month|year|week|person|beneficiary)|(?:replacement|contribution|coverage)\s+rate|"
                           # the currency it is counted in: "... allowance monthly usd", "... top-up in euros"
                           r"(?:(?:monthly|yearly|annual|in)\s+)?(?:usd|us\s?\$|dollars|euros?|eur)|"
                           r"percent(?:age)?|per\s*cent)\W*$", re.I)


def closes_on_measure(question: str, names: list[tuple[int, int]] = ()) -> bool:
    """Does a keyword query close on a word that asks for a figure (see ``_MEASURE_LAST``), so
    that a kind noun before it ("... grant reach", "... platform page views") names what the
    figure is of, not what is asked?  ``names``: spans of linked names, blanked first."""
    core = _keyword_core(question, names)
    return core is not None and len(question.split()) >= 2 and bool(_MEASURE_LAST.search(core))  # (a name counts as a word)


# A verb of reaching people that closes a keyword query: the sentence writes it right before or
# after the figure asked ("has the potential to reach 410,000 people", "15,000 enrolled").
_REACH_LAST = re.compile(r"\b(reach|reached|benefit(?:t)?ed|enrolled|affiliated|covered|registered)\W*$", re.I)


def closing_reach_verb(question: str) -> str | None:
    """The verb of reaching a keyword query (no question word) closes on ("... grant reach"), or
    None: the figure asked is the one the sentence writes beside that verb, not the first one (an
    age, an amount) it writes."""
    if _ASKING.search(question):
        return None
    m = _REACH_LAST.search(question.strip())
    return m.group(1).lower() if m else None


# A keyword query opening on a measure of what follows: "share of 2024 new resources for the arab
# states region", "percentage of gtt staff outside hq", "amount of new funding approved 2022".
# A keyword query drops the "of" too: "share new 2024 project allocations went ... arab states region",
# "size eu envelope iraq lebanon" (the size of an amount is the amount).
_MEASURE_FIRST = re.compile(r"^\W*(?:the\s+)?(?:share|percentage|proportion|per\s*cent|percent|amount|sum|size)\s+"
                            r"(?:of\b|(?=(?:the\s+)?[a-z0-9][\w'’-]*\s+\S))", re.I)


def opens_on_audience(question: str, names: list[tuple[int, int]] = ()) -> bool:
    """Does a keyword query open on a counted audience ("attendees gtt meeting financing gap
    study")?  Then its size is asked, whatever the rest names as the event's topic (the study
    discussed), unless a kind of entity is named (``_TYPE_HEADS``: "... webinar countries")."""
    core = _keyword_core(question, names)
    words = re.findall(r"[A-Za-z][A-Za-z$-]*", core or "")
    return len(words) > 1 and bool(_AUDIENCE.fullmatch(words[0])) and \
        not any(_TYPE_HEADS.fullmatch(w.lower()) for w in words)


def opens_on_measure(question: str) -> bool:
    """Does a keyword query (no question word) open on a measure of what it names after ("share
    of ...")?  Then the figure is asked, whatever kind of thing the rest names."""
    return bool(_MEASURE_FIRST.search(question)) and not _ASKING.search(question)
