"""The number of a convention or recommendation named by its subject, or the instrument a title names.

Why: "employment injury benefits convention number", "social protection floors recommendation
number", "what is the number of the maternity protection convention" name an ILO instrument by its
subject and ask which one it is.  The word "number" made them counts ("how many ..."), and no
count exists, so the engine answered nothing although the linker had found the instrument.  The
instrument's number is part of its name ("Convention No. 121"), so the instrument itself answers.

Only a numbered instrument (its name carries "No. N"), linked once, with "number" (or "no.")
written right beside its name -- never a question counting something ("number of ratifications
of Convention No. 102" counts ratifications: a counted noun stands between).
"""
from __future__ import annotations

import re

from app.qa.names.instrument_names import instrument_number
from app.qa.question import Analysis

_HOW_MANY = re.compile(r"\bhow\s+(?:many|much)\b", re.I)
# "... convention number", "... recommendation no", "... convention's number"
_AFTER = re.compile(r"^\s*(?:['’]s\s+)?(?:number|no\.?|num)\b(?!\s+of\b)", re.I)
# "number of the ... convention", "which number does the ... convention carry"
_BEFORE = re.compile(r"\b(?:number|no\.?)\s+(?:of\s+)?(?:the\s+|ilo(?:['’]s)?\s+)*$|\bwhat\s+number\b.*$", re.I)

# "which ILO convention is the ...", "what is the ... convention": the instrument is asked by its
# title alone (the whole question is that, nothing follows the title), so it answers itself
_WHICH_IS = re.compile(r"^\s*(?:which|what)\s+(?:(?:ilo|ilo's|international|labour)\s+)*"
                       r"(?:(?:conventions?|recommendations?|instruments?|standards?)\s+(?:or\s+\w+\s+)?)?"
                       r"is\s+(?:the\s+|ilo(?:['’]s)?\s+)*[\w\s(),'’-]+?\b(?:convention|recommendation)\s*\??\s*$", re.I)


def asked_instrument(a: Analysis, knowledge) -> str | None:
    """The linked numbered instrument whose number the question asks, else None."""
    if a.answer_type not in ("Number", "Text", "Convention") or _HOW_MANY.search(a.question):
        return None
    links = [l for l in a.links if l.type == "LegalInstrument" and len(l.ids) == 1]
    if len(links) != 1 or len({l.ids[0] for l in a.links if l.type == "LegalInstrument"}) != 1:
        return None
    link = links[0]
    eid = link.ids[0]
    if not any(instrument_number(n) for n in knowledge.names(eid)):
        return None
    if instrument_number(link.surface) or re.search(r"\d", link.surface):
        return None  # "Convention No. 102 number of ratifications": the number is already written
    before, after = a.question[:link.start], a.question[link.end:]
    if _AFTER.match(after) or _BEFORE.search(before):
        return eid
    if _WHICH_IS.match(a.question):
        return eid  # "which convention is the maternity protection convention?": which one, by number
    return None
    return None


__all__ = ["asked_instrument"]
