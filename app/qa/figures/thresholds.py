"""A bar a figure must clear: "more than 15 new projects", "over US$10 million", "at least 20 per cent".

"In which years were more than 15 new projects approved?", "years with under $10 million of new
funding", "how many years saw at least 20 projects": the rows a ranking orders are filtered by
a written bound instead of being ranked.  A threshold is a comparison phrase, a number (digits or
words, with its scale: "million", "thousand", "bn") and nothing that makes it a year ("after 2021"
bounds a period, it sets no bar).  Ordinary English only; pure functions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from app.qa.figures.number_words import TENS, UNITS

_OPS = {"more than": ">", "over": ">", "above": ">", "greater than": ">", "higher than": ">", "larger than": ">",
        "in excess of": ">", "exceeding": ">", "upwards of": ">", "at least": ">=", "no fewer than": ">=",
        "no less than": ">=", "fewer than": "<", "less than": "<", "under": "<", "below": "<", "lower than": "<",
        "smaller than": "<", "at most": "<=", "no more than": "<=", "up to": "<="}
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9}
_WORDS = {**UNITS, **TENS}
_OP = "|".join(sorted((re.escape(k) for k in _OPS), key=len, reverse=True))
_BOUND = re.compile(
    rf"\b(?P<op>{_OP})\s+(?:(?:us|usd)?\s*\$\s*|usd\s+|us\$\s*)?"
    rf"(?P<n>\d[\d,]*(?:\.\d+)?|{'|'.join(sorted(_WORDS, key=len, reverse=True))})"
    r"(?:\s*(?P<scale>thousand|million|billion|mn|bn|k|m|b)\b)?(?P<pct>\s*(?:%|per\s*cent|percent))?", re.I)
_YEARISH = re.compile(r"^(?:19|20)\d\d$")
_SPAN_AFTER = re.compile(r"\s+(?:years?|months?|weeks?|days?|decades?)\b", re.I)


@dataclass(frozen=True)
class Bar:
    """``op`` (one of > >= < <=) and the ``value`` the figure is compared with; ``said``: the words."""
    op: str
    value: float
    said: str
    percent: bool = False
    end: int = field(default=-1, compare=False)  # where the bar's words end in the question

    def test(self, v: float) -> bool:
        return {">": v > self.value, ">=": v >= self.value, "<": v < self.value, "<=": v <= self.value}[self.op]


def read(question: str) -> Bar | None:
    """The one bar the question sets on a figure, or None (none, or a year where a figure would be)."""
    for m in _BOUND.finditer(question):
        n = m.group("n").lower().replace(",", "")
        if _YEARISH.match(n) and not m.group("scale"):
            continue  # "after 2021", "before 2020": a period, not a figure
        if not m.group("scale") and not m.group("pct") and _SPAN_AFTER.match(question, m.end()):
            continue  # "over three years", "up to six months": how long, not a bar on the figure
        value = float(n) if n[0].isdigit() else float(_WORDS[n])
        if m.group("scale"):
            value *= _SCALE[m.group("scale").lower()]
        return Bar(_OPS[m.group("op").lower()], value, " ".join(m.group(0).split()), bool(m.group("pct")), m.end())
    return None


def meeting(rows: list, value: Callable[[object], float], bar: Bar) -> list:
    """The rows whose figure clears the bar, in their order."""
    return [r for r in rows if bar.test(value(r))]
