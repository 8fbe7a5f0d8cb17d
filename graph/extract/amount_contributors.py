"""Who put up a stated amount of money, and what it paid for (``fundedBy`` on the scheme or
project the amount bought).

Why: a country entry's financing line names who funds the ILO's work *there*; a sentence may say
more: "with ILO's technical support and €67 million secured through contributions from the
European Union (EU), France, and Spain, the Ministry ... introduced the first-ever rights-based
social allowances ...".  Before this module the contributors of such an amount were partners of
the country at most, and "who put up the €67 million behind the allowances?" had no graph answer.
The money paid for the scheme (or project) the same sentence names, so the scheme is what they
fund; the country's own financing line is left alone, because the report keeps the two apart
(a donor of one scheme is not thereby a funder of the programme in that country).

The shape read: an amount of money, then within a few words "(secured / raised / mobilised /
provided) through / with / from contributions / funding / financing from" and a list of
contributors, ended after its "and" item.  Contributors resolve as financing lines' do (a
country is its government).  A sentence naming no scheme or project gives nothing.
"""
from __future__ import annotations

import re

from graph.extract import milestones
from graph.extract.funding import resolve_funder
from graph.extract.instruments import text_sentences
from graph.extract.named import NameIndex
from graph.extract.project_funders import funder_list
from graph.kb import KnowledgeBase
from graph.model import Document

_MONEY = (r"(?:[€$£]|US\$|USD|EUR|CHF)\s?\d[\d.,]*(?:\s*(?:million|billion|thousand|m|bn))?"
          r"|\d[\d.,]*\s*(?:million|billion|thousand)\s+(?:euros?|dollars?|francs?|US\$)")
CONTRIBUTED = re.compile(
    r"(?P<amount>" + _MONEY + r")\s+(?:(?:was|were|has\s+been|had\s+been)\s+)?"
    r"(?:(?:secured|raised|mobili[sz]ed|provided|pledged|committed|made\s+available)\s+)?"
    r"(?:through|with|from|thanks\s+to|via)\s+(?:the\s+)?(?:(?:generous|financial|joint)\s+)?"
    r"(?:contributions?|funding|financing|support|grants?)\s+(?:from|of|by)\s+(?P<list>[^.;]{3,300})")


def contributor_list(text: str) -> str:
    """The contributors' list at the start of ``text``: up to the comma or end after the item its
    "and" joins ("the EU, France, and Spain, the Ministry ..." -> "the EU, France, and Spain")."""
    m = re.search(r"(?:,\s*|\s+)and\s+", text)
    if not m:
        # one contributor: its name ends at a comma or at a lower-case word that is not a name's own
        cut = re.search(r",|\s+(?!(?:of|the|for|and|de|du)\b)[a-z]", text)
        return text[:cut.start()] if cut else text
    after = re.search(r",|\s+(?:to|for|in|the|which|who|that|has|have|was|were)\s", text[m.end():])
    return text[:m.end() + after.start()] if after else text


def extract(doc: Document, kb: KnowledgeBase) -> None:
    names = NameIndex(kb, ("Scheme", "Project"))
    for p, home, sent in text_sentences(doc):
        if "contribution" not in sent and "funding" not in sent and "financing" not in sent \
                and "support" not in sent and "grant" not in sent:
            continue
        for m in CONTRIBUTED.finditer(sent):
            paid_for = [ent for _a, _b, ent in names.find(sent, home)]
            if not paid_for:
                continue
            year = milestones.year_near(sent)
            line = sent.strip()[:600]
            for surface in funder_list(contributor_list(m.group("list"))):
                funder = resolve_funder(kb, surface, p.id, None)
                for ent in paid_for:
                    if funder.id != ent:
                        kb.add_fact(ent, "fundedBy", funder.id, [p.id], kind="FundingLink", sentence=line,
                                    funding_line=line, funding_label=surface, amount=m.group("amount"),
                                    year=year, source="amount_sentence")


__all__ = ["CONTRIBUTED", "contributor_list", "extract"]
