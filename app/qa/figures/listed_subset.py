"""A count whose words qualify the relation the graph holds: the names a sentence lists.

"How many member states ratified C102 *since the campaign started*", "ilo imf *new phase* african
countries how many": the graph holds the relation (ratified, partnered with) for every country the
report ever says it of, while the question's extra words point at one sentence that lists a
subset ("Since the Campaign's launch in 2021, eight Member States have now ratified ...: A, B, C
..."; "a new phase in an expanded set of countries, which include ...").  When the question keeps
rare words the graph constraints do not explain, the sentence that holds them and lists at least
three names of the counted type is read:

- if most of its names satisfy the graph relation, it refines it: its names that meet every
  condition of the question are counted (a region filter still applies);
- otherwise, when it writes the qualifying words itself and shares some names with the relation,
  it states a narrower relation the graph does not hold ("new activities were allocated in A, B,
  C ..." beside "funded by"): its names are counted, the question's region or priority filter
  still applied.

Pure functions over the unit index and the lexicon's links; no report facts.
"""
from __future__ import annotations

import re

from app.qa.bank import TYPE_NOUNS
from app.qa.units import terms

MIN_LISTED = 3  # a list, not a sentence that happens to name two countries
REFINES = 0.75  # share of the listed names the graph relation holds for: the list is a subset of it
# Words of a count's frame, never a qualifier.
NOT_QUALIFIERS = set(terms("many number count total how much there each among amongst within across between "
                           "altogether overall respectively least most more fewer fewest one single"))
# Nor are the nouns people name the counted things by ("how many Member States ...", "... nations"):
# they say what is counted, not which sentence.
NOT_QUALIFIERS |= set(terms(" ".join(TYPE_NOUNS["Country"]) + " states nations territories"))


# Common words that still single out a subset of a relation's statements ("*new* RBSA allocations",
# "the *first* countries to ..."): too frequent in a report to pass the rarity cut of a topic word,
# but a sentence that writes one beside its list states the narrower set the question asks for.
QUALIFIERS = frozenset(terms("new newly first additional recent recently"))

# Qualifiers joined by "or" ask for the union of several lists, which one sentence does not give.
DISJUNCTION = re.compile(r"\b(?:or|either|and/or)\b", re.I)

# Where one list ends and another begins inside a sentence ("eight States have ratified A, B, C,
# while many others have inquired about it, including D, E ...").
_CLAUSE = re.compile(r";|,?\s+(?:while|whereas|but)\s+|\.\s+", re.I)


# A list written as examples of a larger set it does not name whole ("in 21 countries (in A, B, C and
# elsewhere)", "in 10 countries (in A, B ... among others)"): counting its names undercounts.
_EXAMPLES = re.compile(r"\b(?:and|or)\s+elsewhere\b|\bamong\s+others\b|\band\s+others\b|\binter\s+alia\b|"
                       r"\be\.g\.|\bfor\s+(?:example|instance)\b", re.I)


def best_list(question: str, residual: list[str], counted: str, units, link, top: int = 40,
              anchor: set[str] | None = None):
    """(unit, [(clause, listed ids) ...]) for the sentence that holds most of the residual words and
    lists at least MIN_LISTED names of the ``counted`` type in one clause; None when none does.
    ``anchor``: words of which the sentence (with its headings) must hold one, when the residual
    words alone are too common to point at it (see QUALIFIERS); an empty anchor finds nothing."""
    if anchor is not None and not anchor:
        return None
    scores = units.lexical_in_context(terms(question))
    best = None
    for ui in scores.argsort()[::-1][:top]:
        ui = int(ui)
        u = units.units[ui]
        if u.kind != "sentence":
            continue
        have = units.context_terms[ui]
        if anchor is not None:
            if not anchor & have:
                continue
            have = set(terms(u.text))  # a word as common as "new" counts in the sentence itself, not its heading
        cover = sum(t in have for t in residual) / len(residual)
        if cover < 0.5:
            continue
        clauses = []
        for part in _CLAUSE.split(u.text):
            if _EXAMPLES.search(part):
                continue  # "(in India, Jordan, Nigeria, Tajikistan and elsewhere)": examples, not the whole set
            listed = list(dict.fromkeys(l.ids[0] for l in link(part) if l.ids and l.ids[0].split(":", 1)[0] == counted))
            if len(listed) >= MIN_LISTED:
                clauses.append((part, listed))
        if not clauses:
            continue
        key = (cover, float(scores[ui]))
        if best is None or key > best[0]:
            best = (key, u, clauses)
    return None if best is None else (best[1], best[2])


def choose(clauses: list[tuple[str, list[str]]], graph_ids: list[str], relation_ids: list[str] | None,
           filter_ids: list[str] | None, residual: list[str]) -> tuple[str, list[str], list[str]] | None:
    """(clause, its listed names, the names counted): the clause whose names the graph relation
    holds most for (the first on a tie), and its names that meet the question's conditions.  A
    clause the relation does not hold for replaces it only when it writes every residual word
    itself (its own words, not the sentence before it) and shares some names with the relation."""
    held = set(relation_ids) if relation_ids is not None else set(graph_ids)
    share = [sum(i in held for i in listed) / len(listed) for _, listed in clauses]
    k = share.index(max(share))
    clause, listed = clauses[k]
    own = set(terms(clause))
    if share[k] >= REFINES and sum(t in own for t in residual) >= 0.5 * len(residual):
        kept = [i for i in listed if i in set(graph_ids)]
    elif share[k] < REFINES and share[k] > 0 and set(residual) <= own:
        # a list the relation holds some of (the same topic), qualified by words it writes itself
        kept = [i for i in listed if filter_ids is None or i in set(filter_ids)]
    else:
        return None
    return (clause, listed, kept) if kept else None


_HOW_MANY = re.compile(r"\b(?:how many|number of)\s+((?:[A-Za-z][\w'’-]*\s+){0,3}?)([A-Za-z][\w'’-]*?(?:ies|s))\b", re.I)
_FIGURE = re.compile(r"\b(\d{1,3}(?:,\d{3})*|\d+)\s+((?:[A-Za-z][\w'’-]*\s+){0,6}?)")


def stated_figure(question: str, residual: list[str], units, top: int = 40) -> tuple[int, object] | None:
    """'How many priority countries host GTT staff?': a sentence holding most of the qualifying
    words that writes a figure before the counted phrase ("... spanning 64 countries (including staff
    in 37 designated as Flagship Programme priority countries)") states the count the question asks
    for, ahead of any list of names it does not give whole.  The counted phrase is the words after
    "how many" through the plural noun ("priority countries"); every one must follow the figure,
    in order, within a few words, so "64 countries" does not count "priority countries".
    (figure, unit) or None."""
    m = _HOW_MANY.search(question)
    if not m or not residual:
        return None
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w'’-]*", m.group(1) + " " + m.group(2))]
    if len(words) < 2:
        return None  # "how many countries": too plain a phrase for a figure written before it to be the count asked
    phrase = re.compile(r"\b" + r"\s+(?:[\w'’-]+\s+){0,4}?".join(re.escape(w) for w in words) + r"\b", re.I)
    scores = units.lexical_in_context(terms(question))
    for ui in scores.argsort()[::-1][:top]:
        u = units.units[int(ui)]
        if u.kind != "sentence":
            continue
        for clause in _CLAUSE.split(u.text):  # the figure's own clause holds the qualifying words
            own = set(terms(clause))
            if sum(t in own for t in residual) < 0.5 * len(residual):
                continue
            for f in _FIGURE.finditer(clause):
                value = int(f.group(1).replace(",", ""))
                if 1900 <= value <= 2100:
                    continue  # a year, not a count
                rest = clause[f.end(1):f.end(1) + 80]
                hit = phrase.search(rest)
                if hit and hit.start() <= 60 and not re.search(r"\d", rest[:hit.start()]):
                    return value, u
    return None
