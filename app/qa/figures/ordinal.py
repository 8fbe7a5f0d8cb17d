"""Rankings asked below the top: "the second most", "third-largest", "the runner-up", "after X".

"Which funder supports the second most countries?", "arab states country with the second most
funders", "year with the second-largest new funding", "after the European Union, which funder
supports the most countries?": every ranker (registry aggregates, regions, table rows, written
figures) already sorts its rows; these questions want a row further down.  Read naively, the
ordinal word hides the superlative from the readers that recognise it ("second most" is not
"most") or is ignored and the top row answers.

:func:`read` takes the ordinal out of the question, so the rest of the engine reads a plain
superlative, and says which rank is wanted: a position (2 for "second", 3 for "third") or the
position just after a named thing ("after the EU", "next to Jordan", "behind Africa").
:func:`select` picks that rank from rows sorted best first, ties kept together (competition
ranking: with 11, 10, 9, 9 the third and the fourth are both the two nines), with the row after
it as the runner-up.  Ordinary English only; no report facts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")

# the superlatives of a count or figure, and of a date ("the second-earliest ratification", "third
# latest"): a ranking by year is a ranking too
_SUPER = r"(?:most|fewest|least|largest|highest|lowest|smallest|greatest|biggest|longest|shortest|top|best|"\
         r"earliest|latest|oldest|newest)"
_NTH = {"second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5, "next": 2}
_NTH_WORD = r"(second|2nd|third|3rd|fourth|4th|fifth|5th|next)"
# "the second most", "second-largest", "2nd highest", "next biggest"
_ORDINAL = re.compile(rf"\b{_NTH_WORD}(?:\s+|-)(?=(?:{_SUPER})\b)", re.I)
# "the runner-up", "runner up" (a ranking whose superlative follows: "runner-up for the most countries")
_RUNNER_UP = re.compile(r"\b(?:the\s+)?runners?[\s-]?up\b(?:\s+(?:for|in|by|on)\b)?", re.I)
# "after the EU, which funder ...": the named thing comes first, then the ranked question
_AFTER_LEAD = re.compile(r"^\s*(?:and\s+|so\s+)?(?:right\s+|just\s+|immediately\s+)?(?:after|behind|below|following)\s+"
                         r"(?P<name>[^,;:?]{2,60}?)\s*[,;:]\s*(?=(?:which|what|who|where)\b)", re.I)
# "... the most countries after the EU", "next after Africa", "second only to Jordan", "behind Africa"
_AFTER_TAIL = re.compile(r"\b(?:(?:right|just|immediately)\s+)?(?:after|behind|below|second\s+only\s+to|next\s+to)\s+"
                         r"(?P<name>(?:the\s+)?[^,;:?]{2,60}?)\s*(?=[,;:?]|$)", re.I)
# "which region ranks second for the number of countries ...", "comes third by new funding", "is in
# second place in terms of the share of ...": the rank is a verb's complement, no superlative follows
# it; the measure after "for / by / in" is what is ranked ("the number of X" counts X).
_RANK_VERB = re.compile(rf"\b(?:ranks?|ranked|ranking|comes?|came|stands?|stood|places?|placed|finish(?:es|ed)?|is|was|"
                        rf"sits?|lies)\s+(?:in\s+)?(?:the\s+)?{_NTH_WORD}(?:\s+place)?\s*,?\s+"
                        r"(?:(?:for|by|in|on|with)\s+)(?:terms\s+of\s+)?(?:the\s+)?"
                        r"(?P<count>(?:number|count|total\s+number|amount)\s+of\s+)?", re.I)


@dataclass(frozen=True)
class Ordinal:
    """A ranking asked below the top: ``rank`` (2 for "second"), or the rank just after ``after``
    (the words naming the thing ranked before the answer); ``question`` without those words."""
    rank: int
    question: str
    after: str | None = None


def read(question: str) -> Ordinal | None:
    """The ordinal a ranking question asks for, or None when it asks for the top (or ranks nothing)."""
    q = question
    m = _ORDINAL.search(q)
    if m:
        rest = q[:m.start()] + q[m.end():]
        return Ordinal(_NTH[m.group(1).lower()], " ".join(rest.split()))
    m = _RANK_VERB.search(q)
    if m:  # "ranks second for the number of countries" -> "has the most countries"
        said = " has the most " if m.group("count") or not re.match(r"\s*(?:share|amount|money|funding|value|sum)\b",
                                                                    q[m.end():], re.I) else " has the largest "
        return Ordinal(_NTH[m.group(1).lower()], " ".join((q[:m.start()] + said + q[m.end():]).split()))
    if not re.search(rf"\b{_SUPER}\b|\b(?:more|fewer)\b", q, re.I):
        if _RUNNER_UP.search(q):  # "runner-up by number of countries funded": a ranking by itself
            return Ordinal(2, " ".join(_RUNNER_UP.sub(" the most ", q, count=1).split()))
        return None
    m = _RUNNER_UP.search(q)
    if m:
        return Ordinal(2, " ".join((q[:m.start()] + " " + q[m.end():]).split()))
    m = _AFTER_LEAD.search(q) or _AFTER_TAIL.search(q)
    if m and not re.search(r"\d", m.group("name")):  # "after 2021" bounds years, it names no rival
        rest = q[:m.start()] + " " + q[m.end():]
        return Ordinal(1, " ".join(rest.split()), m.group("name").strip())
    return None


def select(rows: Sequence[T], value: Callable[[T], float], rank: int = 1,
           after: Callable[[T], bool] | None = None) -> tuple[list[T], T | None] | None:
    """The rows at ``rank`` (ties together) of ``rows`` sorted best first, and the first row after
    them (the runner-up), or None when the ranking holds no such rank.  With ``after``, the rank
    is the one just below the rows ``after`` accepts (the named rival), whatever its position."""
    if not rows:
        return None
    starts = [i for i in range(len(rows)) if i == 0 or value(rows[i]) != value(rows[i - 1])]
    groups = [list(rows[s:e]) for s, e in zip(starts, starts[1:] + [len(rows)])]
    if after is not None:
        at = next((g for g, group in enumerate(groups) if any(after(r) for r in group)), None)
        if at is None or at + 1 >= len(groups):
            return None
        g = at + 1
    else:
        g = next((g for g, s in enumerate(starts) if s < rank <= s + len(groups[g])), None)
        if g is None:
            return None
    runner = groups[g + 1][0] if g + 1 < len(groups) else None
    return groups[g], runner


def ordinal_word(rank: int) -> str:
    """'second' for 2: how a path and a summary say the rank."""
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(rank, f"#{rank}")


def said(rank: int, after: set[str], label: str, count: int, rows: Sequence[tuple], lowest: bool,
         name: Callable[[str], str] = str) -> list[str]:
    """The path line of a region ranking answered below the top ("ranked second: Asia (10); top:
    Africa (26)"), or [] for the top itself; ``rows``: (region, countries, ...) tuples."""
    if rank == 1 and not after:
        return []
    ordered = sorted(rows, key=lambda r: len(r[1]), reverse=not lowest)
    head = f"{name(ordered[0][0])} ({len(ordered[0][1])})" if ordered else ""
    return [f"ranked {ordinal_word(rank) if not after else 'next'}: {label} ({count})" + (f"; first: {head}" if head else "")]
