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


# "which ILO convention covers employment injury benefits", "what recommendation is about social
# protection floors": the kind asked, a verb or preposition of subject, then the subject.
_BY_SUBJECT = re.compile(r"^\W*(?:which|what)\s+(?:(?:ilo|ilo['’]s|international|labour)\s+)*"
                         r"(?P<kind>convention|recommendation|standard|instrument)s?\s+"
                         r"(?:(?:is|are|was)\s+)?(?:cover(?:s|ed)?|deal(?:s|t)?\s+with|about|concern(?:s|ed)?|on|"
                         r"govern(?:s|ed)?|address(?:es|ed)?|regulat(?:es|ed)|protect(?:s|ed)?|set(?:s)?\s+(?:the\s+)?"
                         r"(?:minimum\s+)?standards?\s+(?:for|on)|for|relat(?:es|ed|ing)\s+to)\s+"
                         r"(?P<subject>[^?]+?)\s*\??\s*$", re.I)
_KIND_WORDS = {"convention", "recommendation", "revised", "no"}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in _KIND_WORDS}


def instrument_by_subject(a: Analysis, knowledge) -> str | None:
    """The one numbered instrument of the graph whose title ("Employment Injury Benefits
    Convention") the question's subject writes in full ("which ILO convention covers employment
    injury benefits"), of the kind asked; None when none or several do.  The titles come from the
    instruments' names (the ILO's own titles, a general gazetteer), never from the report's facts."""
    m = _BY_SUBJECT.match(a.question)
    if m is None or a.answer_type not in ("Convention", "Text"):
        return None
    if re.search(r"\b(?:did|does|do|has|have|had|was|were|is|are|will|would)\b", m.group("subject"), re.I) \
            or any(l.type in ("Country", "Region") for l in a.links):
        return None  # "which convention on maternity protection did Angola ratify": a relation is asked
    kind = m.group("kind").lower()
    subject = _words(m.group("subject")) | {w[:-1] for w in _words(m.group("subject")) if w.endswith("s")}
    found = []
    for ent in knowledge.of_type("LegalInstrument"):
        names = knowledge.names(ent["id"])
        if not any(instrument_number(n) for n in names):
            continue
        for n in names:
            low = n.lower()
            if kind in ("convention", "recommendation") and kind not in low:
                continue
            title = _words(re.sub(r",?\s*\d{4}.*$|\(no\.?\s*\d+\)", " ", low))
            if len(title) >= 2 and not instrument_number(n) and title <= subject:
                found.append((len(title), ent["id"]))
                break
    if not found:
        return None
    best = max(found)[0]
    top = {eid for n, eid in found if n == best}
    return next(iter(top)) if len(top) == 1 else None


_FULL_TITLE = re.compile(r"\b(?:full|official|complete|formal)\s+(?:title|name)s?\b|\bwhat\s+is\s+\S+(?:\s+\S+){0,3}\s+"
                         r"(?:officially|formally)\s+(?:called|titled|named)\b", re.I)


def full_title(a: Analysis, knowledge) -> tuple[str, str] | None:
    """(instrument, its longest name) when the question asks the full title of the one numbered
    instrument it links ("Convention 102 full title": "Social Security (Minimum Standards)
    Convention, 1952 (No. 102)"); None otherwise, or when no name is longer than its label."""
    if not _FULL_TITLE.search(a.question):
        return None
    ids = {i for l in a.links for i in l.ids}
    if len(ids) != 1 or not next(iter(ids)).startswith("LegalInstrument:"):
        return None
    eid = next(iter(ids))
    names = knowledge.names(eid)
    if not any(instrument_number(n) for n in names):
        return None
    longest = max(names, key=len)
    return (eid, longest) if len(longest) > len(knowledge.label(eid)) else None


def titled(question: str, answers: list[dict], knowledge) -> list[dict]:
    """The answers with each numbered instrument labelled by its full title, when the question asks
    for full titles ("which recommendation does the programme lean on - full title?": "Social
    Protection Floors Recommendation, 2012 (No. 202)", not "Recommendation No. 202")."""
    if not _FULL_TITLE.search(question):
        return answers
    for x in answers:
        eid = (knowledge.entity_by_iri(x.get("iri") or "") or {}).get("id") or ""
        if not eid.startswith("LegalInstrument:"):
            continue
        names = knowledge.names(eid)
        longest = max(names, key=len) if names else ""
        if any(instrument_number(n) for n in names) and len(longest) > len(x.get("label", "")):
            x["label"] = longest
    return answers


__all__ = ["asked_instrument", "full_title", "instrument_by_subject", "titled"]
