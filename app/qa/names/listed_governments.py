"""A country named in a list of organisations is that country's government acting as a donor or partner.

"The ILO, alongside UNICEF, the European Union, the Netherlands, and the United Kingdom, renewed
commitments ...", "€67 million secured through contributions from the European Union (EU), France,
and Spain", "25 members including ILO, WHO, the World Bank, Switzerland, France, Germany": when a
question asks for organisations and the sentence that answers it lists them, the countries in the
same list are parties of the same kind, not places.  The graph already models this reading (a
donor country is its government's node, ``gov-ISO3``, linked by ``fg:governmentOf``); the sentence
reader only saw organisation mentions and so dropped every government from such lists.

Only a country written inside one coordinated list ("A, B and C": commas, "and", "as well as")
together with at least one organisation mention is read so, and only when the graph holds that
country's government as a node: "representatives from Zambia, Senegal and Ethiopia" lists places.
Nothing here names a country or an organisation of any report.
"""
from __future__ import annotations

import re

from graph import countries

# What may stand between two items of one list: a comma, "and", "as well as", "&", each optionally
# followed by "the" (the list's items are names, so nothing else stands between them); the item
# before may end in the acronym the report defines for it ("the European Union (EU), France").
_SEPARATOR = re.compile(r"^(?:\s*\([^()]{1,15}\))?\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+|&\s+)?|and\s+|as\s+well\s+as\s+|&\s+)(?:the\s+)?$",
                        re.I)


def listed_governments(text: str, start: int, end: int, org_spans: list[tuple[int, int]],
                       knowledge) -> list[tuple[str, int, int]]:
    """``(government entity id, start, end)`` for each country that ``text[start:end]`` writes in one
    list with an organisation (``org_spans``: that stretch's organisation mentions, offsets into
    ``text``) and whose government the graph holds.  Offsets are into ``text``."""
    if knowledge is None or not org_spans:
        return []
    seg = text[start:end]
    found = [(start + s, start + e, iso) for s, e, _surface, iso in countries.find_countries(seg)]
    if not found:
        return []
    items = sorted([(s, e, None) for s, e in org_spans] + found)
    # Drop a country mention inside an organisation's name ("Social Security Corporation (SSC) of
    # Jordan", "Government of China"): the name already answers.
    items = [it for it in items if it[2] is None or not any(s <= it[0] and it[1] <= e for s, e in org_spans)]
    groups: list[list[tuple[int, int, str | None]]] = []
    for it in items:
        if groups and _SEPARATOR.match(text[groups[-1][-1][1]:it[0]]):
            groups[-1].append(it)
        else:
            groups.append([it])
    out: list[tuple[str, int, int]] = []
    for g in groups:
        if not any(iso is None for _s, _e, iso in g):
            continue  # a list of places only
        for s, e, iso in g:
            gov = f"Organization:gov-{iso}" if iso else None
            if gov and knowledge.entity(gov):
                out.append((gov, s, e))
    return out
