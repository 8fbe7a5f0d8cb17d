"""Linked names the report never mentions: a gazetteer knows them, the graph does not.

"Which countries does Finland finance?" links "Finland" to the ISO country FIN through the
gazetteer, but the report never writes Finland, so the graph has no entity for it: any answer
would come from the rest of the question ("finance", "countries") read without its subject.  The
honest answer is none.  ``absent_names`` catches capitalised names the linker does not know;
this catches the ones it knows only from general vocabulary (ISO countries, organisation
acronyms) and the report does not.

A name the asker sets aside ("funders of Kenya other than Canada") is excluded, not asked, so it
does not make the question unanswerable.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from app.qa.question import Link

# An exclusion word just before the name: "other than Canada", "except (for) the Canada ...".
_SET_ASIDE = re.compile(r"\b(?:other\s+than|except(?:\s+for)?|apart\s+from|besides|excluding|not(?:\s+by)?|but\s+not|aside\s+from)"
                        r"\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)


def unknown_entities(question: str, links: Iterable[Link], known: Callable[[str], bool]) -> list[str]:
    """Surfaces of links none of whose ids is an entity of the graph (``known``), unless the
    question sets the name aside.  Order of first appearance, each surface once."""
    out: list[str] = []
    for link in sorted(links, key=lambda l: l.start):
        if not link.ids or any(known(i) for i in link.ids):
            continue
        if _SET_ASIDE.search(question[:link.start]):
            continue
        if link.surface not in out:
            out.append(link.surface)
    return out
