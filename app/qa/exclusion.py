"""Entities a question sets aside: "apart from Suriname, which other country ...", "besides the EU,
who funds ...", "other than Jordan".

The named entity is context, not an answer: it is dropped from whatever the graph or the text
step returns.  The cue words are closed-class English; the entities are the question's own links,
so nothing here knows a report fact.
"""
from __future__ import annotations

import re

from graph.rdf import entity_uri

CUE = re.compile(r"\b(apart from|aside from|besides|other than|except(?:\s+for)?|excluding|leaving aside|"
                 r"not counting|in addition to)\b", re.I)
# The set-aside phrase ends at a clause break or where the question proper starts.
_JOINER = re.compile(r"[\s,]*(?:(?:and|or|as well as)\s+)?(?:the\s+)?", re.I)  # between listed names
_CLAUSE_END = re.compile(r"[,;?]|\s(?:which|what|who|whom|where|when|how|did|does|do|is|are|was|were|has|have)\b", re.I)


def set_aside(question: str, links) -> set[str]:
    """Entity ids the question sets aside: the names right after a cue, and the names listed on
    from there ("apart from Kenya and Uganda").  A cue followed by a condition ("except those
    funded by the EU") sets nothing aside: that is a negated relation, not a name."""
    out: set[str] = set()
    ordered = sorted(links, key=lambda l: l.start)
    for m in CUE.finditer(question):
        end_m = _CLAUSE_END.search(question, m.end())
        end = end_m.start() if end_m else len(question)
        pos = m.end()
        for l in ordered:
            if l.start < pos:
                continue
            if l.end > end or not _JOINER.fullmatch(question[pos:l.start]):
                break
            out.update(l.ids)
            pos = l.end
    return out


def aside_phrases(question: str) -> list[str]:
    """The words each cue sets aside, up to the clause's end ("apart from Karnataka"): a name read
    from a sentence (no graph entity) is matched against them."""
    out = []
    for m in CUE.finditer(question):
        end_m = _CLAUSE_END.search(question, m.end())
        out.append(question[m.end():end_m.start() if end_m else len(question)].strip().lower())
    return [p for p in out if p]


def drop(answers: list[dict], ids: set[str], phrases: list[str] = ()) -> list[dict]:
    """The answers without the set-aside entities (matched by IRI) and without text answers the
    set-aside phrases name (a whole-word match of the label)."""
    if not ids and not phrases:
        return answers
    iris = {str(entity_uri(i)) for i in ids}

    def named(label: str) -> bool:
        low = " ".join(label.lower().split())
        return len(low) >= 3 and any(re.search(r"(?<!\w)" + re.escape(low) + r"(?!\w)", p) for p in phrases)

    return [x for x in answers if x.get("iri") not in iris and not (x.get("iri") is None and named(x.get("label", "")))]
