"""A question the writer corrects as they type it: the corrected question is the one asked.

"Which funder of ILO work in Viet Nam also funds ... sorry, I mean: who funds the ILO in Viet Nam?",
"who ratified C102 in 2013 - no wait, 2023?" is the second kind, "I meant" or "or rather" before a
whole question the first.  Read whole, the abandoned start adds a relation and names of its own,
and the answer goes.  The correction must itself be a question (a question word, or a request), so
"what I mean is ..." inside an ordinary sentence is never cut.  Ordinary English only.
"""
from __future__ import annotations

import re

# the marker of a correction, then the question that replaces what came before
_MARKER = re.compile(r"(?:^|[\s,;:.!?)…-])(?:(?:sorry|oops|sorry again|apologies|erm|um|uh)[\s,.!…-]*)?"
                     r"(?:i\s+mean(?:t)?|what\s+i\s+(?:mean|meant)\s+is|or\s+rather|let\s+me\s+rephrase(?:\s+that)?|"
                     r"correction|scratch\s+that|no\s+wait|let\s+me\s+start\s+again)\s*[:,.!…-]*\s+", re.I)
_QUESTION = re.compile(r"^(?:which|what|who|whom|whose|where|when|how|why|is|are|was|were|did|does|do|has|have|"
                       r"can|could|list|name|tell|give|show)\b", re.I)


def rewrite(question: str) -> str:
    """The question after the writer's last correction marker, when what follows it is a question
    of its own and something came before it; else the question unchanged."""
    found = [m for m in _MARKER.finditer(question) if m.start() > 0 and _QUESTION.match(question[m.end():])]
    return question[found[-1].end():].strip() if found else question
