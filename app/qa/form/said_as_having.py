"""A fact said of the report's wording: "which ones are not described anywhere in the report as
having ratified Convention No. 102?".

The asker hedges a fact by how the report states it ("described as", "mentioned as", "listed as
having ...").  The verb the relation readings know ("ratified") sits behind the hedge, and its
negation sits on "described": the negation was lost and the ratifying countries came back.  The
report is the only source there is, so "not described as having ratified" is "have not ratified":
:func:`rewrite` says so.  Ordinary English only, no fact of any report.
"""
from __future__ import annotations

import re

_HEDGED = re.compile(r"\b(?P<aux>are|is|were|was)\s+(?P<neg>not\s+|never\s+)?(?:(?:anywhere|explicitly|actually|ever)\s+)?"
                     r"(?:described|mentioned|listed|reported|recorded|shown|named|presented|identified|cited|noted)"
                     r"(?:\s+(?:anywhere|explicitly|at\s+all))?(?:\s+(?:in|by)\s+the\s+report)?(?:\s+(?:anywhere|at\s+all))?"
                     r"\s+as\s+having\s+(?P<verb>[a-z]+ed)\b", re.I)


def rewrite(question: str) -> str:
    """The question with "(not) described ... as having <done>" read as "have (not) <done>"."""
    def plain(m: re.Match) -> str:
        have = "has" if m.group("aux").lower() in ("is", "was") else "have"
        return f"{have} {'not ' if m.group('neg') else ''}{m.group('verb')}"
    return _HEDGED.sub(plain, question)
