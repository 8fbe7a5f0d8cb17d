"""Countries that passed a law, decree or resolution in the asked year, no measure named.

Why: "which countries passed a new social protection law in 2024", "decrees adopted 2024 which
countries": no law is named, so the declared relation's generic step (it binds a named end) had
nothing to bind, and the text step read the sentence nearest in wording: a framework law adopted in
an earlier year, a draft law still under revision.  The build holds each national measure's kind,
the status the report gives it and the year of that act (``instrumentOfCountry``'s qualifiers): the
countries asked are those with a measure of the asked kind whose act was done (adopted, passed,
approved, amended ...) in the asked year.

The kind words are the extractor's own (:data:`graph.extract.milestones.MEASURE_KINDS`, legal kinds
only: strategies and policies are the results table's first kind and are linked by their names), the
deeds its status verbs (:data:`graph.extract.milestones.STATUS_VERBS`, the statuses of
:data:`graph.extract.schemes.DONE_ACTS`).
"""
from __future__ import annotations

import re

from app.qa.graphstep import Constraint, year_test
from app.qa.question import Analysis
from graph.extract.milestones import MEASURE_KINDS, STATUS_VERBS
from graph.extract.schemes import DONE_ACTS

LEGAL_KINDS = ("law", "decree", "resolution")
# "laws", "a decree", "legislation" (a lower-case "act" or "code" is a verb or another noun: only
# the capitalised head of a name says the kind)
_KIND_WORDS = [(k, re.compile(r"\b(?:" + rx + r")s?\b", re.I)) for k, rx in MEASURE_KINDS if k in LEGAL_KINDS]
_NOT_A_KIND = {"act", "acts", "code", "codes"}
# (a question asks with the base form the report's past tense stands for: "did parliament pass")
_DONE = re.compile(r"\b(?:" + "|".join(rx for s, rx in STATUS_VERBS if s in DONE_ACTS) + r"|pass(?:es|ing)?)\b", re.I)


# The deed's object: the kind word a few words after the verb ("passed new or amended social insurance
# or pension laws"), or right before it ("decrees adopted"); a comma between ("set up a service, with
# a decree") makes the measure a detail of something else that was done
_AFTER_DEED = re.compile(r"^[^,.;:?!]{0,80}?$")
_BEFORE_DEED = re.compile(r"^\s*(?:(?:or|and|and/or)\s+(?:[\w-]+\s+){1,3}?)?(?:(?:were|was|have been|has been|been|being)\s+)?$",
                          re.I)  # ("laws or decrees adopted": each kind of the pair)


def asked_kinds(question: str) -> list[str]:
    """The legal kinds of measure the question asks to have been done ("passed laws", "decrees
    adopted"): a kind word that is the object of a deed."""
    deeds = list(_DONE.finditer(question))
    out = []
    for kind, rx in _KIND_WORDS:
        for m in rx.finditer(question):
            if m.group(0).lower() in _NOT_A_KIND or kind in out:
                continue
            if any(d.end() <= m.start() and _AFTER_DEED.match(question[d.end():m.start()])
                   and len(question[d.end():m.start()].split()) <= 8
                   or m.end() <= d.start() and _BEFORE_DEED.match(question[m.end():d.start()]) for d in deeds):
                out.append(kind)
    return out


def measure_acts(a: Analysis) -> Constraint | None:
    """The constraint "has a measure of the asked kind done in the asked year", or None when the
    question names a measure, asks no year, writes no deed or no legal kind, or asks anything but
    countries."""
    if a.answer_type != "Country" or a.negation or a.linked("LegalInstrument") or len(set(a.years)) != 1:
        return None
    kinds = asked_kinds(a.question)
    if not kinds:
        return None
    values = " ".join(f'"{k}"' for k in kinds)
    done = " ".join(f'"{s}"' for s in sorted(DONE_ACTS))
    return Constraint(
        f"?ma fg:instrumentOfCountry ?answer . ?mst rdf:subject ?ma ; rdf:predicate fg:instrumentOfCountry ; "
        f"rdf:object ?answer ; fg:kind ?mk ; fg:status ?ms ; fg:year ?my . VALUES ?mk {{ {values} }} "
        f"VALUES ?ms {{ {done} }} FILTER({year_test(a, '?my')}) ?answer a fg:Country .",
        f"countries with a {' or '.join(kinds)} adopted, passed or amended in {a.years[0]}",
        [("?", "instrumentOfCountry", "*")], strong=True, relation="instrumentOfCountry")
