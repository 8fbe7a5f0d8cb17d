"""'What is the OPG?', 'tell me about the Haba Haba scheme': a question that asks what one named
thing is.

Why: such a question names one scheme, initiative, convention, project or publication and asks for
nothing else, so the template guess reached for the one relation the graph holds for it and
answered its country ("what is the OPG" -> Malawi).  The answer a reader expects is the thing
itself (its full name and acronym) with the sentences that describe it as evidence.

The question qualifies only when, once its opener ("what is", "tell me about", "what does ... do"),
the linked name, a country the thing is placed in, articles, kind nouns and punctuation are taken
away, nothing is left: "what is the OPG's monthly benefit" asks something else and is left alone.
"""
from __future__ import annotations

import re

from app.qa.question import Analysis, answer_type

# the kinds of named thing a definition question asks about (a country or organisation is asked
# about by its relations: "what is Kenya" is not a question this report answers by a definition)
_DEFINED = ("Scheme", "Initiative", "LegalInstrument", "Project", "Publication")
_OPENER = re.compile(r"^\s*(?:(?:so|and|ok|okay|please)[,\s]+)?(?:what\s+(?:exactly\s+|precisely\s+)?(?:is|was|are|were)|what['’]s|"
                     r"tell\s+me\s+(?:more\s+)?about|describe|explain|define|who\s+(?:is|are)|"
                     r"what\s+(?:does|did|do))\b", re.I)
_LEFTOVER = re.compile(r"\b(?:the|a|an|its|this|that|in|of|exactly|briefly|actually|called|known\s+as|"
                       r"do|does|did|doing|for|scheme|programme|program|initiative|network|convention|"
                       r"recommendation|project|fund|system|allowance|grant|benefit|partnership|report)\b|['’]s\b|"
                       r"[?.!,;:'\"()\-–—]", re.I)


# "is there a report on ...", "does the report mention a scheme called ...": the thing is asked for
_EXISTS = re.compile(r"^\s*(?:is\s+there|are\s+there|was\s+there|were\s+there|does\s+the\s+report\s+"
                     r"(?:mention|include|list|cite|name|have)|do\s+you\s+have)\b", re.I)
# the graph type a stated answer type is held as
_HELD_AS = {"Publication": "Publication", "Scheme": "Scheme", "Initiative": "Initiative", "Convention": "LegalInstrument"}


def existing_entity(a: Analysis) -> str | None:
    """'Is there a report on fiscal space for social protection in Timor-Leste?': the one named
    thing of the asked kind the question links, answered as itself (not its country); else None."""
    if not _EXISTS.match(a.question):
        return None
    held = _HELD_AS.get(answer_type(a.question))
    ids = list(dict.fromkeys(i for l in a.links for i in l.ids if held and i.startswith(held + ":")))
    return ids[0] if len(ids) == 1 else None


def defined_entity(a: Analysis) -> str | None:
    """The id of the one named thing a definition question asks about (or whose existence it asks
    about, :func:`existing_entity`), else None."""
    if _EXISTS.match(a.question):
        return existing_entity(a)
    m = _OPENER.match(a.question)
    if not m:
        return None
    named = [l for l in a.links if l.start >= m.end() and l.type in _DEFINED]
    if len({i for l in named for i in l.ids if i.split(":", 1)[0] in _DEFINED}) != 1:
        return None
    rest = a.question[m.end():]
    for l in sorted(a.links, key=lambda l: -l.start):
        if l.start >= m.end() and (l in named or l.type == "Country"):
            rest = rest[:l.start - m.end()] + " " + rest[l.end - m.end():]
    if _LEFTOVER.sub(" ", rest).strip():
        return None
    return next(i for l in named for i in l.ids if i.split(":", 1)[0] in _DEFINED)
