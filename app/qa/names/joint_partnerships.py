"""A two-party partnership named by its partners: "the countries where the ILO and the IMF have
worked together since 2021", "where the ILO and IMF work together".

The report names such a partnership by its partners' short names joined by a hyphen ("ILO-IMF
Partnership"); people say instead that the two worked together, and the question linked two
organisations, so its membership lists were out of reach.  Two linked organisations joined by
"and", followed closely by a word of working together ("together", "jointly", "partnership",
"collaborate", "teamed up"), name the one initiative whose own name joins their short names; the
pair's link becomes the initiative's.  Nothing here names an initiative: the cue words are
ordinary English and the names come from the knowledge base.
"""
from __future__ import annotations

import re

from app.qa.question import Link

_JOINED = re.compile(r"^\s*,?\s*(?:and|&)\s+(?:the\s+)?$", re.I)
_TOGETHER = re.compile(r"^[^?.;]{0,40}?\b(?:together|jointly|partnership|partnered|collaborat\w*|teamed\s+up)\b", re.I)
_SEP = r"\s*[-–—/]\s*"


def _short(knowledge, eid: str) -> list[str]:
    """The names an organisation goes by in a joined name: its acronym and its one-word names."""
    ent = knowledge.entity(eid) or {}
    out = [ent["acronym"]] if ent.get("acronym") else []
    out += [n for n in knowledge.names(eid) if " " not in n and n not in out]
    return out


def resolve(question: str, links: list[Link], knowledge) -> list[Link]:
    """The links with each "<A> and <B> ... together" pair replaced by the partnership named <A>-<B>."""
    if knowledge is None or not hasattr(knowledge, "of_type"):
        return links
    orgs = sorted((l for l in links if len(l.ids) == 1 and l.ids[0].startswith("Organization:")), key=lambda l: l.start)
    for a, b in zip(orgs, orgs[1:]):
        if not _JOINED.match(question[a.end:b.start]) or not _TOGETHER.match(question[b.end:]):
            continue
        pairs = [(x, y) for x in _short(knowledge, a.ids[0]) for y in _short(knowledge, b.ids[0])]
        rx = re.compile("|".join(rf"\b{re.escape(x)}{_SEP}{re.escape(y)}\b|\b{re.escape(y)}{_SEP}{re.escape(x)}\b"
                                 for x, y in pairs), re.I) if pairs else None
        hits = {e["id"] for e in knowledge.of_type("Initiative") if rx is not None
                and any(rx.search(n) for n in knowledge.names(e["id"]))}
        if len(hits) != 1:
            continue
        joined = Link(a.start, b.end, question[a.start:b.end], [hits.pop()])
        return sorted([l for l in links if l is not a and l is not b] + [joined], key=lambda l: l.start)
    return links
