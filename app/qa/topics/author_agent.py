"""The report's author is answered from a sentence only when the sentence lists it with the others.

Why: the report is the author's own, so most of its sentences have the author as their agent ("The
ILO has worked closely with national partners, such as the NSSF ..., and international development
partners, such as UNHCR ..."; "the ILO played a key role in initiating the 3SSN Task Force to
enhance coordination among the three major social safety nets in OPT operated by MoSD, UNRWA, and
WFP").  A sentence answer reads every organisation its sentence names, so the agent joined the
bodies it worked with.  The author stays an answer when its evidence writes it in one list with
another answer ("together with UNDP, UNICEF and ILO", "the ILO, UNICEF, and the EU") or as a joint
agent with one ("the ILO, in cooperation with UNHCR, also published ..."), and always when it is the
only answer.
"""
from __future__ import annotations

import re

# a list ("UNDP, UNICEF and ILO") or a joint agent ("the ILO, in cooperation with UNHCR, published")
_JOIN = (r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*/\s*|"
         r",?\s+(?:(?:in\s+(?:cooperation|collaboration|partnership)|together|jointly)\s+)?with\s+)(?:the\s+)?")


def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(n) for n in sorted({n for n in names if len(n) >= 2}, key=len, reverse=True))


def listed_with(text: str, author_names: list[str], other_names: list[str]) -> bool:
    """Does ``text`` write one of the author's names next to one of the others' in a list
    ("UNICEF, the ILO", "UNDP, UNICEF and ILO")?"""
    a, o = _alternation(author_names), _alternation(other_names)
    if not a or not o:
        return False
    pattern = rf"(?<![\w-])(?:(?:{a}){_JOIN}(?:{o})|(?:{o}){_JOIN}(?:{a}))(?![\w-])"
    return re.search(pattern, text) is not None


def drop_author_agent(answers: list[dict], strategy: str, author_iris: set[str], names_of) -> list[dict]:
    """``answers`` without the author's entry when they come from sentences (``strategy`` "text...")
    whose evidence never lists the author among the other answers; ``names_of(iri)`` gives the
    names an answer is written with."""
    if not strategy.startswith("text") or len(answers) < 2:
        return answers
    authors = [x for x in answers if x.get("iri") in author_iris]
    if not authors:
        return answers
    others = [n for x in answers if x.get("iri") not in author_iris for n in names_of(x["iri"])]
    keep = []
    for x in answers:
        if x in authors:
            texts = [e.get("text") or "" for y in answers for e in y.get("evidence") or ()]
            if not any(listed_with(t, names_of(x["iri"]), others) for t in texts):
                continue
        keep.append(x)
    return keep if len(keep) < len(answers) and keep else answers
