"""Counting what a sentence lists: "allocated to new activities in Jamaica, India, Sri Lanka,
Indonesia, Cambodia and Cameroon" answers "in how many countries ..." with 6.

The report often states a set by listing it rather than by a figure ("showcased initiatives from
Zambia, Morocco, Côte d'Ivoire, and Cabo Verde"). A count question whose counted noun is a kind
of named thing (countries, organisations) is answered from such a sentence by the size of its
list, when the sentence states no figure beside the counted noun itself (a stated figure wins:
"deployed across six countries").  Pure functions over offsets: the text step supplies the
sentence and the mentions of the counted kind found in it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract.quantities import _PEOPLE

# What separates two items of one list: a comma, "and"/"or", or both ("A, B, and C"), the
# article of a name ("and the Netherlands"), "as well as".
_JOIN = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or|as well as)\s+)(?:the\s+)?$", re.I)
# The counted noun of "how many X" / "number of X" / "in how many X" when it names a kind of
# entity the report lists by name.  Words between ("how many Arab States countries") are allowed.
_COUNTED_KIND = re.compile(
    r"\b(?:how many|number of|count of|tally of)\s+(?P<between>(?:[\w'’-]+\s+){0,6}?)"
    r"(?P<noun>countr(?:y|ies)|nations?|member states|territor(?:y|ies)|"
    r"organi[sz]ations?|partners?|donors?|funders?|agenc(?:y|ies)|institutions?|contributors?)\b", re.I)
# Words that say a figure is counted, not named things ("how many workers in ... countries").
_MEASURED = re.compile(rf"\b(?:{_PEOPLE}|million|billion|thousand|dollars?|us\$|per ?cent|percent|times|years?)\b", re.I)
_CLAUSE_END = re.compile(r"\b(?:did|does|do|were|was|are|is|have|has|had|will|would|can|could|that|which|who)\b", re.I)
_COUNTRY_NOUN = re.compile(r"countr|nation|state|territor", re.I)
MIN_ITEMS = 2  # "A and B" is a list of two; one name is no list


@dataclass(frozen=True)
class Enumeration:
    """One list in a sentence: its items (keys, in order) and where it starts and ends."""

    keys: tuple[str, ...]
    start: int
    end: int

    @property
    def size(self) -> int:
        return len(self.keys)


def counted_kind(question: str) -> str | None:
    """'Country' or 'Organization' when the question counts named things of that kind."""
    m = _COUNTED_KIND.search(question)
    if not m or _MEASURED.search(m.group("between")) or _CLAUSE_END.search(m.group("between")):
        return None  # "how many people in these countries": people are counted, not the countries;
        # "how many prototypes did the partner approach select": the counted phrase ended at "did"
    return "Country" if _COUNTRY_NOUN.match(m.group("noun")) else "Organization"


def enumerations(seg: str, mentions: list[tuple[int, int, str]]) -> list[Enumeration]:
    """The lists of two or more distinct mentions joined only by list separators.

    ``mentions``: (start, end, key) offsets in ``seg`` of the named things of one kind."""
    ms = sorted({(s, e, k) for s, e, k in mentions}, key=lambda m: (m[0], -m[1]))
    kept: list[tuple[int, int, str]] = []
    for m in ms:  # a mention inside another ("Congo" in "Democratic Republic of the Congo") is one name
        if kept and m[0] < kept[-1][1]:
            continue
        kept.append(m)
    out: list[Enumeration] = []
    run: list[tuple[int, int, str]] = []
    for m in kept:
        if run and _JOIN.fullmatch(seg[run[-1][1]:m[0]]) is None:
            out.append(_close(run))
            run = []
        run.append(m)
    if run:
        out.append(_close(run))
    return [e for e in out if e.size >= MIN_ITEMS]


def _close(run: list[tuple[int, int, str]]) -> Enumeration:
    keys = tuple(dict.fromkeys(k for _, _, k in run))
    return Enumeration(keys, run[0][0], run[-1][1])


def best_enumeration(seg: str, lists: list[Enumeration], focus: list[str]) -> Enumeration | None:
    """Of several lists in a sentence ("eight ratified A, B ..., while others inquired, including
    C, D ..."), the one whose lead-in says what the question asks (its counted phrase's words),
    else the longest."""
    if not lists:
        return None
    if len(lists) == 1:
        return lists[0]

    def lead_hits(e: Enumeration) -> int:
        prev_end = max((x.end for x in lists if x.end <= e.start), default=0)
        lead = seg[max(prev_end, e.start - 120):e.start].lower()
        return sum(1 for w in focus if len(w) > 3 and w[:5] in lead)

    return max(lists, key=lambda e: (lead_hits(e), e.size))
