"""Contributors a report counts in one sentence and names in the next: "... with monthly pensions
funded by voluntary contributions from over 65 international brands and retailers. These include
A, B, C and many others."

Why: the funders of a scheme or initiative are not always on a financing line.  A pilot paid for by
companies names them as examples right after saying who pays, and readers ask for them ("which
brands pay into the injury pilot").  The first sentence says the money comes from contributions of
a kind of body (brands, retailers, companies, employers, donors ...) and names the scheme,
initiative or project they pay for; the next sentence lists them ("These include", "They include",
"Among them are").  Each listed name becomes an organisation (a company when the bodies are brands,
retailers, companies or firms) that funds what the first sentence named, as a contributor -- except
a name that is one everyday English word ("Next"), which questions would name by accident.
"""
from __future__ import annotations

import re

from graph.extract.initiatives import _party_list
from graph.extract.instruments import resolve_org, sentences
from graph.extract.named import NameIndex
from graph.kb import KnowledgeBase
from graph.model import Document

_BODIES = r"(?:brands|retailers|buyers|companies|firms|enterprises|corporations|employers|donors|foundations|partners)"
_COMPANIES = re.compile(r"\b(?:brands|retailers|buyers|companies|firms|enterprises|corporations)\b")
PAID_BY = re.compile(r"\b(?:funded|financed|paid\s+for|supported|resourced)\s+(?:\w+\s+){0,2}?by\s+(?:\w+\s+)?"
                     r"(?:contributions|donations|funding|payments)\s+(?:from|of|by)\s+(?:over\s+|more\s+than\s+|some\s+|"
                     r"about\s+|around\s+)?(?:\d[\d,]*\s+)?(?:[a-z-]+\s+){0,2}(?P<bodies>" + _BODIES
                     + r"(?:\s+and\s+(?:[a-z-]+\s+)?" + _BODIES + r")?)\b")
LISTED = re.compile(r"^\s*(?:These|They|Those)\s+(?:include|included|are|were)\s*:?\s+|^\s*Among\s+them\s+(?:are|were)\s+")
_TAIL = re.compile(r",?\s+(?:and|or)\s+(?:many|several|numerous|a\s+number\s+of)\s+others?\b.*$|,?\s+among\s+others\b.*$")


def listed_contributors(first: str, second: str) -> tuple[list[str], bool] | None:
    """(names, are they companies) when ``first`` says something is paid for by contributions
    from a kind of body and ``second`` lists them; None otherwise."""
    m = PAID_BY.search(first)
    lead = LISTED.match(second)
    if m is None or lead is None:
        return None
    body = _TAIL.sub("", second[lead.end():].rstrip(" ."))
    names = [n for n in _party_list(body) if len(n) >= 2]
    return (names, bool(_COMPANIES.search(m.group("bodies")))) if names else None


EVERYDAY = 100_000_000  # corpus count above which a one-word name is an everyday word ("Next", "Care")


def _everyday_word(name: str) -> bool:
    """Is a listed name one everyday English word?  As an entity it would be linked wherever a
    question says "next" or "care", so such a name is left out (general English, not a report fact)."""
    from graph.english import english_frequency

    return " " not in name and english_frequency().get(name.lower(), 0) >= EVERYDAY


def _sentence_pairs(doc: Document):
    """(passage ids, a sentence saying who pays, the next sentence) through the paragraphs; a long
    paragraph the parser split keeps its pair across the split (same section, next passage).  Only
    passages with such a sentence are split into sentences."""
    passages = [p for p in doc.passages if p.kind in ("paragraph", "list_item")]
    for i, p in enumerate(passages):
        if not PAID_BY.search(p.text):
            continue
        sents = [s for _, _, s in sentences(p.text)]
        for first, second in zip(sents, sents[1:]):
            yield [p.id], first, second
        nxt = passages[i + 1] if i + 1 < len(passages) else None
        if sents and nxt is not None and nxt.section_id == p.section_id and LISTED.match(nxt.text):
            yield [p.id, nxt.id], sents[-1], next(iter(sentences(nxt.text)))[2]


def extract(doc: Document, kb: KnowledgeBase) -> None:
    names = NameIndex(kb, ("Scheme", "Initiative", "Project"))
    for pids, first, second in _sentence_pairs(doc):
        found = listed_contributors(first, second)
        paid = names.find(first, None) if found else []
        if not found or not paid:
            continue
        listed, companies = found
        target = paid[0][2]
        for name in listed:
            if _everyday_word(name):
                continue
            org = resolve_org(kb, doc, name, pids[-1])
            if org is None or org.id == target:
                continue
            if companies and org.role in (None, "other"):
                org.role = "private_company"
            kb.add_fact(target, "fundedBy", org.id, pids, kind="FundingLink", role="contributor",
                        sentence=f"{first.strip()} {second.strip()}"[:600],
                        funding_line=second.strip()[:400], funding_label=name)
