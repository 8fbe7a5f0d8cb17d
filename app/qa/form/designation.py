"""A law's number asks for the law: "Moroccan framework law on social protection number", "What is the
number of the Iraqi social security law?", "What number does Iraq's new social security law have?".

The asker wants the instrument's designation ("Framework Law No. 09/21"), but "number" made the
answer a figure, and the engine answered the figure in the law's name ("21", "18").  A law, decree,
act or convention is named by its number: asking for the number of one such instrument is asking
which instrument it is, so the question is put as "What is the <instrument ...>?", which the
named-by-kind reading answers with the instrument's name.  Only one instrument in the singular
("the number of laws adopted" counts them) and no count word ("how many").  Ordinary English only.
"""
from __future__ import annotations

import re

_INSTRUMENT = r"(?:law|act|decree|bill|code|regulation|resolution|ordinance|convention)"
_NUMBER = r"(?:number|no\.?|#)"
_ORDERED = re.compile(r"\b(?:how|which|what|who|whom|whose|where|when|why|is|are|was|were|do|does|did|has|have|"
                      r"list|name|give|tell|show|many|much)\b", re.I)
# "moroccan framework law on social protection number": a keyword query ending on the number
# (a short name before the instrument: "viet nam additional workers covered new pension law number"
# counts the workers)
# (or with a few words of what happened to it after the number: "cabo verde ... law no. amended
# 2024", "lao pdr health insurance decree number reimbursement copayment 2024")
_KEYWORD = re.compile(rf"^\s*(?P<x>(?:[\w'’-]+\s+){{0,5}}{_INSTRUMENT}\b[^?]*?)\s+{_NUMBER}"
                      rf"(?P<tail>\s+[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){{0,3}})?\s*\??\s*$", re.I)
# "what is the number of the iraqi social security law (...)?"
_NUMBER_OF = re.compile(rf"^\s*what\s+(?:is|was)\s+the\s+(?:official\s+)?{_NUMBER}\s+of\s+(?:the\s+)?"
                        rf"(?P<x>(?:[\w'’-]+\s+){{0,6}}?{_INSTRUMENT}\b[^?]*?)\s*\??\s*$", re.I)
# "what number does iraq's new social security law have/carry?"
_WHAT_NUMBER = re.compile(rf"^\s*what\s+{_NUMBER}\s+(?:does|did|is)\s+(?:the\s+)?"
                          rf"(?P<x>(?:[\w'’-]+\s+){{0,6}}?{_INSTRUMENT}\b[^?]*?)\s+(?:have|has|carry|bear|get|got|given)"
                          rf"\s*\??\s*$", re.I)


# The same asked in a clause after a lead ("I'm looking at ... - what is the number of the decree that
# brought them in?", "For a briefing, could you state the reference of the decree through which ...?"),
# or by another word for an instrument's number ("reference", "designation"): the clause alone is
# rewritten, the lead kept for the words it adds.
_NAMING = r"(?:number|no\.?|#|reference(?:\s+number)?|designation|official\s+(?:reference|designation|number))"
_ASKED_IN_CLAUSE = re.compile(rf"(?:^|(?<=[,;:—–-])\s*|\s[—–-]+\s+)(?P<ask>what\s+(?:is|was)|(?:could|can|would)\s+you\s+"
                              rf"(?:please\s+)?(?:state|give|tell\s+me|provide|share)|(?:please\s+)?(?:state|give|provide))"
                              rf"\s+the\s+{_NAMING}\s+of\s+(?:the\s+)?(?P<x>(?:[\w'’-]+\s+){{0,6}}?{_INSTRUMENT}\b[^?]*?)\s*\??\s*$",
                              re.I)


# the instrument named by a relative clause led by its preposition
_PIED_PIPED = re.compile(rf"^(?P<np>.*?\b{_INSTRUMENT}\b.*?)\s+(?P<prep>under|through|by|with|in|via)\s+which\s+(?P<s>\S.*)$", re.I)


def rewrite(question: str) -> str | None:
    """"What is the <instrument>?" for a question asking one instrument's number, else None."""
    c = _ASKED_IN_CLAUSE.search(question)
    if c is not None and not re.search(rf"\b{_INSTRUMENT}s\b", c.group("x"), re.I) and \
            (c.start() > 0 or not _NUMBER_OF.match(question)):
        lead, x = question[:c.start("ask")], c.group("x").strip()
        piped = _PIED_PIPED.match(x)
        if piped:  # "the framework law, adopted in 2021, under which Morocco is ...": "Under which framework law, ..."
            asked = f"{piped['prep']} which {piped['np'].strip()} {piped['s'].strip()}?"
        else:
            asked = f"what is the {x}?"
        return lead + (asked[:1].upper() if not lead.strip() else asked[:1].lower()) + asked[1:]
    m = _NUMBER_OF.match(question) or _WHAT_NUMBER.match(question)
    if m is None:
        m = _KEYWORD.match(question)
        if m is not None and _ORDERED.search(m.group("x")):
            return None  # "how many conventions ... number": a question of its own order
    if m is None or re.search(rf"\b{_INSTRUMENT}s\b", m.group("x"), re.I):
        return None
    x = m.group("x").strip()
    tail = (m.groupdict().get("tail") or "").strip()
    if tail and (_ORDERED.search(tail) or re.search(r"\b(?:of|count|total|many|years?|dates?)\b", tail, re.I)):
        return None  # "... law number of workers covered": a figure about the law, not its number
    x = f"{x} {tail}".strip()
    owned = re.match(r"[\w-]+['’]s\b|(?:the|its|their|this|that)\b", x, re.I)  # "Iraq's new ... law"
    return f"What is {x}?" if owned else f"What is the {x}?"
