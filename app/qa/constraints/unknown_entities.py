"""Linked names the report never mentions: a gazetteer knows them, the graph does not.

"Which countries does Finland finance?" links "Finland" to the ISO country FIN through the
gazetteer, but the report never writes Finland, so the graph has no entity for it: any answer
would come from the rest of the question ("finance", "countries") read without its subject.  The
honest answer is none.  ``absent_names`` catches capitalised names the linker does not know;
this catches the ones it knows only from general vocabulary (ISO countries, organisation
acronyms) and the report does not.

The same holds for a numbered ILO instrument the question cites and the report never does
("convention 130 ratifications", "the Domestic Workers Convention (No. 189)"): the graph holds no
instrument of that number, so the nearest one (Convention No. 102) answered in its place.
:func:`uncited_instruments` finds such citations (general citation forms only, no numbers of a report).

A name the asker sets aside ("funders of Kenya other than Canada") is excluded, not asked, so it
does not make the question unanswerable.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from app.qa.question import Link

# An exclusion word just before the name: "other than Canada", "except (for) the Canada ...".
SET_ASIDE_BEFORE = re.compile(r"\b(?:other\s+than|except(?:\s+for)?|apart\s+from|besides|excluding|not(?:\s+by)?|but\s+not|aside\s+from)"
                        r"\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)


def unknown_entities(question: str, links: Iterable[Link], known: Callable[[str], bool]) -> list[str]:
    """Surfaces of links none of whose ids is an entity of the graph (``known``), unless the
    question sets the name aside.  Order of first appearance, each surface once."""
    out: list[str] = []
    for link in sorted(links, key=lambda l: l.start):
        if not link.ids or any(known(i) for i in link.ids):
            continue
        if SET_ASIDE_BEFORE.search(question[:link.start]):
            continue
        if link.surface not in out:
            out.append(link.surface)
    return out


# A cited instrument: "C130", "convention 168", "Convention No. 189", "Convention, 2011 (No. 189)",
# "recommendation nº 67".  The kind word (or its initial) comes first; a year and brackets may sit
# between it and the number designator.
_CITATION = re.compile(r"\b(?:(?:c|r)\s*[-.]?\s*|(?:conventions?|recommendations?)\s*(?:,?\s*\d{4}\s*)?\(?\s*(?:(?:no\.?|number|nº)\s*)?)"
                       r"(\d{2,3})\b(?![.,]\d|\s*(?:%|per\s*cent|percent|million|billion|thousand|countries|states|years?)\b)",
                       re.I)


def uncited_instruments(question: str, links: Iterable[Link], numbers: Iterable[str]) -> list[str]:
    """Citations of numbered instruments whose number no instrument of the graph has (``numbers``:
    the graph's instrument numbers), unless a link already reads the span (a mistyped number the
    linker resolved) or the question sets the citation aside."""
    held = {n.lstrip("0") for n in numbers}
    spans = [(l.start, l.end) for l in links]
    out: list[str] = []
    for m in _CITATION.finditer(question):
        if m.group(1).lstrip("0") in held or any(s < m.end() and m.start() < e for s, e in spans):
            continue
        if SET_ASIDE_BEFORE.search(question[:m.start()]):
            continue
        kind = "Recommendation" if m.group(0)[:1].lower() == "r" else "Convention"
        surface = f"{kind} No. {m.group(1)}"
        if surface not in out:
            out.append(surface)
    return out
