"""The country an event belongs to when its sentence names another country only as a partner.

"the country affected by Super Typhoon Rai": the best sentence sits in one country's entry and says
the ILO worked there "in partnership with the Government of Japan".  A country named as a
*government acting* (a partner, a donor) is not where the event happened; the entry's own country
is.  The entry is the passage's country section (``section_kind == "country"``), its country read
by the same linker the questions use.
"""
from __future__ import annotations

import re


def entry_country(passage, lexicon) -> str | None:
    """The country id of a country-entry passage, or None."""
    if passage is None or getattr(passage, "section_kind", "") != "country":
        return None
    title = passage.section.split(">")[-1].strip()
    links = [l for l in lexicon.link(title) if l.type == "Country"]
    return links[0].ids[0] if len(links) == 1 else None


def named_as_government(text: str, names: list[str]) -> bool:
    """Is the country named in ``text`` only as a government ("the Government of Japan", "Japan's
    government", "the Japanese Government")?"""
    for n in names:
        esc = re.escape(n)
        plain = [m.start() for m in re.finditer(rf"\b{esc}\b", text, re.I)]
        if not plain:
            continue
        gov = re.compile(rf"\bgovernments? of (?:the )?{esc}\b|\b{esc}(?:['’]s)? government\b", re.I)
        covered = {m.start() + m.group(0).lower().index(n.lower()) for m in gov.finditer(text)}
        if all(p in covered for p in plain):
            return True
    return False


def named_as_donor(text: str, names: list[str]) -> bool:
    """Is the country named in ``text`` only as the one paying for something ("with Japan's
    financial support", "funded by Japan", "a contribution from Japan")?  A donor, like a
    government acting as a partner, is not where the event happened."""
    for n in names:
        esc = re.escape(n)
        plain = [m.start() for m in re.finditer(rf"\b{esc}\b", text, re.I)]
        if not plain:
            continue
        donor = re.compile(rf"\b{esc}['’]s\s+(?:(?:financial|financing|technical|generous)\s+)?(?:support|funding|contributions?|grant)\b|"
                           rf"\b(?:funded|financed|sponsored|supported|backed|paid\s+for)\s+by\s+(?:the\s+)?(?:government\s+of\s+)?(?:the\s+)?{esc}\b|"
                           rf"\b(?:support|funding|financing|contributions?|grants?|resources)\s+(?:from|of)\s+(?:the\s+)?(?:government\s+of\s+)?(?:the\s+)?{esc}\b",
                           re.I)
        covered = {m.start() + m.group(0).lower().rindex(n.lower()) for m in donor.finditer(text)}
        if plain and all(p in covered for p in plain):
            return True
    return False
