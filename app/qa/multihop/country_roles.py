"""Which of the countries a sentence names plays the part the question asks about.

A sentence that answers a "which country" question often names several countries in different
parts: "Participants from Zambia, Senegal and Ethiopia explored Nepal's ... system" (visitors and
host), "castor and rubber farmers in Kenya and Côte d'Ivoire, respectively" (paired by order),
"the ILO also supported efforts in Siargao, in partnership with the Government of Japan" (the
place and a partner government), "was completed in Kenya and started in Côte d'Ivoire" (two
events).  Reading every country out of the sentence answers with all of them.  :func:`narrow`
keeps the ones in the asked part, each rule only when the sentence marks the parts and the
question picks one; otherwise the countries stand as found.
"""
from __future__ import annotations

import re

from app.qa.multihop.entry_country import named_as_government
from app.qa.units import stem, terms

# The question asks where something happened, or where people came from.
_ASKS_PLACE = re.compile(r"^\s*(?:where|were)\b(?![^?]*\bcomes? from\b)|\bhost(?:ed|s|ing)?\b|\btake place\b|"
                         r"\btook place\b|\bheld\b|\bin which countr", re.I)
_ASKS_ORIGIN = re.compile(r"\bfrom which\b|\bcome from\b|\bcame from\b|\b(?:participants?|representatives?|delegates?|"
                          r"delegations?|officials?|trade ?unionists?|students?|experts?)\b[^?]{0,40}\bfrom\b|"
                          r"\bwhich countr\w*[^?]{0,80}\b(?:participants?|representatives?|delegates?|visitors?)\b", re.I)
# "from A, B and C": every country of the run after "from" came from there.
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
_RUN_GAP = re.compile(r"^(?:[\s,]|\band\b|\bthe\b)*$", re.I)
_RESPECTIVELY = re.compile(r",?\s*respectively\b", re.I)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# A second event in the same sentence: "... completed in Kenya and started in Côte d'Ivoire".
_EVENT_SPLIT = re.compile(r",?\s+(?:and|while|but|whereas)\s+(?=(?:was\s+|were\s+|has\s+been\s+|is\s+)?[a-z]+ed\b)")


def _runs(found, text: str, base: int) -> list[list]:
    """The found countries grouped into runs joined only by commas and "and" (sentence order)."""
    spans = sorted(((s, e, f) for f in found for s, e in f.spans if base <= s < base + len(text)),
                   key=lambda x: x[0])
    runs: list[list] = []
    for s, e, f in spans:
        if runs and _RUN_GAP.match(text[runs[-1][-1][1] - base:s - base]):
            runs[-1].append((s, e, f))
        else:
            runs.append([(s, e, f)])
    return runs


def _by_origin(found, text: str, base: int, question: str) -> list | None:
    origin = {f.key for run in _runs(found, text, base) if _FROM.search(text[:run[0][0] - base])
              for _, _, f in run}
    if not origin or origin == {f.key for f in found}:
        return None
    if _ASKS_ORIGIN.search(question):
        return [f for f in found if f.key in origin]
    if _ASKS_PLACE.search(question):
        return [f for f in found if f.key not in origin]
    return None


def _by_order(found, text: str, base: int, question: str) -> list | None:
    """"castor and rubber farmers in Kenya and Côte d'Ivoire, respectively": the country paired
    with the word the question says."""
    m = _RESPECTIVELY.search(text)
    if not m:
        return None
    runs = [r for r in _runs(found, text, base) if r[-1][1] - base <= m.start() + 1]
    if not runs or len(runs[-1]) < 2:
        return None
    run = runs[-1]
    before = text[:run[0][0] - base]
    # the coordination of as many items just before the countries ("castor and rubber")
    items = None
    for c in reversed(list(re.finditer(r"((?:[A-Za-z][\w-]*,\s+){0,5}[A-Za-z][\w-]*,?\s+and\s+[A-Za-z][\w-]*)", before))):
        words = [w for w in re.split(r",\s*|\s+and\s+", c.group(1)) if w]
        if len(words) == len(run):
            items = words
            break
    if items is None:
        return None
    asked = {stem(w) for w in terms(question)}
    hit = [i for i, w in enumerate(items) if stem(w.lower()) in asked]
    if len(hit) != 1:
        return None
    key = run[hit[0]][2].key
    return [f for f in found if f.key == key]


_WHOSE = re.compile(r"^\s*whose\s+([A-Za-z][\w-]*)", re.I)


def _by_possessive(found, text: str, base: int, question: str) -> list | None:
    """"Whose Bolsa da Mae program ...": the country written as the owner of that name in the
    sentence ("Timor-Leste's Bolsa da Mãe program, Pakistan's ...")."""
    m = _WHOSE.match(question)
    if not m:
        return None
    word = m.group(1).lower()
    keep = [f for f in found for s, e in f.spans
            if re.match(r"['’]s\s+(?:the\s+)?" + re.escape(word) + r"\b", text[e - base:e - base + len(word) + 10], re.I)]
    return keep or None


# Nouns that say what kind of thing is owned, not which one ("programme", "scheme").
_KIND_WORDS = {stem(w) for w in ("programme", "programmes", "program", "programs", "scheme", "schemes", "initiative",
                                 "initiatives", "fund", "funds", "system", "systems", "project", "projects", "policy",
                                 "country", "countries", "nation", "which", "what", "name", "called", "run", "runs",
                                 "own", "owns", "have", "has")}
_OWNED = re.compile(r"['’]s\s+((?:[\w\-]+\s*){1,6})")


def _folded(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _by_possessed_name(found, text: str, base: int, question: str) -> list | None:
    """"bolsa da mae programme which country": of a sentence's owners ("Timor-Leste's Bolsa da Mãe
    program, Pakistan's Benazir Income Support Programme (BISP) initiative, and Mexico's efforts"),
    the one whose owned name holds the question's own words (accents aside); the others own other
    things.  Only when exactly one owner's name says them."""
    asked = {stem(w) for w in terms(_folded(question))} - _KIND_WORDS
    if not asked:
        return None
    score = {}
    for f in found:
        for s, e in f.spans:
            m = _OWNED.match(text, e - base)
            if m:
                owned = {stem(w) for w in terms(_folded(m.group(1)))}
                score[f.key] = max(score.get(f.key, 0), len(asked & owned))
    if len(score) < 2:
        return None
    best = max(score.values())
    if best == 0 or list(score.values()).count(best) > 1:
        return None
    return [f for f in found if score.get(f.key) == best]


def _by_event(found, text: str, base: int, question: str) -> list | None:
    """"completed in Kenya and started in Côte d'Ivoire": the countries of the part whose verb the
    question says (and no other part's)."""
    cuts = [0] + [m.start() for m in _EVENT_SPLIT.finditer(text)] + [len(text)]
    if len(cuts) < 3:
        return None
    asked = {stem(w) for w in terms(question)}
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        keys = {f.key for f in found for s, _ in f.spans if a <= s - base < b}
        words = {stem(w) for w in re.findall(r"\b[a-z]+ed\b", text[a:b])}  # the part's event verbs
        parts.append((keys, words))
    parts = [p for p in parts if p[0]]
    if len(parts) < 2:
        return None
    own = [len((w - set().union(*(o[1] for o in parts if o is not p))) & asked) for p in parts for w in [p[1]]]
    best = max(own)
    if best == 0 or own.count(best) > 1:
        return None
    keys = parts[own.index(best)][0]
    return [f for f in found if f.key in keys]


def _not_partner_governments(found, text: str, question: str, names) -> list | None:
    """"in partnership with the Government of Japan": a country named only as a government acting is
    a partner, not where the event happened (unless governments are asked)."""
    if re.search(r"\bgovernments?\b", question, re.I):
        return None
    keep = [f for f in found if not named_as_government(text, names(f.key))]
    return keep if keep and len(keep) < len(found) else None


def narrow(found: list, text: str, base: int, question: str, names, entry: str | None = None) -> list:
    """The found countries of the part the question asks about (see the module docstring).
    ``text`` is the unit's text as it sits in the passage at offset ``base``; ``names(id)`` gives
    an entity's names; ``entry`` is the country whose entry holds the sentence, if any: when the
    sentence names countries only as partner governments, the event happened in the entry's
    country ("efforts in Siargao ... with the Government of Japan" under the Philippines)."""
    countries = [f for f in found if f.type == "Country"]
    if entry and countries and entry not in {f.key for f in countries} \
            and not re.search(r"\bgovernments?\b", question, re.I) \
            and all(named_as_government(text, names(f.key)) for f in countries):
        from app.qa.textstep import Found
        from graph.countries import display_name

        return [f for f in found if f.type != "Country"] + \
            [Found("Country", entry, display_name(entry.split(":", 1)[1]))]
    if len(countries) < 2:
        return found
    for rule in (_by_possessive, _by_possessed_name, _by_order, _by_origin, _by_event):
        kept = rule(countries, text, base, question)
        if kept:
            countries = kept
            break
    kept = _not_partner_governments(countries, text, question, names) if len(countries) > 1 else None
    if kept:
        countries = kept
    keys = {f.key for f in countries}
    return [f for f in found if f.type != "Country" or f.key in keys]
