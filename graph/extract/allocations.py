"""Countries a pooled fund allocated new resources to, as the running text states it.

Why: a country's financing line names its funders, but a fund's own paragraph can also say where
its new money went ("In 2024, US$1.6 million were allocated to new activities in Jamaica, India,
Sri Lanka, Indonesia, Cambodia and Cameroon in addition to regional and global activities.").
Four of those six countries have no financing line naming the fund, and two have no entry at all,
so "which countries received allocations from the fund" had no answer in the graph.  An
allocation is not the financing line's funding (readers asking "who funds the work in India"
mean the line), so it is its own relation, ``receivedAllocationFrom``, a kind of ``fundedBy``.

The shape: a sentence saying that money "was / were / has been allocated to <new> <activities /
projects / work> in <countries>", in a paragraph that names exactly one pooled fund (an
organisation the financing lines already made a fund: its name, acronym or alternative label)
before or in that sentence.  Only the countries of the list are read; "regional and global
activities" and what follows "in addition to" are not countries.
"""
from __future__ import annotations

import re

from graph import countries
from graph.extract import ensure_country
from graph.extract.funding import fund_pattern
from graph.extract.instruments import sentences
from graph.kb import KnowledgeBase
from graph.model import Document

RELATION = "receivedAllocationFrom"
ALLOCATED = re.compile(r"\b(?:were|was|has\s+been|have\s+been|had\s+been|is|are)\s+(?:\w+\s+)?allocated\s+"
                       r"(?:to|for)\s+(?:(?:new|additional|further|specific)\s+)?(?:[\w-]+\s+){0,2}?"
                       r"(?:activities|projects|programmes|work|interventions|initiatives)\s+in\s+(?P<list>[^.;]+)")
_LIST_END = re.compile(r"\s+(?:in\s+addition\s+to|as\s+well\s+as\s+(?:for\s+)?(?:regional|global)|plus|besides|"
                       r"with\s+the\s+remainder|while|which|that)\b|\s*\(")


def allocated_countries(sentence: str) -> list[str]:
    """ISO3 codes of the countries a sentence says money was allocated to (the list after
    "allocated to ... in"), in the order written."""
    out: list[str] = []
    for m in ALLOCATED.finditer(sentence):
        listed = _LIST_END.split(m.group("list"), maxsplit=1)[0]
        out += [iso for _, _, _, iso in countries.find_countries(listed)]
    return list(dict.fromkeys(out))


def extract(doc: Document, kb: KnowledgeBase) -> None:
    found = fund_pattern(kb)
    if found is None:
        return
    names, pattern = found
    for p in doc.passages:
        if p.kind in ("financing", "table") or "allocated" not in p.text:
            continue
        for s0, s1, sent in sentences(p.text):
            isos = allocated_countries(sent)
            if not isos:
                continue
            funds = {names[m.group(0)] for m in pattern.finditer(p.text[:s1])}
            if len(funds) != 1:
                continue  # no fund, or several: whose money it was is not said
            fund = next(iter(funds))
            for iso in isos:
                country = ensure_country(kb, iso, p.id)
                kb.add_fact(country.id, RELATION, fund, [p.id], sentence=sent.strip())
