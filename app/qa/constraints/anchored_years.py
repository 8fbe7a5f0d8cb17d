"""A year given by naming what happened in it: "ratified C102 before Jordan did", "in the same
year as Iraq", "later than Morocco".

Why: people compare dated events by naming another participant rather than its year.  Read
literally, "countries that ratified Convention No. 102 before Jordan" links Jordan as one more
constraint (or as nothing useful) and answers every ratifier.  The graph holds the anchor's year
on its own fact of the relation asked (``year`` on a ``ratified`` statement), so the phrase is
rewritten with that year ("before 2014") and the engine's year machinery does the rest; "the
same year as Iraq" becomes "in 2023" with Iraq itself set aside (it is the yardstick, not an
answer).  The relation is the one whose registry keywords the question uses, or the anchor's only
dated one; an anchor with no single year for it leaves the question as it is.

A time is also given by when a body began: "ratified C102 since the ratification campaign
started", "before the campaign's launch".  The body is unlinked ("the campaign"), so its words are
matched against the names of the bodies the graph dates by their founding or launch (``founderOf``
with a year); exactly one match writes its year in ("since 2021").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.relations import REGISTRY

# comparison words right before the anchor's name -> the year word that replaces them
_BEFORE_ANCHOR = re.compile(
    r"\b(?P<cmp>(?:in\s+)?(?:the\s+)?same\s+year\s+as|before|after|earlier\s+than|later\s+than|prior\s+to|sooner\s+than)"
    r"\s+(?:did\s+|the\s+)?$", re.I)
_AS_YEAR = {"before": "before", "prior to": "before", "earlier than": "before", "sooner than": "before",
            "after": "after", "later than": "after"}
# "before Jordan did", "than Iraq had": the auxiliary after the anchor goes with it
_AFTER_ANCHOR = re.compile(r"^\s+(?:did|had|has|was|were)\b", re.I)


@dataclass
class Anchored:
    """The question with each anchor's year written in, and the anchors that were only yardsticks."""

    question: str
    excluded: set[str] = field(default_factory=set)


def _asked_relations(question: str) -> set[str]:
    low = question.lower()
    return {r.name for r in REGISTRY
            if any(re.search(r"\b" + re.escape(k.lower()) + r"\b", low) for k in r.keywords)}


def _anchor_year(eid: str, asked: set[str], knowledge) -> str | None:
    """The one year of the anchor's dated fact of the asked relation (or of its only dated one)."""
    dated: dict[str, set[str]] = {}
    for f in knowledge.facts_where(subject=eid):
        y = (f.get("attrs") or {}).get("year")
        if y:
            dated.setdefault(f["predicate"], set()).add(str(y))
    preds = [p for p in dated if p in asked] or (list(dated) if len(dated) == 1 else [])
    years = {y for p in preds for y in dated[p]}
    return years.pop() if len(years) == 1 else None


# "since the ratification campaign started", "after the steering group was set up", "since the
# campaign's launch": a time given by the start of a body the graph dates by its founding
_STARTED = re.compile(
    r"\b(?P<cmp>since|after|before|prior\s+to)\s+(?:the\s+|its\s+)?(?P<name>(?:[\w'’.-]+\s+){0,5}?[\w.-]+?)"
    r"(?:(?:['’]s)?\s+(?:launch|start|founding|inception|creation|establishment)\b|\s+(?:was\s+|were\s+|got\s+|had\s+|has\s+been\s+)?"
    r"(?:started|began|begun|launched|set\s+up|established|founded|created|kicked\s+off)\b)", re.I)
_YEAR_NEXT = re.compile(r"\s*(?:,\s*)?(?:in\s+|of\s+)?(?:19|20)\d\d\b", re.I)
_NAME_STOP = {"the", "its", "their", "of", "for", "on", "and", "ilo", "ilo's", "un", "global", "new"}


def _root(word: str) -> str:
    return word.lower().strip("'’.")[:5]


def _founding_years(knowledge) -> dict[str, set[str]]:
    """Each body the graph dates by its founding or launch (``founderOf`` with a year): its years."""
    out: dict[str, set[str]] = {}
    for f in knowledge.facts_where(predicate="founderOf"):
        y = (f.get("attrs") or {}).get("year")
        if y:
            out.setdefault(f["object"], set()).add(str(y))
    return out


def started_years(question: str, knowledge) -> str | None:
    """The question with "since <body> started/was launched" turned into "since <year>", when its
    words name exactly one body the graph dates by its launch; else None."""
    m = _STARTED.search(question)
    if m is None or knowledge is None or _YEAR_NEXT.match(question[m.end():]):
        return None  # "since the campaign's launch in 2021": the year is said already
    words = {_root(w) for w in re.findall(r"[\w'’.-]+", m.group("name")) if w.lower() not in _NAME_STOP}
    if not words:
        return None
    hits = []
    for eid, years in _founding_years(knowledge).items():
        names = {_root(w) for n in knowledge.names(eid) for w in re.findall(r"[\w'’.-]+", n)}
        if words <= names and len(years) == 1:
            hits.append(next(iter(years)))
    if len(set(hits)) != 1 or re.search(rf"\b{hits[0]}\b", question):
        return None  # none, several, or its year already written ("the drive launched in 2021, ... since it began")
    cmp = " ".join(m.group("cmp").lower().split())
    words_for = "before" if cmp in ("before", "prior to") else "since"  # "after it began": from that year on
    return question[:m.start()] + f"{words_for} {hits[0]}" + question[m.end():]


def anchored_years(question: str, links, knowledge) -> Anchored | None:
    """The question with "before/after/the same year as <name>" turned into years, or None when
    it compares with no dated name."""
    started = started_years(question, knowledge)  # "since the campaign started": the launch year
    if started is not None:
        return Anchored(started)  # read again from the new wording (the links were the old one's)
    asked: set[str] | None = None  # read only when a comparison precedes a name (most questions have none)
    out, excluded, changed = question, set(), False
    for link in sorted(links, key=lambda l: -l.start):  # right to left: earlier offsets stay valid
        m = _BEFORE_ANCHOR.search(question[:link.start])
        if m is None or len(link.ids) != 1:
            continue
        asked = _asked_relations(question) if asked is None else asked
        year = _anchor_year(link.ids[0], asked, knowledge)
        if year is None:
            continue
        cmp = " ".join(m.group("cmp").lower().split())
        end = link.end
        tail = _AFTER_ANCHOR.match(question[end:])
        if tail:
            end += tail.end()
        if "same year" in cmp:
            words, excluded = f"in {year}", excluded | {link.ids[0]}
        else:
            words = f"{_AS_YEAR[cmp]} {year}"
        out = out[:m.start()] + words + out[end:]
        changed = True
    return Anchored(out, excluded) if changed else None


def replace_question(a, question: str, lexicon, excluded: set[str]):
    """The analysis of the rewritten question, keeping what was already set aside and said."""
    from app.qa.question import analyse

    new = analyse(question, lexicon)
    new.excluded = set(a.excluded) | excluded
    new.read_as = question
    return new
