"""Of figures equally near the counted noun, the one whose own clause says what the question says.

"How many persons with disabilities did Zambia register in its disability authority's MIS?" over
"around 85,000 recipients of social assistance were affiliated ..., while digitalisation ... has
enabled the registration of 10,000 persons with disabilities in the MIS of the country's disability
authority": both figures sit right before a noun of people, so nearness to the counted noun
(``app.qa.figures.numbers``) ties, and the first figure won.  A keyword query that names no counted
noun ("viet nam social assistance beneficiaries higher benefit levels number") ties every figure.
The words around a figure, up to the sentence's comma, semicolon or contrast on either side and
never past the figures beside it, are what the sentence says of that figure; the figure whose stretch holds more of the question's words
is the one asked.  This only breaks ties: it never lets a figure far from the counted noun in.

Pure functions over ordinary English punctuation; no report facts.
"""
from __future__ import annotations

import re

from app.qa.units import terms

# Where what is said of one figure ends: a comma, a semicolon or colon, a contrast or a new clause.
_STOPS = re.compile(r"[,;:()]|\b(?:while|whereas|but|and\s+(?:increas|extend|introduc|reach|provid|enabl|improv)\w*)\b", re.I)
# Words every figure question writes: they tell no figure apart.
_ASKING = set(terms("how many much number total count figure amount what which was were is are did does "
                    "the of in for to a an"))


def stretch(seg: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> str:
    """The words said of the figure at seg[start:end]: back to the last stop before it, on to the
    first stop after it, and never past the figures beside it (``lo``: where the figure before it
    ends, ``hi``: where the figure after it starts)."""
    hi = len(seg) if hi is None else hi
    left = max([m.end() for m in _STOPS.finditer(seg, 0, start)] + [lo])
    right = min(next((m.start() for m in _STOPS.finditer(seg, end)), len(seg)), hi)
    return seg[left:right]


def shared(seg: str, start: int, end: int, question: str, lo: int = 0, hi: int | None = None) -> int:
    """How many of the question's words (stemmed, question words aside) the figure's stretch holds."""
    asked = set(terms(question)) - _ASKING
    return len(asked & set(terms(stretch(seg, start, end, lo, hi))))
