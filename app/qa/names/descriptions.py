"""Organisations named by a description ("the Italian energy company", "the German cooperation
agency", "the Swiss development agency", "the Thai university").

People name an organisation by its nationality and kind instead of its name.  The linker then
reads the nationality as a country ("Italian" → Italy) and the question goes wrong: a company's
countries become Italy's.  :func:`resolve` finds such a description — a nationality adjective
followed by up to three words ending in a noun for a kind of body — and looks for the one
organisation it fits, by retrieval over what the build knows of each organisation:

* its names and the words the report writes around its mentions ("the Italian energy
  multinational Eni S.p.A.", "German Agency for International Cooperation");
* its country (``attrs.country``, or the government it is an agency or institution of);
* its role (a private company is a "company", "firm", "multinational").

A candidate must match the nationality and the kind; the best one wins only when it is clearly
ahead, else the question keeps its links.  The nouns are ordinary English, never report facts.
"""
from __future__ import annotations

import re
from functools import lru_cache

from app.qa.names.demonyms import demonym_country
from app.qa.question import Link

# Nouns for kinds of body, and the roles the build gives organisations of that kind.
KINDS: dict[str, set[str]] = {
    "company": {"private_company"}, "companies": {"private_company"}, "firm": {"private_company"},
    "multinational": {"private_company"}, "corporation": {"private_company"},
    "foundation": {"foundation"}, "charity": {"foundation"},
    "agency": {"bilateral_donor", "un_agency"}, "ministry": {"bilateral_donor"},
    "university": set(), "institute": set(), "bank": {"ifi"},
}
# Words that make the phrase a government or a verb's subject, not a body's description
# ("the Australian government fund(s)").
_NOT_A_BODY = {"government", "governments", "govt", "people", "authorities", "state"}
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_WINDOW = 90  # characters of report text before a mention that may describe it


def _words(text: str) -> set[str]:
    return {w.lower().rstrip("s") for w in _WORD.findall(text)}


class Describer:
    """Per-organisation bags of descriptive words, built once from the knowledge base."""

    def __init__(self, knowledge):
        self.k = knowledge
        self.bags: dict[str, set[str]] = {}
        self.country: dict[str, str | None] = {}
        self.roles: dict[str, str | None] = {}
        for eid, e in knowledge.entities.items():
            if e["type"] != "Organization" or eid.startswith("Organization:gov-"):
                continue
            bag = set()
            for n in knowledge.names(eid):
                bag |= _words(n)
            for m in knowledge._mentions_by_entity.get(eid, []):
                p = knowledge.passage(m["passage_id"])
                if p is not None:
                    # The words just before the name in the same sentence ("Italian energy company Eni").
                    before = re.split(r"[.;:]\s", p.text[max(0, m["start"] - _WINDOW):m["start"]])[-1]
                    bag |= _words(before)
            self.bags[eid] = bag
            attrs = e.get("attrs") or {}
            iso = attrs.get("country") or attrs.get("government_of_agency")
            if not iso:
                for f in knowledge.facts_where(subject=eid):
                    if f["predicate"] in ("agencyOf", "institutionOf", "governmentOf"):
                        o = f["object"]
                        iso = o.split("gov-", 1)[1] if "gov-" in o else o.split(":", 1)[1] if o.startswith("Country:") else None
                        if iso:
                            break
            self.country[eid] = iso
            self.roles[eid] = e.get("role")

    def candidates(self, iso: str, adjective: str, words: list[str]) -> list[tuple[float, str]]:
        """Organisations a description fits, best first (score, id)."""
        kind = words[-1].lower()
        roles = KINDS.get(kind, set()) | KINDS.get(kind.rstrip("s"), set())
        mods = [w.lower().rstrip("s") for w in words[:-1] if w.lower() not in ("the", "a", "an", "its")]
        out = []
        for eid, bag in self.bags.items():
            nation = self.country.get(eid) == iso or adjective.lower() in bag
            kind_ok = kind.rstrip("s") in bag or (self.roles.get(eid) in roles)
            if not (nation and kind_ok):
                continue
            score = 2.0 + sum(1.0 for w in mods if w in bag) + (0.5 if self.country.get(eid) == iso else 0.0) \
                + (0.5 if adjective.lower() in bag else 0.0) + (1.5 if kind.rstrip("s") in bag else 0.0)  # the head noun weighs most
            out.append((score, eid))
        out.sort(key=lambda x: (-x[0], x[1]))
        return out


_KIND = re.compile(r"\b(" + "|".join(sorted(KINDS, key=len, reverse=True)) + r")\b", re.I)
# A description is one noun phrase: punctuation or a question word between the nationality and
# the kind ends it ("the Ukrainian pension reform, which ministry asked ...").
_BROKEN = re.compile(r"[,;:.?!()]|\b(?:which|what|who|whom|whose|that|where|when|how)\b", re.I)


def descriptions(question: str) -> list[tuple[int, int, str, str, list[str]]]:
    """(start, end, adjective, iso3, words) for each nationality adjective that heads, within three
    words, a noun for a kind of body ("Italian energy company")."""
    out = []
    words = list(_WORD.finditer(question))
    for km in _KIND.finditer(question):
        before = [w for w in words if w.end() <= km.start()][-4:]
        for i in range(len(before) - 1, -1, -1):
            if before[i].group(0).lower() in _NOT_A_BODY:
                break
            gap = question[before[i].end():km.start()]
            if _BROKEN.search(gap):
                break  # "For the Ukrainian pension reform, which ministry ...": no one phrase
            iso = demonym_country(before[i].group(0))
            if iso:
                between = [w.group(0) for w in before[i + 1:]]
                out.append((before[i].start(), km.end(), before[i].group(0), iso, between + [km.group(0)]))
                break
    return out


@lru_cache(maxsize=4)
def describer_for(knowledge) -> Describer:
    return Describer(knowledge)


def resolve(question: str, links: list[Link], knowledge) -> list[Link]:
    """The links with each nationality-and-kind description replaced by the organisation it names."""
    out = list(links)
    for start, end, adjective, iso, words in descriptions(question):
        inner = [l for l in out if start <= l.start and l.end <= end]
        # Already a name ("German Federal Ministry for ..."): the linker has it.
        if any(l.type == "Organization" and not l.ids[0].startswith("Organization:gov-") for l in inner):
            continue
        named = next((l for l in out if 0 <= l.start - end <= 3), None)
        if named is not None and named.type == "Organization" and not named.ids[0].startswith("Organization:gov-"):
            out = [l for l in out if l not in inner]  # "the Italian energy company Eni": it describes the name
            continue
        if any(l.start < end and start < l.end and not (start <= l.start and l.end <= end) for l in out):
            continue  # overlaps a longer name
        cands = describer_for(knowledge).candidates(iso, adjective, words)
        if not cands or (len(cands) > 1 and cands[1][0] >= cands[0][0]):
            continue
        out = [l for l in out if l not in inner]
        out.append(Link(start, end, question[start:end], [cands[0][1]]))
    return sorted(out, key=lambda l: l.start)
