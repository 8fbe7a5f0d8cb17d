"""What replaced a body or scheme, or what it replaced: "waht replaced the NHIF in Keyna?",
"kenya NHIF replaced by which new authority".

Why: the graph holds no succession relation, and the template guess read these as the named
body's country or its partners.  The report writes a succession in a few fixed English shapes:
"the transition from the former X to the newly established Y", "Y replaced X", "X was replaced by
Y".  When the question asks with a verb of replacing and links one body or scheme (of the country
it names, when it names one), the sentences of that thing's passages are read for those shapes,
and the other party (a body or scheme the build found in the same sentence) is the answer.  Only
ordinary English is written here; names come from the graph's mentions.
"""
from __future__ import annotations

import re
from functools import lru_cache

from app.qa.question import Analysis

_ASKS = re.compile(r"\b(?:replac(?:e|es|ed|ing|ement)|succe(?:ed|eds|eded|ssor)|superseded?|took\s+over\s+from|"
                   r"taken\s+over\s+from|take\s+over\s+from|took\s+the\s+place\s+of)\b", re.I)
_KINDS = ("Organization", "Scheme")
_ACRONYM = r"(?:\s*\([A-Z][\w&-]*\))?"
_ADJ = r"(?:(?:former|old|previous|existing|newly\s+(?:established|created|set\s+up)|new)\s+)?"
# old -> new, with the text before the old and between the two
_FROM_TO = (re.compile(r"\bfrom\s+(?:the\s+)?" + _ADJ + r"$", re.I),
            re.compile(r"^" + _ACRONYM + r"\s+(?:in)?to\s+(?:the\s+)?" + _ADJ + r"$", re.I))
_OLD_BY_NEW = re.compile(r"^" + _ACRONYM + r",?\s+(?:(?:was|is|has\s+been|had\s+been|will\s+be|being)\s+)?"
                         r"(?:replaced|succeeded|superseded|taken\s+over)\s+by\s+(?:the\s+)?" + _ADJ + r"$", re.I)
_NEW_OVER_OLD = re.compile(r"^" + _ACRONYM + r",?\s+(?:(?:has|have|had|which|that)\s+)?(?:replaced|replaces|replacing|"
                           r"succeeded|superseded|took\s+over\s+from|takes\s+over\s+from)\s+(?:the\s+)?" + _ADJ + r"$", re.I)


# The places are asked, not the successor: "which countries have a fund that was replaced".
_PLACE_ASKED = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:countr(?:y|ies)|nations?|governments?|"
                          r"territor(?:y|ies)|regions?)\b|\bwhere\b|\bin\s+which\s+countr", re.I)


def asks_succession(question: str) -> bool:
    return bool(_ASKS.search(question)) and not _PLACE_ASKED.search(question)


@lru_cache(maxsize=1024)
def _pairs(knowledge, eid: str) -> tuple[tuple[str, str, str], ...]:
    """(old, new, passage id) for each succession a sentence of eid's passages writes with eid."""
    out = []
    for pid in knowledge.passages_mentioning(eid):
        p = knowledge.passage(pid)
        if p is None:
            continue
        ms = sorted((m for m in knowledge.mentions_in(pid) if m["type"] in _KINDS), key=lambda m: m["start"])
        for x, y in zip(ms, ms[1:]):
            xid, yid = f"{x['type']}:{x['key']}", f"{y['type']}:{y['key']}"
            if xid == yid or eid not in (xid, yid):
                continue
            between = p.text[x["end"]:y["start"]]
            if len(between) > 60 or re.search(r"[.;]", between):
                continue
            before = p.text[max(0, x["start"] - 40):x["start"]]
            if (_FROM_TO[0].search(before) and _FROM_TO[1].match(between)) or _OLD_BY_NEW.match(between):
                out.append((xid, yid, pid))
            elif _NEW_OVER_OLD.match(between):
                out.append((yid, xid, pid))
    return tuple(dict.fromkeys(out))


def other_party(a: Analysis, knowledge) -> tuple[str, str, str] | None:
    """(answer, the linked thing, passage id): what replaced the one body or scheme the question
    links, or what it replaced; None when the question does not ask so or the report writes none."""
    if a.negated or not asks_succession(a.question):
        return None
    where = {c.split(":", 1)[1] for c in a.linked("Country")}
    linked = [i for l in a.links if l.type in _KINDS for i in l.ids]
    if where:  # "the NHIF in Kenya": the one of that country
        linked = [i for i in linked if ((knowledge.entity(i) or {}).get("attrs") or {}).get("country") in where]
    found = {}
    for eid in dict.fromkeys(linked):
        for old, new, pid in _pairs(knowledge, eid):
            other = new if old == eid else old
            if other not in linked:
                found.setdefault(other, (other, eid, pid))
    return next(iter(found.values())) if len(found) == 1 else None


__all__ = ["asks_succession", "other_party"]
