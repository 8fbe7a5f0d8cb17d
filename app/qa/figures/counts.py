"""Counts the report states outright: "How many members does the P4H network have?".

A membership count is usually not the number of members the report names (it names a few "and
many others") but a figure it states ("the P4H network has 25 members").  The extractors record
such figures as ``fg:hasQuantity`` of the entity, with what they count (``measure``).  When a
count question names exactly one such entity and counts what one of its stated figures measures
("members", "membership", "pathfinder countries"), that figure is the answer, and the graph count
of named members is not.

Matching is by word roots (the stem cut to five letters), so "membership count" meets "53
members"; nothing here names an entity or a figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.multihop.chains import _root, same_root
from app.qa.question import Analysis
from app.qa.figures.tables import TABLE_NAMED
from app.qa.figures.ordinal_figures import ORDINAL_TYPE
from app.qa.constraints.year_ranges import YearRange, year_range

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# The thing a "how many" question counts is the noun right after it ("how many countries and
# territories achieved institutional changes" counts countries, not institutional changes).
_COUNTED_HEAD = re.compile(r"\b(?:how many|number of)\s+([A-Za-z][A-Za-z'’-]*)", re.I)
_COUNT_UNITS = {"count", "persons"}
_PHRASE_AFTER = re.compile(r"\b(?:how many|number of)\s+((?:[A-Za-z][A-Za-z'’-]*\s+){0,3}[A-Za-z][A-Za-z'’-]*)", re.I)


def _counted_noun(blank: str) -> str | None:
    """Root of the noun a count asks for: the head of the noun phrase after "how many", its last
    plural word before a function word ("how many membership assembly representatives were there"
    counts representatives; "how many countries joined" counts countries)."""
    from app.qa.units import STOP

    head = _COUNTED_HEAD.search(blank)
    if not head:
        return None
    phrase = _PHRASE_AFTER.search(blank)
    words = []
    for w in (phrase.group(1).split() if phrase and phrase.start() == head.start() else []):
        if w.lower() in STOP or w.lower() in {"did", "does", "do", "are", "were", "is", "was", "have", "has", "had"} or (
                words and re.search(r"(?:ed|ing)$", w.lower())):
            break  # a function word or a verb after the noun ("countries received projects") ends it
        words.append(w)
    plural = [w for w in words if w.lower().endswith("s") and not w.lower().endswith("ss")]
    return _root(plural[-1]) if plural else _root(head.group(1))
# Kinds of body a stated membership counts whatever they are called.
# a figure of arrivals ("countries joined", "new members") is a count of one year's
_ARRIVALS = {_root(w) for w in ("joined", "new", "additional", "added")}
# question frame words, which every sentence may share without saying the same thing
_FRAME = {_root(w) for w in ("how", "many", "much", "number", "does", "did", "do", "have", "has", "had", "the", "with",
                             "that", "this", "what", "which", "were", "was", "are", "is", "from", "their", "there",
                             "in", "of", "to", "and", "for", "by", "on", "a", "an", "its", "now", "total")}
_AGENTS = {_root(w) for w in ("organisations", "organizations", "institutions", "agencies", "entities", "bodies")}
# Kind nouns a figure's measure may hold without the question repeating them: "pathfinders" asks
# for the "pathfinder countries" figure, as long as some other word of the measure is asked.
_IMPLIED = {_root(w) for w in ("countries", "country")} | _AGENTS
# A question that asks for the total ("total members", "how many in all") wants the stated total
# over a figure of one year's arrivals that shares more of its words ("five new members").
_TOTAL_ASKED = re.compile(r"\b(?:total|overall|in all|altogether|all together|combined|all told)\b", re.I)


# "after the 2024 joiners", "before the new members": arrivals as a point in time
_AS_TIME = re.compile(r"\b(?:after|before|since|following|including|counting|with|plus)\s+(?:the\s+|its\s+|their\s+)?"
                      r"(?:(?:19|20)\d\d\s+)?(?:new\s+)?[\w-]+", re.I)
# A sum of money asked: no count of things answers it, whatever the things its sentence counts
_AMOUNT_ASKED = re.compile(r"\bhow\s+much\s+(?:money|funding|financing|cash|was\s+(?:mobili[sz]ed|committed|contributed|"
                           r"provided|allocated)|did\s+[^?]{0,60}?\b(?:total|cost|contribute|commit|provide|allocate|"
                           r"mobili[sz]e|give|pay|spend))\b", re.I)
_YEARS = re.compile(r"\b((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)?\d\d))?\b")


def _before_report(years: list[str], report_year: str | None) -> bool:
    """Are all the asked years before the year the report covers?"""
    return bool(report_year) and all(int(y) < int(report_year) for y in years)


def dated_elsewhere(sentence: str, years: list[str]) -> bool:
    """Does the sentence date its figure to other years than the asked ones?  Ranges count whole
    ("2016-20" holds 2018); a sentence that writes no year dates nothing."""
    spans = []
    for m in _YEARS.finditer(sentence):
        lo = int(m.group(1))
        hi = m.group(2)
        hi = int(hi) if hi and len(hi) == 4 else (lo // 100 * 100 + int(hi) if hi else lo)
        spans.append((lo, max(lo, hi)))
    if not spans:
        return False
    return not any(lo <= int(y) <= hi for y in years for lo, hi in spans)


# Words that make the figure after them a goal ("aims to assist at least 10 countries").
_AIM = re.compile(r"\b(?:aims?|aiming|aimed|targets?|targeting|goals?|plans?|planning|seeks?|intends?|expects?|expected|"
                  r"projected|envisag\w*|ambition\w*|hopes?)\b", re.I)


def stated_as_aim(sentence: str, surface: str) -> bool:
    """Is the figure stated as an aim: an aim word among the few words before it, in its clause?"""
    i = sentence.find(surface) if surface else -1
    if i < 0:
        return False
    before = re.split(r"[;:]", sentence[:i])[-1]
    return bool(_AIM.search(" ".join(before.split()[-6:])))


def _states_span(sentence: str, span: YearRange) -> bool:
    """Does the sentence date its figure to the asked span: "Between 2021 and 2024", "2021-24",
    "from 2021 to 2024" (a range the sentence writes, with the same bounds)?"""
    for m in _WRITTEN_SPAN.finditer(sentence):
        lo, hi = m.group(1), m.group(2)
        hi = hi if len(hi) == 4 else lo[:2] + hi
        if (lo, hi) == (span.low, span.high):
            return True
    return False


_WRITTEN_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*(?:[-–/]|\s(?:and|to|until|through)\s)\s*((?:19|20)?\d\d)\b")


def _states_result_kinds(sentence: str, kinds: list[str]) -> bool:
    """Does the sentence of a stated figure say every result kind the question filters by?  A
    count under a second filter ("pathfinder countries *that improved operations*") is not the
    figure stated for the first alone; "operations improved in 21 countries" is that count."""
    from app.qa.question import RESULT_KEYWORDS, RESULT_TYPES

    return all((RESULT_TYPES.get(k) and RESULT_TYPES[k].search(sentence)) or
               (RESULT_KEYWORDS.get(k) and RESULT_KEYWORDS[k].search(sentence)) for k in kinds)


@dataclass
class StatedCount:
    value: float
    label: str
    entity: str
    quantity: str
    sentence: str
    passages: list[str]


def stated_count(a: Analysis, knowledge, author: set[str]) -> StatedCount | None:
    """The figure the report states for what the question counts about its one named entity."""
    if a.answer_type != "Number" or TABLE_NAMED.search(a.question):
        return None  # a question that names a table addresses its cells (app.qa.figures.tables)
    if ORDINAL_TYPE.search(a.question):
        return None  # "usp2030 membership assembly edition": which assembly, not how many members
    if _AMOUNT_ASKED.search(a.question):
        return None  # "how much money did that round total, across the in-country projects": an amount, not a count
    named = [i for i in a.linked("Initiative", "Organization", "Project", "Scheme") if i not in author]
    if not named or a.linked("Country") or a.regions:
        return None  # "reach in Myanmar", "pathfinders in Asia": the overall figure says nothing of one place
    # Several names: one is counted, the others describe it ("the partnership the ILO set up with
    # the World Bank"); the answer stands only when the figures of exactly one of them fit.
    found = [b for b in (_best_stated(a, knowledge, e) for e in named) if b is not None]
    if len(found) != 1:
        return None
    _, f, at = found[0]
    value = float(at["value"])
    return StatedCount(value, at.get("surface") or at["value"], f["subject"], f["object"],
                       at.get("sentence") or "", list(f.get("passages") or []))


def _best_stated(a: Analysis, knowledge, entity: str) -> tuple[tuple, dict, dict] | None:
    """The stated figure of ``entity`` that fits what the question counts, with its rank."""
    blank = a.question
    for l in a.links:
        blank = blank[:l.start] + " " * (l.end - l.start) + blank[l.end:]
    asked = {_root(w) for w in _WORD.findall(blank)}
    counted = _counted_noun(blank)
    # arrivals asked as what is counted ("how many joined"), not as a point in time ("after the 2024 joiners")
    arriving = {_root(w) for w in _WORD.findall(_AS_TIME.sub(" ", blank))}
    span = year_range(a.question)
    span = span if span is not None and span.low != span.high else None
    best: tuple[tuple, dict, dict] | None = None
    for f in knowledge.facts_where(subject=entity, predicate="hasQuantity"):
        q = knowledge.entity(f["object"]) or {}
        at = q.get("attrs") or {}
        if at.get("unit") not in _COUNT_UNITS or not at.get("measure"):
            continue
        roots = [_root(w) for w in _WORD.findall(at["measure"])]
        said_roots = [r for r in roots if any(same_root(r, w) for w in asked)]
        if not roots or not (len(said_roots) == len(roots) or (
                said_roots and all(r in said_roots or r in _IMPLIED for r in roots))):
            continue  # every word of what the figure counts is asked ("pathfinder countries"), but
            # for a kind noun the rest of it implies ("pathfinders")
        if counted and counted not in _AGENTS and not any(same_root(counted, r) for r in roots):
            continue  # and what "how many" counts is what the figure measures ("how many organisations
            # are members": the members, whatever kind of body they are)
        if not _states_result_kinds(at.get("sentence") or "", a.result_types):
            continue  # "how many pathfinders also achieved an operations result": the stated 18 pathfinders
            # counts them all; the figure answers a result-kind filter only when its sentence says that kind
        if stated_as_aim(at.get("sentence") or "", at.get("surface") or str(at.get("value") or "")):
            continue  # "by 2027, DCI aims to assist at least 10 countries": a goal, not a count (the
            # engine asks for a goal only when the question words one, and then not here)
        year = at.get("year")
        if span is not None and not _states_span(at.get("sentence") or "", span):
            continue  # "between 2021 and 2024": a figure of 2024 alone ("41 ... in 2024 alone") is not the span's
        if a.years and year and year not in a.years and span is None:
            continue
        if a.years and not year and dated_elsewhere(at.get("sentence") or "", a.years):
            continue  # "during Phase I (2016-20) ... 20 million people" is no figure for 2021-2023
        if a.years and not year and span is None and not _YEARS.search(at.get("sentence") or "") and \
                _before_report(a.years, getattr(knowledge, "report_year", None)):
            continue  # "bringing the total to 18" in the report's account of its year: no count for 2019
        if year and not a.years and _ARRIVALS & set(roots):
            continue  # "ten countries joined [in 2024]" counts that year's arrivals, not all members
        if _ARRIVALS & asked and not _ARRIVALS & ({_root(w) for w in _WORD.findall(at.get("sentence") or "")} | set(roots)):
            continue  # "how many new members joined": a standing total ("its 53 members") counts no arrivals
        # Two figures that count the same thing ("18 pathfinder countries" in all, "14 pathfinder
        # countries" that got projects): the one whose sentence says more of the question's other
        # words, then a stated total, then one whose year the question gives (or undated if none).
        said = {_root(w) for w in _WORD.findall(at.get("sentence") or "")} & asked - _FRAME
        total = 1 if _TOTAL_ASKED.search(blank) and at.get("qualifier") == "total" else 0
        # "how many pathfinder countries joined in 2024": the figure that counts the arrivals ("ten
        # countries joined") over the total they brought it to ("... to 18"), unless a total is asked
        arrivals = 1 if not _TOTAL_ASKED.search(blank) and _ARRIVALS & arriving and _ARRIVALS & set(roots) else 0
        rank = (total, arrivals, len(said_roots) * 2 + (1 if year and year in a.years else 0), len(said - set(roots)),
                1 if at.get("qualifier") == "total" else 0, 0 if year else (0 if a.years else 1))
        if best is None or rank > best[0]:
            best = (rank, f, at)
    return best
