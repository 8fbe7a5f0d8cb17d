"""A negated topic over a named universe: the universe's countries minus those the topic holds.

"Which Europe and Central Asia priority countries had no ILO work on unemployment benefits?",
"which African countries did not get support on health insurance?": the graph names the universe
(a region's countries, the priority countries, an initiative's members), and the negation governs
the topic, not a relation the graph holds.  Read as is, the negation has nothing to act on and
the whole universe comes back; read as a topic within the region, the countries *with* the work
come back.  The honest answer is the complement: ask the question again without its negation
("... had ILO work on unemployment benefits?"), and take those countries out of the universe.

:func:`positive` rewrites the negation away with ordinary English rules ("had no" → "had",
"did not" → "did", "without" → "with", "haven't" → "have"); it declines what is no plain negation
of the topic: a set-aside ("except", "apart from": :mod:`app.qa.constraints.exclusion`), "no
longer" (a change over time, not an absence), "none of" / "neither" (a choice among named ones),
and a question with more than one negation.  Nothing here names a topic or a country.
"""
from __future__ import annotations

import re

# cues that are set-asides or choices, not a negation of the topic: other readers handle them
_NOT_MINE = re.compile(r"\b(?:except|excluding|besides|apart|aside|other\s+th[ae]n|no\s+longer|none|neither|nor|"
                       r"instead|rather\s+than|lack\w*|absent|nothing|zero|yet)\b", re.I)  # "not yet valid": a status, not an absence
_CONTRACTED = {"didn't": "did", "don't": "do", "doesn't": "does", "haven't": "have", "hasn't": "has",
               "hadn't": "had", "weren't": "were", "wasn't": "was", "aren't": "are", "isn't": "is"}
_CONTRACTION = re.compile(r"\b(" + "|".join(re.escape(k).replace("'", "['’]") for k in _CONTRACTED) + r")\b", re.I)
# "had no ILO work", "with no support", "received no help": the verb stays, "no" goes
_VERB_NO = re.compile(r"\b(had|have|has|got|get|gets|with|received?|receives|saw|see|sees|show(?:s|ed)?|"
                      r"record(?:s|ed)?)\s+no\b(?!\s*\.)", re.I)
_AUX_NOT = re.compile(r"\b(did|do|does|have|has|had|was|were|is|are|got|get)\s+not\b", re.I)
_WITHOUT = re.compile(r"\bwithout(\s+any)?\b", re.I)
_NEVER = re.compile(r"\s*\bnever\b", re.I)
_NEGATIONS = re.compile(r"\b(?:no|not|never|without|\w+n['’]t)\b", re.I)


# the asking clause: a wh-word, then the universe's head noun ("which African countries", "what
# priority countries"), with no sentence or clause break between
_ASKING_HEAD = re.compile(r"\b(?:which|what)\b[^.?!;:,]*?\b(?:countries|country|ones|states|nations|members|pathfinders|"
                          r"governments)\b", re.I)
# what a negation may not govern here: a relation or the report's structure ("were NOT part of the
# pilots", "with no other funder listed", "not among the pathfinders"): other readers' business
_RELATION_AFTER = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:part|among|members?|membership|pathfinders?|priority|funders?|donors?|"
                             r"fund\w*|financ\w*|ratif\w*|other|only|listed|named|mentioned|entry|entries|results?|"
                             r"joined|belong\w*|included|inquir\w*|endors\w*|commit\w*|sign\w*)\b", re.I)


def positive(question: str) -> str | None:
    """The question with its one negation of the topic taken away, or None when it has no such
    negation (or one this module does not read).  The negation must sit in the asking clause,
    after the universe's head noun ("which African countries did not ..."), not in a sentence of
    background before it ("The report doesn't list them ...; which countries ..."), and must not
    govern a relation or the report's structure."""
    if _NOT_MINE.search(question) or len(_NEGATIONS.findall(question)) != 1:
        return None
    head = _ASKING_HEAD.search(question)
    neg = _NEGATIONS.search(question)
    if head is None or neg.start() < head.end() or re.search(r"[.?!;:]", question[head.end():neg.start()]):
        return None
    if _RELATION_AFTER.match(question[neg.end():]):
        return None
    for rx, sub in ((_CONTRACTION, lambda m: _CONTRACTED[m.group(1).lower().replace("’", "'")]),
                    (_VERB_NO, lambda m: m.group(1)), (_AUX_NOT, lambda m: m.group(1)),
                    (_WITHOUT, lambda m: "with"), (_NEVER, lambda m: "")):
        out, n = rx.subn(sub, question, count=1)
        if n:
            return " ".join(out.split())
    return None


# the head noun of the universe ("which Europe and Central Asia priority countries had ..."): what
# follows it is the predicate, asked report-wide
_HEAD = re.compile(r"\b(?:countries|country|ones|states|nations|members|pathfinders|governments)\b", re.I)


def report_wide(question: str) -> str | None:
    """The positive question's predicate asked of every country ("which countries had ILO work
    on unemployment benefits?"), so the topic's set is the report's, not one filtered by the
    universe's own words; None when no head noun opens the predicate."""
    m = _HEAD.search(question)
    if m is None:
        return None
    rest = question[m.end():].strip()
    return f"Which countries {rest}" if rest else None


def universe_minus(universe: list[str], held: set[str]) -> list[str]:
    """The universe's ids the topic does not hold, in the universe's order."""
    return [i for i in universe if i not in held]
