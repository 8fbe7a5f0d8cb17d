"""Rankings that ask for several at the top: "top 3 regions by new-project money", "which five
countries have the most funders", "the three largest donors".

A superlative question names one winner (with its ties); a top-N question names N.  Every ranker
(graph counts per entity, regions ranked by their countries, items of a list of written figures)
sorts its rows best first and hands them here: the answer is the first N rows, and the rows tied
with the N-th (a cut inside a tie would choose arbitrarily), with the whole ranking said in the
path so the answer shows why.  "Which of the three result types ..." is a partitive, not a top-N.

Ordinary English only; pure functions.
"""
from __future__ import annotations

import re
from typing import Callable, Sequence, TypeVar

from app.qa.figures.number_words import UNITS

T = TypeVar("T")

_N = r"(\d{1,2}|" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")"
_SUPER = r"(?:most|largest|biggest|highest|greatest|fewest|least|smallest|lowest|leading|main|top|best)"
_ASKED = re.compile(
    # "top 3 regions", "top-5 funders", "the top three"
    rf"\btop[\s-]*{_N}\b|"
    # "the 3 largest donors", "five biggest funders"
    rf"(?<!\bof the )(?<!\bof )\b{_N}\s+{_SUPER}\b|"
    # "which five countries have the most funders", "name 3 regions with the largest shares",
    # "the three countries with the most results"
    rf"(?<!\bof )\b(?:which|what|name|list|give(?:\s+me)?|the)\s+(?:the\s+)?{_N}\s+[\w-]+(?:\s+[\w-]+)?\s+"
    rf"(?:[\w'’-]+\s+){{0,6}}?{_SUPER}\b", re.I)


def asked(question: str) -> int | None:
    """N when the question asks for the top N of a ranking (2 to 19), else None."""
    m = _ASKED.search(question)
    if m is None:
        return None
    word = next(g for g in m.groups() if g)
    n = int(word) if word.isdigit() else UNITS.get(word.lower())
    return n if n is not None and 2 <= n < 20 else None


def first(rows: Sequence[T], n: int, value: Callable[[T], float]) -> tuple[list[T], T | None]:
    """The first ``n`` of ``rows`` (sorted best first) and every row tied with the n-th, and the
    first row after them (the runner-up)."""
    if len(rows) <= n:
        return list(rows), None
    cut = value(rows[n - 1])
    k = n
    while k < len(rows) and value(rows[k]) == cut:
        k += 1
    return list(rows[:k]), (rows[k] if k < len(rows) else None)


def said(n: int, rows: Sequence[T], label: Callable[[T], str], value: Callable[[T], object]) -> str:
    """The path line of a top-N answer: the ranking it was cut from."""
    return f"top {n}: " + "; ".join(f"{label(r)} ({value(r)})" for r in rows[:max(n + 3, 8)])


# "top 3 funders by number of countries", "top five regions by share of new money": the rank cut
# with its key written after "by" and no superlative word; read as "the N funders with the most
# countries", "the N regions with the largest share ...", which every ranker reads.
_TOP_BY = re.compile(rf"\btop[\s-]*{_N}\s+((?:[\w'’-]+\s+){{0,3}}?[\w'’-]+)\s+(?:by|in|for)\s+(?:the\s+)?"
                     rf"(?:(?:total\s+)?(number|count|amount|share|size|value|volume)\s+of\s+)?(?=[\w'’$-])", re.I)


def as_superlative(question: str) -> str | None:
    """The question with a "top N X by [number of] Y" cut rewritten as "the N X with the most Y"
    (a share, an amount: "the largest"), or None when it has none."""
    m = _TOP_BY.search(question)
    if m is None:
        return None
    word = "most" if (m.group(3) or "number").lower() in ("number", "count") else "largest"
    key = "" if (m.group(3) or "").lower() in ("", "number", "count") else m.group(3) + " of "
    return question[:m.start()] + f"which {m.group(1)} {m.group(2)} have the {word} {key}" + question[m.end():]
