"""Names of the asked kind that a question gives as context, never as its answer.

"Where was the course delivered in 2024, after its 2023 delivery in the DRC?", "Which university
led the Connect Network session?", "Which Swedish agency co-organised the panel with the ILO and
UNICEF?": the country or body the question itself names is what the asked one is set against.
The sentence that answers names it too, so reading every entity of the asked type out of that
sentence returns the context along with the answer.  A text answer therefore leaves out the
question's own names of the asked type; a pick among named candidates ("Kenya or Uganda: which
...") is a pool (:mod:`app.qa.constraints.choices`) and never reaches this filter.
"""
from __future__ import annotations

import re

from app.qa.graphstep import AUTHOR_ORGS
from app.qa.question import ENTITY_FOR_TYPE, Analysis

# "Which Swedish agency ...": a name read from the asked phrase itself describes the answer.
_ASKED_HEAD = re.compile(r"\b(?:which|what|whose)\s+(?:[\w-]+\s+)?$", re.I)


# "which organisations, including the ILO, ...": a name offered as one of the answers.
_OFFERED = re.compile(r"\b(?:including|such as|e\.g\.|like|incl\.?)\s+(?:the\s+)?$", re.I)
# "... results of 2024, e.g. Vietnam, Laos?", "for example Kenya or Uganda": a cue that opens a list of
# examples anywhere in a question (wider than ``_OFFERED``: "for example", "say", a bracket), and the
# glue between the list's names.
_EXAMPLES_OPEN = re.compile(r"(?:\b(?:such as|e\.g\.?|eg|for example|for instance|like|say)|[(\[])\s*[:,]?\s*(?:the\s+)?$", re.I)
_EXAMPLES_GLUE = re.compile(r"^\s*(?:,|;|/|&|\band\b|\bor\b|,\s*(?:and|or)\b)\s*(?:the\s+)?$", re.I)
# "together with the ILO", "alongside UNICEF", "besides FAO": a name set against the answer.
_ALONGSIDE = re.compile(r"\b(?:alongside|together with|along with|with|besides|other than|apart from|next to|"
                        r"as well as|and)\s+(?:the\s+)?$", re.I)


def context_names(a: Analysis) -> set[str]:
    """Ids of the entities of the asked type that the question names (its context)."""
    want = ENTITY_FOR_TYPE.get(a.answer_type)
    if want is None:
        return set()
    return {i for l in a.links if not _ASKED_HEAD.search(a.question[:l.start]) and not _OFFERED.search(a.question[:l.start])
            for i in l.ids if i.split(":", 1)[0] == want}


def offered_names(a: Analysis) -> set[str]:
    """Ids of the names a question gives as examples of its answer, not as a condition on it:
    "which Asia-Pacific countries are among the most significant results, e.g. Vietnam, Laos?"
    asks for the whole list, of which Viet Nam and Lao PDR are two.  A name counts when an example
    cue ("e.g.", "such as", "for example", "like", an opening bracket) stands right before it, or
    when it continues such a list ("Vietnam, Laos", "Kenya or Uganda")."""
    out: set[str] = set()
    prev_end = None
    for l in sorted(a.links, key=lambda x: x.start):
        before = a.question[:l.start]
        if _EXAMPLES_OPEN.search(before) or (prev_end is not None and _EXAMPLES_GLUE.match(a.question[prev_end:l.start])):
            out.update(l.ids)
            prev_end = l.end
        else:
            prev_end = None
    return out


# "With which UN body did the ILO publish ...", "together with whom has the ILO ...": the subject of
# the clause a "with which" question opens is the party the answer is set against.
_WITH_WHICH_SUBJECT = re.compile(r"^\W*(?:(?:together|jointly|along|alongside)\s+)?with\s+(?:which|what|whom|who)\b[^?]*?"
                                 r"\b(?:did|does|do|has|have|had|is|are|was|were|will)\s+(?:the\s+)?$", re.I)


# ... and the same asked with the preposition left at the end: "which organisation did the ILO
# publish the joint guidance with?" (the subject right after the question's auxiliary)
_WITH_LAST = re.compile(r"^\W*(?:which|what|who)\b[^?]*\bwith\s*[?.!]*\s*$", re.I)
_SUBJECT_AFTER_AUX = re.compile(r"^\W*(?:which|what|who)\b[^?,]*?\b(?:did|does|do|has|have|had|is|are|was|were|will)\s+(?:the\s+)?$",
                                re.I)


def partner_names(a: Analysis) -> set[str]:
    """The context names the question sets the answer against ("co-chair ... alongside the ILO"):
    these leave a graph answer too, whose relation would otherwise return them with the rest."""
    want = ENTITY_FOR_TYPE.get(a.answer_type)
    if want is None:
        return set()
    stranded = bool(_WITH_LAST.search(a.question))  # "which organisation did the ILO publish the guidance with?"
    return {i for l in a.links if (_ALONGSIDE.search(a.question[:l.start]) or _WITH_WHICH_SUBJECT.search(a.question[:l.start])
                                   or stranded and _SUBJECT_AFTER_AUX.search(a.question[:l.start]))
            and not _OFFERED.search(a.question[:l.start]) for i in l.ids if i.split(":", 1)[0] == want}


def author_is_context(a: Analysis) -> bool:
    """Does a question for organisations ask who works with, or who pays for, the report's author's
    work ("which UN agencies partner on LEAP", "who funds the Quito project")?  Then the author is
    the party the answers are set against, never one of them, though the sentence names it first
    ("the ILO and UNHCR supported ...")."""
    if a.answer_type != "Organization" or not (a.partner or a.fund):
        return False
    # "with which partners did the Ministry of Labor and Social Affairs launch the campaign": another
    # body is the one the partners are set against, and the author may be one of them ("in
    # collaboration with the ILO and the European Union"); the author is context again once named
    bodies = [i for l in a.links for i in l.ids if i.startswith("Organization:") and i not in AUTHOR_ORGS
              and not i.startswith("Organization:gov-")]
    return a.fund or not bodies or bool(set(a.linked("Organization")) & AUTHOR_ORGS)

