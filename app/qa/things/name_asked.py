"""The type asked for by "the name of <thing>" and "what is <thing> called": the thing's head noun.

"What was the name of Jordan's donor-funded pilot that paid part of social security
contributions?" asks for a scheme (a pilot), not for the donors its modifier mentions; "What is
that benefit called?" asks for a benefit.  The general type rules look for kind nouns anywhere
near the question word, so a modifier ("donor-funded") or a noun in the clause after the head
decides the type.  :func:`name_asked_type` reads the noun phrase after "the name of" / "the title
of" or between "what is" and "called", up to its first clause word or participle, and types its
head: the last kind noun that is not a possessor.

Ordinary English only: kind nouns and clause words, never names from a report.
"""
from __future__ import annotations

import re

# Kind nouns and the type each asks for (a programme's words: "pilot", "benefit", "allowance").
_KINDS: list[tuple[str, str]] = [
    (r"countr(?:y|ies)|governments?|nations?|territor(?:y|ies)", "Country"),
    (r"schemes?|programmes?|programs?|pilots?|benefits?|allowances?|grants?|pensions?|transfers?|subsid(?:y|ies)|"
     r"insurances?", "Scheme"),
    (r"laws?|acts?|decrees?|bills?|codes?|strateg(?:y|ies)|polic(?:y|ies)", "Law"),
    (r"conventions?|recommendations?|treat(?:y|ies)", "Convention"),
    (r"reports?|papers?|publications?|briefs?|guides?|guidance|studies|study|bulletins?|toolkits?|courses?|moocs?|"
     r"(?:fact\s+)?sheets?|notes?|handbooks?|manuals?",
     "Publication"),
    (r"initiatives?|networks?|partnerships?|coalitions?|alliances?|accelerators?|working groups?", "Initiative"),
    (r"organi[sz]ations?|agenc(?:y|ies)|institutions?|institutes?|universit(?:y|ies)|compan(?:y|ies)|ministr(?:y|ies)|"
     r"councils?|authorit(?:y|ies)|bod(?:y|ies)", "Organization"),
]
_KIND = re.compile(r"\b(" + "|".join(k for k, _ in _KINDS) + r")\b", re.I)
# Where the noun phrase ends: a relative or adverbial clause, a preposition that opens an argument.
_CLAUSE_END = re.compile(r"\s(?:that|which|who|whose|where|when|whereby|in|for|with|to|by|from|under|on|at|and|"
                         r"called|named|[a-z]+ing)\b|[,;:?(]|\s[-–—]\s", re.I)  # "-ing": "the report assessing ..."
_NAME_OF = re.compile(r"\b(?:the\s+)?(?:exact\s+|full\s+|official\s+)?(?:name|title)\s+of\s+", re.I)
_CALLED = re.compile(r"\b(?:what|how)\s+(?:is|was|are|were)\s+(?P<np>[^?,;]{2,80}?)\s+(?:called|named|titled|known as)\b",
                     re.I)


_PRONOUNS = {"it", "this", "that", "they", "these", "those"}


def _type_of(phrase: str) -> str | None:
    """The type of the head of a noun phrase: its last kind noun that is no possessor ("the joint
    policy paper" is a paper; "the country's law" a law), else None."""
    heads = [m for m in _KIND.finditer(phrase) if not re.match(r"['’]s?\b", phrase[m.end():])]
    if not heads:
        return None
    return next(t for k, t in _KINDS if re.fullmatch(k, heads[-1].group(1), re.I))


def name_asked_type(question: str) -> str | None:
    """The type a "name of <X>" / "what is <X> called" question asks for by X's head noun, else None."""
    m = _CALLED.search(question)
    if m and m.group("np").strip().lower() in _PRONOUNS:
        # "I remember the ILO put out a fact sheet with OHCHR, what was it called?": the thing said before
        return _type_of(question[:m.start()])
    if m:
        return _type_of(m.group("np"))
    m = _NAME_OF.search(question)
    if m:
        rest = question[m.end():]
        end = _CLAUSE_END.search(" " + rest)
        return _type_of(rest[:max(0, end.start() - 1)] if end else rest)
    return None
