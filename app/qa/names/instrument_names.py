"""How people cite a numbered ILO instrument: "Convention No. 102" is also "Convention 102",
"convention number 102", "C 102", "C.102", "C-102", or with the kind shortened as search-box
queries do ("conv 102", "conv. no. 102", "rec 202").

General knowledge about citing ILO Conventions and Recommendations (C/R plus the number), applied to
whatever numbered instruments the graph holds: without these forms "which countries ratified
convention 102" linked no instrument at all and fell back on the nearest sentence.
"""
from __future__ import annotations

import re

_NUMBERED = re.compile(r"^(Convention|Recommendation)\s+No\.?\s*(\d{1,3})$", re.I)
# "Social Security (Minimum Standards) Convention": the qualifier in brackets is what people keep
# when they shorten the title ("the minimum standards convention").
# The shortened kind words of general usage ("conv.", "rec."); the full word and its initial are
# written out below.
_SHORT_KIND = {"Convention": ("Conv",), "Recommendation": ("Rec", "Recomm")}
_QUALIFIED = re.compile(r"^[^()]*\(([^()]{3,60})\)\s*(Convention|Recommendation)$", re.I)


def citation_variants(name: str) -> list[str]:
    """Other ways to write a numbered instrument's name or its bracket-qualified title (none for
    any other name)."""
    q = _QUALIFIED.match(name.strip())
    if q:
        return [f"{q.group(1)} {q.group(2)}"]
    m = _NUMBERED.match(name.strip())
    if not m:
        return []
    kind, num = m.group(1).capitalize(), m.group(2)
    letter = kind[0]
    # "No.102", "No 102", "number 102": the number designator alone cites the instrument too (and,
    # once linked, its "No." is no negation)
    short = [f"{s}{dot} {no}{num}" for s in _SHORT_KIND.get(kind, ()) for dot in ("", ".") for no in ("", "No. ")]
    return [f"{kind} {num}", f"{kind} number {num}", f"{kind} Nº {num}", f"{letter} {num}", f"{letter}.{num}",
            f"{letter}-{num}", f"{letter}. {num}", f"ILO {kind} {num}", f"No. {num}", f"number {num}", f"Nº {num}",
            *short]


def instrument_number(name: str) -> str | None:
    """The number of a numbered instrument's name ("Convention No. 102" -> "102"), else None."""
    m = _NUMBERED.match(name.strip())
    return m.group(2) if m else None


# A bare number is an instrument only where the question already speaks of instruments or of
# ratifying, and only when no unit or counted noun follows it ("102 ratifiers since 2021",
# "countries that ratified 102" -- not "102 countries", "102 million", "US$102").
_BARE = re.compile(r"(?<![\w$€£.,])(\d{2,3})(?![\w.,]*\d)(?:\s+([A-Za-z%]+))?")
_UNIT_NEXT = re.compile(r"^(%|per|percent|million|billion|thousand|m|bn|k|years?|months?|days?|people|persons?)$", re.I)
_INSTRUMENT_WORD = re.compile(r"^(ratif\w*|signator\w*|convention\w*|recommendation\w*|instrument\w*|standard\w*|"
                              r"campaign\w*|and|or|since|in|by|before|after|countr\w*|states?|members?)$", re.I)


def bare_numbers(question: str, numbers: dict[str, set[str]]) -> list[tuple[int, int, set[str]]]:
    """Spans of bare instrument numbers in a question ("102 ratifiers since 2021"): (start, end,
    instrument ids).  ``numbers`` maps each numbered instrument's number to its ids.  A number
    followed by a unit ("102 million") or by a noun it counts ("102 projects") is a figure; one
    followed by nothing, by a ratifying/instrument word or a small word is the instrument."""
    out = []
    for m in _BARE.finditer(question):
        ids = numbers.get(m.group(1))
        nxt = m.group(2)
        if not ids or nxt and (_UNIT_NEXT.match(nxt) or not _INSTRUMENT_WORD.match(nxt)):
            continue
        if nxt and re.match(r"countr|states?$|members?$", nxt, re.I) and not re.search(r"ratif", question, re.I):
            continue  # "102 countries": a count, unless ratifying is what the question is about
        out.append((m.start(1), m.end(1), ids))
    return out


# "C 012", "convention 120", "Recommendation No. 220": a cited instrument whose number the graph does
# not hold, typed with two digits swapped or one digit wrong.
_CITED = re.compile(r"\b(c|r|conventions?|recommendations?)(?:\s*(?:no\.?|number|nº))?\s*[-.]?\s*(\d{2,3})\b", re.I)


def _one_slip(a: str, b: str) -> bool:
    """Are two digit strings of one length one keystroke apart (one digit wrong, or two adjacent swapped)?"""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 1:
        return True
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def mistyped_numbers(question: str, numbers: dict[str, set[str]], kind_of) -> list[tuple[int, int, set[str]]]:
    """Spans of instrument citations with a mistyped number ("C 012" for C102): (start, end, ids) when
    exactly one instrument of the cited kind ("C"/"convention" or "R"/"recommendation", by
    ``kind_of(id)``) has a number one slip away; a number the graph holds, or two near ones, is left alone."""
    out = []
    for m in _CITED.finditer(question):
        num = m.group(2)
        if num in numbers or num.lstrip("0") in numbers:
            continue
        kind = "Recommendation" if m.group(1).lower().startswith("r") else "Convention"
        near = {i for n, ids in numbers.items() if _one_slip(num, n) for i in ids if kind_of(i) == kind}
        if len(near) == 1:
            out.append((m.start(), m.end(), near))
    return out
