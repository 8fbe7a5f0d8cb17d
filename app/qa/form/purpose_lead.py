"""A phrase of purpose before the question ("As part of a review of donor engagement in social
protection, ...", "For a briefing note on health financing, ..."), which asks nothing.

The words of the purpose ("donor engagement", "social protection", "health financing") were read
as the question's topics and relation cues: "As part of a review of donor engagement in social
protection, unpdf contributors" answered the funders of Tajikistan, and 59 of 300 pool answers
changed with that phrase before them.  :func:`without_purpose` drops an opening phrase that says
what the asker is working on: a preposition of purpose, an article or possessive, and a noun of a
piece of work ("review", "briefing", "thesis", "mapping"), with whatever complement follows it up to
a comma, colon or dash, when the phrase names nothing (no capitalised word after its first, no
figure) and a keyword query of at least two words follows.  Before a question that asks in words
the phrase stays: its complement may hold what the question means ("For a paper on roadmap progress
under the jobs-and-social-protection accelerator, could you tell me which governments ...": the
accelerator), and the asides reading weighs it (two pool questions lost their answer when it went).  "For a country that joined the Accelerator,
who funds it?" names no piece of work and stays.

Ordinary English only: prepositions and nouns for pieces of work.
"""
from __future__ import annotations

import re

from app.qa.form import as_sentence_start

_WORK = (r"(?:review|study|studies|report|briefing|brief|note|memo|paper|article|piece|presentation|project|thesis|"
         r"dissertation|assignment|course|class|lecture|lesson|analysis|mapping|assessment|evaluation|proposal|meeting|"
         r"workshop|talk|blog|newsletter|dashboard|database|research|survey|inventory|stocktake|audit|submission|"
         r"application|grant\s+application|slide|slides|deck|factsheet|fact\s+sheet|chapter|book|podcast|story|"
         r"background\s+paper|concept\s+note|exercise|overview|comparison|compilation|literature\s+review)")
# A question word or request opening it (or a question mark closing it): the question proper asks in
# words; a keyword query may hold one later ("... ireland vs germany which larger", "... name").
_ASKS = re.compile(r"\s*(?:(?:in|of|for|from|by|with|to|among)\s+)?(?:which|what|who|whom|whose|why|how|where|when|list|"
                   r"name|is|are|does|did|do|was|were|has|have|can|could|tell|give)\b", re.I)
_PURPOSE = re.compile(r"^\s*(?:as\s+part\s+of|for|in\s+preparing|while\s+preparing|while\s+working\s+on|in\s+the\s+context\s+of|"
                      r"to\s+prepare|to\s+inform|to\s+feed\s+into|ahead\s+of)\s+(?:a|an|my|our|the|this|some)\s+"
                      r"(?:[\w'’-]+\s+){0,3}?" + _WORK + r"\b(?P<rest>[^,:;?]*?)(?:\s*[,:;]|\s+[-–—])\s+(?P<question>\S.*)$", re.I)


def without_purpose(question: str) -> str:
    """The question without an opening phrase of purpose, or unchanged."""
    m = _PURPOSE.match(question)
    if m is None or len(m["question"].split()) < 2 or _ASKS.match(m["question"]) or m["question"].rstrip().endswith("?"):
        return question  # (a question that asks in words keeps the phrase for the asides reading to weigh)
    phrase = question[:m.start("question")]
    if re.search(r"\d", phrase) or re.search(r"(?<!^)(?<!\bI)\b[A-Z]", phrase.strip()[1:]):
        return question  # the phrase names something: it may be what is asked about
    return as_sentence_start(m["question"])
