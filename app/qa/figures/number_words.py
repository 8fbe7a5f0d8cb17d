"""Figures a sentence writes in words: "Three prototypes were selected", "nine detailed country
profiles", "two dozen journalists", "convened twice".

Reports spell small counts out (house style writes one to nine, and round amounts, in words), so a
question asking "how many" about them finds no digits to answer with.  This reads those words as
numbers, so the same ranking by nearness to the counted noun (:func:`app.qa.figures.numbers.pick`) chooses
among written and digit figures alike.  Ordinary English only; pure functions.

"one" is left out: it is far more often a pronoun or an article ("one of the", "one to present")
than a count a question asks for.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
         "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
         "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ONES = {"one": 1, **{k: v for k, v in UNITS.items() if v < 10}}
TIMES = {"twice": 2, "thrice": 3}  # "convened twice": how many times

_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN = "|".join(TENS)
_ONE = "|".join(_ONES)
# "twenty-five", "two dozen", "a dozen", "half a dozen", "seven", "twice"
WORD_NUMBER = re.compile(
    rf"\b(?:(?P<half>half\s+a\s+dozen)|(?:(?P<mult>a|{_UNIT})\s+)?(?P<dozen>dozens?)\b(?!\s+of\b)|"
    rf"(?P<tens>{_TEN})(?:[-\s](?P<tens_one>{_ONE}))?|(?P<unit>{_UNIT})|(?P<times>twice|thrice))\b",
    re.I)


@dataclass(frozen=True)
class WordNumber:
    start: int
    end: int
    value: float


def word_numbers(seg: str) -> list[WordNumber]:
    """Every number written in words in ``seg``, with its value (see the module docstring)."""
    out = []
    for m in WORD_NUMBER.finditer(seg):
        g = {k: (v or "").lower() for k, v in m.groupdict().items()}
        if g["half"]:
            value = 6
        elif g["dozen"]:
            if g["dozen"] == "dozens":
                continue  # "dozens of": no figure
            value = 12 * (1 if g["mult"] in ("", "a") else UNITS[g["mult"]])
        elif g["tens"]:
            value = TENS[g["tens"]] + _ONES.get(g["tens_one"], 0)
        elif g["unit"]:
            value = UNITS[g["unit"]]
        else:
            value = TIMES[g["times"]]
        out.append(WordNumber(m.start(), m.end(), float(value)))
    return out


def label(value: float) -> str:
    """The figure as digits ('24'), the form every reader of answers compares by value."""
    return str(int(value)) if float(value).is_integer() else str(value)
