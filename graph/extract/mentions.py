"""Every entity mention in every passage, from the names the other extractors learned.

Runs last.  Countries are found with the country gazetteer (and become entities when first seen,
so a country named only in passing — a partner's one project — is still in the graph); everything
else is found by its label, alternative labels and acronym.  The result fills ``Passage.countries``
and ``Passage.organizations`` (the index filters on them) and gives ``fg:mentions`` triples.
"""
from __future__ import annotations

from functools import lru_cache

from graph import countries
from graph.extract import ensure_country
from graph.kb import KnowledgeBase
from graph.model import Document, Mention
from graph.text import split_sentences
from graph.trie_regex import LongestNames

LINKED_TYPES = ("Initiative", "Scheme", "LegalInstrument", "Publication")  # organisations: find_organizations
_GENERIC = {"the", "ilo", "programme", "fund", "scheme", "report", "initiative", "network", "government"}


def _surface_forms(kb: KnowledgeBase) -> dict[str, tuple[str, str]]:
    """surface -> (type, key); longer, more specific names win on conflict."""
    forms: dict[str, tuple[str, str]] = {}
    for e in kb.entities.values():
        if e.type not in LINKED_TYPES:
            continue
        names = {e.label, *e.alt_labels}
        if e.acronym:
            names.add(e.acronym)
        for n in names:
            n = (n or "").strip()
            if len(n) < 2 or n.lower() in _GENERIC or len(n) > 160:
                continue
            if len(n) < 3 and not n.isupper():
                continue
            forms.setdefault(n, (e.type, e.key))
    return forms


def _pattern(forms: dict[str, tuple[str, str]]) -> LongestNames | None:
    """Acronyms and one-word names match case-sensitively; longer names in any case
    ("ILO-IMF Partnership" is written "ILO-IMF partnership" in running text)."""
    if not forms:
        return None
    exact = [a for a in forms if " " not in a or a.isupper()]
    any_case = [a for a in forms if not (" " not in a or a.isupper())]
    return LongestNames([(exact, False, ""), (any_case, True, "")], r"(?<![\w])", r"(?![\w])")


class _NameMatcher:
    """The linked entities' names, compiled once: building them per sentence made extraction
    time grow with (sentences x entities) - minutes on a few MB of text (issue 10, D10)."""

    def __init__(self, kb: KnowledgeBase):
        self.forms = _surface_forms(kb)
        self.rx = _cached_pattern(tuple(sorted(self.forms)))
        self.lookup = {k.lower(): v for k, v in self.forms.items()}

    def find(self, text: str) -> list[tuple[int, int, str, str, str]]:
        if self.rx is None:
            return []
        out = []
        for m in self.rx.finditer(text):
            typ, key = self.forms.get(m.group(0)) or self.lookup[m.group(0).lower()]
            out.append((m.start(), m.end(), m.group(0), typ, key))
        return out


def find_entities(text: str, kb: KnowledgeBase, iso3: str | None = None,
                  matcher: _NameMatcher | None = None,
                  country_hits: list | None = None) -> list[tuple[int, int, str, str, str]]:
    """(start, end, surface, type, key) for countries and linked entities in text.

    ``iso3`` is the country the text is about (a country entry), which resolves acronyms that
    several national institutions share.  ``matcher``: the names compiled once for many calls
    (the KB's linked entities must not change meanwhile).  ``country_hits``:
    ``countries.find_countries(text)`` when the caller has it already.
    """
    from graph.extract.organizations import find_organizations

    hits = countries.find_countries(text) if country_hits is None else country_hits
    out = [(s, e, surf, "Country", iso) for s, e, surf, iso in hits]
    out += [(s, e, surf, "Organization", key) for s, e, surf, key in find_organizations(text, kb, iso3)]
    out += (matcher or _NameMatcher(kb)).find(text)
    out.sort()
    return out


@lru_cache(maxsize=8)
def _cached_pattern(names: tuple[str, ...]) -> LongestNames | None:
    return _pattern(dict.fromkeys(names, ("", "")))


def extract(doc: Document, kb: KnowledgeBase) -> None:
    matcher = _NameMatcher(kb)  # only countries are added below, never a linked type
    for p in doc.passages:
        seen_c, seen_o = [], []
        sec = doc.section(p.section_id)
        # The country an acronym shared by several national institutions ("NSSF") belongs to:
        # the entry's country, else the first country named in the same sentence.
        found = []
        for s0, s1 in split_sentences(p.text):
            sentence = p.text[s0:s1]
            hits = countries.find_countries(sentence)  # read once: the sentence's country and its mentions
            iso3 = sec.iso3 or next((iso for _, _, _, iso in hits), None)
            found += [(s0 + a, s0 + b, surf, typ, key)
                      for a, b, surf, typ, key in find_entities(sentence, kb, iso3, matcher, hits)]
        for start, end, surface, typ, key in found:
            if typ == "Country":
                ensure_country(kb, key, p.id)
                if key not in seen_c:
                    seen_c.append(key)
            elif typ == "Organization" and key not in seen_o:
                seen_o.append(key)
            kb.add_mention(Mention(p.id, start, end, surface, typ, key))
        if sec.iso3 and sec.iso3 not in seen_c:
            seen_c.insert(0, sec.iso3)  # an entry's passages are about its country
        p.countries = seen_c
        p.organizations = seen_o
