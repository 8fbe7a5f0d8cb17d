"""'Of the countries that ..., which are ...?': an answer set taken from within a described set.

"Of the countries whose trade unionists spoke at the workers' network meeting, which are Global
Accelerator pathfinders?" composes two questions: the described set ("which countries' trade
unionists spoke at ...", often only a sentence says it) and the asked relation ("which countries
are pathfinders", the graph's).  When the engine reads the question whole, the relation it holds
wins and the description, which no graph constraint expresses, is silently dropped: every
pathfinder comes back.

:func:`split` cuts such a question into its two questions; the engine then answers the question
as it always has and, only when that answer is exactly the asked relation's own answer (the
description was dropped), keeps the part of it the described set's answer also holds.  Ordinary
English frames only ("of / among / from the countries that|whose|where|with ..., which ...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_NOUNS = r"countries|nations|member states|organi[sz]ations|partners|funders|donors|institutions|agencies"
_SPLIT = re.compile(
    r"^(?:(?:so|and|now|then)\s*,?\s*)?(?:of|among|amongst|from|out\s+of)\s+(?:all\s+)?the\s+(?P<noun>" + _NOUNS + r")\s+"
    r"(?P<desc>(?:that|which|whose|where|with|in\s+which|named|listed|mentioned|cited|covered|supported|funded|"
    r"financed|reached|taking|involved|participating)\b.{8,}?)\s*[,;:]\s*"
    r"(?P<ask>(?:which|what|who)\b.+)$", re.I)
# "which (ones|of them|of these) are ..." names the same set again
_ASKED_AGAIN = re.compile(r"^(?:which|what|who)(?:\s+(?:ones?|of\s+(?:them|these|those)))?\s+", re.I)


@dataclass(frozen=True)
class SetOfQuestion:
    described: str  # the described set as a question of its own
    asked: str      # the asked relation over the same kind of thing


def split(question: str) -> SetOfQuestion | None:
    """The two questions an 'of the countries that ..., which ...' question composes, or None."""
    m = _SPLIT.match(question.strip())
    if m is None:
        return None
    noun, desc, ask = m["noun"], m["desc"].strip(), m["ask"].strip()
    again = _ASKED_AGAIN.match(ask)
    if again is None:
        return None
    rest = ask[again.end():]
    if re.match(r"of\s+the\b", rest, re.I):
        return None  # "which of the pathfinders ...": another set named, not the described one
    rest = re.sub(r"^(?:" + _NOUNS + r")\s+", "", rest, flags=re.I)  # "which countries are ...": the same noun
    first, _, tail = desc.partition(" ")
    lead = first.lower()
    if lead in ("that", "which"):
        described = f"Which {noun} {tail}?"  # "that ratified C102" -> "Which countries ratified C102?"
    elif lead == "whose":
        described = f"Which {noun}' {tail}?"
    elif lead == "where":
        described = f"In which {noun} {tail}?"
    else:
        described = f"Which {noun} {desc}?"
    return SetOfQuestion(described=" ".join(described.split()), asked=f"Which {noun} {rest.rstrip(' ?')}?")
