"""What an acronym stands for: "What does OPG stand for in Malawi?", "nigeria BHCPF full name".

The question names a thing by its acronym and asks for the words behind it.  The template guess
read it as the thing's country or nothing ("BHCPF full name" matched "[organisation] country" and
found no country to give), or answered the full name with the acronym appended, which repeats
what the reader already has.  The answer is the linked thing's own label: its full name.

Only when the question says so in so many words right beside the acronym ("OPG stand for", "BHCPF
full name", "the full name of the BHCPF?") and that name is written as the thing's acronym; a "full
title" or an "expanded phase" elsewhere in the question is no such cue.  Ordinary English only.
"""
from __future__ import annotations

import re

# The cue right after the acronym ("OPG stand for", "BHCPF full name") or right before it ("the full
# name of the BHCPF", "short for OPG" closing the question).
_AFTER = re.compile(r"^\s*(?:stands?\s+for|full\s+(?:name|form)|(?:is\s+)?(?:spelt|spelled)\s+out)\b", re.I)
_BEFORE = re.compile(r"\b(?:full\s+(?:name|form)|short|abbreviation|acronym)\s+(?:of|for)\s+(?:the\s+)?$", re.I)
_LISTED = re.compile(r"(?:\band|\bor|,|&)\s*$", re.I)
_CLOSES = re.compile(r"^\s*(?:\?|$|,|in\s+[A-Z])", re.I)


def expanded(question: str, links, knowledge) -> str | None:
    """The id of the one thing the question names by its acronym and asks the full name of, else None."""
    hits = []
    for link in links:
        if not (_AFTER.match(question[link.end:]) or
                (_BEFORE.search(question[:link.start]) and _CLOSES.match(question[link.end:]))):
            continue
        if _LISTED.search(question[:link.start]):
            return None  # "what do HWG and SPT stand for": several asked, not one answer
        said = re.sub(r"[.\s]", "", link.surface).lower()
        for eid in link.ids:
            ent = knowledge.entity(eid) or {}
            acr = ent.get("acronym") or ""
            if acr and acr.replace(".", "").lower() == said and ent.get("label") and ent["label"].lower() != said:
                hits.append(eid)
    hits = list(dict.fromkeys(hits))
    return hits[0] if len(hits) == 1 else None


def _spells(name: str, acronym: str) -> bool:
    """Do the name's initials spell the acronym, in order, starting with its first word?  Small
    words may or may not lend a letter ("Lifelong Empowerment And Protection" is LEAP)."""
    initials = "".join(w[0] for w in re.findall(r"[\w']+", name)).lower()
    it = iter(initials)
    return bool(initials) and initials[0] == acronym[0] and all(c in it for c in acronym)


def spelt_name(label: str, names: list[str], acronym: str) -> str:
    """The words the acronym stands for.  A thing labelled by its acronym and a kind word ("LEAP
    project") has its expansion among its other names ("Lifelong Empowerment and Protection in
    Albania"): the name whose initials spell the acronym is the answer, not the label that
    repeats the acronym.  Any other label is the full name already, and stays."""
    acr = re.sub(r"[.\s]", "", acronym).lower()
    if not acr or not re.search(rf"\b{re.escape(acronym)}\b", label, re.I):
        return label
    spelt = [n for n in names if len(n.split()) > 1 and not re.search(rf"\b{re.escape(acronym)}\b", n, re.I)
             and _spells(n, acr)]
    return min(spelt, key=len) if spelt else label


# The reverse: a name written out, then the cue asking its short form ("cyprus health insurance
# organisation acronym", "what is the acronym of the Health Insurance Organization?").
_ACRONYM_AFTER = re.compile(r"^\s*(?:['’]s\s+)?(?:acronym|abbreviation|initials|short\s+(?:name|form))\b", re.I)
_ACRONYM_BEFORE = re.compile(r"\b(?:acronym|abbreviation|initials|short\s+(?:name|form))\s+(?:of|for)\s+(?:the\s+)?$", re.I)


def abbreviated(question: str, links, knowledge) -> str | None:
    """The id of the one thing the question names in full and asks the acronym of, else None."""
    hits = []
    for link in links:
        if not (_ACRONYM_AFTER.match(question[link.end:]) or _ACRONYM_BEFORE.search(question[:link.start])):
            continue
        if _LISTED.search(question[:link.start]):
            return None  # several asked, not one answer
        for eid in link.ids:
            ent = knowledge.entity(eid) or {}
            acr = ent.get("acronym") or ""
            if acr and re.sub(r"[.\s]", "", link.surface).lower() != acr.replace(".", "").lower():
                hits.append(eid)
    hits = list(dict.fromkeys(hits))
    return hits[0] if len(hits) == 1 else None
