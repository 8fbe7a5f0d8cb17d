"""How people cite a numbered ILO instrument: "Convention No. 102" is also "Convention 102",
"convention number 102", "C 102", "C.102" or "C-102".

General knowledge about citing ILO Conventions and Recommendations (C/R plus the number), applied to
whatever numbered instruments the graph holds: without these forms "which countries ratified
convention 102" linked no instrument at all and fell back on the nearest sentence.
"""
from __future__ import annotations

import re

_NUMBERED = re.compile(r"^(Convention|Recommendation)\s+No\.?\s*(\d{1,3})$", re.I)
# "Social Security (Minimum Standards) Convention": the qualifier in brackets is what people keep
# when they shorten the title ("the minimum standards convention").
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
    return [f"{kind} {num}", f"{kind} number {num}", f"{kind} Nº {num}", f"{letter} {num}", f"{letter}.{num}",
            f"{letter}-{num}", f"{letter}. {num}", f"ILO {kind} {num}"]
