"""A yes/no question closed by "or not": "Is Côte d'Ivoire a pathfinder of the Global Accelerator or
not?", and the second-language order "Côte d'Ivoire, it is already a pathfinder country of the
Global Accelerator or not yet?".

"Or not" offers no second option: it marks the question as a yes/no one.  Read as written, its
"or" made it a choice, which no yes/no reading takes, and the list of all pathfinders came back.
:func:`as_polar` drops the tag and, for a topic said first and taken up by "it"/"they", puts the
auxiliary first ("Is Côte d'Ivoire already a pathfinder ...?").  Ordinary English only.
"""
from __future__ import annotations

import re

_AUX = r"is|are|was|were|has|have|had|does|do|did|can|could|will|would"
_TAG = re.compile(r"\s*,?\s+or\s+not(?:\s+yet)?\s*(?P<mark>\??)\s*$", re.I)
_POLAR = re.compile(rf"^\s*(?:{_AUX})\b", re.I)
# "<topic>, it is <predicate>": the topic said first, then the clause about it
_TOPIC_FIRST = re.compile(rf"^\s*(?P<topic>[^,?]{{2,60}}?)\s*,\s*(?:it|they|he|she)\s+(?P<aux>{_AUX})\s+(?P<rest>\S[^?]*)$", re.I)


def as_polar(question: str) -> str | None:
    """The yes/no question without its "or not" tag (its topic first moved after the auxiliary),
    else None."""
    q = " ".join(question.split())
    tag = _TAG.search(q)
    if tag is None:
        return None
    body = q[:tag.start()]
    if _POLAR.match(body):
        return f"{body}?"
    m = _TOPIC_FIRST.match(body)
    if m is None:
        return None
    aux = m.group("aux")
    return f"{aux[:1].upper()}{aux[1:].lower()} {m.group('topic').strip()} {m.group('rest').strip()}?"
