"""A country told by a statement before the question, pointed back to by "that country" or "there".

"A colleague mentioned a multilingual Social Security Portal in Tetum, Portuguese and English that
was launched with ILO support. Who funds the ILO's work in that country?" and "So the ILO did a
fifth actuarial valuation for NASSIT, right? I'm curious, in which year did that country ratify
C102?" tell what happened in one country in a sentence of its own, then ask about "that country".
:mod:`app.qa.multihop.described_country` reads a description that is a noun phrase ("the country
where ...") or an event the question points back to as an event ("where that happened"); a plain
statement followed by "that country" was read whole: the statement's words became the topic, the
languages it names ("Portuguese", "English") became countries, and its organisation's relation
(NASSIT's actuarial valuation) was answered instead of the year asked.

:func:`split` turns the statement into the naming question ("In which country did this happen:
...?") and the asking sentence into the question proper with ``{}`` at the back-reference; the
engine asks the first and, only when exactly one country answers it, the second with that name
written in (:func:`app.qa.multihop.described_country.answer`, which keeps the whole reading when it
did not miss).  A statement that names a country by its name ("Morocco adopted a framework law.
When did that country ...?") is left to the whole reading, which fills the name in itself; a
demonym or a language ("Portuguese", "Kenyan") is no name of the country told.

Ordinary English only: reporting leads ("a colleague mentioned", "I read that"), tag questions
("..., right?"), back-references; nothing from a report.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from app.qa.form.question_sentence import TAG_QUESTION, split_sentences

# Who told the asker, before what was told ("A colleague mentioned (that)", "I read that", "So").
_LEAD = re.compile(r"^\W*(?:(?:so|and|but|well|ok|okay|now|also|anyway)\b[\s,]*)*"
                   r"(?:(?:(?:a|my|our|one)\s+(?:[\w-]+\s+)?(?:colleague|friend|boss|manager|supervisor|professor|teacher|"
                   r"lecturer|student|client|director|partner|contact)|someone|somebody|people|i|we|they|the\s+report|"
                   r"it)\s+(?:(?:just|once|recently|also)\s+)?"
                   r"(?:mentioned|said|says|told\s+(?:me|us)|noted|notes|read|heard|saw|noticed|learned|learnt|wrote|"
                   r"remembered|recall(?:ed)?|think|thought|believe|understand|know)\s+(?:(?:that|about|of|how)\s+)?)?",
                   re.I)
# The back-reference to the country told: "that country", "this nation", "the same country", "there".
_BACK = re.compile(r"\b(?:(?P<prep>in|for|of|to|with|from|by|at|on)\s+)?(?:that|this|the\s+same|said)\s+"
                   r"(?:country|nation|place)(?P<poss>['’]s)?\b(?!\s+(?:where|whose|that|which|in\s+which)\b)"
                   r"|\b(?P<there>there)\b(?!\s+(?:is|are|was|were|be|been|any)\b)", re.I)
_ASKS = re.compile(r"\b(?:who|whom|whose|which|what|where|when|how|list|name|tell)\b", re.I)
# A statement tells something of its own: a verb in the past or present ("was launched", "did").
_TOLD = re.compile(r"\b(?:[a-z]+ed|did|does|has|had|is|was|are|were|began|ran|set|put|hit|won|held|led|made|took|"
                   r"gave|got|paid|passed|brought)\b", re.I)
# A demonym or a language ("Portuguese", "Kenyan", "English") names no country told.
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ese|ish|ian|ean|an|ic|i)$")


def _named_by_name(statement: str, countries: Callable[[str], Iterable[tuple[str, str]]],
                   label: Callable[[str], str | None]) -> bool:
    """Does the statement name a country by its name (not a demonym or a language)?"""
    for surface, key in countries(statement):
        name = (label(key) or "").lower()
        if surface.lower() == name or " " in surface or not _DEMONYM.match(surface):
            return True
    return False


# "Which country with X joined Y in 2024, and who finances the ILO there?": a question that names a
# country, then a second one about it.
_TWO_PART = re.compile(r"^(?P<first>(?:which|what)\s+(?:country|nation)\s+\S.{10,}?),?\s+(?:and|so)\s+"
                       r"(?P<rest>(?:who|whom|which|what|when|where|how)\b.*)$", re.I)


def _slot(asking: str, b: re.Match) -> str:
    """The asking sentence with ``{}`` (and its preposition) at the back-reference ``b``."""
    if b.group("there"):
        slot = "in {}"
    else:
        slot = (b.group("prep") + " " if b.group("prep") else "") + "{}" + ("'s" if b.group("poss") else "")
    return asking[:b.start()] + slot + asking[b.end():]


def split(question: str, countries: Callable[[str], Iterable[tuple[str, str]]],
          label: Callable[[str], str | None]):
    """The naming question and the question proper, or None.  ``countries(text)`` gives the
    (surface, key) of each country linked in a text; ``label(key)`` its name."""
    from app.qa.multihop.described_country import NamedBy

    sentences = split_sentences(question)
    if len(sentences) == 1:
        two = _TWO_PART.match(sentences[0])
        refs = list(_BACK.finditer(two["rest"])) if two else []
        if len(refs) != 1:
            return None
        first = two["first"].strip(" ,")
        rest = _slot(two["rest"], refs[0])
        return NamedBy(inner=f"{first}?", outer=rest[:1].upper() + rest[1:], described=first, whole=question,
                       rel="", desc=re.sub(r"^\S+\s+\S+\s+", "", first), noun="country")
    if len(sentences) < 2:
        return None
    asking = sentences[-1]
    statement = sentences[-2]
    if not (asking.rstrip().endswith("?") or _ASKS.match(asking)) or not _ASKS.search(asking):
        return None
    tagged = TAG_QUESTION.search(statement)
    if statement.rstrip().endswith("?") and not tagged:
        return None  # two questions: read whole
    refs = list(_BACK.finditer(asking))
    if len(refs) != 1:
        return None
    desc = statement[:tagged.start()] if tagged else statement
    desc = _LEAD.sub("", desc).strip(" .!,;:")
    if not _TOLD.search(desc) or len(desc.split()) < 5 or _named_by_name(desc, countries, label):
        return None
    outer = _slot(asking, refs[0])
    return NamedBy(inner=f"In which country did this happen: {desc}?", outer=outer,
                   described=f"the country where: {desc}", whole=question, rel="where", desc=desc, noun="country")
