"""A country's public body asked for by its kind noun in a keyword query: "sierra leone social security
trust name", "burkina faso health insurance fund called", "sudan health insurance fund evaluated".

Such a query has no question word, so the type rules never see a "which fund"; the intent matcher
then reads "fund" as funding, or a "trust name" as nothing, and the answer is a scheme, countries
or empty.  The graph already holds each country's national institutions (``institutionOf``).  When
the query's head is a body noun ("fund", "trust", "institute", "corporation", "bureau",
"authority", "agency", "board", "organisation", "institution"), closed at most by a word that asks
for the name ("name", "called", "acronym") or by one participle ("evaluated"), and the query names
one country and nothing but that country's own institutions, the answer is the country's
institution whose name holds that noun and the most of the query's other words.  A query naming
only the body itself ("philippines health insurance corporation name") is answered by that body
when it is a national institution of the kind named.  :func:`owned_body` reads the same noun right
after the country ("tanzania fund whose staff were trained ...", "which kenyan fund relaunched the
haba haba scheme"), with what describes the body after it.

Ordinary English only (kind nouns, closing words); the bodies and their names are the graph's.
"""
from __future__ import annotations

import re

from app.qa.graphstep import AUTHOR_ORGS
from app.qa.units import stem, terms

# Nouns that name a kind of public body, as the report's institutions are called.
_BODY = (r"funds?|trusts?|institutes?|institutions?|corporations?|bureaus?|bureaux|authorit(?:y|ies)|agenc(?:y|ies)|"
         r"boards?|organi[sz]ations?|councils?|mutuals?")
# Words a keyword query may close on after the head: a request for the name, or one participle.
_CLOSING = r"(?:(?:full\s+)?names?|called|acronyms?|abbreviations?|stands?\s+for|[a-z]+ed)"
_HEAD_LAST = re.compile(rf"\b({_BODY})(?:\s+{_CLOSING})?\s*\??\s*$", re.I)
# A question word or auxiliary: the query is a sentence and the type rules read it.
_ASKING = re.compile(r"\b(?:which|what|who|whom|whose|where|when|why|how|is|are|was|were|do|does|did|has|have|"
                     r"had|list|give|tell|show|identify|and|or|not|no)\b", re.I)
_MAX_WORDS = 10


def body_noun(question: str) -> str | None:
    """The stemmed body noun heading a keyword query, or None when the query is not one."""
    q = " ".join(question.split())
    if _ASKING.search(q) or len(q.split()) > _MAX_WORDS:
        return None
    m = _HEAD_LAST.search(q)
    if not m:
        return None
    noun = m.group(1).lower()
    if noun.startswith("bureau"):
        return stem("bureau")
    return stem(noun.rstrip("s") if noun.endswith(("funds", "trusts", "boards", "mutuals", "councils")) else noun)


# A plural body noun closed by a request for names: every body of that kind is asked.
_ALL_NAMED = re.compile(r"\b(?:funds|trusts|institutes|institutions|corporations|bureaus|bureaux|authorities|agencies|"
                        r"boards|organi[sz]ations|councils|mutuals)\s+(?:names|called|acronyms)\s*\??\s*$", re.I)
_ACRONYM = re.compile(r"\b(?:acronyms?|abbreviations?|stands?\s+for)\b", re.I)


def asks_acronym(question: str) -> bool:
    """Does the query ask for the body's acronym ("... fund acronym")?"""
    return bool(_ACRONYM.search(question))


def _holds_noun(label: str, noun: str) -> bool:
    return noun in {stem(t) for t in terms(label)}


def _elsewhere(ids, knowledge) -> bool:
    """Are these only other countries' national institutions (the query's words for a kind of body,
    "kenya social security fund", linked to the body another country calls so)?"""
    return all(i.startswith("Organization:") and knowledge.facts_where(subject=i, predicate="institutionOf")
               for i in ids)


def answer_ids(question: str, links, knowledge) -> list[str]:
    """The institutions asked for (see the module docstring), best first; [] when the rule does not apply."""
    noun = body_noun(question)
    if noun is None:
        return []
    countries = {i for l in links for i in l.ids if i.startswith("Country:")}
    if not countries and len(links) == 1 and len(links[0].ids) == 1:
        # "philippines health insurance corporation name": the body itself is named (its country
        # inside its name); it is the answer when it is a national institution of that kind
        eid = links[0].ids[0]
        if eid.startswith("Organization:") and knowledge.facts_where(subject=eid, predicate="institutionOf") \
                and _holds_noun(knowledge.label(eid), noun):
            return [eid]
        return []
    if len(countries) != 1:
        return []
    country = next(iter(countries))
    own = [f["subject"] for f in knowledge.facts_where(obj=country, predicate="institutionOf")]
    own = list(dict.fromkeys(i for i in own if i.startswith("Organization:")))
    for l in links:  # any other name must be one of the country's own institutions ...
        if not set(l.ids) & {country} and not set(l.ids) & set(own) and not _elsewhere(l.ids, knowledge):
            return []  # ... or words that name another country's body ("social security fund")
    cands = [i for i in own if _holds_noun(knowledge.label(i), noun)]
    if not cands:
        return []
    # the query's own words outside the country's name and the closing words pick among them
    named = {stem(t) for l in links if country in l.ids for t in terms(l.surface)}
    closing = {stem(w) for w in ("name", "names", "called", "acronym", "acronyms", "abbreviation", "full", "stand")}
    words = {t for t in terms(question) if t not in named and t not in closing and t != noun}
    score = {i: len(words & {stem(t) for t in terms(" ".join(knowledge.names(i)))}) for i in cands}
    best = max(score.values())
    if best == 0 and len(cands) > 1:
        # several bodies of that kind and nothing in the query to choose: "nigeria funds names" asks
        # for them all; "kenya fund" is not this rule's to guess
        return cands if _ALL_NAMED.search(question) else []
    return [i for i in cands if score[i] == best]


# -- "tanzania fund whose staff were trained ...", "which kenyan fund relaunched the haba haba scheme" --
# The body noun right after the country (or its adjective) names one of the country's own bodies,
# and what follows describes it.  The country's only body of that kind is the answer; of several,
# the one that runs a scheme the question names (``administeredBy``), else the one whose name holds
# the most of the question's words.
_AFTER_COUNTRY = re.compile(rf"^\s+(?:[\w'’\-]+\s+){{0,3}}?(fund|trust|institute|institution|corporation|bureau|"
                            r"authority|agency|board|organi[sz]ation|council|mutual)\b(?!['’])", re.I)
# A noun right after the body noun that asks for another end of a relation ("fund donors").
_ASKED_AFTER = re.compile(r"^\s+(?:donors?|funders?|financ\w*|partners?|countr\w*|members?|contributors?|sponsors?|"
                          r"recipients?|beneficiar\w*|amounts?|budgets?|allocations?|money|resources|support(?:ers)?)\b",
                          re.I)
_OPENER = re.compile(r"^\s*(?:(?:which|what)\s+(?:is\s+the\s+)?(?:name\s+of\s+the\s+)?)?$", re.I)
_OTHER_OK = ("Country", "Scheme", "ThematicArea")


def owned_body(question: str, links, knowledge) -> list[str]:
    """The country's body a question names by country + kind noun and describes after it; [] when
    the rule does not apply or cannot choose."""
    if len(question.split()) > 16:
        return []
    from app.qa.question import answer_type

    if answer_type(question) in ("Number", "Year"):
        return []  # "nepal social security fund ... registration ... estimated number": a figure about the body
    cl = [l for l in links if any(i.startswith("Country:") for i in l.ids)]
    if len(cl) != 1 or len(cl[0].ids) != 1 or not _OPENER.match(question[:cl[0].start]):
        return []
    country = cl[0].ids[0]
    m = _AFTER_COUNTRY.match(question[cl[0].end:])
    if not m:
        return []
    if _ASKED_AFTER.match(question[cl[0].end + m.end():]):
        return []  # "kenya fund donors": something about the money asked, not the body
    if re.search(r"\b(?:which|what|who|whom)\b", question[cl[0].end + m.end():], re.I):
        return []  # "kenya health insurance fund replaced by which authority": another thing is asked
    noun = stem(m.group(1).lower())
    own = list(dict.fromkeys(f["subject"] for f in knowledge.facts_where(obj=country, predicate="institutionOf")
                             if f["subject"].startswith("Organization:")))
    schemes = []
    for l in links:
        if l is cl[0] or set(l.ids) & set(own) or _elsewhere(l.ids, knowledge) or set(l.ids) <= AUTHOR_ORGS:
            continue  # (the report's author is the context of every body's support, "got ILO support")
        if not all(i.split(":", 1)[0] in _OTHER_OK for i in l.ids):
            return []  # another body or initiative named: the question is about it, not this rule's
        schemes += [i for i in l.ids if i.startswith("Scheme:")]
    cands = [i for i in own if _holds_noun(knowledge.label(i), noun)]
    if len(cands) <= 1:
        return cands
    runs = {f["object"] for s in schemes for f in knowledge.facts_where(subject=s, predicate="administeredBy")}
    if len(runs & set(cands)) == 1:
        return [next(iter(runs & set(cands)))]
    words = {t for t in terms(question[cl[0].end:])} - {noun}
    score = {i: len(words & {stem(t) for t in terms(" ".join(knowledge.names(i)))}) for i in cands}
    best = max(score.values())
    top = [i for i in cands if score[i] == best]
    return top if best > 0 and len(top) == 1 else []
