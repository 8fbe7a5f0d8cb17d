"""The body that runs a scheme the question describes instead of naming.

"What fund in Nepal runs the new contributory schemes for informal, self-employed and migrant
workers?", "nepal fund running contributory schemes for informal and migrant workers": the
question asks for an institution (a fund, an agency, an authority) by what it does to a scheme,
and gives the scheme by a description, not by its name.  Without a scheme to link, the template
guess read these as a country's funders, or answered with the scheme's own description.

The graph holds who administers a scheme (``administeredBy``).  When the question asks for a body
with a verb of running, and :func:`app.qa.multihop.described_scheme.described` finds the one scheme
of the question's country that it describes, the answer is that scheme's administering bodies.
Only ordinary English (the body nouns and running verbs) is written here; the schemes, their
bodies and their countries come from the graph.
"""
from __future__ import annotations

import re

from app.qa.question import Analysis

# The noun that asks for a body, right after the question word (up to two modifiers between:
# "which Nepali fund", "what national agency"), or, in a keyword query, standing before its verb.
_BODY = r"(?:funds?|institutions?|institutes?|bod(?:y|ies)|agenc(?:y|ies)|authorit(?:y|ies)|organi[sz]ations?|offices?|boards?)"
_RUN = r"(?:runs?|running|ran|administers?|administering|administered|manages?|managing|managed|operates?|operating|" \
       r"operated|implements?|implementing|implemented|oversees?|overseeing|in\s+charge\s+of)"
_ASKED = re.compile(rf"\b(?:which|what)\s+(?:[\w'’-]+\s+){{0,2}}?{_BODY}\b(?:\s+[\w'’-]+){{0,3}}?\s+{_RUN}\b", re.I)
_QUESTION_WORD = re.compile(r"\b(?:who|whom|whose|what|which|when|where|why|how)\b", re.I)
_KEYWORD = re.compile(rf"\b{_BODY}\s+(?:that\s+|which\s+)?{_RUN}\b", re.I)


def asks_body_of_scheme(question: str) -> bool:
    """True when the question asks which body runs something ("which fund runs ...", "fund running ...")."""
    if _ASKED.search(question):
        return True
    return not _QUESTION_WORD.search(question) and bool(_KEYWORD.search(question))


def _asking_words(question: str) -> frozenset[str]:
    """The words that ask for the body (its noun, the verb of running): not words of the scheme."""
    from app.qa.units import terms

    m = _ASKED.search(question) or _KEYWORD.search(question)
    said = m.group(0) if m else ""
    return frozenset(t for w in re.findall(rf"{_BODY}|{_RUN}", said, re.I) for t in terms(w))


def body_of_described(a: Analysis, knowledge) -> tuple[str, list[str], list[dict]] | None:
    """(scheme, the words that chose it, its administeredBy facts) when the question asks which body
    runs a scheme it describes and links no scheme itself; else None."""
    if a.negated or any(l.type in ("Scheme", "Project") for l in a.links) or not asks_body_of_scheme(a.question):
        return None
    from app.qa.multihop.described_scheme import described

    found = described(a, knowledge, need_name=False, asking=_asking_words(a.question))
    if not found:
        return None
    eid, why = found
    facts = knowledge.facts_where(subject=eid, predicate="administeredBy")
    return (eid, why, facts) if facts else None


__all__ = ["asks_body_of_scheme", "body_of_described"]
