"""A time bound said as an event: "which countries had ratified Convention No. 102 before the ILO
launched its global ratification campaign?".

The asker dates the bound by what happened then, not by its year, so the year filters the engine
reads ("before 2021") found nothing to read, and every ratifying country came back.  Here the
event is asked first as a year question ("In what year the ILO launched its global ratification
campaign?"), which the engine answers from the graph or a sentence; only when that gives exactly
one year is the question asked again with the year in the event's place ("... before 2021?").  A
chain of two questions, then, each answered as any question.

Ordinary English only: prepositions of time and past-tense verbs of beginning; nothing of a report.
"""
from __future__ import annotations

import re
from typing import Callable

# "before the ILO launched its global ratification campaign", "since the Global Accelerator was
# launched": a clause with a past verb of beginning, up to a comma or the question's end
# (an agent, its verb and what it began: "the campaign began", with no object, is read by the
# readings that know a campaign's start, and a clause after it, "in africa", stays the question's)
_EVENT_BOUND = re.compile(r"\b(?P<prep>before|after|since|prior\s+to|until)\s+(?P<event>(?:the|its|their|a)\s+(?:[\w'’-]+\s+){0,4}?"
                          r"(?:launched|started|began|adopted|introduced|created|set\s+up|established|opened|founded|signed|"
                          r"endorsed)\s+(?:its|their|the|a|an)\s+(?:[\w'’-]+\s+){0,4}?(?:campaign|programme|program|initiative|"
                          r"strategy|partnership|network|scheme|fund|facility|accelerator|project|policy|plan|roadmap|law|act|"
                          r"convention|call|report|platform|tool|phase))\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def split(question: str) -> tuple[str, str, str] | None:
    """(the year question for the event, the question with ``{}`` in its place, the event as said),
    or None when no time bound is said as an event (or the event carries its own year)."""
    m = _EVENT_BOUND.search(question)
    if m is None or _YEAR.search(m.group("event")) or _YEAR.search(re.split(r"[,;?]", question[m.end():])[0]):
        return None  # ("after the ILO launched its campaign in 2021": the question dates the event itself)
    event = m.group("event").strip()
    prep = " ".join(m.group("prep").split()).lower()
    # (what happened in the event's own year came after it began: "after" the launch is "since" its year)
    prep = "since" if prep == "after" else prep
    return f"In what year {event}?", question[:m.start()] + prep + " {}" + question[m.end():], event


def answer(question: str, ask: Callable[[str], dict]) -> dict | None:
    """The question answered with the event's year written in, or None (see the module docstring)."""
    parts = split(question)
    if parts is None:
        return None
    inner, outer, event = parts
    dated = ask(inner)
    years = [x for x in dated.get("answers") or [] if x.get("type") == "Year"]
    if dated.get("answer_type") != "Year" or len(years) != 1:
        return None
    year = str(years[0]["label"]).strip()
    if not _YEAR.fullmatch(year):
        return None
    out = ask(outer.format(year))
    if not out.get("answers"):
        return None
    why = f"“{event}” is {year} (asked first: “{inner}”)"
    out = dict(out)
    out["path"] = [why] + list(out.get("path") or [])
    for x in out["answers"]:
        x["path"] = [why] + list(x.get("path") or [])[:4]
        x["evidence"] = list(x.get("evidence") or [])[:3] + list(years[0].get("evidence") or [])[:1]
    return out
