"""A yes/no asked of two items of a written list of figures: "Did Regular Budget Supplementary
Account allocations account for a bigger share of the resources for new projects in 2024 than direct
trust funds did?".

The ranking reader (:mod:`app.qa.figures.figure_rank`) finds the list ("the next largest share ...
(20 per cent)", "direct trust funds (15 per cent)") and answered its top item, a region, where the
asker wants a verdict on two of its items.  Each side of the comparison (read as a row comparison
is, :func:`app.qa.figures.row_pairs.read`) names the item whose name it says the most of; both
sides must name distinct items, each clearly, and the figures must differ.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from app.qa.figures.comparatives import AUX as _AUX, LEAD as _LEAD, LESS as _LESS, MORE as _MORE

# "did <A> ... a bigger share of ... than <B> [did]": the comparative may stand far from "than"
_POLAR = re.compile(rf"^{_AUX}\s+(?P<a>.+?)\b(?P<cmp>{_MORE}|{_LESS})\b(?P<mid>.*?)\bthan\s+(?P<b>.+)$", re.I)

CLEAR = 0.5  # a side names an item when it says at least this share of the item's name words


@dataclass(frozen=True)
class Verdict:
    held: bool  # is the first side's figure the larger (the smaller, when "fewer" is asked)?
    first: int  # the item each side names
    second: int


def _best(side: set[str], names: list[set[str]]) -> int | None:
    """The item the side names: the most of its name words said, alone."""
    scored = sorted(((len(side & n) / len(n), i) for i, n in enumerate(names) if n), reverse=True)
    if not scored or scored[0][0] < CLEAR or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]


def decide(first: str, second: str, larger: bool, names: list[str], values: list[float],
           terms: Callable[[str], set[str]], spelled: Callable[[str], str] = lambda text: text) -> Verdict | None:
    """The verdict on "<first> ... more than <second>" over items named ``names`` with ``values``;
    ``spelled`` adds to a side the full names of what it links ("the RBSA": its long name)."""
    name_words = [terms(n) for n in names]
    b = _best(terms(spelled(second)), name_words)
    a = _best(terms(spelled(first)), name_words)
    if a is None or b is None or a == b or values[a] == values[b]:
        return None
    held = values[a] > values[b] if larger else values[a] < values[b]
    return Verdict(held, a, b)


def read(question: str) -> tuple[str, str, bool] | None:
    """(first side, second side, is the larger asked) of a yes/no comparison, or None."""
    q = _LEAD.sub("", " ".join(question.split()).rstrip(" ?.!"), count=1)
    m = _POLAR.match(q)
    if m is None or re.search(r"\b(?:or|which|what|who|how)\b", q, re.I):
        return None
    return f"{m.group('a')} {m.group('mid')}", m.group("b"), re.fullmatch(_MORE, m.group("cmp"), re.I) is not None
