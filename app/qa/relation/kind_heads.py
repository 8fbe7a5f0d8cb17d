"""The kind of body a question asks for, when that kind is part of the bodies' own names.

"Which university led the session ...", "Under which institute did Mahidol set up the
secretariat ...": universities, institutes, foundations, councils, banks and confederations carry
the kind in their names ("Australian National University", "ASEAN Institute for Health
Development").  Of the organisations an answer's sentence names, the ones of the asked kind are
the answer; others there (the WHO "in collaboration", the university that acted) are context.
The nouns are ordinary English, never report facts.
"""
from __future__ import annotations

import re

_KINDS = ("university", "institute", "foundation", "council", "bank", "confederation", "federation", "ministry",
          "academy", "college", "commission", "corporation", "agency", "authority")
# Up to three modifiers ("which Philippine health insurance corporation"), none a verb or a
# coordinator: "which partners did the Ministry ...", "which companies or foundations" ask otherwise.
_ASKED = re.compile(r"\b(?:which|what)\s+(?:(?!(?:or|and|did|does|do|is|are|was|were|has|have|had)\b)[\w-]+\s+){0,3}?(universit(?:y|ies)|institutes?|foundations?|councils?|"
                    r"banks?|confederations?|federations?|ministr(?:y|ies)|academ(?:y|ies)|colleges?|commissions?|"
                    r"corporations?|agenc(?:y|ies)|authorit(?:y|ies))\b", re.I)
# Words as often said of any organisation ("which agencies co-organised the panel": UNICEF too) as
# of one whose name carries them: they only pick the bodies of that kind a sentence names when the
# answers hold none of them, never drop answers that lack the word.
SOFT_KINDS = frozenset({"agency", "authority"})
# "which UN agencies", "which development agencies": a class of international bodies, not a kind
# their names carry ("UNICEF", "World Food Programme")
_CLASS_OF_AGENCIES = re.compile(r"\b(?:un|u\.n\.|united nations|international|speciali[sz]ed|sister|development|donor|aid|"
                                r"partner|cooperation|multilateral|bilateral|humanitarian)\s+(?:[\w-]+\s+)?agenc", re.I)


def asked_kind(question: str) -> str | None:
    """The kind noun the question asks for (singular, lower case), or None."""
    m = _ASKED.search(question)
    if not m:
        return None
    w = m.group(1).lower()
    if w.startswith("agenc") and _CLASS_OF_AGENCIES.search(m.group(0)):
        return None
    return next(k for k in _KINDS if w.startswith(k[:-1] if k.endswith("y") else k))


def of_kind(names: list[str], kind: str) -> bool:
    """Does one of the names say the kind ("... University", "Institute for ...")?"""
    return any(re.search(rf"\b{kind[:-1] if kind.endswith('y') else kind}", n, re.I) for n in names)


# Nouns for a body that is never a government: "which national body / ministry / agency in Malawi".
_BODY = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?(bod(?:y|ies)|agenc(?:y|ies)|ministr(?:y|ies)|departments?|"
                   r"authorit(?:y|ies)|institutions?|institutes?|commissions?|councils?|boards?|funds?|offices?|"
                   r"corporations?|administrations?)\b(?!['’])", re.I)


def asks_body(question: str) -> bool:
    """Does the question's head noun ask for a body that is not a government ("which national body
    in Malawi led the roadmap", "which ministry in Paraguay confirmed ...")?  Members, pathfinders
    and roadmap holders are governments and organisations alike; with such a head, a government
    (a country) is no answer, so a relation that only finds countries has not found the body."""
    return bool(_BODY.search(question))
