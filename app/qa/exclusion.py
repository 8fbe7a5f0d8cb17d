"""Names a question sets aside: "except the EU, who funds ...", "besides Portugal", "other than Kenya".

A name after an exclusion word is not a constraint (it is not the country whose funders are
asked, nor a funder the answers must share): it is an answer to leave out.  :func:`set_aside`
blanks the exclusion phrase (same length, so every offset stays valid), analyses the question
again without it, and returns the entity ids to drop from the answers.  Plain English only.
"""
from __future__ import annotations

import re

from app.qa.question import Analysis, Lexicon, analyse

# "except (for) the EU", "besides Portugal and Ireland", "apart from", "other than", "excluding".
_EXCLUDE = re.compile(r"\b(?:except(?:\s+for)?|excluding|besides|apart\s+from|aside\s+from|other\s+than|"
                      r"not\s+counting|leaving\s+out|with\s+the\s+exception\s+of)\s+(?:the\s+)?", re.I)
_JOIN = re.compile(r"\s*(?:,|and|or|&)\s*(?:the\s+)?", re.I)
_SET_ASIDE_TYPES = ("Country", "Organization", "Initiative")


def set_aside(a: Analysis, lexicon: Lexicon) -> Analysis:
    """The analysis without the excluded names, their entity ids in ``excluded`` (the same analysis
    when the question sets nothing aside)."""
    spans: list[tuple[int, int]] = []
    ids: set[str] = set()
    for m in _EXCLUDE.finditer(a.question):
        pos, end = m.end(), None
        while True:
            link = next((l for l in a.links if l.start == pos and l.type in _SET_ASIDE_TYPES), None)
            if link is None:
                break
            ids.update(link.ids)
            end = link.end
            j = _JOIN.match(a.question, link.end)
            if j is None or j.end() == link.end:
                break
            pos = j.end()
        if end is not None:
            spans.append((m.start(), end))
    if not ids:
        return a
    q = a.question
    for s, e in spans:
        q = q[:s] + " " * (e - s) + q[e:]
    out = analyse(q, lexicon)
    out.excluded = ids
    return out


def drop_excluded(answers: list[dict], excluded: set[str], entity_by_iri) -> list[dict]:
    """Answers that are not among the set-aside entities."""
    if not excluded:
        return answers
    out = []
    for x in answers:
        ent = entity_by_iri(x["iri"]) if x.get("iri") else None
        if ent is None or ent["id"] not in excluded:
            out.append(x)
    return out


__all__ = ["set_aside", "drop_excluded"]
