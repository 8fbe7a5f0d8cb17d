""""Which countries gave extra money to the fund, and which ones committed money to the ILO?": two asks.

A writer (often in a second language) puts two questions of one kind into one sentence, joined by
"and": "Who was leading the session of the network, and with which organisation they
collaborated?".  Read whole, one template matched the mixture and one ask (or neither) came back.
:func:`split` returns the two questions, the second made to stand alone: "which ones" takes the
first question's asked noun ("which countries"), and "it" / "they" / "them" the first question's
words from its first name on (what the second ask is about: "the network at the symposium").  The
engine answers both and gives both answers when both come back with the same kind of answer.

Not split: a second ask that points at the first one's answer ("and who funds the ILO there",
"which other countries does that funder support", "in which regions are they" after a "which
countries"), that is about the asker ("which partners would I approach") or the report ("and where
does the report say so"), or a first part that asks no question of its own ("is that right, and
which body is it").  Ordinary English only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_WH = r"(?:which|what|who|whom)"
_TWO = re.compile(rf"^(?P<pre>(?:[^:]*:\s*)?)(?P<first>(?:(?:in|with|by|from|to|for|of|through)\s+)?{_WH}\b[^?;]*?)"
                  rf"\s*[,;]?\s+and\s+(?P<second>(?:(?:in|with|by|from|to|for|of|through)\s+)?{_WH}\b[^?]*?)\s*\??\s*$",
                  re.I)
# The second ask points at the first one's answer, at the asker or at the report.
_BACK = re.compile(r"\b(?:there|those|these|that|this|other|others|else|same|each|its|their|theirs|where|when|"
                   r"i|me|my|we|us|our|you|your|report|stated|say|says|said|number|region|regions|year|many|much)\b", re.I)
# The first part points at something before it (a polar question, a tag): no question of its own.
_FIRST_BACK = re.compile(r"\b(?:is that|right|correct|i|me|my|we|our|you)\b", re.I)
_ONES = re.compile(r"\b(?:which|what)\s+ones?\b", re.I)
_HEAD = re.compile(rf"^(?:(?:in|with|by|from|to|for|of|through)\s+)?(?:which|what)\s+((?:[\w-]+\s+){{0,2}}?[\w-]+s)\b", re.I)
# The first ask asks for one thing ("which multi-donor fund ..."): a pronoun after it is its answer.
_ONE_ASKED = re.compile(r"^(?:(?:in|with|by|from|to|for|of|through)\s+)?(?:which|what)\s+(?:[\w-]+\s+){0,2}?[\w-]*[^s\W]\s+"
                        r"(?:is|was|has|had|does|did|pays?|paid|funds?|funded|leads?|led)\b", re.I)
_PRONOUN = re.compile(r"\b(?:it|they|them)\b", re.I)


@dataclass
class TwoAsks:
    first: str
    second: str


def split(question: str, name_start=None) -> TwoAsks | None:
    """The two asks of a question asking two things of one kind, or None.  ``name_start(text)``
    gives where the first name in a text starts (or None): a pronoun of the second ask stands for
    the first ask's words from there on."""
    q = " ".join((question or "").split())
    m = _TWO.match(q)
    if m is None:
        return None
    first, second = m["first"].strip(" ,;"), m["second"].strip(" ,;?")
    if len(second.split()) < 4 or len(first.split()) < 4 or _BACK.search(second) or _FIRST_BACK.search(first):
        return None
    if _ONES.search(second):  # "which ones": the first ask's noun
        head = _HEAD.match(first)
        if head is None:
            return None
        second = _ONES.sub(lambda _: "which " + head.group(1), second, count=1)
    if _PRONOUN.search(second):  # "they", "it": what the first ask is about, from its first name on
        if _ONE_ASKED.match(first):  # "which fund pays ..., and which donors stand behind it": its answer
            return None
        at = name_start(first) if name_start is not None else None
        if at is None:
            return None
        about = first[at:]
        second = _PRONOUN.sub(lambda _: about, second, count=1)
        if _PRONOUN.search(second):
            return None
    cap = lambda s: s[:1].upper() + s[1:]
    return TwoAsks(cap(first) + "?", cap(second) + "?")
