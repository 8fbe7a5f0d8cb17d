"""A question word that is an organisation's acronym, written as that name, stays a name.

Why: keyword queries put their question word anywhere and the query is read with it moved to the
front ("jordan who pays" -> "who jordan pays", :mod:`app.qa.form.keyword_order`).  But "who" is also the
World Health Organization's acronym, and in "joint ilo who guidance 2024" or "ILO-WHO joint
publication" it names a body: moved to the front it made the query ask "who ...?" and the answer
an organisation instead of the publication.  A question word is read as an organisation's acronym
(any acronym of the graph equal to it) when it is written in capitals after the query's first
word, or is joined to another organisation's name ("who/ilo", "ilo-who", "who and the ilo", and in a
keyword query without an auxiliary verb or an opening "apart from", side by side: "ilo who").  Such a word is kept in place, written in capitals, while the rest of the query is reordered.
"""
from __future__ import annotations

import re
from typing import Callable

_QWORDS = re.compile(r"(?<![\w.])(who|whom|where|when)(?![\w.])", re.I)
_MARKED_JOIN = r"(?:\s*[-/&]\s*|\s+and\s+(?:the\s+)?)"
_JOIN = rf"(?:{_MARKED_JOIN}|\s+)"  # in a keyword query two names side by side are a list ("ilo who")
# an auxiliary makes the query a sentence, where "who" after a name asks ("besides unicef who did ...")
_AUX = re.compile(r"\b(?:did|does|do|is|are|was|were|has|have|had|can|could|will|would)\b", re.I)
# so does a set-aside opener: "apart from the ILO who co-chairs ...?" sets a name aside, then asks
_ASIDE_OPENER = re.compile(r"^\s*(?:apart\s+from|aside\s+from|besides|other\s+than|except(?:\s+for)?|excluding|"
                           r"(?:setting|leaving|putting)\s+aside)\b", re.I)
_PLACEHOLDER = "Qwordacronym{}"


def acronym_spans(query: str, acronyms: set[str], org_spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Spans of the question words in ``query`` that name an organisation by its acronym, with
    that acronym; ``org_spans`` are where other organisations' names are linked."""
    found = []
    for m in _QWORDS.finditer(query):
        acronym = m.group(1).upper()
        if acronym not in acronyms:
            continue
        capitals = m.group(1).isupper() and m.start() > 0 and not query[:m.start()].isupper()
        sentence = _AUX.search(query) or _ASIDE_OPENER.match(query)
        join = _JOIN if not sentence else _MARKED_JOIN  # "besides unicef who did ...": the question word
        joined = any(re.fullmatch(join, query[e:m.start()]) or re.fullmatch(join, query[m.end():s])
                     for s, e in org_spans if (s, e) != (m.start(), m.end()))
        if capitals or joined:
            found.append((m.start(), m.end(), acronym))
    return found


def organisation_spans(query: str, acronyms: set[str], linked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where ``query`` names an organisation: its linked names, and any word that is an
    organisation's acronym in whatever case ("ilo", "unicef"), question words aside."""
    words = [(m.start(), m.end()) for m in re.finditer(r"[\w&]+", query)
             if m.group(0).upper() in acronyms and not _QWORDS.fullmatch(m.group(0))]
    return sorted(set(linked) | set(words))


def held_names(query: str, acronyms: set[str], linked_orgs: Callable[[str], list[tuple[int, int]]]) -> list[tuple[int, int, str]]:
    """:func:`acronym_spans` of ``query``; the names are linked (``linked_orgs``) only when a
    question word that is an acronym is in it."""
    if not any(m.group(1).upper() in acronyms for m in _QWORDS.finditer(query)):
        return []
    return acronym_spans(query, acronyms, organisation_spans(query, acronyms, linked_orgs(query)))


def reorder_keeping_names(query: str, spans: list[tuple[int, int, str]], reorder: Callable[[str], str]) -> str:
    """``reorder(query)`` with the acronym spans held in place as their names (in capitals)."""
    if not spans:
        return reorder(query)
    held = query
    for i, (s, e, _) in enumerate(sorted(spans, reverse=True)):
        held = held[:s] + _PLACEHOLDER.format(i) + held[e:]
    out = reorder(held)
    for i, (_, _, acronym) in enumerate(sorted(spans, reverse=True)):
        out = out.replace(_PLACEHOLDER.format(i), acronym)
    return out
