"""Questions scoped to the report's country entries: "Which country entries mention TRANSFORM?",
"Across the individual country write-ups, in which countries is the IMF described as working
with the ILO?".

The report has one entry per country (section 2.1); the same organisation or initiative is also
named in thematic and partnership sections, with other countries.  A question that says it reads
the entries asks for the countries whose *own entry* names the thing, not every country a sentence
anywhere names next to it.  :func:`entry_mentions` reads that off the passages: each country-entry
passage (``section_kind == "country"``, its country read from the entry's title by the same linker
the questions use) that mentions one of the linked entities, or writes the question's own name
verbatim when the graph has no entity for it ("the TRANSFORM initiative").
"""
from __future__ import annotations

import re

from app.qa.multihop.entry_country import entry_country

# "country entries", "country write-ups", "country sections/profiles/summaries", "individual country ..."
ENTRY_SCOPE = re.compile(r"\bcountry[- ](?:entr(?:y|ies)|write-?ups?|sections?|profiles?|summar(?:y|ies)|pages?|"
                         r"narratives?)\b|\bindividual countr(?:y|ies)\b|\bcountry-by-country\b|"
                         r"\bentries for (?:the )?countries\b", re.I)
# A name the question writes in capitals ("TRANSFORM", "OpenIMIS"): matched verbatim, whole word.
_CAPS_NAME = re.compile(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b")


# The question asks only whether an entry names the thing ("mention", "described as working with"):
# a relation or event of its own ("ratified in 2023", "joined through a letter") is the graph's or
# the text step's, read within the entries by them.
MENTION = re.compile(r"\b(?:mention(?:s|ed|ing)?|nam(?:e|es|ed|ing)|refer(?:s|red|ring)?(?: to)?|cit(?:e|es|ed|ing)|"
                     r"featur(?:e|es|ed|ing)|appear(?:s|ed|ing)?|described|involv(?:ed|es|ing)|"
                     r"work(?:s|ed|ing)? (?:with|alongside)|alongside)\b", re.I)


def asks_entries(question: str) -> bool:
    """Does the question ask which country entries name something (and no more)?"""
    return bool(ENTRY_SCOPE.search(question)) and bool(MENTION.search(question))


def written_names(question: str, linked_spans: list[tuple[int, int]]) -> list[str]:
    """Capitalised names of the question no link covers (an acronym-like word of two or more
    capitals, such as "TRANSFORM"), to be found verbatim in the entries."""
    out = []
    for m in _CAPS_NAME.finditer(question):
        if any(s <= m.start() < e for s, e in linked_spans):
            continue
        if m.group(0) in ("ILO",):
            continue
        out.append(m.group(0))
    return out


def entry_mentions(knowledge, lexicon, ids: set[str], names: list[str]) -> dict[str, list[str]]:
    """Country id -> the passages of its entry that mention one of ``ids`` or write one of
    ``names`` (whole word, as written)."""
    patterns = [re.compile(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])") for n in names]
    out: dict[str, list[str]] = {}
    for pid, p in knowledge.passages.items():
        if getattr(p, "section_kind", "") != "country":
            continue
        said = {f"{m['type']}:{m['key']}" for m in knowledge.mentions_in(pid)} & ids or \
            any(rx.search(p.text) for rx in patterns)
        if not said:
            continue
        country = entry_country(p, lexicon)
        if country:
            out.setdefault(country, []).append(pid)
    return out
