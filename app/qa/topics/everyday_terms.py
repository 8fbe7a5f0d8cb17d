"""Everyday words for social protection's topics, read as the field's own terms.

A newcomer asks about "jobless benefits", "work accident insurance", "sick pay", "computer systems
for running social security" or "help for the elderly"; reports of this kind write "unemployment
benefits", "employment injury insurance", "sickness benefits", "management information systems"
and "older persons".  The text step ranks sentences by the question's words and the topic sweep
(:mod:`app.qa.topics.topic_coverage`) adds every country whose sentences write the question's rare words,
so a question in everyday words finds at best the one sentence dense similarity brings up, and its
coverage stops there ("jobless benefits" found Morocco; "unemployment benefits" finds Morocco,
Eswatini, Indonesia, Rwanda ...).

:func:`rewrite` replaces each everyday phrase by the field's term, as the speller replaces a
misspelt word, and says so in the answer's path.  The table is general English about social
security (the branches of ILO Convention No. 102 and their plain-language names; no fact of any
report).  A phrase the report itself writes is never rewritten (:class:`EverydayTerms` checks each
match against the report's text): the report's own words are then the right ones to match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

# (everyday phrase, the field's term).  Plural and British/American spellings are in the pattern.
RULES: tuple[tuple[str, str], ...] = (
    # unemployment benefit
    (r"jobless(?:ness)?|out[\s-]of[\s-]work|job[\s-]?seekers?'?|loss of (?:a |their )?jobs?|job losses?|"
     r"lost (?:their|a|his|her) jobs?|laid[\s-]off(?: workers)?|redundancy pay|the dole", "unemployment"),
    # employment injury benefit
    (r"work(?:place|[\s-]related)? accidents?|accidents? at work|on[\s-]the[\s-]job injur(?:y|ies)|"
     r"industrial (?:accidents?|injur(?:y|ies))|injured workers?|workplace injur(?:y|ies)|injur(?:y|ies) at work|"
     r"workers'? comp(?:ensation)? insurance", "employment injury"),
    # sickness benefit
    (r"sick[\s-](?:pay|leave|benefits?|allowances?)|sickness pay|illness benefits?", "sickness benefits"),
    # maternity benefit
    (r"child[\s-]?birth|giving birth|pregnan(?:cy|cies)|new mothers|expectant mothers|maternal leave|"
     r"mothers? (?:around|before|after) (?:birth|delivery)", "maternity"),
    # old-age benefit
    (r"(?:the )?elderly(?: people| persons| citizens)?|old(?:er)? people|senior citizens|seniors|the aged|"
     r"pensioners|retirees|retired people|old folks", "older persons"),
    # invalidity / disability benefit
    (r"disabled (?:people|persons|workers|citizens|adults|children)|(?:the )?disabled|handicapped(?: people| persons)?|"
     r"people living with (?:a )?disabilit(?:y|ies)", "persons with disabilities"),
    # family / child benefit
    (r"kids", "children"),
    (r"child(?:ren)?'?s? allowances?|family allowances?", "child benefits"),
    # medical care
    (r"health[\s-]?care cover(?:age)?|health cover|medical cover(?:age)?|medical insurance", "health insurance"),
    # administration: information systems
    (r"computer(?:i[sz]ed)? systems?|it systems?|software systems?|computer software|databases? of beneficiaries",
     "management information systems"),
    (r"computeri[sz](?:ation|ing|e)|going digital|digiti[sz](?:ation|ing|e)|e-?government", "digitalisation"),
    # informal employment
    (r"gig(?:[\s-]economy)? workers?|gig economy|ride[\s-]hailing drivers?|delivery riders?", "platform workers"),
    (r"off[\s-]the[\s-]books (?:work|jobs?|workers?)|undeclared (?:work|workers?)|informal jobs?|"
     r"unregistered workers?", "workers in the informal economy"),
    # social assistance
    (r"welfare (?:payments?|cheques?|checks?|grants?)|cash handouts?|handouts", "cash transfers"),
    # crises
    (r"war[\s-]?(?:zones?|torn|affected)|armed conflicts?|wartime|at war", "conflict"),
    (r"natural hazards?|natural disasters?|storms?|floods?|hurricanes?|cyclones?|earthquakes?", "disasters"),
)


@dataclass(frozen=True)
class Rewrite:
    original: str
    corrected: str


class EverydayTerms:
    """The rules, compiled once, and the report's text to leave its own phrases alone."""

    def __init__(self, report_texts: Iterable[str]):
        self.text = " ".join(" ".join(report_texts).lower().split())
        self.rules = [(re.compile(rf"(?<![\w-])(?:{rx})(?![\w-])", re.I), term) for rx, term in RULES]
        self._written: dict[str, bool] = {}

    def written(self, phrase: str) -> bool:
        """The report writes the phrase itself (as a whole word or words); remembered per phrase."""
        p = " ".join(phrase.lower().split())
        if p not in self._written:
            self._written[p] = p in self.text and \
                re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", self.text) is not None
        return self._written[p]

    def rewrite(self, question: str) -> tuple[str, list[Rewrite]]:
        """The question with every everyday phrase the report never writes replaced by the field's
        term, and what changed (for the answer's path)."""
        done: list[Rewrite] = []
        for rx, term in self.rules:
            def swap(m: re.Match) -> str:
                if self.written(m.group(0)):
                    return m.group(0)
                done.append(Rewrite(m.group(0), term))
                return term
            question = rx.sub(swap, question)
        return question, done
