"""Conventions and recommendations are both ILO instruments, but a question asks for one kind.

Why: the graph types both as legal instruments, and a country entry cites them together ("in line
with Convention No. 102 (ratified in 2013) and Recommendation No. 202").  "togo recommendation" or
"which recommendation guides ..." wants the recommendation only; "which convention" the
convention only.  The kind is read from the question's own nouns, with linked names blanked (a
title such as "Social Protection Floors Recommendation" names a thing, it does not ask for a
kind), and from each answer's role in the graph (``ILOConvention`` / ``ILORecommendation``).
The kind right after "which"/"what" decides when both are named; a question naming both kinds
otherwise, or neither, keeps every answer.
"""
from __future__ import annotations

import re

_KINDS = {"Convention": re.compile(r"\bconventions?\b", re.I),
          "Recommendation": re.compile(r"\brecommendations?\b", re.I)}


# The kind right after "which"/"what" is the one asked, whatever other kind the question mentions.
_WHICH_KIND = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?(conventions?|recommendations?)\b", re.I)

_EITHER = re.compile(r"\b(?:conventions?\s+(?:or|and)\s+recommendations?|recommendations?\s+(?:or|and)\s+conventions?)\b", re.I)


def asked_kind(question: str, links) -> str | None:
    """'Convention' or 'Recommendation' when the question's words ask for exactly one kind."""
    blank = question
    for l in links:
        blank = blank[:l.start] + " " * (l.end - l.start) + blank[l.end:]
    if _EITHER.search(blank):
        return None  # "which convention or recommendation ...": either kind answers
    # "which recommendation is named next to the convention": the kind after "which" is asked
    heads = {"Convention" if m.group(1).lower().startswith("conv") else "Recommendation"
             for m in _WHICH_KIND.finditer(blank)}
    # "which ILO recommendation is about social protection floors": the name's link took in the
    # kind word the question asks with ("recommendation ... social protection floors")
    heads |= {"Convention" if m.group(1).lower().startswith("conv") else "Recommendation"
              for m in _WHICH_KIND.finditer(question) if any(l.start == m.start(1) for l in links)}
    if heads:
        return heads.pop() if len(heads) == 1 else None
    kinds = [k for k, rx in _KINDS.items() if rx.search(blank)]
    return kinds[0] if len(kinds) == 1 else None


def _kind_of(answer: dict, knowledge) -> str | None:
    ent = knowledge.entity_by_iri(answer["iri"]) if answer.get("iri") else None
    role = (ent or {}).get("role") or ""
    if role.startswith("ILO"):
        return role[3:]
    label = str(answer.get("label") or "")
    return next((k for k in _KINDS if label.startswith(k)), None)


def keep_asked_kind(answers: list[dict], question: str, links, knowledge, beside=None) -> list[dict]:
    """The answers of the asked kind.  When none is of that kind, ``beside(answers)`` gives the
    instruments their evidence sentences name with them ("Convention No. 102 ... and
    Recommendation No. 202"), and those of the asked kind answer; failing that, none does (a
    convention is no answer to "which recommendation")."""
    kind = asked_kind(question, links)
    if kind is None or not answers:
        return answers
    kept = [x for x in answers if _kind_of(x, knowledge) in (kind, None)]
    if not kept and beside is not None:
        kept = [x for x in beside(answers) if _kind_of(x, knowledge) == kind]
    return kept



def keep_named(answers: list[dict], question: str, links, excluded: set[str], knowledge) -> list[dict]:
    """The cited instruments a question's own instrument names leave: one set aside ("apart from
    C102") never answers; one of another kind than asked ("which recommendation is cited
    alongside C102") is context; one of the asked kind that is cited ("which maternity protection
    convention is Tajikistan to ratify") is the answer, the others are not.

    Why: the cited-instrument readings (an entry's, a scheme's, an initiative's) used to give up
    on any question that names an instrument, so the commonest way of asking for the second
    instrument beside the first, and of naming the asked one by its subject, found nothing."""
    def eid(x: dict) -> str | None:
        ent = knowledge.entity_by_iri(x["iri"]) if x.get("iri") else None
        return ent["id"] if ent else None

    kind = asked_kind(question, links)
    named = {i for l in links if l.type == "LegalInstrument" for i in l.ids}
    answers = [x for x in answers if eid(x) not in excluded]
    asked = {i for i in named - excluded
             if kind is None or ((knowledge.entity(i) or {}).get("role") or "ILO")[3:] in (kind, "")}
    chosen = [x for x in answers if eid(x) in asked]
    return chosen or [x for x in answers if eid(x) not in named]
